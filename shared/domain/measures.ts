/**
 * Measurement-based care (issue 15, item 1): which scored measures each client is due, and when. The defaults are
 * CLINICAL.md §1–2's: PHQ-9 and GAD-7 at intake and every 30 days, AUDIT-C at intake, COWS or SOWS at each
 * withdrawal contact. A clinician may change any client's schedule; a row stored for a client replaces the default
 * for that measure. Due dates are calendar days in the clinic's own zone: a measure given at 23:30 on 31 January is
 * due again 30 calendar days after 31 January, whatever the month lengths or a daylight-saving change in between.
 */
import { z } from 'zod';
import { localDate } from './common';
import { contactInEpisode, scoredInEpisode, type Episode } from './episode';

export const MEASURE_IDS = ['phq9', 'gad7', 'auditc', 'withdrawal'] as const;
export const MeasureIdSchema = z.enum(MEASURE_IDS);
export type MeasureId = z.infer<typeof MeasureIdSchema>;

export const MEASURE_LABELS: Record<MeasureId, string> = {
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  auditc: 'AUDIT-C',
  withdrawal: 'COWS or SOWS',
};

/** The instruments that satisfy a measure: either withdrawal scale counts for a withdrawal contact. */
export const MEASURE_INSTRUMENTS: Record<MeasureId, readonly string[]> = {
  phq9: ['phq9'],
  gad7: ['gad7'],
  auditc: ['auditc'],
  withdrawal: ['cows', 'sows'],
};

export const MeasureRuleSchema = z
  .object({
    measure: MeasureIdSchema,
    atIntake: z.boolean(),
    everyDays: z
      .number()
      .int('Whole days only.')
      .min(7, 'Repeat at most once a week.')
      .max(365, 'Repeat at least once a year.')
      .nullable(),
    atWithdrawalContact: z.boolean(),
  })
  .strict();
export type MeasureRule = z.infer<typeof MeasureRuleSchema>;

export const MeasureScheduleSchema = z
  .array(MeasureRuleSchema)
  .refine((rules) => new Set(rules.map((r) => r.measure)).size === rules.length, 'Each measure once.');

export const DEFAULT_SCHEDULE: readonly MeasureRule[] = [
  { measure: 'phq9', atIntake: true, everyDays: 30, atWithdrawalContact: false },
  { measure: 'gad7', atIntake: true, everyDays: 30, atWithdrawalContact: false },
  { measure: 'auditc', atIntake: true, everyDays: null, atWithdrawalContact: false },
  { measure: 'withdrawal', atIntake: false, everyDays: null, atWithdrawalContact: true },
];

/** The client's schedule: the stored rules where there are any, the default for every other measure. */
export function scheduleWith(stored: readonly MeasureRule[]): MeasureRule[] {
  return DEFAULT_SCHEDULE.map((d) => stored.find((s) => s.measure === d.measure) ?? d);
}

/** A rule that asks for nothing: the measure is off for this client. */
export const isOff = (r: MeasureRule) => !r.atIntake && r.everyDays === null && !r.atWithdrawalContact;

/** 'YYYY-MM-DD' plus n calendar days. Pure date arithmetic, so no clock hour or zone change can move it. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** What the record says about one measure for one client. */
export interface MeasureFacts {
  admissionDate: string;
  /** Epoch ms of the latest complete score of any of the measure's instruments, or null. */
  lastDoneAtMs: number | null;
  /** The latest withdrawal contact on or before today ('YYYY-MM-DD'), or null. */
  lastContactOn: string | null;
}

export type DueStatus = 'overdue' | 'due-today' | 'upcoming';
export type DueReason = 'intake' | 'interval' | 'withdrawal-contact';

export interface MeasureDue {
  measure: MeasureId;
  dueOn: string;
  reason: DueReason;
  status: DueStatus;
}

export const statusOn = (dueOn: string, today: string): DueStatus =>
  dueOn < today ? 'overdue' : dueOn === today ? 'due-today' : 'upcoming';

/**
 * When the measure is next due, or null when nothing is asked for. The earliest of: the intake score (on the
 * admission date) when there is none yet; the interval after the last score (or after admission when there is no
 * intake score to count from); a withdrawal contact with no COWS or SOWS on or after its day.
 */
export function nextDue(rule: MeasureRule, facts: MeasureFacts, today: string): MeasureDue | null {
  const lastDone = facts.lastDoneAtMs === null ? null : localDate(facts.lastDoneAtMs);
  const candidates: Array<{ dueOn: string; reason: DueReason }> = [];
  if (rule.atIntake && lastDone === null) candidates.push({ dueOn: facts.admissionDate, reason: 'intake' });
  if (rule.everyDays !== null) {
    const from = lastDone ?? facts.admissionDate;
    candidates.push({ dueOn: addDays(from, rule.everyDays), reason: 'interval' });
  }
  if (
    rule.atWithdrawalContact &&
    facts.lastContactOn !== null &&
    facts.lastContactOn <= today &&
    (lastDone === null || lastDone < facts.lastContactOn)
  ) {
    candidates.push({ dueOn: facts.lastContactOn, reason: 'withdrawal-contact' });
  }
  const first = candidates.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return first ? { measure: rule.measure, ...first, status: statusOn(first.dueOn, today) } : null;
}

/** Every scheduled measure's next due date, earliest first (then in the schedule's order). */
export function dueMeasures(
  schedule: readonly MeasureRule[],
  factsOf: (measure: MeasureId) => MeasureFacts,
  today: string,
): MeasureDue[] {
  return schedule
    .filter((r) => !isOff(r))
    .flatMap((rule) => {
      const due = nextDue(rule, factsOf(rule.measure), today);
      return due ? [due] : [];
    })
    .sort(
      (a, b) =>
        (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
        MEASURE_IDS.indexOf(a.measure) - MEASURE_IDS.indexOf(b.measure),
    );
}

/** A client's records as the due rules read them: the current episode, complete scores, MAT contact dates. */
export interface MeasureRecords {
  episode: Episode;
  scores: ReadonlyArray<{ instrumentId: string; atMs: number }>;
  /** The contact date of every MAT note, drafts too; one not shaped as a date is not a contact. */
  contacts: readonly string[];
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** The facts of one measure from the records: only the current episode's scores and contacts count. */
export function measureFacts(measure: MeasureId, r: MeasureRecords, today: string): MeasureFacts {
  const times = r.scores
    .filter(
      (s) => MEASURE_INSTRUMENTS[measure].includes(s.instrumentId) && scoredInEpisode(r.episode, s.atMs),
    )
    .map((s) => s.atMs);
  const contacts = r.contacts.filter(
    (c) => DATE_SHAPE.test(c) && c <= today && contactInEpisode(r.episode, c),
  );
  return {
    admissionDate: r.episode.admittedOn,
    lastDoneAtMs: times.length ? Math.max(...times) : null,
    lastContactOn: contacts.length ? contacts.reduce((a, b) => (b > a ? b : a)) : null,
  };
}

export const DUE_REASON_LABELS: Record<DueReason, string> = {
  intake: 'At intake',
  interval: 'Repeat',
  'withdrawal-contact': 'Withdrawal contact',
};
