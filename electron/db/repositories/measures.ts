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
 * Active clients (or one client) with what the due rules need. One pass: the latest complete score per instrument
 * from the client's `client_outcomes` row (migration 0780), the latest contact from the MAT notes' (client, date)
 * index. A client without that row reads as never measured: shown as due, never left off the worklist.
 */
export function measuredClients(db: Db, today: string, clientId: string | null): MeasuredClientRow[] {
  const rows = db
    .prepare(
      `SELECT c.id AS client_id, c.legal_last_name AS family, c.legal_first_name AS given, c.sort_name, c.chart_number,
         c.admission_date, ${MEASURED_INSTRUMENTS.map((i) => `o.${i}_latest_at_ms AS ${i}`).join(', ')},
         (SELECT max(m.contact_date) FROM mat_notes m WHERE m.client_id = c.id AND m.contact_date <= @today)
           AS last_contact_on
       FROM clients c LEFT JOIN client_outcomes o ON o.client_id = c.id
       WHERE c.status = 'active' AND (@clientId IS NULL OR c.id = @clientId)`,
    )
    .all({ today, clientId }) as Array<
    Omit<MeasuredClientRow, 'client_name' | 'last_done'> & { family: string; given: string } & Record<
        MeasuredInstrument,
        number | null
      >
  >;
  return rows.map((r) => ({
    client_id: r.client_id,
    client_name: listName({ legalLastName: r.family, legalFirstName: r.given }),
    sort_name: r.sort_name,
    chart_number: r.chart_number,
    admission_date: r.admission_date,
    last_done: { phq9: r.phq9, gad7: r.gad7, auditc: r.auditc, cows: r.cows, sows: r.sows },
    last_contact_on: r.last_contact_on,
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
