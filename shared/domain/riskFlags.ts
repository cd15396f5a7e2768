/**
 * Risk flags shown on the chart header. `urgent` follows CLINICAL.md §4 (red flags); `caution` follows §3
 * (the criteria that point to more support than a clinician-guided taper, and who should not stop cold turkey).
 * These are decision support: they say what the record shows, the clinician decides.
 */
import { z } from 'zod';
import { intakeLeafGramsPerDay, POTENT_FORMS, productFormsText, type Intake } from './intake';
import { strongForms, type UseLogEntry } from './useLog';

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
    // Grams are added up only when every form is leaf or capsules: a shot's grams are not leaf grams.
    const daily = intakeLeafGramsPerDay(kratom);
    if (daily !== null && daily > HIGH_DAILY_GRAMS)
      add('high-daily-amount', 'caution', `About ${daily} g a day (over 5 g)`);
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
    // Seeds 000 (cross-tolerance; buprenorphine-naloxone for people with prior opioid use) and 001 ("What if I
    // started kratom to get off opioids?": whether truly opioid-free or still at risk, whether MOUD is
    // appropriate): after a break, opioid tolerance is lost, so a return to opioids can be an overdose.
    if (
      substances.startedKratomToStopOpioids === true ||
      substances.priorOpioidUse === true ||
      substances.opioids === 'past'
    ) {
      add(
        'prior-opioid-use',
        'caution',
        `${substances.startedKratomToStopOpioids === true ? 'Started kratom to get off opioids' : 'Prior opioid use'}: ` +
          'tolerance is lost after a break, so a return to opioids risks overdose. ' +
          'Offer a naloxone kit and education, and discuss a referral for medication for opioid use disorder (MOUD).',
      );
    }
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
    // Seed 000: newborns exposed to kratom in pregnancy may withdraw; care is planned with the obstetric provider.
    add(
      'pregnancy',
      'caution',
      `${pregnancy.status === 'pregnant' ? 'Pregnant' : 'Postpartum'}: coordinate care with the obstetric provider`,
    );
  }
  return flags;
}

/**
 * Cautions from the use log (issue 8 item 2): a strong form logged is a strong form used, whatever the intake
 * says (CLINICAL.md §3: extracts, shots and 7-OH products point to medically supported detox).
 */
export function useLogRiskFlags(entries: readonly Pick<UseLogEntry, 'form'>[]): RiskFlag[] {
  const strong = strongForms(entries);
  if (strong.length === 0) return [];
  return [
    {
      id: 'potent-products-logged',
      severity: 'caution',
      label: `Use log: ${productFormsText(strong)} logged (far stronger than leaf; never added into leaf grams)`,
      source: 'use-log',
    },
  ];
}
