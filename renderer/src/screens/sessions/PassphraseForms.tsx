/**
 * Signing re-authenticates (CLINICAL.md §7): signing, co-signing and adding an addendum each ask for the
 * clinician's passphrase in a small inline form that takes the keyboard when it opens and gives it back on cancel.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldMessage, type AppErrorShape } from '../../api/client';
import { PassphraseRow } from '../../components/PassphraseRow';
import { TextArea } from '../../components/controls';

/** Runs the signed action; returns the server's error, or null when it is done. */
export type SignAction = (passphrase: string) => Promise<AppErrorShape | null>;

function useOpenFocus() {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>('textarea, input')?.focus(), []);
  return form;
}

/**
 * The server slows down wrong passphrases (a wait that doubles each time); the button stays disabled for that
 * wait, so a second try is not refused for coming too soon. Returns whether to wait and a setter for an error.
 */
function useRetryWait(): [boolean, (error: AppErrorShape | null) => void] {
  const [waiting, setWaiting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const note = (error: AppErrorShape | null) => {
    const ms = error?.retryAfterMs ?? 0;
    if (ms <= 0) return;
    setWaiting(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setWaiting(false), ms);
  };
  return [waiting, note];
}

/** One signed action at a time; the server's error kept for the form, and its wait before the next try. */
function useSignedSubmit(run: () => Promise<AppErrorShape | null>) {
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [waiting, noteWait] = useRetryWait();
  const form = useOpenFocus();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await run();
    setBusy(false);
    setError(result);
    noteWait(result);
  }

  return { form, error, submit, disabled: busy || waiting };
}

/** Beside the passphrase field: the whole message, which says how long to wait before the next try. */
const passphraseMessage = (error: AppErrorShape | null): string | null =>
  fieldMessage(error, 'passphrase') ? (error?.message ?? null) : null;

export function PassphraseForm({
  title,
  explanation,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  title: string;
  explanation: string;
  submitLabel: string;
  onSubmit: SignAction;
  onCancel: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const { form, error, submit, disabled } = useSignedSubmit(() => onSubmit(passphrase));

  const onField = passphraseMessage(error);
  return (
    <form ref={form} className="sign-form" aria-label={title} onSubmit={submit} noValidate>
      <h3>{title}</h3>
      <p className="muted">{explanation}</p>
      {error && !onField && (
        <div className="banner banner--error" role="alert">
          {error.message}
        </div>
      )}
      <PassphraseRow
        value={passphrase}
        onChange={setPassphrase}
        error={onField}
        submitLabel={submitLabel}
        disabled={disabled}
        onCancel={onCancel}
      />
    </form>
  );
}

export function AddendumForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (text: string, passphrase: string) => Promise<AppErrorShape | null>;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const { form, error, submit, disabled } = useSignedSubmit(() => onSubmit(text, passphrase));

  const textError = fieldMessage(error, 'addendum.text');
  const passError = passphraseMessage(error);
  return (
    <form ref={form} className="sign-form" aria-label="Add an addendum" onSubmit={submit} noValidate>
      <h3>Add an addendum</h3>
      <p className="muted">
        The signed note does not change. The addendum is signed with your passphrase and kept with it.
      </p>
      {error && !textError && !passError && (
        <div className="banner banner--error" role="alert">
          {error.message}
        </div>
      )}
      <TextArea label="Addendum" value={text} onChange={setText} error={textError} rows={4} />
      <PassphraseRow
        value={passphrase}
        onChange={setPassphrase}
        error={passError}
        submitLabel="Sign addendum"
        disabled={disabled}
        onCancel={onCancel}
      />
    </form>
  );
}
