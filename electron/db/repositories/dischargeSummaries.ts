/** Discharge summaries (migration 0710). A signed summary is refused any change or deletion by the database. */
import type { Db } from '../connection';
import type { DischargeSummary, DischargeSummaryContent } from '../../../shared/domain/dischargeSummary';

export interface DischargeSummaryRow {
  id: string;
  client_id: string;
  content: string;
  created_at_ms: number;
  created_by: string;
  created_by_name: string | null;
  updated_at_ms: number;
  signed_at_ms: number | null;
  signed_by: string | null;
  signed_by_name: string | null;
  signer_credentials: string | null;
  content_hash: string | null;
  discharge_id: string | null;
}

const SELECT = `SELECT d.*, c.display_name AS created_by_name, s.display_name AS signed_by_name
  FROM discharge_summaries d LEFT JOIN users c ON c.id = d.created_by LEFT JOIN users s ON s.id = d.signed_by`;

export const dischargeSummaryFromRow = (r: DischargeSummaryRow): DischargeSummary => ({
  id: r.id,
  clientId: r.client_id,
  content: JSON.parse(r.content) as DischargeSummaryContent,
  createdAtMs: r.created_at_ms,
  createdByName: r.created_by_name,
  updatedAtMs: r.updated_at_ms,
  signedAtMs: r.signed_at_ms,
  signedByName: r.signed_by_name,
  signerCredentials: r.signer_credentials,
  contentHash: r.content_hash,
});

export function getDischargeSummaryRow(db: Db, id: string): DischargeSummaryRow | null {
  return (db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DischargeSummaryRow | undefined) ?? null;
}

/** A client's summaries, newest first (the draft, if any, first). */
export function listDischargeSummaryRows(db: Db, clientId: string): DischargeSummaryRow[] {
  return db
    .prepare(`${SELECT} WHERE d.client_id = ? ORDER BY (d.signed_at_ms IS NULL) DESC, d.created_at_ms DESC`)
    .all(clientId) as DischargeSummaryRow[];
}

export function insertDischargeSummaryDraft(
  db: Db,
  s: { id: string; clientId: string; content: DischargeSummaryContent },
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO discharge_summaries (id, client_id, content, created_at_ms, created_by, updated_at_ms)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.clientId, JSON.stringify(s.content), atMs, userId, atMs);
}

export function updateDischargeSummaryDraft(
  db: Db,
  id: string,
  content: DischargeSummaryContent,
  atMs: number,
): void {
  db.prepare(
    'UPDATE discharge_summaries SET content = ?, updated_at_ms = ? WHERE id = ? AND signed_at_ms IS NULL',
  ).run(JSON.stringify(content), atMs, id);
}

export function deleteDischargeSummaryDraft(db: Db, id: string): void {
  db.prepare('DELETE FROM discharge_summaries WHERE id = ? AND signed_at_ms IS NULL').run(id);
}

export function markDischargeSummarySigned(
  db: Db,
  id: string,
  s: {
    content: DischargeSummaryContent;
    userId: string;
    credentials: string;
    atMs: number;
    hash: string;
    dischargeId: string;
  },
): void {
  db.prepare(
    `UPDATE discharge_summaries SET content = ?, signed_at_ms = ?, signed_by = ?, signer_credentials = ?,
       content_hash = ?, discharge_id = ?
     WHERE id = ? AND signed_at_ms IS NULL`,
  ).run(JSON.stringify(s.content), s.atMs, s.userId, s.credentials, s.hash, s.dischargeId, id);
}
