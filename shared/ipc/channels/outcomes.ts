/** Measurement-based care and follow-up after discharge (issue 15): due measures, response, follow-up contacts. */
import { z } from 'zod';
import { DischargeTypeSchema } from '../../domain/clients';
import { FollowUpDaySchema, FollowUpOutcomeSchema } from '../../domain/followUp';
import { OutcomeFiguresSchema, OutcomeQuerySchema } from '../../domain/outcomes';
import { MeasureIdSchema, MeasureRuleSchema, MeasureScheduleSchema } from '../../domain/measures';
import { ClientGlanceSchema } from '../../domain/response';
import { Empty, IdSchema, type ChannelSpec } from '../spec';

const Who = { clientId: z.string(), clientName: z.string(), chartNumber: z.string() };
const DueStatusSchema = z.enum(['overdue', 'due-today', 'upcoming']);

export const MeasureDueSchema = z.object({
  measure: MeasureIdSchema,
  dueOn: z.string(),
  reason: z.enum(['intake', 'interval', 'withdrawal-contact']),
  status: DueStatusSchema,
});

export const ClientMeasuresSchema = z.object({
  schedule: z.array(MeasureRuleSchema),
  /** Next due date of every scheduled measure, earliest first; empty for a client not in active care. */
  due: z.array(MeasureDueSchema),
  glance: ClientGlanceSchema,
  /** The client's follow-up contacts after discharge, newest first. */
  followUps: z.array(
    z.object({
      id: z.string(),
      day: FollowUpDaySchema,
      contactedOn: z.string(),
      result: FollowUpOutcomeSchema.shape.result,
      using: FollowUpOutcomeSchema.shape.using,
      aftercare: FollowUpOutcomeSchema.shape.aftercare,
      readmissionOffered: z.boolean(),
      note: z.string(),
      recordedAtMs: z.number().int(),
      recordedBy: z.string(),
    }),
  ),
});
export type ClientMeasures = z.infer<typeof ClientMeasuresSchema>;

export const DueMeasuresSchema = z.object({
  /** The first 200, earliest first. */
  items: z.array(z.object({ ...Who, ...MeasureDueSchema.shape })),
  /** Every measure due today or overdue, `items` or not; when `more`, at least this many (counted up to it). */
  total: z.number().int(),
  more: z.boolean(),
});
export type DueMeasures = z.infer<typeof DueMeasuresSchema>;

export const FollowUpWorklistSchema = z.object({
  with90Days: z.boolean(),
  items: z.array(
    z.object({
      ...Who,
      phone: z.string(),
      dischargeId: z.string(),
      dischargedOn: z.string(),
      dischargeType: DischargeTypeSchema,
      day: FollowUpDaySchema,
      dueOn: z.string(),
      status: DueStatusSchema,
      attempts: z.number().int(),
    }),
  ),
});
export type FollowUpWorklist = z.infer<typeof FollowUpWorklistSchema>;

export const measureChannels = {
  'measures.forClient': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: ClientMeasuresSchema,
    access: 'user',
  },
  'measures.saveSchedule': {
    input: z.object({ clientId: IdSchema, schedule: MeasureScheduleSchema }).strict(),
    output: ClientMeasuresSchema,
    access: 'user',
  },
  /** Active clients with a measure due today or overdue, most overdue first. */
  'measures.due': { input: Empty, output: DueMeasuresSchema, access: 'user' },
} as const satisfies Record<string, ChannelSpec>;

export const followUpChannels = {
  /** Follow-up contacts due, overdue, or due within the next week. */
  'followUps.due': { input: Empty, output: FollowUpWorklistSchema, access: 'user' },
  'followUps.record': {
    input: z
      .object({
        clientId: IdSchema,
        dischargeId: IdSchema,
        day: FollowUpDaySchema,
        outcome: FollowUpOutcomeSchema,
      })
      .strict(),
    output: z.object({ id: z.string() }),
    access: 'user',
  },
  /** Whether a 90-day contact is asked for as well (a practice setting; an administrator changes it). */
  'followUps.settings': { input: Empty, output: z.object({ with90Days: z.boolean() }), access: 'user' },
  'followUps.saveSettings': {
    input: z.object({ with90Days: z.boolean() }).strict(),
    output: z.object({ with90Days: z.boolean() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;

const Paper = z.enum(['letter', 'a4']);

export const outcomeChannels = {
  /** The figures as counted, for the clinic's own page (the exports suppress small cells). */
  'outcomes.practice': {
    input: z.object({ query: OutcomeQuerySchema }).strict(),
    output: OutcomeFiguresSchema,
    access: 'user',
  },
  'outcomes.printPdf': {
    input: z.object({ query: OutcomeQuerySchema, paper: Paper }).strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
  'outcomes.exportCsv': {
    input: z.object({ query: OutcomeQuerySchema }).strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
