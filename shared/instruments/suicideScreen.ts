import { z } from 'zod';

/**
 * Our own clinician-documented suicide-risk screen (the C-SSRS is not embedded: its electronic use is exclusively
 * licensed). Not scored by `scoreInstrument`: the clinician picks low, moderate or high with the answers shown.
 *
 * Rule (CLINICAL.md §2): any intent, plan or preparatory/actual behaviour within the past 3 months is shown as high
 * risk and needs a safety plan. A "yes" whose timing is not known counts as within 3 months — the safe reading.
 * A record that chooses a level below the rule's minimum is rejected by `SuicideScreenRecordSchema`.
 */

export const SUICIDE_SCREEN_ITEM_IDS = [
  'passive-wish',
  'active-thoughts',
  'method',
  'intent',
  'plan',
  'behaviour',
] as const;
export const SuicideScreenItemIdSchema = z.enum(SUICIDE_SCREEN_ITEM_IDS);
export type SuicideScreenItemId = z.infer<typeof SuicideScreenItemIdSchema>;

/** Whether, and when, the item was last present. */
export const SUICIDE_TIMINGS = ['no', 'past-3-months', 'earlier', 'timing-unknown'] as const;
export const SuicideTimingSchema = z.enum(SUICIDE_TIMINGS);
export type SuicideTiming = z.infer<typeof SuicideTimingSchema>;

export const PROTECTIVE_FACTOR_IDS = [
  'reasons-for-living',
  'responsibility-to-others',
  'social-support',
  'engaged-in-care',
  'beliefs-against-suicide',
  'future-plans',
  'coping-skills',
  'means-restricted',
] as const;
export const ProtectiveFactorIdSchema = z.enum(PROTECTIVE_FACTOR_IDS);
export type ProtectiveFactorId = z.infer<typeof ProtectiveFactorIdSchema>;

export const SUICIDE_RISK_LEVELS = ['low', 'moderate', 'high'] as const;
export const SuicideRiskLevelSchema = z.enum(SUICIDE_RISK_LEVELS);
export type SuicideRiskLevel = z.infer<typeof SuicideRiskLevelSchema>;

/** Items whose presence within the past 3 months makes the screen high risk. */
export const HIGH_RISK_ITEM_IDS = [
  'intent',
  'plan',
  'behaviour',
] as const satisfies readonly SuicideScreenItemId[];
/** Items that amount to suicidal thoughts: an urgent red flag when recent (CLINICAL.md §4). */
export const THOUGHT_ITEM_IDS = [
  'passive-wish',
  'active-thoughts',
  'method',
] as const satisfies readonly SuicideScreenItemId[];

export const suicideScreen = {
  id: 'suicide-screen',
  version: '1',
  title: 'Suicide-risk screen',
  ratedBy: 'clinician',
  items: [
    { id: 'passive-wish', label: 'Passive wish to be dead' },
    { id: 'active-thoughts', label: 'Active thoughts of ending their life' },
    { id: 'method', label: 'Has thought about a method' },
    { id: 'intent', label: 'Some intent to act on the thoughts' },
    { id: 'plan', label: 'Has worked out a plan' },
    { id: 'behaviour', label: 'Preparatory or actual behaviour (record what and when)' },
  ],
  timings: [
    { value: 'no', label: 'No' },
    { value: 'past-3-months', label: 'Yes, within the past 3 months' },
    { value: 'earlier', label: 'Yes, more than 3 months ago' },
    { value: 'timing-unknown', label: 'Yes, timing not known' },
  ],
  protectiveFactors: [
    { id: 'reasons-for-living', label: 'Names reasons for living' },
    { id: 'responsibility-to-others', label: 'Responsibility to children, family or pets' },
    { id: 'social-support', label: 'People they can turn to' },
    { id: 'engaged-in-care', label: 'Engaged in treatment' },
    { id: 'beliefs-against-suicide', label: 'Beliefs that stand against suicide' },
    { id: 'future-plans', label: 'Plans or hopes for the future' },
    { id: 'coping-skills', label: 'Coping skills they use' },
    { id: 'means-restricted', label: 'Limited access to lethal means' },
  ],
  riskLevels: [
    { value: 'low', label: 'Low' },
    { value: 'moderate', label: 'Moderate' },
    { value: 'high', label: 'High' },
  ],
} as const satisfies {
  id: string;
  version: string;
  title: string;
  ratedBy: 'clinician';
  items: readonly { id: SuicideScreenItemId; label: string }[];
  timings: readonly { value: SuicideTiming; label: string }[];
  protectiveFactors: readonly { id: ProtectiveFactorId; label: string }[];
  riskLevels: readonly { value: SuicideRiskLevel; label: string }[];
};

const note = z.string().max(4000, 'The note must be at most 4000 characters.');

export const SuicideScreenAnswersSchema = z.object({
  /** One timing per item; a missing or null item is unanswered. */
  responses: z.partialRecord(SuicideScreenItemIdSchema, SuicideTimingSchema.nullable()),
  /** What the preparatory or actual behaviour was, and when. */
  behaviourDetail: note.optional(),
  protectiveFactors: z.array(ProtectiveFactorIdSchema).optional(),
  protectiveNote: note.optional(),
});
export type SuicideScreenAnswers = z.infer<typeof SuicideScreenAnswersSchema>;

export const SUICIDE_SCREEN_FLAGS = [
  'high-risk-rule',
  'safety-plan-needed',
  'recent-suicidal-thoughts',
] as const;
export type SuicideScreenFlag = (typeof SUICIDE_SCREEN_FLAGS)[number];

const isRecent = (timing: SuicideTiming | null | undefined): boolean =>
  timing === 'past-3-months' || timing === 'timing-unknown';

/** 'high' when any intent, plan or behaviour is within the past 3 months (or its timing is unknown); else null. */
export function suicideScreenMinimumRisk(answers: SuicideScreenAnswers): 'high' | null {
  return HIGH_RISK_ITEM_IDS.some((id) => isRecent(answers.responses[id])) ? 'high' : null;
}

/** Flags from whatever is answered, before the form is complete: they surface at once. */
export function suicideScreenFlags(answers: SuicideScreenAnswers): SuicideScreenFlag[] {
  const flags: SuicideScreenFlag[] = [];
  if (suicideScreenMinimumRisk(answers) === 'high') flags.push('high-risk-rule', 'safety-plan-needed');
  if (THOUGHT_ITEM_IDS.some((id) => isRecent(answers.responses[id]))) flags.push('recent-suicidal-thoughts');
  return flags;
}

/** Complete when every item has an answer; protective factors and notes are optional. */
export function suicideScreenStatus(answers: SuicideScreenAnswers): 'complete' | 'incomplete' {
  return SUICIDE_SCREEN_ITEM_IDS.every((id) => answers.responses[id] != null) ? 'complete' : 'incomplete';
}

/** Whether the clinician's chosen level respects the rule (never below its minimum). */
export function isSuicideRiskLevelAllowed(answers: SuicideScreenAnswers, level: SuicideRiskLevel): boolean {
  return suicideScreenMinimumRisk(answers) === null || level === 'high';
}

export const SuicideScreenRecordSchema = z
  .object({
    answers: SuicideScreenAnswersSchema,
    /** The clinician's judgement; null while the screen is a draft. */
    riskLevel: SuicideRiskLevelSchema.nullable(),
    rationale: note,
  })
  .superRefine((record, context) => {
    if (record.riskLevel !== null && !isSuicideRiskLevelAllowed(record.answers, record.riskLevel)) {
      context.addIssue({
        code: 'custom',
        path: ['riskLevel'],
        message: 'Intent, plan or behaviour in the past 3 months: record high risk and make a safety plan.',
      });
    }
  });
export type SuicideScreenRecord = z.infer<typeof SuicideScreenRecordSchema>;
