/** The use-log entry row as typed, and its conversion to a dose for the server. */
import type { ProductForm } from '../../../../shared/domain/intake';
import {
  LIQUID_FORMS,
  type DoseUnit,
  type Trigger,
  type UseLogEntry,
  type UseLogInput,
} from '../../../../shared/domain/useLog';
import { fromDateTimeLocal, nowToTheMinute, toDateTimeLocal } from './dates';

export interface DoseDraft {
  when: string;
  product: string;
  form: ProductForm;
  amount: string;
  /** Grams for every form; millilitres or bottles also for shots and extracts (LIQUID_FORMS). */
  unit: DoseUnit;
  trigger: Trigger | '';
  symptoms: string;
  note: string;
}

/** The units a form may be logged in: grams always, millilitres and bottles for the liquid, strong forms. */
export function unitsFor(form: ProductForm): readonly DoseUnit[] {
  return LIQUID_FORMS.includes(form) ? ['g', 'ml', 'bottles'] : ['g'];
}

/** A new row: now, and the product, form and unit of the last dose (most clients use one product). */
export function newDraft(last: Pick<DoseDraft, 'product' | 'form' | 'unit'> | null): DoseDraft {
  return {
    when: toDateTimeLocal(nowToTheMinute()),
    product: last?.product ?? '',
    form: last?.form ?? 'leaf-powder',
    amount: '',
    unit: last?.unit ?? 'g',
    trigger: '',
    symptoms: '',
    note: '',
  };
}

export function draftOf(e: UseLogEntry): DoseDraft {
  return {
    when: toDateTimeLocal(e.takenAtMs),
    product: e.product,
    form: e.form,
    amount: String(e.amount),
    unit: e.unit,
    trigger: e.trigger ?? '',
    symptoms: e.symptomsBetweenDoses,
    note: e.note,
  };
}

/**
 * The dose to send, or the fields that cannot be read as typed (an empty or non-numeric amount, a missing time).
 * Range checks (negative, over the unit's ceiling, a unit the form cannot have, in the future) are the server's, so the message is the same everywhere.
 */
export function toInput(
  d: DoseDraft,
): { entry: UseLogInput } | { errors: Array<{ path: string; message: string }> } {
  const errors: Array<{ path: string; message: string }> = [];
  const takenAtMs = fromDateTimeLocal(d.when);
  if (takenAtMs === null) errors.push({ path: 'entry.takenAtMs', message: 'Enter when the dose was taken.' });
  const amountText = d.amount.trim().replace(',', '.');
  const amount = Number(amountText);
  if (amountText === '' || !Number.isFinite(amount)) {
    errors.push({ path: 'entry.amount', message: 'Enter the amount as a number.' });
  }
  if (takenAtMs === null || errors.length > 0) return { errors };
  return {
    entry: {
      takenAtMs,
      product: d.product,
      form: d.form,
      amount,
      unit: d.unit,
      trigger: d.trigger === '' ? null : d.trigger,
      symptomsBetweenDoses: d.symptoms,
      note: d.note,
    },
  };
}
