/**
 * What every labelled control shares: ids that tie the hint and the error to the control (aria-describedby), and
 * the hint and error paragraphs themselves — the error announced (role="alert") and shown beside the field.
 */
import { useId, type ReactNode } from 'react';

export interface Described {
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  /** For aria-describedby; undefined when there is nothing to describe. */
  describedBy: string | undefined;
}

export function useDescribed(hint: ReactNode | undefined, error: string | null | undefined): Described {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

export function FieldNotes({
  hint,
  error,
  described,
}: {
  hint?: ReactNode;
  error?: string | null;
  described: Described;
}) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={described.hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={described.errorId} role="alert">
          {error}
        </p>
      )}
    </>
  );
}
