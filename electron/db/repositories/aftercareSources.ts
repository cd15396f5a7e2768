/** What the record already holds that an aftercare plan starts from (read only). */
import type { Db } from '../connection';

/** The next appointment written in this client's signed progress notes (newest session first), non-empty only. */
export function signedNoteNextAppointments(
  db: Db,
  clientId: string,
  limit: number,
): Array<{ sessionDate: string; nextAppointment: string }> {
  return db
    .prepare(
      `SELECT json_extract(content, '$.sessionDate') AS sessionDate,
              trim(json_extract(content, '$.nextAppointment')) AS nextAppointment
         FROM notes
        WHERE client_id = ? AND kind = 'progress' AND signed_at_ms IS NOT NULL
          AND trim(coalesce(json_extract(content, '$.nextAppointment'), '')) <> ''
        ORDER BY json_extract(content, '$.sessionDate') DESC, signed_at_ms DESC
        LIMIT ?`,
    )
    .all(clientId, limit) as Array<{ sessionDate: string; nextAppointment: string }>;
}
