/**
 * Labelled form controls beside components/Field.tsx, each with its hint and error tied to it. For clinical answers
 * Unknown is a first-class answer: a tri-state group shows "Unknown" selected for `null` and never starts on "No",
 * because an unasked question read as "no" hides risk.
 */
import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { FieldNotes, useDescribed } from './fieldParts';

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
  const d = useDescribed(hint, error);
  const all: Array<{ value: T | null; label: string }> = required
    ? [...options]
    : [...options, { value: null, label: unknownLabel }];
  return (
    <fieldset className={error ? 'choice choice--error' : 'choice'} aria-describedby={d.describedBy}>
      <legend>{legend}</legend>
      <div className="choice__options">
        {all.map((o) => (
          <label key={o.value ?? '∅'} className={o.value === null ? 'choice__unknown' : undefined}>
            <input type="radio" name={d.id} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldNotes hint={hint} error={error} described={d} />
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
  const d = useDescribed(hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={d.id}>{label}</label>
      <textarea
        id={d.id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
      />
      <FieldNotes hint={hint} error={error} described={d} />
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
  const d = useDescribed(undefined, error);
  return (
    <div className={`${error ? 'field field--error' : 'field'}${className ? ` ${className}` : ''}`}>
      <label htmlFor={d.id}>{label}</label>
      <select
        id={d.id}
        value={value}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes error={error} described={d} />
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
  const d = useDescribed(hint, error);
  return (
    <div className={error ? 'check-field check-field--error' : 'check-field'}>
      <div className="check">
        <input
          id={d.id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={d.describedBy}
        />
        <label htmlFor={d.id}>{label}</label>
      </div>
      <FieldNotes hint={hint} error={error} described={d} />
    </div>
  );
}

type NativeSelectProps = { label: string; error?: string | null; hint?: string } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id'
>;

/** A labelled select whose options are given as children (for option lists built on the spot). */
export function NativeSelectField({ label, error, hint, children, ...select }: NativeSelectProps) {
  const d = useDescribed(hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={d.id}>{label}</label>
      <select id={d.id} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...select}>
        {children}
      </select>
      <FieldNotes hint={hint} error={error} described={d} />
    </div>
  );
}

type TextAreaFieldProps = { label: string; error?: string | null; hint?: string } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id'
>;

/** A labelled text area taking the native textarea props (value/onChange as events). */
export function TextAreaField({ label, error, hint, ...textarea }: TextAreaFieldProps) {
  const d = useDescribed(hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={d.id}>{label}</label>
      <textarea
        id={d.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
        {...textarea}
      />
      <FieldNotes hint={hint} error={error} described={d} />
    </div>
  );
}
