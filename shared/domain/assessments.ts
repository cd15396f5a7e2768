/**
 * Administered instruments as the record keeps them: the raw answers exactly as given, the instrument id and
 * version, who administered it and when, and the score computed from the answers by the instrument engine.
 * Editable until signed; a signed assessment is immutable (enforced by a database trigger).
 */
import { z } from 'zod';
import {
  AnswerSchema,
  InstrumentScoreSchema,
  ScoredInstrumentIdSchema,
  SudDetailsSchema,
  SuicideScreenRecordSchema,
} from '../instruments';
import { optionalText } from './common';
import { VitalsSchema } from './vitals';

export const INDUCTION_TIME_POINTS = ['before-first-dose', '30-min', '2-h'] as const;
export const InductionTimePointSchema = z.enum(INDUCTION_TIME_POINTS);
export type InductionTimePoint = z.infer<typeof InductionTimePointSchema>;
export const INDUCTION_TIME_POINT_LABELS: Record<InductionTimePoint, string> = {
  'before-first-dose': 'Induction: before first dose',
  '30-min': 'Induction: 30 min after',
  '2-h': 'Induction: 2 h after',
};

const common = {
  administeredAtMs: z.number({ error: 'Enter when it was administered.' }).int(),
  notes: optionalText('Notes', 4000),
};

export const ScoredAssessmentInputSchema = z.object({
  instrumentId: ScoredInstrumentIdSchema,
  answers: z.array(AnswerSchema).max(20),
  context: z.object({
    sex: z.enum(['female', 'male']).nullable(),
    underMedicalSupervision: z.boolean().nullable(),
  }),
  /** For withdrawal ratings (COWS/SOWS): the last kratom or opioid dose, so hours since it can be shown. */
  lastDoseAtMs: z.number().int().nullable(),
  timePoint: InductionTimePointSchema.nullable(),
  /**
   * SUD checklist only: the substance checked and any remission specifier (required there, null elsewhere).
   * Records saved before it was asked have none.
   */
  sud: SudDetailsSchema.nullable().default(null),
  /** Vital signs taken with a withdrawal rating (migration 0350); null when none were taken. */
  vitals: VitalsSchema.nullable().default(null),
  ...common,
});

export const SuicideScreenInputSchema = z.object({
  instrumentId: z.literal('suicide-screen'),
  record: SuicideScreenRecordSchema,
  ...common,
});

export const AssessmentInputSchema = z.discriminatedUnion('instrumentId', [
  ScoredAssessmentInputSchema,
  SuicideScreenInputSchema,
]);
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

export const AssessmentSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  instrumentVersion: z.string(),
  input: AssessmentInputSchema,
  /** Null for the suicide-risk screen, which the clinician rates rather than the engine. */
  score: InstrumentScoreSchema.nullable(),
  administeredBy: z.string(),
  administeredByName: z.string().nullable(),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
  signedAtMs: z.number().int().nullable(),
  signedByName: z.string().nullable(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export type AssessmentKind = AssessmentInput['instrumentId'];

/** Hours between the last dose and a rating, to one decimal; null when the last dose is unknown or later. */
export function hoursSinceLastDose(a: Pick<Assessment, 'input'>): number | null {
  if (a.input.instrumentId === 'suicide-screen' || a.input.lastDoseAtMs === null) return null;
  const h = (a.input.administeredAtMs - a.input.lastDoseAtMs) / 3_600_000;
  return h < 0 ? null : Math.round(h * 10) / 10;
}
