/**
 * What the discharge summary counts from the record: signed sessions by type, signed MAT coordination contacts, and
 * the last service. A service is a signed session note (a group member's only when they attended) or a signed MAT
 * contact; private SUD counselling notes are not part of the record and are not counted.
 */
import type { Db } from '../connection';

export interface SessionCountRow {
  session_type: string;
  n: number;
}

const ATTENDED = `('present', 'late', 'left-early')`;

/** Signed progress notes by session type, with attended group-member notes counted as 'group'. */
export function signedSessionCounts(db: Db, clientId: string): SessionCountRow[] {
  return db
    .prepare(
      `SELECT CASE WHEN kind = 'group-member' THEN 'group' ELSE json_extract(content, '$.sessionType') END
         AS session_type, count(*) AS n
       FROM notes
       WHERE client_id = ? AND signed_at_ms IS NOT NULL
         AND (kind = 'progress' OR (kind = 'group-member' AND attendance IN ${ATTENDED}))
       GROUP BY session_type`,
    )
    .all(clientId) as SessionCountRow[];
}

export function signedMatContactCount(db: Db, clientId: string): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM mat_notes WHERE client_id = ? AND signed_at_ms IS NOT NULL')
      .get(clientId) as { n: number }
  ).n;
}

/** The SQL for a client's last service date ('YYYY-MM-DD' or NULL); `c` is the clients row. */
export const LAST_SERVICE_SQL = `max(
    coalesce((SELECT max(n.session_date) FROM notes n WHERE n.client_id = c.id AND n.signed_at_ms IS NOT NULL
      AND (n.kind = 'progress' OR (n.kind = 'group-member' AND n.attendance IN ${ATTENDED}))), ''),
    coalesce((SELECT max(m.contact_date) FROM mat_notes m WHERE m.client_id = c.id AND m.signed_at_ms IS NOT NULL),
      ''))`;

export function lastServiceOn(db: Db, clientId: string): string | null {
  const row = db.prepare(`SELECT ${LAST_SERVICE_SQL} AS last FROM clients c WHERE c.id = ?`).get(clientId) as
    { last: string } | undefined;
  return row && row.last !== '' ? row.last : null;
}
