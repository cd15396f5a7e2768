/** Intake: kratom use (CLINICAL.md §1.1). Doses per day comes first: frequency predicts withdrawal best. */
import { useId } from 'react';
import {
  POTENT_FORMS,
  PRODUCT_FORM_LABELS,
  PRODUCT_FORMS,
  type ProductForm,
} from '../../../../shared/domain/intake';
import { HIGH_DAILY_GRAMS, MANY_DOSES_PER_DAY } from '../../../../shared/domain/riskFlags';
import { Field } from '../../components/Field';
import { TextArea, TriState } from '../../components/controls';
import type { KratomDraft } from './intakeDrafts';

export interface SectionProps<T> {
  value: T;
  set: (patch: Partial<T>) => void;
  /** The message for a field of this section (from the server, or a number that could not be read). */
  err: (key: string) => string | null;
}

export function KratomSection({ value, set, err }: SectionProps<KratomDraft>) {
  const formsId = useId();
  const toggleForm = (form: ProductForm, on: boolean) =>
    set({
      productForms: on
        ? PRODUCT_FORMS.filter((f) => f === form || value.productForms.includes(f))
        : value.productForms.filter((f) => f !== form),
    });
  const daily = dailyGrams(value);
  // A shot's grams are not leaf grams (CLINICAL.md §1.5): no daily figure while a strong form is among the forms.
  const strong = value.productForms.some((f) => POTENT_FORMS.includes(f));
  return (
    <>
      <div className="intake-grid intake-grid--numbers">
        <Field
          label="Doses per day"
          inputMode="numeric"
          value={value.dosesPerDay}
          onChange={(e) => set({ dosesPerDay: e.target.value })}
          error={err('dosesPerDay')}
          hint={`How often matters most: more than ${MANY_DOSES_PER_DAY} a day points to more support.`}
        />
        <Field
          label="Grams per dose"
          inputMode="decimal"
          value={value.gramsPerDose}
          onChange={(e) => set({ gramsPerDose: e.target.value })}
          error={err('gramsPerDose')}
          hint={
            strong
              ? 'Strong forms are among the forms: grams are not added up into a daily leaf amount'
              : daily === null
                ? 'Decimals allowed, e.g. 2.5'
                : `About ${daily} g a day${daily > HIGH_DAILY_GRAMS ? ` (over ${HIGH_DAILY_GRAMS} g)` : ''}`
          }
        />
        <Field
          label="Years of use"
          inputMode="decimal"
          value={value.yearsOfUse}
          onChange={(e) => set({ yearsOfUse: e.target.value })}
          error={err('yearsOfUse')}
          hint="Decimals allowed, e.g. 1.5"
        />
        <Field
          label="Last dose"
          type="datetime-local"
          value={value.lastDoseAt}
          onChange={(e) => set({ lastDoseAt: e.target.value })}
          error={err('lastDoseAtMs')}
          hint="Withdrawal usually starts 6–24 h after it."
        />
      </div>
      <fieldset className="choice" aria-describedby={`${formsId}-hint`}>
        <legend>Product forms used</legend>
        <div className="choice__options">
          {PRODUCT_FORMS.map((f) => (
            <label key={f}>
              <input
                type="checkbox"
                checked={value.productForms.includes(f)}
                onChange={(e) => toggleForm(f, e.target.checked)}
              />
              {PRODUCT_FORM_LABELS[f]}
            </label>
          ))}
        </div>
        <p className="field__hint" id={`${formsId}-hint`}>
          Extracts, shots and 7-OH products are far more potent than leaf.
        </p>
      </fieldset>
      <TextArea
        label="Products and brands"
        value={value.productNotes}
        onChange={(productNotes) => set({ productNotes })}
        error={err('productNotes')}
      />
      <div className="intake-grid">
        <TriState
          legend="Wakes in withdrawal"
          value={value.wakesInWithdrawal}
          onChange={(wakesInWithdrawal) => set({ wakesInWithdrawal })}
          error={err('wakesInWithdrawal')}
        />
        <TriState
          legend="Doses through the night"
          value={value.dosesOvernight}
          onChange={(dosesOvernight) => set({ dosesOvernight })}
          error={err('dosesOvernight')}
        />
        <TriState
          legend="Withdrawal derailed earlier attempts to stop"
          value={value.withdrawalDerailedQuitting}
          onChange={(withdrawalDerailedQuitting) => set({ withdrawalDerailedQuitting })}
          error={err('withdrawalDerailedQuitting')}
        />
      </div>
      <TextArea
        label="Earlier attempts to stop"
        value={value.priorQuitAttempts}
        onChange={(priorQuitAttempts) => set({ priorQuitAttempts })}
        error={err('priorQuitAttempts')}
      />
    </>
  );
}

/** Grams a day from the typed values, for the hint; null until both read as numbers. */
function dailyGrams(v: KratomDraft): number | null {
  const grams = Number(v.gramsPerDose.replace(',', '.'));
  const doses = Number(v.dosesPerDay);
  if (v.gramsPerDose.trim() === '' || v.dosesPerDay.trim() === '') return null;
  if (!Number.isFinite(grams) || !Number.isFinite(doses)) return null;
  return Math.round(grams * doses * 10) / 10;
}
