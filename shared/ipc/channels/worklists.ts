/** Cross-client worklists for the Assessments and Plans areas and the overview. */
import { z } from 'zod';
import { AlertKindSchema } from '../../domain/alerts';
import { Empty, type ChannelSpec } from '../spec';

const Who = { clientId: z.string(), clientName: z.string(), chartNumber: z.string() };

export const AssessmentWorklistSchema = z.object({
  openAlerts: z.array(
    z.object({ ...Who, id: z.string(), kind: AlertKindSchema, raisedAtMs: z.number().int() }),
  ),
  unsignedAssessments: z.array(
    z.object({
      ...Who,
      id: z.string(),
      instrumentId: z.string(),
      administeredAtMs: z.number().int(),
      total: z.number().int().nullable(),
      band: z.string().nullable(),
      complete: z.boolean(),
    }),
  ),
});
export type AssessmentWorklist = z.infer<typeof AssessmentWorklistSchema>;

export const PlanWorklistSchema = z.object({
  dueForReview: z.array(z.object({ ...Who, version: z.number().int(), reviewDate: z.string() })),
  withoutPlan: z.array(z.object({ ...Who, admissionDate: z.string() })),
  myDraftNotes: z.array(
    z.object({
      ...Who,
      id: z.string(),
      kind: z.string(),
      sessionDate: z.string(),
      updatedAtMs: z.number().int(),
    }),
  ),
});
export type PlanWorklist = z.infer<typeof PlanWorklistSchema>;

/**
 * Clients due a discharge summary: discharged without a signed summary of that discharge, or active or on hold with
 * no service for CONSIDER_DISCHARGE_DAYS ("consider discharge"). `dueBy` is the last service plus 7 days.
 */
export const DischargeWorklistSchema = z.object({
  due: z.array(
    z.object({
      ...Who,
      reason: z.enum(['discharged', 'consider-discharge']),
      status: z.enum(['active', 'on-hold', 'discharged']),
      lastServiceOn: z.string().nullable(),
      dischargedOn: z.string().nullable(),
      /** When the summary is due: only for a discharged client (an active one owes none yet). */
      dueBy: z.string().nullable(),
      /** For "consider discharge": whole days since the last service (or the admission, without one). */
      daysWithoutService: z.number().int().nullable(),
      hasDraft: z.boolean(),
    }),
  ),
});
export type DischargeWorklist = z.infer<typeof DischargeWorklistSchema>;

export const worklistChannels = {
  'worklists.assessments': { input: Empty, output: AssessmentWorklistSchema, access: 'user' },
  'worklists.plans': { input: Empty, output: PlanWorklistSchema, access: 'user' },
  'worklists.discharge': { input: Empty, output: DischargeWorklistSchema, access: 'user' },
} as const satisfies Record<string, ChannelSpec>;
