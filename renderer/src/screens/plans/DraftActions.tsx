/**
 * The actions under a signable draft (a plan version, a discharge summary): "Sign…", which opens the passphrase
 * row and puts the keyboard in it, and discarding the draft after asking once, with a refusal shown beside it.
 */
import { useState, type RefObject } from 'react';
import type { Result } from '../../../../shared/ipc/result';

export function DraftActions({
  formRef,
  onSign,
  discardQuestion,
  deleteDraft,
  onDiscarded,
}: {
  /** The form holding the passphrase row, focused once it opens. */
  formRef: RefObject<HTMLFormElement | null>;
  onSign: () => void;
  /** e.g. "Discard this draft for good?" */
  discardQuestion: string;
  deleteDraft: () => Promise<Result<unknown>>;
  onDiscarded: () => void;
}) {
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);

  async function discard() {
    setDiscardError(null);
    const result = await deleteDraft();
    if (result.ok) onDiscarded();
    else setDiscardError(result.error.message);
  }

  return (
    <div className="actions">
      <button
        type="button"
        className="primary"
        onClick={() => {
          onSign();
          requestAnimationFrame(() =>
            formRef.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus(),
          );
        }}
      >
        Sign…
      </button>
      {confirmDiscard ? (
        <>
          <span>{discardQuestion}</span>
          <button type="button" className="danger" onClick={() => void discard()}>
            Discard
          </button>
          <button type="button" onClick={() => setConfirmDiscard(false)}>
            Keep the draft
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirmDiscard(true)}>
          Discard this draft…
        </button>
      )}
      {discardError && (
        <p className="field__error" role="alert">
          {discardError}
        </p>
      )}
    </div>
  );
}
