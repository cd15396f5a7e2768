/**
 * Risk flags shown on the chart header. `urgent` follows CLINICAL.md §4 (red flags); `caution` follows §3
 * (the criteria that point to more support than a clinician-guided taper, and who should not stop cold turkey).
 * These are decision support: they say what the record shows, the clinician decides.
 */
import { z } from 'zod';
import { POTENT_FORMS, type Intake } from './intake';

export const RiskFlagSchema = z.object({
  id: z.string(),
  severity: z.enum(['urgent', 'caution']),
  label: z.string(),
  source: z.string(),
});
export type RiskFlag = z.infer<typeof RiskFlagSchema>;

/** Over ~5 g a day is the highest-risk group (CLINICAL.md §3). */
export const HIGH_DAILY_GRAMS = 5;
/** More than three doses a day points to medically supported withdrawal (CLINICAL.md §3). */
export const MANY_DOSES_PER_DAY = 3;

export function intakeRiskFlags(intake: Intake): RiskFlag[] {
  const { kratom, substances, medical, psychiatric, pregnancy } = intake.sections;
  const flags: RiskFlag[] = [];
  const add = (id: string, severity: RiskFlag['severity'], label: string) =>
    flags.push({ id, severity, label, source: 'intake' });

  // A fact of the record, shown as a caution for as long as it stands; the urgent part — an alert that must be
  // acknowledged with a documented action (CLINICAL.md §4) — is raised by the server when the intake is saved.
  if (psychiatric?.suicidalThoughts === true) {
    add('suicidal-thoughts', 'caution', 'Suicidal thoughts reported at intake');
  }

  if (kratom) {
    if (kratom.dosesPerDay !== null && kratom.dosesPerDay > MANY_DOSES_PER_DAY) {
      add(
        'many-daily-doses',
        'caution',
        `${kratom.dosesPerDay} doses a day (more than ${MANY_DOSES_PER_DAY})`,
      );
    }
    if (kratom.gramsPerDose !== null && kratom.dosesPerDay !== null) {
      const daily = kratom.gramsPerDose * kratom.dosesPerDay;
      if (daily > HIGH_DAILY_GRAMS)
        add('high-daily-amount', 'caution', `About ${round1(daily)} g a day (over 5 g)`);
    }
    if (kratom.productForms.some((f) => POTENT_FORMS.includes(f))) {
      add('potent-products', 'caution', 'Uses extracts, shots or 7-OH products');
    }
    if (kratom.wakesInWithdrawal === true || kratom.dosesOvernight === true) {
      add('night-withdrawal', 'caution', 'Wakes in withdrawal or doses through the night');
    }
    if (kratom.withdrawalDerailedQuitting === true) {
      add('withdrawal-derailed', 'caution', 'Withdrawal has derailed earlier attempts to stop');
    }
  }
  if (substances) {
    const mixed = (['alcohol', 'benzodiazepines', 'opioids', 'stimulants'] as const).filter(
      (k) => substances[k] === 'current',
    );
    if (mixed.length > 0) add('co-use', 'caution', `Current use of ${mixed.join(', ')} as well`);
  }
  if (medical) {
    const history = (
      [
        ['heartRhythm', 'heart rhythm'],
        ['liver', 'liver'],
        ['seizures', 'seizures'],
      ] as const
    )
      .filter(([k]) => medical[k] === true)
      .map(([, label]) => label);
    if (history.length > 0) add('medical-history', 'caution', `Medical history: ${history.join(', ')}`);
  }
  if (psychiatric) {
    const history = (['depression', 'panic', 'trauma'] as const).filter((k) => psychiatric[k] === true);
    if (history.length > 0)
      add('psychiatric-history', 'caution', `Mental health history: ${history.join(', ')}`);
  }
  if (pregnancy?.status === 'pregnant' || pregnancy?.status === 'postpartum') {
    add('pregnancy', 'caution', pregnancy.status === 'pregnant' ? 'Pregnant' : 'Postpartum');
  }
  return flags;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
