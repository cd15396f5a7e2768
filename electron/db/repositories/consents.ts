import type { Db } from '../connection';
import {
  ConsentInputSchema,
  type Consent,
  type ConsentInput,
  type EndEvent,
  type Revocation,
} from '../../../shared/domain/consents';

interface ConsentRow {
  id: string;
  client_id: string;
  body: string;
  created_at_ms: number;
  created_by: string;
  revoked_on: string | null;
  revoked_how: Revocation['receivedHow'] | null;
  revoked_note: string | null;
  revoked_at_ms: number | null;
  revoked_by: string | null;
  ended_on: string | null;
  ended_at_ms: number | null;
  ended_by: string | null;
  first_disclosed_at_ms: number | null;
}

const SELECT = `SELECT c.*, (SELECT MIN(d.disclosed_at_ms) FROM disclosures d WHERE d.consent_id = c.id)
    AS first_disclosed_at_ms
  FROM consents c`;

const consentFromRow = (r: ConsentRow): Consent => ({
  id: r.id,
  clientId: r.client_id,
  consent: ConsentInputSchema.parse(JSON.parse(r.body)),
  createdAtMs: r.created_at_ms,
  createdBy: r.created_by,
  revocation:
    r.revoked_on && r.revoked_how && r.revoked_at_ms !== null && r.revoked_by
      ? {
          revokedOn: r.revoked_on,
          receivedHow: r.revoked_how,
          note: r.revoked_note ?? '',
          recordedAtMs: r.revoked_at_ms,
          recordedBy: r.revoked_by,
        }
      : null,
  endEvent:
    r.ended_on && r.ended_at_ms !== null && r.ended_by
      ? { happenedOn: r.ended_on, recordedAtMs: r.ended_at_ms, recordedBy: r.ended_by }
      : null,
  firstDisclosedAtMs: r.first_disclosed_at_ms,
});

export function insertConsent(
  db: Db,
  id: string,
  clientId: string,
  c: ConsentInput,
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, clientId, c.type, JSON.stringify(c), atMs, userId);
}

export function revokeConsent(db: Db, id: string, r: Revocation, userId: string, atMs: number): boolean {
  return (
    db
      .prepare(
        `UPDATE consents SET revoked_on = ?, revoked_how = ?, revoked_note = ?, revoked_at_ms = ?, revoked_by = ?
         WHERE id = ? AND revoked_on IS NULL`,
      )
      .run(r.revokedOn, r.receivedHow, r.note, atMs, userId, id).changes === 1
  );
}

/** Records that the event ending the consent happened; false when one is already recorded. */
export function recordConsentEndEvent(
  db: Db,
  id: string,
  e: EndEvent,
  userId: string,
  atMs: number,
): boolean {
  return (
    db
      .prepare(
        `UPDATE consents SET ended_on = ?, ended_at_ms = ?, ended_by = ? WHERE id = ? AND ended_on IS NULL`,
      )
      .run(e.happenedOn, atMs, userId, id).changes === 1
  );
}

export function getConsent(db: Db, id: string): Consent | null {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ConsentRow | undefined;
  return row ? consentFromRow(row) : null;
}

export function listConsents(db: Db, clientId: string): Consent[] {
  return (
    db.prepare(`${SELECT} WHERE c.client_id = ? ORDER BY c.created_at_ms DESC`).all(clientId) as ConsentRow[]
  ).map(consentFromRow);
}
