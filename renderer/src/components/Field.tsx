import type { InputHTMLAttributes } from 'react';
import { FieldNotes, useDescribed } from './fieldParts';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string | null;
  hint?: string;
}

/** A labelled input with its hint and error beside it; the error is announced and tied to the input. */
export function Field({ label, error, hint, ...input }: FieldProps) {
  const d = useDescribed(hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={d.id}>{label}</label>
      <input id={d.id} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...input} />
      <FieldNotes hint={hint} error={error} described={d} />
    </div>
  );
}
