/**
 * Form controls of the chart. For intake answers Unknown is a first-class answer: a tri-state group shows "Unknown" selected for
 * `null` and never starts on "No", because an unasked question read as "no" hides risk.
 */
import { useId, type ReactNode } from 'react';

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** A radio group for one answer out of a few, with an "unknown" choice that stands for `null` unless required. */
export function Choice<T extends string>({
  legend,
  value,
  options,
  onChange,
  unknownLabel = 'Unknown',
  required = false,
  error,
  hint,
}: {
  legend: string;
  value: T | null;
  options: readonly Option<T>[];
  onChange: (value: T | null) => void;
  unknownLabel?: string;
  /** A choice that must be made (no "unknown" option), e.g. the type of a consent. */
  required?: boolean;
  error?: string | null;
  hint?: ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const all: Array<{ value: T | null; label: string }> = required
    ? [...options]
    : [...options, { value: null, label: unknownLabel }];
  return (
    <fieldset
      className={error ? 'choice choice--error' : 'choice'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      <div className="choice__options">
        {all.map((o) => (
          <label key={o.value ?? '∅'} className={o.value === null ? 'choice__unknown' : undefined}>
            <input type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
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
    </fieldset>
  );
}

type YesNo = 'yes' | 'no';
const YES_NO: readonly Option<YesNo>[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** Yes / No / Unknown over `boolean | null`. */
export function TriState({
  legend,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  value: boolean | null;
  onChange: (value: boolean | null) => void;
  error?: string | null;
  hint?: ReactNode;
}) {
  return (
    <Choice<YesNo>
      legend={legend}
      value={value === null ? null : value ? 'yes' : 'no'}
      options={YES_NO}
      onChange={(v) => onChange(v === null ? null : v === 'yes')}
      error={error}
      hint={hint}
    />
  );
}

/** A labelled multi-line note with its error beside it. */
export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
  rows = 2,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  rows?: number;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      />
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

/** A labelled select with its error beside it. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  error,
  className,
}: {
  label: string;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
  error?: string | null;
  className?: string;
}) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`${error ? 'field field--error' : 'field'}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled checkbox with its hint and error beside it. */
export function CheckField({
  label,
  checked,
  onChange,
  error,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | null;
  hint?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'check-field check-field--error' : 'check-field'}>
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
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
