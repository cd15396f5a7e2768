import { useState, type FormEvent } from 'react';
import { call, fieldMessage, type AppErrorShape } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { emptyNewAccount, NewAccountFields } from '../components/NewAccountFields';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { setupProblems } from './setupProblems';

const FIELDS = [
  'clinic.name',
  'clinic.address',
  'clinic.phone',
  'clinician.displayName',
  'clinician.credentials',
  'clinician.username',
  'clinician.passphrase',
  'confirm',
];

/** First run: the clinic and its first clinician. The recovery key is shown once, to print. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({
    name: '',
    address: '',
    phone: '',
    ...emptyNewAccount(),
  });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      clinic: { name: form.name, address: form.address, phone: form.phone },
      clinician: {
        displayName: form.displayName,
        credentials: form.credentials,
        role: form.role,
        username: form.username,
        passphrase: form.passphrase,
      },
    };
    const problems = setupProblems(input, form.passphrase === form.confirm);
    if (problems) {
      setError(problems);
      return;
    }
    setBusy(true);
    const result = await call('setup.create', input);
    setBusy(false);
    if (result.ok) {
      setError(null);
      setForm((f) => ({ ...f, passphrase: '', confirm: '' }));
      setRecoveryKey(result.value.recoveryKey);
    } else {
      setError(result.error);
    }
  }

  if (recoveryKey) {
    return (
      <main className="centered">
        <RecoveryKeyPanel recoveryKey={recoveryKey} clinicName={form.name} onContinue={onDone} />
      </main>
    );
  }

  const err = (path: string) => fieldMessage(error, path);
  return (
    <main className="centered">
      <form className="card card--wide" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">Set up Clearleaf</h1>
        <p className="muted">
          Everything stays on this computer, encrypted. You will get a recovery key to print at the end.
        </p>
        <FormError error={error} fieldPaths={FIELDS} />
        <fieldset>
          <legend>Clinic</legend>
          <Field
            label="Clinic name"
            value={form.name}
            onChange={set('name')}
            error={err('clinic.name')}
            autoFocus
          />
          <Field
            label="Address"
            value={form.address}
            onChange={set('address')}
            error={err('clinic.address')}
          />
          <Field
            label="Phone"
            value={form.phone}
            onChange={set('phone')}
            error={err('clinic.phone')}
            inputMode="tel"
          />
        </fieldset>
        <fieldset>
          <legend>First clinician</legend>
          <NewAccountFields
            values={form}
            onChange={(key, value) => setForm((f) => ({ ...f, [key]: value }))}
            error={error}
            pathPrefix="clinician"
            passphraseLabel="Passphrase"
            layout="stacked"
          />
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating the encrypted practice…' : 'Create practice'}
        </button>
      </form>
    </main>
  );
}
