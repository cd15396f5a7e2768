/** Post-acute check-ins: added, never changed (the database refuses changes and deletions). */
import type { Db } from '../connection';
import type { PawsCheckin, PawsCheckinInput } from '../../../shared/domain/withdrawalCourse';

interface PawsRow {
  id: string;
  client_id: string;
  checkin_date: string;
  sleep: number;
  mood: number;
  craving: number;
  energy: number;
  note: string;
  recorded_at_ms: number;
  recorded_by_name: string | null;
}

export function insertPawsCheckin(
  db: Db,
  id: string,
  clientId: string,
  c: PawsCheckinInput,
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO paws_checkins (id, client_id, checkin_date, sleep, mood, craving, energy, note, recorded_at_ms,
       recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, clientId, c.checkinDate, c.sleep, c.mood, c.craving, c.energy, c.note, atMs, userId);
}

/** Oldest first, the order they are charted in. */
export function listPawsCheckins(db: Db, clientId: string): PawsCheckin[] {
  return (
    db
      .prepare(
        `SELECT p.*, u.display_name AS recorded_by_name FROM paws_checkins p
         LEFT JOIN users u ON u.id = p.recorded_by
         WHERE p.client_id = ? ORDER BY p.checkin_date, p.recorded_at_ms`,
      )
      .all(clientId) as PawsRow[]
  ).map((r) => ({
    id: r.id,
    clientId: r.client_id,
    checkinDate: r.checkin_date,
    sleep: r.sleep,
    mood: r.mood,
    craving: r.craving,
    energy: r.energy,
    note: r.note,
    recordedAtMs: r.recorded_at_ms,
    recordedByName: r.recorded_by_name,
  }));
}
