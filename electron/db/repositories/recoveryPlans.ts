/** Relapse-prevention, safety and aftercare plan versions. Signed versions are refused any change by the database. */
import type { Db } from '../connection';
import type {
  RecoveryPlan,
  RecoveryPlanContent,
  RecoveryPlanKind,
} from '../../../shared/domain/recoveryPlans';

export interface RecoveryPlanRow {
  id: string;
  client_id: string;
  kind: RecoveryPlanKind;
  version: number;
  content: string;
  created_at_ms: number;
  created_by: string;
  created_by_name: string | null;
  updated_at_ms: number;
  signed_at_ms: number | null;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_by_credentials: string | null;
  content_hash: string | null;
}

const SELECT = `SELECT p.*, c.display_name AS created_by_name, s.display_name AS signed_by_name,
    s.credentials AS signed_by_credentials
  FROM recovery_plans p LEFT JOIN users c ON c.id = p.created_by LEFT JOIN users s ON s.id = p.signed_by`;

export const recoveryPlanFromRow = (r: RecoveryPlanRow): RecoveryPlan => ({
  id: r.id,
  clientId: r.client_id,
  version: r.version,
  content: JSON.parse(r.content) as RecoveryPlanContent,
  createdAtMs: r.created_at_ms,
  createdByName: r.created_by_name,
  updatedAtMs: r.updated_at_ms,
  signedAtMs: r.signed_at_ms,
  signedByName: r.signed_by_name,
  signedByCredentials: r.signed_by_credentials,
  contentHash: r.content_hash,
});

export function getRecoveryPlanRow(db: Db, id: string): RecoveryPlanRow | null {
  return (db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as RecoveryPlanRow | undefined) ?? null;
}

/** Every version of one kind of plan for a client, newest first. */
export function listRecoveryPlanRows(db: Db, clientId: string, kind: RecoveryPlanKind): RecoveryPlanRow[] {
  return db
    .prepare(`${SELECT} WHERE p.client_id = ? AND p.kind = ? ORDER BY p.version DESC`)
    .all(clientId, kind) as RecoveryPlanRow[];
}

/** The newest signed version of one kind of plan, or null. */
export function latestSignedRecoveryPlanRow(
  db: Db,
  clientId: string,
  kind: RecoveryPlanKind,
): RecoveryPlanRow | null {
  return (
    (db
      .prepare(
        `${SELECT} WHERE p.client_id = ? AND p.kind = ? AND p.signed_at_ms IS NOT NULL
         ORDER BY p.version DESC LIMIT 1`,
      )
      .get(clientId, kind) as RecoveryPlanRow | undefined) ?? null
  );
}

/** Inserts the next version as a draft; the database refuses a number that is not the next one. */
export function insertRecoveryPlanDraft(
  db: Db,
  p: { id: string; clientId: string; content: RecoveryPlanContent },
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO recovery_plans (id, client_id, kind, version, content, created_at_ms, created_by, updated_at_ms)
     VALUES (@id, @clientId, @kind, (SELECT coalesce(max(version), 0) + 1 FROM recovery_plans
       WHERE client_id = @clientId AND kind = @kind), @content, @atMs, @userId, @atMs)`,
  ).run({
    id: p.id,
    clientId: p.clientId,
    kind: p.content.kind,
    content: JSON.stringify(p.content),
    atMs,
    userId,
  });
}

export function updateRecoveryPlanDraft(
  db: Db,
  id: string,
  content: RecoveryPlanContent,
  atMs: number,
): void {
  db.prepare(
    'UPDATE recovery_plans SET content = ?, updated_at_ms = ? WHERE id = ? AND signed_at_ms IS NULL',
  ).run(JSON.stringify(content), atMs, id);
}

export function deleteRecoveryPlanDraft(db: Db, id: string): void {
  db.prepare('DELETE FROM recovery_plans WHERE id = ? AND signed_at_ms IS NULL').run(id);
}

export function markRecoveryPlanSigned(
  db: Db,
  id: string,
  s: { userId: string; atMs: number; hash: string },
): void {
  db.prepare(
    `UPDATE recovery_plans SET signed_at_ms = ?, signed_by = ?, content_hash = ?
     WHERE id = ? AND signed_at_ms IS NULL`,
  ).run(s.atMs, s.userId, s.hash, id);
}
