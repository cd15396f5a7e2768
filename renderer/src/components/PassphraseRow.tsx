/**
 * The passphrase, the submit button and Cancel, as every signing form shows them (re-authentication to sign,
 * CLINICAL.md §7): notes, addenda, co-signatures and assessments.
 */
import { Field } from './Field';
import './passphraseRow.css';

export function PassphraseRow({
  value,
  onChange,
  error,
  submitLabel,
  disabled,
  onCancel,
}: {
  value: string;
  onChange: (passphrase: string) => void;
  /** Shown beside the field: for a wrong passphrase, the whole message (it says how long to wait). */
  error: string | null;
  submitLabel: string;
  disabled: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="sign-form__row">
      <Field
        label="Your passphrase"
        type="password"
        autoComplete="current-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={disabled}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
