/**
 * A labelled select and a labelled text area, wired like components/Field.tsx: the hint and the error are tied to
 * the control with aria-describedby, the error is announced and marks the control invalid.
 */
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Described {
  label: string;
  error?: string | null;
  hint?: string;
}

function useDescription({ error, hint }: Described) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    control: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    },
  };
}

function Frame({
  label,
  error,
  hint,
  id,
  hintId,
  errorId,
  children,
}: Described & { id: string; hintId?: string; errorId?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type SelectProps = Described & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({ label, error, hint, children, ...select }: SelectProps) {
  const d = useDescription({ label, error, hint });
  return (
    <Frame label={label} error={error} hint={hint} id={d.id} hintId={d.hintId} errorId={d.errorId}>
      <select {...d.control} {...select}>
        {children}
      </select>
    </Frame>
  );
}

type TextAreaProps = Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ label, error, hint, ...textarea }: TextAreaProps) {
  const d = useDescription({ label, error, hint });
  return (
    <Frame label={label} error={error} hint={hint} id={d.id} hintId={d.hintId} errorId={d.errorId}>
      <textarea {...d.control} {...textarea} />
    </Frame>
  );
}
