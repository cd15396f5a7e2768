/**
 * Red-flag alerts (CLINICAL.md §4): raised by a PHQ-9 item 9 above 0, a high suicide-risk screen or a red-flag
 * symptom recorded anywhere, and shown on the chart until a clinician acknowledges them with a documented action.
 */
import { z } from 'zod';
import { requiredText } from './common';

export const RED_FLAG_SYMPTOMS = [
  'trouble-breathing',
  'severe-sedation',
  'chest-pain',
  'fainting',
  'fast-heartbeat',
  'seizure',
  'severe-confusion',
  'hallucinations',
  'severe-agitation',
  'suicidal-thoughts',
  'self-harm-urges',
  'sudden-severe-depression',
] as const;
export const RedFlagSymptomSchema = z.enum(RED_FLAG_SYMPTOMS);
export type RedFlagSymptom = z.infer<typeof RedFlagSymptomSchema>;
export const RED_FLAG_SYMPTOM_LABELS: Record<RedFlagSymptom, string> = {
  'trouble-breathing': 'Trouble breathing',
  'severe-sedation': "Severe sedation or can't stay awake",
  'chest-pain': 'Chest pain',
  fainting: 'Fainting',
  'fast-heartbeat': 'Dangerously fast heartbeat',
  seizure: 'Seizure',
  'severe-confusion': 'Severe confusion',
  hallucinations: 'Hallucinations',
  'severe-agitation': 'Severe agitation',
  'suicidal-thoughts': 'Suicidal thoughts',
  'self-harm-urges': 'Self-harm urges',
  'sudden-severe-depression': 'Sudden severe depression',
};

export const ALERT_KINDS = [
  'phq9-item9',
  'suicide-screen-high',
  'red-flag-symptom',
  'intake-suicidal-thoughts',
] as const;
export const AlertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKindSchema>;
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  'phq9-item9': 'PHQ-9: thoughts of being better off dead or of self-harm (item 9 above 0)',
  'suicide-screen-high': 'Suicide-risk screen: high risk',
  'red-flag-symptom': 'Red-flag symptom recorded',
  'intake-suicidal-thoughts': 'Suicidal thoughts reported at intake',
};

/** What a clinician did about it; "other" needs the note to say what. */
export const ALERT_ACTIONS = [
  'safety-plan',
  'emergency-services',
  'crisis-line-988',
  'supervisor-consulted',
  'prescriber-informed',
  'monitoring-increased',
  'other',
] as const;
export const AlertActionSchema = z.enum(ALERT_ACTIONS);
export const ALERT_ACTION_LABELS: Record<(typeof ALERT_ACTIONS)[number], string> = {
  'safety-plan': 'Safety plan made or reviewed',
  'emergency-services': 'Emergency services called (911)',
  'crisis-line-988': 'Connected with the 988 Suicide & Crisis Lifeline',
  'supervisor-consulted': 'Supervisor consulted',
  'prescriber-informed': 'Prescriber informed',
  'monitoring-increased': 'Monitoring increased',
  other: 'Other',
};

export const RedFlagRecordSchema = z.object({
  symptoms: z
    .array(RedFlagSymptomSchema)
    .min(1, 'Choose at least one symptom.')
    .max(RED_FLAG_SYMPTOMS.length),
  observedAtMs: z.number().int(),
  note: z.string().trim().max(2000, 'The note must be at most 2000 characters.'),
});
export type RedFlagRecord = z.infer<typeof RedFlagRecordSchema>;

export const AcknowledgementSchema = z.object({
  actions: z.array(AlertActionSchema).min(1, 'Record at least one action taken.'),
  note: requiredText('What was done', 2000),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

/**
 * What an alert is about, so that two alerts from different places can be recognised as the same finding: any
 * suicide risk (PHQ-9 item 9, a high screen, intake, a note's suicidal ideation, suicidal or self-harm symptoms),
 * homicidal ideation, or other red flags. `noteFinding` is the finding of a session note's alert.
 */
export const ALERT_FINDINGS = ['suicide-risk', 'homicidal-ideation', 'red-flags'] as const;
export type AlertFinding = (typeof ALERT_FINDINGS)[number];
export const ALERT_FINDING_LABELS: Record<AlertFinding, string> = {
  'suicide-risk': 'suicide risk',
  'homicidal-ideation': 'homicidal ideation',
  'red-flags': 'red flags',
};

const SUICIDE_SYMPTOMS: ReadonlySet<RedFlagSymptom> = new Set(['suicidal-thoughts', 'self-harm-urges']);

export function alertFinding(a: {
  kind: AlertKind;
  symptoms: readonly RedFlagSymptom[];
  noteFinding?: 'suicidal-ideation' | 'homicidal-ideation' | 'red-flags' | null;
}): AlertFinding {
  if (a.noteFinding === 'suicidal-ideation') return 'suicide-risk';
  if (a.noteFinding === 'homicidal-ideation') return 'homicidal-ideation';
  if (a.noteFinding === 'red-flags') return 'red-flags';
  if (a.kind !== 'red-flag-symptom') return 'suicide-risk';
  return a.symptoms.some((s) => SUICIDE_SYMPTOMS.has(s)) ? 'suicide-risk' : 'red-flags';
}

/** Where an alert came from, in words: "a session note", "a PHQ-9". */
export const ALERT_SOURCE_LABELS: Record<string, string> = {
  note: 'a session note',
  assessment: 'an assessment',
  intake: 'the intake',
  'red-flag': 'a red-flag symptom recorded on the chart',
};
export const alertSourceLabel = (sourceType: string): string =>
  ALERT_SOURCE_LABELS[sourceType] ?? 'another record';

/** The earlier alert a repeat links to. */
export const AlertRepeatOfSchema = z.object({
  id: z.string(),
  raisedAtMs: z.number().int(),
  sourceType: z.string(),
  acknowledgedAtMs: z.number().int().nullable(),
});

export const AlertSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  kind: AlertKindSchema,
  /** Symptoms for red-flag alerts; empty otherwise. */
  symptoms: z.array(RedFlagSymptomSchema),
  detail: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  raisedAtMs: z.number().int(),
  raisedByName: z.string().nullable(),
  finding: z.enum(ALERT_FINDINGS),
  /**
   * Policy (issue 9 item 7): an alert for the same client and finding raised the same day as one still open, or
   * acknowledged that day, is a repeat of it and links to it, so it never reads as a new, unexplained alert.
   */
  repeatOf: AlertRepeatOfSchema.nullable(),
  acknowledgement: AcknowledgementSchema.extend({
    atMs: z.number().int(),
    byName: z.string().nullable(),
    /** The signed safety-plan version an acknowledgement "safety plan made or reviewed" links, or null. */
    safetyPlan: z.object({ id: z.string(), version: z.number().int() }).nullable(),
  }).nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;
