/** The use-log entry row as typed, and its conversion to a dose for the server. */
import type { ProductForm } from '../../../../shared/domain/intake';
import type { Trigger, UseLogEntry, UseLogInput } from '../../../../shared/domain/useLog';
import { fromDateTimeLocal, nowToTheMinute, toDateTimeLocal } from './dates';

export interface DoseDraft {
  when: string;
  product: string;
  form: ProductForm;
  grams: string;
  trigger: Trigger | '';
  symptoms: string;
  note: string;
}

/** A new row: now, and the product and form of the last dose (most clients use one product). */
export function newDraft(last: Pick<DoseDraft, 'product' | 'form'> | null): DoseDraft {
  return {
    when: toDateTimeLocal(nowToTheMinute()),
    product: last?.product ?? '',
    form: last?.form ?? 'leaf-powder',
    grams: '',
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
    grams: String(e.amountGrams),
    trigger: e.trigger ?? '',
    symptoms: e.symptomsBetweenDoses,
    note: e.note,
  };
}

/**
 * The dose to send, or the fields that cannot be read as typed (an empty or non-numeric amount, a missing time).
 * Range checks (negative, over 100 g, in the future) are the server's, so the message is the same everywhere.
 */
export function toInput(
  d: DoseDraft,
): { entry: UseLogInput } | { errors: Array<{ path: string; message: string }> } {
  const errors: Array<{ path: string; message: string }> = [];
  const takenAtMs = fromDateTimeLocal(d.when);
  if (takenAtMs === null) errors.push({ path: 'entry.takenAtMs', message: 'Enter when the dose was taken.' });
  const gramsText = d.grams.trim().replace(',', '.');
  const amountGrams = Number(gramsText);
  if (gramsText === '' || !Number.isFinite(amountGrams)) {
    errors.push({ path: 'entry.amountGrams', message: 'Enter the amount in grams.' });
  }
  if (takenAtMs === null || errors.length > 0) return { errors };
  return {
    entry: {
      takenAtMs,
      product: d.product,
      form: d.form,
      amountGrams,
      trigger: d.trigger === '' ? null : d.trigger,
      symptomsBetweenDoses: d.symptoms,
      note: d.note,
    },
  };
}
