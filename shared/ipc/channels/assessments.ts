/** Channels for assessments, the withdrawal flowsheet, level-of-care support and red-flag alerts. */
import { z } from 'zod';
import { AcknowledgementSchema, AlertSchema, RedFlagRecordSchema } from '../../domain/alerts';
import { AssessmentInputSchema, AssessmentSchema } from '../../domain/assessments';
import {
  CriterionSchema,
  LevelOfCareDecisionInputSchema,
  LevelOfCareDecisionSchema,
  LevelSchema,
} from '../../domain/levelOfCare';
import { IdSchema, type ChannelSpec } from '../spec';

const ByClient = z.object({ clientId: IdSchema }).strict();

export const LevelOfCareViewSchema = z.object({
  criteria: z.array(CriterionSchema),
  /** Null: not enough information to suggest a level (see suggestionGaps). */
  suggested: LevelSchema.nullable(),
  decisions: z.array(LevelOfCareDecisionSchema),
});
export type LevelOfCareView = z.infer<typeof LevelOfCareViewSchema>;

export const assessmentChannels = {
  'assessments.list': { input: ByClient, output: z.array(AssessmentSchema), access: 'user' },
  'assessments.save': {
    input: z
      .object({ clientId: IdSchema, id: IdSchema.nullable(), assessment: AssessmentInputSchema })
      .strict(),
    output: AssessmentSchema,
    access: 'user',
  },
  'assessments.sign': {
    input: z
      .object({ id: IdSchema, passphrase: z.string().min(1, 'Enter your passphrase to sign.').max(1024) })
      .strict(),
    output: AssessmentSchema,
    access: 'user',
  },
  'assessments.delete': {
    input: z.object({ id: IdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
    access: 'user',
  },
  'levelOfCare.get': { input: ByClient, output: LevelOfCareViewSchema, access: 'user' },
  'levelOfCare.decide': {
    input: z.object({ clientId: IdSchema, decision: LevelOfCareDecisionInputSchema }).strict(),
    output: LevelOfCareDecisionSchema,
    access: 'user',
  },
  'alerts.list': { input: ByClient, output: z.array(AlertSchema), access: 'user' },
  'alerts.recordRedFlag': {
    input: z.object({ clientId: IdSchema, record: RedFlagRecordSchema }).strict(),
    output: AlertSchema,
    access: 'user',
  },
  'alerts.acknowledge': {
    input: z.object({ id: IdSchema, acknowledgement: AcknowledgementSchema }).strict(),
    output: AlertSchema,
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
