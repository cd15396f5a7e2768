/**
 * Scored-measure schedules and the facts the due rules read (shared/domain/measures.ts): each client's latest
 * complete score per instrument and latest withdrawal contact. A withdrawal contact is a MAT coordination contact
 * (CLINICAL.md §5: the MAT note carries the withdrawal ratings), so a COWS or SOWS is due on its day.
 */
import type { Db } from '../connection';
import { listName } from '../../../shared/domain/names';
import type { MeasureId, MeasureRule } from '../../../shared/domain/measures';
import { ATTENDED, GLANCE_INSTRUMENTS } from '../../../shared/domain/response';

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
  chart_number: string;
  admission_date: string;
  /** JSON object: instrument id → epoch ms of its latest complete score. */
  last_done: string;
  last_contact_on: string | null;
}

/**
 * Active clients (or one client) with what the due rules need. One pass: the latest complete score per instrument
 * comes from the (client, instrument, time) index, the latest contact from the MAT notes' (client, date) index.
 */
export function measuredClients(db: Db, today: string, clientId: string | null): MeasuredClientRow[] {
  const rows = db
    .prepare(
      `SELECT c.id AS client_id, c.legal_last_name AS family, c.legal_first_name AS given, c.chart_number,
         c.admission_date,
         (SELECT json_group_object(instrument_id, at_ms) FROM (
            SELECT a.instrument_id, max(a.administered_at_ms) AS at_ms FROM assessments a
            WHERE a.client_id = c.id AND a.status = 'complete' AND a.total IS NOT NULL
              AND a.instrument_id IN ('phq9', 'gad7', 'auditc', 'cows', 'sows')
            GROUP BY a.instrument_id)) AS last_done,
         (SELECT max(m.contact_date) FROM mat_notes m WHERE m.client_id = c.id AND m.contact_date <= @today)
           AS last_contact_on
       FROM clients c
       WHERE c.status = 'active' AND (@clientId IS NULL OR c.id = @clientId)`,
    )
    .all({ today, clientId }) as Array<
    Omit<MeasuredClientRow, 'client_name'> & { family: string; given: string }
  >;
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

export function completeScores(db: Db, clientId: string): ScoreRow[] {
  return db
    .prepare(
      `SELECT instrument_id, total, administered_at_ms FROM assessments
       WHERE client_id = ? AND status = 'complete' AND total IS NOT NULL
         AND instrument_id IN (${GLANCE_INSTRUMENTS.map(() => '?').join(', ')})
       ORDER BY administered_at_ms`,
    )
    .all(clientId, ...GLANCE_INSTRUMENTS) as ScoreRow[];
}

/**
 * Sessions attended against planned, from signed notes: every individual session note is a session held; a group
 * place is planned whatever the attendance and attended when present, late or left early. Private counselling
 * notes are left out (they stay with their author).
 */
export function sessionCounts(db: Db, clientId: string): { attended: number; planned: number } {
  return db
    .prepare(
      `SELECT count(*) AS planned,
         coalesce(sum(kind = 'progress' OR attendance IN (${ATTENDED.map(() => '?').join(', ')})), 0) AS attended
       FROM notes WHERE client_id = ? AND signed_at_ms IS NOT NULL AND kind IN ('progress', 'group-member')`,
    )
    .get(...ATTENDED, clientId) as { attended: number; planned: number };
}
