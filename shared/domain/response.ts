/**
 * Response at a glance (issue 15, item 2). For every scored instrument a client has: the first and latest totals and
 * the change. Lower is better on every instrument here. PHQ-9 and GAD-7 also carry:
 * - response: the latest total is at least 50 % below the first (the first must be above zero);
 * - remission: the latest total is under 5, for a client who started at 5 or more (one who started under 5 had no
 *   symptoms to remit from).
 * "Not improving" is any instrument with three or more totals whose latest is no better (no lower) than the first.
 */
import { z } from 'zod';
import { DISCHARGE_TYPES } from './clients';

export const GLANCE_INSTRUMENTS = ['phq9', 'gad7', 'auditc', 'cows', 'sows'] as const;
export type GlanceInstrument = (typeof GLANCE_INSTRUMENTS)[number];

/** Instruments with a response and remission rule, and the remission cut-off (a total under it). */
export const REMISSION_BELOW: Partial<Record<GlanceInstrument, number>> = { phq9: 5, gad7: 5 };

export const InstrumentGlanceSchema = z.object({
  instrumentId: z.enum(GLANCE_INSTRUMENTS),
  count: z.number().int(),
  first: z.object({ total: z.number().int(), atMs: z.number().int() }),
  latest: z.object({ total: z.number().int(), atMs: z.number().int() }),
  change: z.number().int(),
  response: z.boolean().nullable(),
  remission: z.boolean().nullable(),
  notImproving: z.boolean(),
});
export type InstrumentGlance = z.infer<typeof InstrumentGlanceSchema>;

export interface ScoredTotal {
  total: number;
  atMs: number;
}

/** null when there is no complete score. `scores` in any order. */
export function glanceOf(
  instrumentId: GlanceInstrument,
  scores: readonly ScoredTotal[],
): InstrumentGlance | null {
  const sorted = [...scores].sort((a, b) => a.atMs - b.atMs);
  const first = sorted[0];
  const latest = sorted.at(-1);
  if (!first || !latest) return null;
  const cutOff = REMISSION_BELOW[instrumentId];
  const twoOrMore = sorted.length >= 2;
  return {
    instrumentId,
    count: sorted.length,
    first,
    latest,
    change: latest.total - first.total,
    response: cutOff === undefined || !twoOrMore ? null : isResponse(first.total, latest.total),
    remission: cutOff === undefined || !twoOrMore ? null : isRemission(first.total, latest.total, cutOff),
    notImproving: sorted.length >= 3 && latest.total >= first.total,
  };
}

/** A fall of 50 % or more from a first total above zero. */
export const isResponse = (first: number, latest: number) => first > 0 && latest * 2 <= first;

export const isRemission = (first: number, latest: number, below: number) => first >= below && latest < below;

/** Attended against planned: individual sessions are attended by being held; group places count unless missed. */
export const ATTENDED = ['present', 'late', 'left-early'] as const;

const FirstLatest = z.object({ first: z.number().int(), latest: z.number().int(), count: z.number().int() });

/**
 * An episode of care a re-admission closed (migration 0850): its admission date (null for one closed before that
 * version, whose date was not kept), how it ended, and its PHQ-9 and GAD-7 first and latest.
 */
export const EarlierEpisodeSchema = z.object({
  admittedOn: z.string().nullable(),
  dischargedOn: z.string(),
  dischargeType: z.enum(DISCHARGE_TYPES),
  phq9: FirstLatest.nullable(),
  gad7: FirstLatest.nullable(),
});
export type EarlierEpisode = z.infer<typeof EarlierEpisodeSchema>;

export const ClientGlanceSchema = z.object({
  instruments: z.array(InstrumentGlanceSchema),
  /**
   * The current episode's number (1 for a client never re-admitted; null when episodes before version 0850 were not
   * told apart) and start.
   */
  episode: z.object({ number: z.number().int().nullable(), since: z.string() }),
  /** Earlier episodes, newest first. */
  earlierEpisodes: z.array(EarlierEpisodeSchema),
  daysInCare: z.number().int(),
  sessionsAttended: z.number().int(),
  sessionsPlanned: z.number().int(),
});
export type ClientGlance = z.infer<typeof ClientGlanceSchema>;
