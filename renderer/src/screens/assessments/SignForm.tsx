/**
 * Signing asks for the passphrase again (re-authentication to sign, CLINICAL.md §7). Once signed the assessment
 * can never change; the form says so before the clinician commits.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../api/client';
import { PassphraseRow } from '../../components/PassphraseRow';

export function SignForm({
  label,
  incomplete,
  dirty,
  busy,
  error,
  onSign,
  onCancel,
}: {
  /** What is being signed, for the form's name ("Sign the GAD-7"). */
  label: string;
  incomplete: boolean;
  /** Unsaved changes are saved first, then signed. */
  dirty: boolean;
  busy: boolean;
  error: AppErrorShape | null;
  onSign: (passphrase: string) => void;
  onCancel: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  // A wrong passphrase belongs beside the passphrase, with the whole message: it says how long to wait.
  const passphraseError =
    error === null
      ? null
      : error.code === 'WRONG_PASSPHRASE' || error.code === 'TOO_MANY_ATTEMPTS'
        ? error.message
        : (error.fields.find((f) => f.path === 'passphrase')?.message ?? error.message);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!busy) onSign(passphrase);
  }

  return (
    <form ref={form} className="sign-form" aria-label={label} onSubmit={submit} noValidate>
      <p className="sign-form__what">
        Signing makes this assessment permanent: it can no longer be edited or deleted.
        {dirty && ' Your unsaved changes are saved first.'}
        {incomplete && <strong> It is incomplete and will be signed as incomplete.</strong>}
      </p>
      <PassphraseRow
        value={passphrase}
        onChange={setPassphrase}
        error={passphraseError}
        submitLabel="Sign"
        disabled={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
