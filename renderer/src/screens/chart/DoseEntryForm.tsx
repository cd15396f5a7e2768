/**
 * The use-log entry row, built for the keyboard: Enter saves from any field (selects included), focus returns to
 * the first field, and product and form carry over to the next dose. Also edits an existing dose.
 */
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { PRODUCT_FORM_LABELS, PRODUCT_FORMS, type ProductForm } from '../../../../shared/domain/intake';
import { DOSE_UNIT_LABELS, TRIGGER_LABELS, TRIGGERS, type Trigger } from '../../../../shared/domain/useLog';
import { fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { SelectField, type Option } from '../../components/controls';
import { unitsFor, type DoseDraft } from './useLogDraft';

const FORM_OPTIONS: readonly Option<ProductForm>[] = PRODUCT_FORMS.map((f) => ({
  value: f,
  label: PRODUCT_FORM_LABELS[f],
}));
const TRIGGER_OPTIONS: readonly Option<Trigger | ''>[] = [
  { value: '', label: 'Not recorded' },
  ...TRIGGERS.map((t) => ({ value: t, label: TRIGGER_LABELS[t] })),
];

export const ENTRY_PATHS = [
  'entry.takenAtMs',
  'entry.product',
  'entry.form',
  'entry.amount',
  'entry.unit',
  'entry.trigger',
  'entry.symptomsBetweenDoses',
  'entry.note',
];

interface Props {
  draft: DoseDraft;
  onChange: (patch: Partial<DoseDraft>) => void;
  onSubmit: () => void;
  onCancel: (() => void) | null;
  editing: boolean;
  busy: boolean;
  error: AppErrorShape | null;
  status: string;
  /** The form, so the owner can put focus back on its first field after a save. */
  formRef: Ref<HTMLFormElement>;
}

export function DoseEntryForm({
  draft,
  onChange,
  onSubmit,
  onCancel,
  editing,
  busy,
  error,
  status,
  formRef,
}: Props) {
  const err = (path: string) => fieldMessage(error, `entry.${path}`);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  // Enter in a text field submits natively; a select would swallow it, and Escape leaves an edit.
  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
      e.preventDefault();
      onSubmit();
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    }
  }
  const otherError = error && !error.fields.some((f) => ENTRY_PATHS.includes(f.path)) ? error.message : null;
  return (
    <form
      ref={formRef}
      className={`panel dose-entry${editing ? ' dose-entry--editing' : ''}`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby="dose-entry-title"
      noValidate
    >
      <h3 id="dose-entry-title">{editing ? 'Edit dose' : 'Log a dose'}</h3>
      {otherError && (
        <div className="banner banner--error" role="alert">
          {otherError}
        </div>
      )}
      <div className="dose-entry__row">
        <Field
          label="Taken at"
          type="datetime-local"
          value={draft.when}
          onChange={(e) => onChange({ when: e.target.value })}
          error={err('takenAtMs')}
        />
        <Field
          label="Product"
          value={draft.product}
          onChange={(e) => onChange({ product: e.target.value })}
          error={err('product')}
        />
        <SelectField
          label="Form"
          value={draft.form}
          options={FORM_OPTIONS}
          // Leaf and capsules are weighed: a unit only shots and extracts have falls back to grams.
          onChange={(form) =>
            onChange({ form, unit: unitsFor(form).includes(draft.unit) ? draft.unit : 'g' })
          }
          error={err('form')}
        />
        <Field
          label="Amount"
          inputMode="decimal"
          value={draft.amount}
          onChange={(e) => onChange({ amount: e.target.value })}
          error={err('amount')}
        />
        <SelectField
          label="Unit"
          value={draft.unit}
          options={unitsFor(draft.form).map((u) => ({ value: u, label: DOSE_UNIT_LABELS[u] }))}
          onChange={(unit) => onChange({ unit })}
          error={err('unit')}
        />
        <SelectField
          label="Trigger"
          value={draft.trigger}
          options={TRIGGER_OPTIONS}
          onChange={(trigger) => onChange({ trigger })}
          error={err('trigger')}
        />
        <Field
          label="Symptoms between doses"
          value={draft.symptoms}
          onChange={(e) => onChange({ symptoms: e.target.value })}
          error={err('symptomsBetweenDoses')}
        />
        <Field
          label="Note"
          value={draft.note}
          onChange={(e) => onChange({ note: e.target.value })}
          error={err('note')}
        />
        <div className="dose-entry__actions">
          <button type="submit" className="primary" disabled={busy}>
            {editing ? 'Save changes' : 'Save dose'}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </div>
      <p className="field__hint">
        Enter saves the dose; the next row keeps the product and form.
        <span role="status" className="dose-entry__status">
          {status}
        </span>
      </p>
    </form>
  );
}
