import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/domain/identity';
import { call, fieldMessage, type AppErrorShape } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { emptyNewAccount, NewAccountFields, passphraseMismatch } from '../components/NewAccountFields';
import { formatDateTime } from '../format';

/** Staff accounts (one per person, never shared), your own passphrase, and the recovery key. */
export function StaffSection({ user }: { user: User }) {
  const [users, setUsers] = useState<User[]>([]);
  const load = useCallback(() => void call('users.list', {}).then((r) => r.ok && setUsers(r.value)), []);
  useEffect(load, [load]);
  return (
    <>
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">Staff accounts</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Credentials</th>
              <th scope="col">Role</th>
              <th scope="col">Username</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.displayName}
                  {u.id === user.id && <span className="muted"> (you)</span>}
                </td>
                <td>{u.credentials}</td>
                <td>{u.role === 'supervisor' ? 'Supervisor' : 'Clinician'}</td>
                <td>{u.username}</td>
                <td>{formatDateTime(u.createdAtMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <AddUserForm onAdded={load} />
      </section>
      <ChangePassphraseForm />
      <RecoveryKeyForm />
    </>
  );
}

function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const empty = { ...emptyNewAccount(), currentPassphrase: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setAdded(null);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.passphrase !== form.confirm) return setError(passphraseMismatch('confirm'));
    const { confirm: _c, currentPassphrase, ...newUser } = form;
    const result = await call('users.create', { user: newUser, currentPassphrase });
    if (result.ok) {
      setError(null);
      setForm(empty);
      setAdded(result.value.displayName);
      onAdded();
    } else {
      setError(result.error);
      setForm((f) => ({ ...f, currentPassphrase: '' }));
    }
  }
  const err = (p: string) => fieldMessage(error, p);
  return (
    <form onSubmit={submit} aria-labelledby="add-user-title" noValidate className="subform">
      <h3 id="add-user-title">Add a staff account</h3>
      <FormError
        error={error}
        fieldPaths={[
          'user.displayName',
          'user.credentials',
          'user.username',
          'user.passphrase',
          'confirm',
          'currentPassphrase',
        ]}
      />
      <NewAccountFields
        values={form}
        onChange={(key, value) => {
          setAdded(null);
          setForm((f) => ({ ...f, [key]: value }));
        }}
        error={error}
        pathPrefix="user"
        passphraseLabel="Their passphrase"
        layout="rows"
      />
      <Field
        label="Your passphrase, to confirm"
        type="password"
        value={form.currentPassphrase}
        onChange={set('currentPassphrase')}
        error={err('currentPassphrase')}
        autoComplete="current-password"
      />
      <div className="actions">
        <button type="submit">Add account</button>
        {added && <span role="status">Added {added}.</span>}
      </div>
    </form>
  );
}

function ChangePassphraseForm() {
  const empty = { currentPassphrase: '', newPassphrase: '', confirm: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setDone(false);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.newPassphrase !== form.confirm) return setError(passphraseMismatch('confirm'));
    const result = await call('users.changePassphrase', {
      currentPassphrase: form.currentPassphrase,
      newPassphrase: form.newPassphrase,
    });
    setForm(empty);
    if (result.ok) {
      setError(null);
      setDone(true);
    } else setError(result.error);
  }
  const err = (p: string) => fieldMessage(error, p);
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="change-pass-title" noValidate>
      <h2 id="change-pass-title">Your passphrase</h2>
      <FormError error={error} fieldPaths={['currentPassphrase', 'newPassphrase', 'confirm']} />
      <div className="row">
        <Field
          label="Current passphrase"
          type="password"
          value={form.currentPassphrase}
          onChange={set('currentPassphrase')}
          error={err('currentPassphrase')}
          autoComplete="current-password"
        />
        <Field
          label="New passphrase"
          type="password"
          value={form.newPassphrase}
          onChange={set('newPassphrase')}
          error={err('newPassphrase')}
          autoComplete="new-password"
        />
        <Field
          label="New passphrase again"
          type="password"
          value={form.confirm}
          onChange={set('confirm')}
          error={err('confirm')}
          autoComplete="new-password"
        />
      </div>
      <div className="actions">
        <button type="submit">Change passphrase</button>
        {done && <span role="status">Passphrase changed.</span>}
      </div>
    </form>
  );
}

function RecoveryKeyForm() {
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [key, setKey] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await call('users.regenerateRecoveryKey', { currentPassphrase: current });
    setCurrent('');
    if (result.ok) {
      setError(null);
      setKey(result.value.recoveryKey);
    } else setError(result.error);
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="recovery-settings" noValidate>
      <h2 id="recovery-settings">Recovery key</h2>
      <p className="muted">
        Make a new recovery key if the printed one is lost or may have been seen. The old key stops working at
        once.
      </p>
      {key && (
        <div className="banner" role="status">
          New recovery key: <strong className="recovery__key">{key}</strong> — print or write it down now; it
          will not be shown again.
        </div>
      )}
      <FormError error={error} fieldPaths={['currentPassphrase']} />
      <Field
        label="Your passphrase, to confirm"
        type="password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={fieldMessage(error, 'currentPassphrase')}
        autoComplete="current-password"
      />
      <button type="submit">Make a new recovery key</button>
    </form>
  );
}
