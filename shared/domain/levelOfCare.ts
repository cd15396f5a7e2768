/**
 * Level-of-care decision support (CLINICAL.md §3). It shows which criteria for a clinician-guided taper, a
 * medically supported detox or a residential / higher level of care the record meets, which cold-turkey cautions
 * apply, and suggests the lowest level whose criteria are met. It never places anyone: the clinician chooses the
 * level and writes why. No placement algorithm and no trademarked criteria are used.
 */
import { z } from 'zod';
import { RiskReviewAnswersSchema } from '../instruments';
import { requiredText } from './common';
import { POTENT_FORMS, type Intake } from './intake';
import { HIGH_DAILY_GRAMS, MANY_DOSES_PER_DAY } from './riskFlags';
import type { BaselineSummary } from './useLog';

export const LEVELS = ['taper', 'detox', 'residential'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;
export const LEVEL_LABELS: Record<Level, string> = {
  taper: 'Clinician-guided taper',
  detox: 'Medically supported detox',
  residential: 'Residential or higher level of care',
};

export type CriterionGroup = Level | 'cold-turkey';
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
}

export interface LevelOfCareInputs {
  intake: Intake;
  baseline: BaselineSummary | null;
  latest: LatestScores;
}

const yes = (v: boolean | null | undefined): CriterionState =>
  v === true ? 'met' : v === false ? 'not-met' : 'unknown';
const any = (...states: CriterionState[]): CriterionState =>
  states.includes('met') ? 'met' : states.includes('unknown') ? 'unknown' : 'not-met';

/** Daily amount and frequency from the baseline log when there is one, otherwise from intake. */
function usePattern({ intake, baseline }: LevelOfCareInputs): {
  dosesPerDay: number | null;
  gramsPerDay: number | null;
  from: string;
} {
  if (baseline?.complete) {
    return {
      dosesPerDay: baseline.meanDosesPerDay,
      gramsPerDay: baseline.meanGramsPerDay,
      from: `${baseline.days}-day baseline log`,
    };
  }
  const k = intake.sections.kratom;
  const grams = k?.gramsPerDose != null && k.dosesPerDay != null ? k.gramsPerDose * k.dosesPerDay : null;
  return { dosesPerDay: k?.dosesPerDay ?? null, gramsPerDay: grams, from: 'intake' };
}

export function levelOfCareCriteria(inputs: LevelOfCareInputs): Criterion[] {
  const { kratom, substances, medical, psychiatric, pregnancy, social } = inputs.intake.sections;
  const use = usePattern(inputs);
  const fmt = (n: number | null, unit: string) =>
    n === null ? 'not recorded' : `${Math.round(n * 10) / 10} ${unit}`;
  const manyDoses: CriterionState =
    use.dosesPerDay === null ? 'unknown' : use.dosesPerDay > MANY_DOSES_PER_DAY ? 'met' : 'not-met';
  const highGrams: CriterionState =
    use.gramsPerDay === null ? 'unknown' : use.gramsPerDay > HIGH_DAILY_GRAMS ? 'met' : 'not-met';
  const potent: CriterionState = !kratom
    ? 'unknown'
    : kratom.productForms.some((f) => POTENT_FORMS.includes(f))
      ? 'met'
      : 'not-met';
  const nightly = any(yes(kratom?.wakesInWithdrawal), yes(kratom?.dosesOvernight));
  const medicalRisk = any(yes(medical?.heartRhythm), yes(medical?.liver), yes(medical?.seizures));
  const psychRisk = any(yes(psychiatric?.depression), yes(psychiatric?.panic), yes(psychiatric?.trauma));
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
  const moderate: CriterionState =
    manyDoses === 'unknown' || highGrams === 'unknown'
      ? 'unknown'
      : manyDoses === 'not-met' && highGrams === 'not-met'
        ? 'met'
        : 'not-met';
  const measurable: CriterionState = potent === 'unknown' ? 'unknown' : potent === 'met' ? 'not-met' : 'met';
  const lowTriggers: CriterionState = !social?.accessToTriggers
    ? 'unknown'
    : social.accessToTriggers === 'low'
      ? 'met'
      : 'not-met';
  const pattern = `${fmt(use.dosesPerDay, 'doses a day')}, ${fmt(use.gramsPerDay, 'g a day')} (${use.from})`;

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
      kratom ? `Forms: ${kratom.productForms.join(', ') || 'not recorded'}` : 'Intake not recorded',
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
    c(
      'detox-potent',
      'detox',
      'Uses extracts, shots or 7-OH products',
      potent,
      kratom ? `Forms: ${kratom.productForms.join(', ') || 'not recorded'}` : 'Intake not recorded',
    ),
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
      'Psychiatric risk factors (depression, panic, trauma)',
      psychRisk,
      psychiatric?.notes ?? '',
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
      '',
    ),
    c('caution-medical', 'cold-turkey', 'Heart, liver or seizure history', medicalRisk, ''),
    c(
      'caution-pregnancy',
      'cold-turkey',
      'Pregnant or postpartum',
      pregnant,
      pregnancy?.status ?? 'Not recorded',
    ),
  ];
}

/**
 * The lowest level whose criteria the record meets: residential when any of its record-based criteria is met,
 * then detox, otherwise taper. Judgement criteria count once the clinician ticks them.
 */
export function suggestedLevel(
  criteria: readonly Criterion[],
  judgements: Readonly<Record<string, boolean>> = {},
): Level {
  const met = (group: Level) =>
    criteria.some(
      (c) =>
        c.group === group && (c.state === 'met' || (c.state === 'judgement' && judgements[c.id] === true)),
    );
  if (met('residential')) return 'residential';
  if (met('detox')) return 'detox';
  return 'taper';
}

export const LevelOfCareDecisionInputSchema = z.object({
  level: LevelSchema,
  reason: requiredText('Reason for this level of care', 4000),
  /** The clinician's answers to the judgement criteria, by criterion id. */
  judgements: z.record(z.string().max(64), z.boolean()),
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
  suggested: LevelSchema,
  criteria: z.array(CriterionSchema),
  decidedAtMs: z.number().int(),
  decidedByName: z.string().nullable(),
});
export type LevelOfCareDecision = z.infer<typeof LevelOfCareDecisionSchema>;
