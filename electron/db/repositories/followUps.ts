/** Follow-up contacts after discharge: the discharges that ask for one, and the attempts recorded. */
import type { Db } from '../connection';
import { listName } from '../../../shared/domain/names';
import type { FollowUpDay, FollowUpOutcome } from '../../../shared/domain/followUp';
import type { DischargeType } from '../../../shared/domain/clients';

const SETTING = 'followUp90Days';

export function followUp90Days(db: Db): boolean {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(SETTING) as
    { value: string } | undefined;
  return row ? JSON.parse(row.value) === true : false;
}

export function saveFollowUp90Days(db: Db, on: boolean): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(SETTING, JSON.stringify(on));
}

export interface DischargedClientRow {
  client_id: string;
  client_name: string;
  chart_number: string;
  phone: string;
  discharge_id: string;
  discharged_on: string;
  discharge_type: DischargeType;
  /** JSON array of [day, result] for the attempts recorded against this discharge. */
  attempts: string;
}

/**
 * Discharged clients whose latest discharge is on or after `since` (older ones are past every follow-up window),
 * or one client's latest discharge when `clientId` is given.
 */
export function dischargedClients(db: Db, since: string, clientId: string | null): DischargedClientRow[] {
  const rows = db
    .prepare(
      `SELECT c.id AS client_id, c.legal_last_name AS family, c.legal_first_name AS given, c.chart_number, c.phone,
         d.id AS discharge_id, d.discharged_on, d.discharge_type,
         (SELECT json_group_array(json_array(f.day, f.result)) FROM discharge_follow_ups f
           WHERE f.discharge_id = d.id) AS attempts
       FROM clients c
       JOIN client_discharges d ON d.id = (
         SELECT id FROM client_discharges WHERE client_id = c.id ORDER BY recorded_at_ms DESC, rowid DESC LIMIT 1)
       WHERE c.status = 'discharged' AND (@clientId IS NULL OR c.id = @clientId)
         AND (@clientId IS NOT NULL OR d.discharged_on >= @since)`,
    )
    .all({ since, clientId }) as Array<
    Omit<DischargedClientRow, 'client_name'> & { family: string; given: string }
  >;
  return rows.map(({ family, given, ...r }) => ({
    ...r,
    client_name: listName({ legalLastName: family, legalFirstName: given }),
  }));
}

export interface FollowUpRow {
  id: string;
  discharge_id: string;
  day: FollowUpDay;
  contacted_on: string;
  result: FollowUpOutcome['result'];
  using_status: FollowUpOutcome['using'];
  aftercare: FollowUpOutcome['aftercare'];
  readmission_offered: number;
  note: string;
  recorded_at_ms: number;
  recorded_by_name: string;
}

export function insertFollowUp(
  db: Db,
  f: { id: string; clientId: string; dischargeId: string; day: FollowUpDay; outcome: FollowUpOutcome },
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO discharge_follow_ups (id, client_id, discharge_id, day, contacted_on, result, using_status,
       aftercare, readmission_offered, note, recorded_at_ms, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.id,
    f.clientId,
    f.dischargeId,
    f.day,
    f.outcome.contactedOn,
    f.outcome.result,
    f.outcome.using,
    f.outcome.aftercare,
    f.outcome.readmissionOffered ? 1 : 0,
    f.outcome.note,
    atMs,
    userId,
  );
}

export function followUpsOf(db: Db, clientId: string): FollowUpRow[] {
  return db
    .prepare(
      `SELECT f.id, f.discharge_id, f.day, f.contacted_on, f.result, f.using_status, f.aftercare,
         f.readmission_offered, f.note, f.recorded_at_ms, u.display_name AS recorded_by_name
       FROM discharge_follow_ups f JOIN users u ON u.id = f.recorded_by
       WHERE f.client_id = ? ORDER BY f.recorded_at_ms DESC`,
    )
    .all(clientId) as FollowUpRow[];
}
