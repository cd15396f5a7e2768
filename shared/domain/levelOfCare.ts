/**
 * Level-of-care decision support (CLINICAL.md §3). It shows which criteria for a clinician-guided taper, a
 * medically supported detox or a residential / higher level of care the record meets, which cold-turkey cautions
 * apply, and suggests the lowest *safe* level (seed 001: "Pick the lowest level of care that is still safe"): no
 * suggestion while the record cannot rule out a higher level, and a taper only when the taper's own criteria are
 * met. It never places anyone: the clinician chooses the level — also outpatient, intensive outpatient or partial
 * hospitalisation (seeds 002–004) — and writes why. No placement algorithm and no trademarked criteria are used.
 */
import { z } from 'zod';
import {
  RISK_REVIEW_DIMENSION_IDS,
  RiskReviewAnswersSchema,
  riskReview,
  type RiskReviewAnswers,
} from '../instruments';
import { requiredText } from './common';
import { intakeLeafGramsPerDay, POTENT_FORMS, productFormsText, type Intake } from './intake';
import { HIGH_DAILY_GRAMS, MANY_DOSES_PER_DAY } from './riskFlags';
import type { BaselineSummary } from './useLog';

/** Every level a clinician may record, from least to most intensive. */
export const LEVELS = [
  'taper',
  'outpatient',
  'intensive-outpatient',
  'partial-hospitalisation',
  'detox',
  'residential',
] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;
export const LEVEL_LABELS: Record<Level, string> = {
  taper: 'Clinician-guided taper',
  outpatient: 'Outpatient care',
  'intensive-outpatient': 'Intensive outpatient care',
  'partial-hospitalisation': 'Partial hospitalisation',
  detox: 'Medically supported detox',
  residential: 'Residential or higher level of care',
};
/** The levels CLINICAL.md §3 gives criteria for: the only ones ever suggested. */
export const CRITERIA_LEVELS = ['taper', 'detox', 'residential'] as const;
export type CriteriaLevel = (typeof CRITERIA_LEVELS)[number];

export type CriterionGroup = CriteriaLevel | 'cold-turkey';
/** met / not met from the record; unknown when the record does not say; judgement when only the clinician can tell. */
export type CriterionState = 'met' | 'not-met' | 'unknown' | 'judgement';

export interface Criterion {
  id: string;
  group: CriterionGroup;
  label: string;
  state: CriterionState;
  evidence: string;
}

export interface LatestScores {
  phq9Total: number | null;
  gad7Total: number | null;
  sudBand: string | null;
  /** The label of an open (unacknowledged) suicide-risk alert, or null when there is none. */
  openSuicideAlert: string | null;
}

/**
 * Scores that count as psychiatric risk: the "moderate" band and above of PHQ-9 and GAD-7 (CLINICAL.md §2 bands:
 * 10–14 moderate on both).
 */
export const PSYCHIATRIC_SCORE_THRESHOLD = 10;

export interface LevelOfCareInputs {
  intake: Intake;
  baseline: BaselineSummary | null;
  latest: LatestScores;
}

const yes = (v: boolean | null | undefined): CriterionState =>
  v === true ? 'met' : v === false ? 'not-met' : 'unknown';
const any = (...states: CriterionState[]): CriterionState =>
  states.includes('met') ? 'met' : states.includes('unknown') ? 'unknown' : 'not-met';

/**
 * Daily amount and frequency from the baseline log when there is one, otherwise from intake. Grams are leaf,
 * powder and capsule grams only: strong forms are never added in (CLINICAL.md §1.5, §3).
 */
function usePattern({ intake, baseline }: LevelOfCareInputs): {
  dosesPerDay: number | null;
  gramsPerDay: number | null;
  /** Strong forms are part of the daily use the gram figure stands for: leaf grams then understate it. */
  strongInUse: boolean;
  from: string;
} {
  if (baseline?.complete) {
    return {
      dosesPerDay: baseline.meanDosesPerDay,
      gramsPerDay: baseline.meanGramsPerDay,
      strongInUse: baseline.byForm.some((f) => f.group !== 'leaf' && f.group !== 'other'),
      from: `${baseline.days}-day baseline log`,
    };
  }
  const k = intake.sections.kratom;
  return {
    dosesPerDay: k?.dosesPerDay ?? null,
    gramsPerDay: intakeLeafGramsPerDay(k),
    strongInUse: k?.productForms.some((f) => POTENT_FORMS.includes(f)) ?? false,
    from: 'intake',
  };
}

export function levelOfCareCriteria(inputs: LevelOfCareInputs): Criterion[] {
  const { kratom, substances, medical, psychiatric, pregnancy, social } = inputs.intake.sections;
  const use = usePattern(inputs);
  const fmt = (n: number | null, unit: string) =>
    n === null ? 'not recorded' : `${Math.round(n * 10) / 10} ${unit}`;
  const manyDoses: CriterionState =
    use.dosesPerDay === null ? 'unknown' : use.dosesPerDay > MANY_DOSES_PER_DAY ? 'met' : 'not-met';
  // Strong forms: from the intake, and from the use log whatever the intake says — a shot logged is a shot used.
  const loggedStrong = inputs.baseline?.strongFormsLogged ?? [];
  const intakeStrong = kratom ? kratom.productForms.filter((f) => POTENT_FORMS.includes(f)) : [];
  const potent: CriterionState =
    loggedStrong.length > 0 || intakeStrong.length > 0 ? 'met' : !kratom ? 'unknown' : 'not-met';
  const formsEvidence = [
    kratom
      ? `Intake: ${productFormsText(kratom.productForms) || 'forms not recorded'}`
      : 'Intake not recorded',
    loggedStrong.length > 0 ? `Use log: ${productFormsText(loggedStrong)}` : '',
  ]
    .filter(Boolean)
    .join('. ');
  // A leaf gram figure says nothing about a strong product's dose: with one in use, "over 5 g" is not ruled out
  // by a small leaf figure, and the strong-product criterion already points to detox.
  // With strong forms in the daily use, a low leaf figure cannot say the amount is low: "over 5 g" stays open.
  const highGrams: CriterionState =
    use.gramsPerDay !== null && use.gramsPerDay > HIGH_DAILY_GRAMS
      ? 'met'
      : use.gramsPerDay === null || use.strongInUse
        ? 'unknown'
        : 'not-met';
  const nightly = any(yes(kratom?.wakesInWithdrawal), yes(kratom?.dosesOvernight));
  const medicalRisk = any(yes(medical?.heartRhythm), yes(medical?.liver), yes(medical?.seizures));
  const psychHistory = any(yes(psychiatric?.depression), yes(psychiatric?.panic), yes(psychiatric?.trauma));
  // Psychiatric risk now, not only history (issue 9 item 8): the latest PHQ-9 and GAD-7 at "moderate" or above,
  // and an open suicide-risk alert, each meet it. A low score does not rule out what the intake leaves unknown.
  const { phq9Total, gad7Total, openSuicideAlert } = inputs.latest;
  const psychNow =
    (phq9Total !== null && phq9Total >= PSYCHIATRIC_SCORE_THRESHOLD) ||
    (gad7Total !== null && gad7Total >= PSYCHIATRIC_SCORE_THRESHOLD) ||
    openSuicideAlert !== null;
  const psychRisk: CriterionState = psychNow ? 'met' : psychHistory;
  const psychEvidence = [
    psychiatric
      ? `History: ${
          (['depression', 'panic', 'trauma'] as const).filter((k) => psychiatric[k] === true).join(', ') ||
          (psychHistory === 'unknown' ? 'not all asked' : 'none')
        }`
      : 'History not recorded',
    `Latest PHQ-9 ${phq9Total ?? '—'}, GAD-7 ${gad7Total ?? '—'}`,
    openSuicideAlert ? `Open alert: ${openSuicideAlert}` : '',
    psychiatric?.notes ?? '',
  ]
    .filter(Boolean)
    .join('. ');
  // Mixing: any of the four named substances in current use. Other drugs are free text on the intake, so when
  // something is written there and nothing named is current, only the clinician can say whether it is co-use now.
  const NAMED = ['alcohol', 'benzodiazepines', 'opioids', 'stimulants'] as const;
  const currentCoUse = substances ? NAMED.filter((k) => substances[k] === 'current') : [];
  const otherDrugs = substances?.otherSubstances.trim() ?? '';
  const coUse: CriterionState = !substances
    ? 'unknown'
    : currentCoUse.length > 0
      ? 'met'
      : otherDrugs !== ''
        ? 'judgement'
        : NAMED.some((k) => substances[k] === null)
          ? 'unknown'
          : 'not-met';
  const coUseEvidence = !substances
    ? 'Other substances not recorded'
    : [
        currentCoUse.length > 0
          ? `Current use of ${currentCoUse.join(', ')}`
          : 'No named substance in current use',
        otherDrugs ? `Other: ${otherDrugs}` : '',
      ]
        .filter(Boolean)
        .join('. ');
  // "Multiple times daily" (CLINICAL.md §3, cold-turkey caution) is any second dose; detox's threshold is higher.
  const multipleDoses: CriterionState =
    use.dosesPerDay === null ? 'unknown' : use.dosesPerDay >= 2 ? 'met' : 'not-met';
  const pregnant: CriterionState =
    !pregnancy?.status || pregnancy.status === 'unknown'
      ? 'unknown'
      : pregnancy.status === 'pregnant' || pregnancy.status === 'postpartum'
        ? 'met'
        : 'not-met';
  // Not moderate as soon as either detox threshold is met, whatever the other says; moderate only when both are
  // known and below it.
  const moderate: CriterionState =
    manyDoses === 'met' || highGrams === 'met'
      ? 'not-met'
      : manyDoses === 'unknown' || highGrams === 'unknown'
        ? 'unknown'
        : 'met';
  // One leaf or capsule product measured on a scale (CLINICAL.md §1.5): never a strong form, from intake or log.
  const measurable: CriterionState = potent === 'unknown' ? 'unknown' : potent === 'met' ? 'not-met' : 'met';
  const lowTriggers: CriterionState = !social?.accessToTriggers
    ? 'unknown'
    : social.accessToTriggers === 'low'
      ? 'met'
      : 'not-met';
  const gramsText =
    use.gramsPerDay !== null
      ? `${fmt(use.gramsPerDay, 'g')} of leaf a day${use.strongInUse ? ' plus strong forms (never added into leaf grams)' : ''}`
      : use.from === 'intake' && intakeStrong.length > 0 && kratom?.gramsPerDose != null
        ? 'leaf grams a day unknown (a strong form is among the intake’s forms: its grams are not added in)'
        : 'grams a day not recorded';
  const pattern = `${fmt(use.dosesPerDay, 'doses a day')}, ${gramsText} (${use.from})`;

  const c = (
    id: string,
    group: CriterionGroup,
    label: string,
    state: CriterionState,
    evidence: string,
  ): Criterion => ({
    id,
    group,
    label,
    state,
    evidence,
  });
  return [
    c('taper-moderate-use', 'taper', 'Use is moderate and predictable', moderate, pattern),
    c(
      'taper-measurable',
      'taper',
      'Doses can be measured and reduced reliably (one leaf or capsule product)',
      measurable,
      formsEvidence,
    ),
    c(
      'taper-support',
      'taper',
      'Support at home is strong',
      'judgement',
      social?.supports || 'No supports recorded',
    ),
    c(
      'taper-low-triggers',
      'taper',
      'Access to triggers is low',
      lowTriggers,
      social?.accessToTriggers ? `Access to triggers: ${social.accessToTriggers}` : 'Not recorded',
    ),

    c(
      'detox-derailed',
      'detox',
      'Withdrawal has repeatedly derailed attempts to stop',
      yes(kratom?.withdrawalDerailedQuitting),
      kratom?.priorQuitAttempts || '',
    ),
    c('detox-potent', 'detox', 'Uses extracts, shots or 7-OH products', potent, formsEvidence),
    c('detox-high-amount', 'detox', 'Over about 5 g a day', highGrams, pattern),
    c('detox-many-doses', 'detox', 'More than three doses a day', manyDoses, pattern),
    c('detox-night', 'detox', 'Wakes in withdrawal or doses through the night', nightly, ''),
    c(
      'detox-medical',
      'detox',
      'Medical risk factors (heart rhythm, liver, seizures)',
      medicalRisk,
      medical?.otherConditions ?? '',
    ),
    c(
      'detox-psychiatric',
      'detox',
      'Psychiatric risk factors (depression, panic, trauma; current scores; suicide risk)',
      psychRisk,
      psychEvidence,
    ),
    c(
      'detox-co-use',
      'detox',
      'Mixes with alcohol, benzodiazepines, opioids or other drugs',
      coUse,
      coUseEvidence,
    ),

    c(
      'residential-environment',
      'residential',
      'Cannot stay stopped in the current environment',
      'judgement',
      social?.livingSituation ?? '',
    ),
    c(
      'residential-broader',
      'residential',
      'Kratom is part of a broader substance pattern',
      // Co-use alone is a detox criterion; whether it amounts to a broader pattern is the clinician's call.
      'judgement',
      [coUseEvidence, inputs.latest.sudBand ? `Latest SUD checklist: ${inputs.latest.sudBand}` : '']
        .filter(Boolean)
        .join('. '),
    ),
    c(
      'residential-mental-health',
      'residential',
      'Mental-health symptoms flare in withdrawal',
      // A score says how the client is, not that withdrawal drives it: the clinician decides, with the scores shown.
      'judgement',
      `Latest PHQ-9 ${inputs.latest.phq9Total ?? '—'}, GAD-7 ${inputs.latest.gad7Total ?? '—'}`,
    ),
    c('residential-time-away', 'residential', 'Needs time away from stressors', 'judgement', ''),

    c(
      'caution-doses',
      'cold-turkey',
      'Multiple daily doses or waking in withdrawal',
      any(multipleDoses, nightly),
      pattern,
    ),
    c(
      'caution-mental-health',
      'cold-turkey',
      'Significant depression, panic or trauma symptoms',
      psychRisk,
      psychEvidence,
    ),
    c('caution-medical', 'cold-turkey', 'Heart, liver or seizure history', medicalRisk, ''),
    c(
      'caution-pregnancy',
      'cold-turkey',
      'Pregnant or postpartum',
      pregnant,
      pregnant === 'met'
        ? `${pregnancy?.status === 'pregnant' ? 'Pregnant' : 'Postpartum'}: coordinate care with the obstetric provider`
        : (pregnancy?.status ?? 'Not recorded'),
    ),
  ];
}

/** Whether a criterion counts as met: met from the record, or a judgement the clinician answered yes. */
const isMet = (c: Criterion, judgements: Readonly<Record<string, boolean>>) =>
  c.state === 'met' || (c.state === 'judgement' && judgements[c.id] === true);
/** Whether a criterion is still open: unknown from the record, or a judgement not yet answered. */
const isOpen = (c: Criterion, judgements: Readonly<Record<string, boolean>>) =>
  c.state === 'unknown' || (c.state === 'judgement' && judgements[c.id] === undefined);

export interface SuggestionGaps {
  /** Detox or residential criteria still open, whose answer could call for more than the record shows. */
  missing: Criterion[];
  /** Taper criteria not met (or open) when nothing calls for detox or residential care. */
  taperNotMet: Criterion[];
}

/**
 * Policy (seed 001: "Pick the lowest level of care that is still safe"; CLINICAL.md §3; issue 8 item 1): the
 * suggestion is the lowest level whose criteria are met, and a lower level is never suggested while a criterion
 * of a higher one is still open — an unknown is not a "no". So: residential when one of its criteria is met
 * (nothing is higher); otherwise nothing while a residential criterion is open; detox when one of its criteria is
 * met; otherwise nothing while a detox criterion is open; a clinician-guided taper only when every taper criterion
 * is met; otherwise nothing. `null` reads "Not enough information to suggest a level" (see `suggestionGaps`).
 * Judgement criteria count once the clinician answers them.
 */
export function suggestedLevel(
  criteria: readonly Criterion[],
  judgements: Readonly<Record<string, boolean>> = {},
): CriteriaLevel | null {
  const of = (group: CriterionGroup) => criteria.filter((c) => c.group === group);
  const met = (group: CriterionGroup) => of(group).some((c) => isMet(c, judgements));
  const open = (group: CriterionGroup) => of(group).some((c) => isOpen(c, judgements));
  if (met('residential')) return 'residential';
  if (open('residential')) return null;
  if (met('detox')) return 'detox';
  if (open('detox')) return null;
  const taper = of('taper');
  return taper.length > 0 && taper.every((c) => isMet(c, judgements)) ? 'taper' : null;
}

/** Why there is no suggestion: what to record or answer, for "Not enough information … — record: …". */
export function suggestionGaps(
  criteria: readonly Criterion[],
  judgements: Readonly<Record<string, boolean>> = {},
): SuggestionGaps {
  if (suggestedLevel(criteria, judgements) !== null) return { missing: [], taperNotMet: [] };
  const residentialMet = criteria.some((c) => c.group === 'residential' && isMet(c, judgements));
  const detoxMet = criteria.some((c) => c.group === 'detox' && isMet(c, judgements));
  const missing = criteria.filter(
    (c) =>
      isOpen(c, judgements) &&
      (c.group === 'residential' || (c.group === 'detox' && !detoxMet && !residentialMet)),
  );
  const taperNotMet =
    missing.length === 0 ? criteria.filter((c) => c.group === 'taper' && !isMet(c, judgements)) : [];
  return { missing, taperNotMet };
}

/**
 * Issue 9 item 8: a decision is never recorded on an empty review. Each of the six dimensions is rated, or left
 * unrated with the reason written in its note. Returns the dimensions that are neither.
 */
export function dimensionsWithoutRatingOrReason(ratings: RiskReviewAnswers): string[] {
  return RISK_REVIEW_DIMENSION_IDS.filter((id) => {
    const entry = ratings[id];
    return !entry || (entry.rating === null && entry.note.trim() === '');
  }).map((id) => riskReview.dimensions.find((d) => d.id === id)?.label ?? id);
}

export const LevelOfCareDecisionInputSchema = z.object({
  level: LevelSchema,
  reason: requiredText('Reason for this level of care', 4000),
  /** The clinician's answers to the judgement criteria, by criterion id. */
  judgements: z.record(z.string().max(64), z.boolean()),
  /** Each dimension rated, or unrated with the reason in its note (checked when a decision is recorded). */
  dimensionRatings: RiskReviewAnswersSchema,
});
export type LevelOfCareDecisionInput = z.infer<typeof LevelOfCareDecisionInputSchema>;

export const CriterionSchema = z.object({
  id: z.string(),
  group: z.enum(['taper', 'detox', 'residential', 'cold-turkey']),
  label: z.string(),
  state: z.enum(['met', 'not-met', 'unknown', 'judgement']),
  evidence: z.string(),
});

export const LevelOfCareDecisionSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  decision: LevelOfCareDecisionInputSchema,
  /** Null when the record held too little to suggest a level (decisions before 2026-12 always have one). */
  suggested: LevelSchema.nullable(),
  criteria: z.array(CriterionSchema),
  decidedAtMs: z.number().int(),
  decidedByName: z.string().nullable(),
});
export type LevelOfCareDecision = z.infer<typeof LevelOfCareDecisionSchema>;
