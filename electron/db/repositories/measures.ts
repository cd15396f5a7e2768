/**
 * Scored-measure schedules and the facts the due rules read (shared/domain/measures.ts): each client's latest
 * complete score per instrument and latest withdrawal contact. A withdrawal contact is a MAT coordination contact
 * (CLINICAL.md §5: the MAT note carries the withdrawal ratings), so a COWS or SOWS is due on its day.
 */
import type { Db } from '../connection';
import { listName } from '../../../shared/domain/names';
import type { DueReason, MeasureId, MeasureRule } from '../../../shared/domain/measures';
import { contactDue, earlier, latestContact } from '../migrations/0800-measure-due';
import { ATTENDED, GLANCE_INSTRUMENTS, type EarlierEpisode } from '../../../shared/domain/response';
import type { DischargeType } from '../../../shared/domain/clients';

interface ScheduleRow {
  client_id: string;
  measure: MeasureId;
  at_intake: number;
  every_days: number | null;
  at_withdrawal_contact: number;
}

const ruleFromRow = (r: ScheduleRow): MeasureRule => ({
  measure: r.measure,
  atIntake: r.at_intake === 1,
  everyDays: r.every_days,
  atWithdrawalContact: r.at_withdrawal_contact === 1,
});

/** Stored rules by client id (clients that follow the defaults have none). `clientId` null: every client. */
export function storedSchedules(db: Db, clientId: string | null): Map<string, MeasureRule[]> {
  const rows = db
    .prepare(`SELECT * FROM measure_schedules WHERE @clientId IS NULL OR client_id = @clientId`)
    .all({ clientId }) as ScheduleRow[];
  const out = new Map<string, MeasureRule[]>();
  for (const r of rows) out.set(r.client_id, [...(out.get(r.client_id) ?? []), ruleFromRow(r)]);
  return out;
}

export function saveSchedule(
  db: Db,
  clientId: string,
  rules: readonly MeasureRule[],
  userId: string,
  atMs: number,
): void {
  const upsert = db.prepare(
    `INSERT INTO measure_schedules (client_id, measure, at_intake, every_days, at_withdrawal_contact,
       updated_at_ms, updated_by)
     VALUES (@clientId, @measure, @atIntake, @everyDays, @atWithdrawalContact, @atMs, @userId)
     ON CONFLICT (client_id, measure) DO UPDATE SET at_intake = excluded.at_intake,
       every_days = excluded.every_days, at_withdrawal_contact = excluded.at_withdrawal_contact,
       updated_at_ms = excluded.updated_at_ms, updated_by = excluded.updated_by`,
  );
  for (const r of rules) {
    upsert.run({
      clientId,
      measure: r.measure,
      atIntake: r.atIntake ? 1 : 0,
      everyDays: r.everyDays,
      atWithdrawalContact: r.atWithdrawalContact ? 1 : 0,
      atMs,
      userId,
    });
  }
}

export interface MeasuredClientRow {
  client_id: string;
  client_name: string;
  /** The list's collation key (clients.sort_name): worklists order by it with a plain comparison. */
  sort_name: string;
  chart_number: string;
  admission_date: string;
  /** Instrument id → epoch ms of its latest complete score, or null when it has none. */
  last_done: Record<MeasuredInstrument, number | null>;
  last_contact_on: string | null;
}

const MEASURED_INSTRUMENTS = ['phq9', 'gad7', 'auditc', 'cows', 'sows'] as const;
type MeasuredInstrument = (typeof MEASURED_INSTRUMENTS)[number];

/**
 * One active client with what the due rules need: the latest complete score per instrument of the current episode
 * from the client's `client_outcomes` row (migrations 0780, 0800), the episode's latest contact on or before today
 * from the MAT notes' (client, date) index. A client without that row reads as never measured.
 */
export function measuredClient(db: Db, today: string, clientId: string): MeasuredClientRow | null {
  const r = db
    .prepare(
      `SELECT c.id AS client_id, c.legal_last_name AS family, c.legal_first_name AS given, c.sort_name, c.chart_number,
         c.admission_date, ${MEASURED_INSTRUMENTS.map((i) => `o.${i}_latest_at_ms AS ${i}`).join(', ')},
         (SELECT max(m.contact_date) FROM mat_notes m WHERE m.client_id = c.id AND m.contact_date <= @today
            AND m.contact_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
            AND m.contact_date >= CASE WHEN o.episode_from_ms IS NOT NULL THEN c.admission_date ELSE '' END)
           AS last_contact_on
       FROM clients c LEFT JOIN client_outcomes o ON o.client_id = c.id
       WHERE c.status = 'active' AND c.id = @clientId`,
    )
    .get({ today, clientId }) as
    | (Omit<MeasuredClientRow, 'client_name' | 'last_done'> & { family: string; given: string } & Record<
          MeasuredInstrument,
          number | null
        >)
    | undefined;
  if (!r) return null;
  return {
    client_id: r.client_id,
    client_name: listName({ legalLastName: r.family, legalFirstName: r.given }),
    sort_name: r.sort_name,
    chart_number: r.chart_number,
    admission_date: r.admission_date,
    last_done: { phq9: r.phq9, gad7: r.gad7, auditc: r.auditc, cows: r.cows, sows: r.sows },
    last_contact_on: r.last_contact_on,
  };
}

export interface DueRow {
  client_id: string;
  client_name: string;
  chart_number: string;
  measure: MeasureId;
  due_on: string;
  reason: DueReason;
}

/** Rows of `measure_due` decided for a later day (their latest contact is after `@today`), decided for today. */
const DECIDED_AGAIN = `(SELECT d.*, ${earlier('d.base', contactDue('d', latestContact('d', '@today')))} AS due
  FROM measure_due d WHERE d.latest_contact_on > @today) WHERE due <= @today || '|9'`;

/** Past this many measures due, the worklist says "more than" instead of counting every one. */
export const DUE_COUNTED_UP_TO = 10_000;

/**
 * How many measures are due on or before `today` across the practice: all the rows `dueWorklist` would give, counted
 * up to `upTo` (a count reads every row; at 50,000 clients all overdue that is 150,000 rows and 14 ms).
 */
export function dueTotal(db: Db, today: string, upTo = DUE_COUNTED_UP_TO): { total: number; more: boolean } {
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM (
         SELECT 1 FROM measure_due d
         WHERE d.due_on <= @today AND (d.latest_contact_on IS NULL OR d.latest_contact_on <= @today)
         UNION ALL SELECT 1 FROM ${DECIDED_AGAIN}
         LIMIT @upTo + 1)`,
    )
    .get({ today, upTo }) as { n: number };
  return n > upTo ? { total: upTo, more: true } : { total: n, more: false };
}

/**
 * The measures due on or before `today` across the practice, earliest first, then by name, client and measure: the
 * first `limit` rows of `measure_due` (migration 0800) in its index order. A row whose latest withdrawal contact is
 * after today was decided for a later day: it is decided again here for today (few rows, by their own index).
 */
export function dueWorklist(db: Db, today: string, limit: number): DueRow[] {
  const rows = db
    .prepare(
      `SELECT u.client_id, u.measure, u.due_on, u.reason, c.legal_last_name AS family, c.legal_first_name AS given,
         c.chart_number
       FROM (
         SELECT * FROM (
           SELECT d.client_id, d.measure, d.rank, d.sort_name, d.due_on, d.reason FROM measure_due d
           WHERE d.due_on <= @today AND (d.latest_contact_on IS NULL OR d.latest_contact_on <= @today)
           ORDER BY d.due_on, d.sort_name, d.client_id, d.rank LIMIT @limit)
         UNION ALL
         SELECT client_id, measure, rank, sort_name, substr(due, 1, 10),
           CASE substr(due, 12) WHEN '0' THEN 'intake' WHEN '1' THEN 'interval' ELSE 'withdrawal-contact' END
         FROM ${DECIDED_AGAIN}) u
       JOIN clients c ON c.id = u.client_id
       ORDER BY u.due_on, u.sort_name, u.client_id, u.rank LIMIT @limit`,
    )
    .all({ today, limit }) as Array<Omit<DueRow, 'client_name'> & { family: string; given: string }>;
  return rows.map(({ family, given, ...r }) => ({
    ...r,
    client_name: listName({ legalLastName: family, legalFirstName: given }),
  }));
}

export interface ScoreRow {
  instrument_id: (typeof GLANCE_INSTRUMENTS)[number];
  total: number;
  administered_at_ms: number;
}

/** The client's complete scores of the current episode (migration 0800's `episode_from_ms`), oldest first. */
export function completeScores(db: Db, clientId: string): ScoreRow[] {
  return db
    .prepare(
      `SELECT instrument_id, total, administered_at_ms FROM assessments
       WHERE client_id = @clientId AND status = 'complete' AND total IS NOT NULL
         AND instrument_id IN (${GLANCE_INSTRUMENTS.map((i) => `'${i}'`).join(', ')})
         AND administered_at_ms >= coalesce(
           (SELECT episode_from_ms FROM client_outcomes WHERE client_id = @clientId), -9223372036854775808)
       ORDER BY administered_at_ms`,
    )
    .all({ clientId }) as ScoreRow[];
}

/**
 * Sessions attended against planned in the current episode, from signed notes: every individual session note is a
 * session held; a group place is planned whatever the attendance and attended when present, late or left early.
 * Private counselling notes are left out (they stay with their author). A re-admitted client's episode counts
 * sessions dated from the re-admission day on, as its scores and days in care do (shared/domain/episode.ts).
 */
export function sessionCounts(db: Db, clientId: string): { attended: number; planned: number } {
  return db
    .prepare(
      `SELECT count(*) AS planned,
         coalesce(sum(kind = 'progress' OR attendance IN (${ATTENDED.map(() => '?').join(', ')})), 0) AS attended
       FROM notes WHERE client_id = @clientId AND signed_at_ms IS NOT NULL AND kind IN ('progress', 'group-member')
         AND session_date >= coalesce((SELECT o.admission_date FROM client_outcomes o
           WHERE o.client_id = @clientId AND o.episode_from_ms IS NOT NULL), '')`,
    )
    .get(...ATTENDED, { clientId }) as { attended: number; planned: number };
}

interface ClosedEpisodeRow {
  admitted_on: string | null;
  discharged_on: string;
  discharge_type: DischargeType;
  phq9_scores: number;
  phq9_first: number | null;
  phq9_latest: number | null;
  gad7_scores: number;
  gad7_first: number | null;
  gad7_latest: number | null;
}

const firstLatest = (count: number, first: number | null, latest: number | null) =>
  count > 0 && first !== null && latest !== null ? { first, latest, count } : null;

/** The episodes re-admissions closed (migration 0850), newest first. */
export function earlierEpisodes(db: Db, clientId: string): EarlierEpisode[] {
  const rows = db
    .prepare(
      `SELECT e.admitted_on, e.ended_on AS discharged_on, d.discharge_type, e.phq9_scores, e.phq9_first,
         e.phq9_latest, e.gad7_scores, e.gad7_first, e.gad7_latest
       FROM closed_episodes e JOIN client_discharges d ON d.id = e.ended_by
       WHERE e.client_id = ? ORDER BY e.seq DESC`,
    )
    .all(clientId) as ClosedEpisodeRow[];
  return rows.map((r) => ({
    admittedOn: r.admitted_on,
    dischargedOn: r.discharged_on,
    dischargeType: r.discharge_type,
    phq9: firstLatest(r.phq9_scores, r.phq9_first, r.phq9_latest),
    gad7: firstLatest(r.gad7_scores, r.gad7_first, r.gad7_latest),
  }));
}
