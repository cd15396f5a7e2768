/** The accounting of disclosures: rows are only ever added (the database refuses changes and deletions). */
import type { Db } from '../connection';
import { ConsentTypeSchema } from '../../../shared/domain/consents';
import type { Disclosure, DisclosureSourceType } from '../../../shared/domain/disclosures';

export interface NewDisclosure {
  id: string;
  clientId: string;
  consentId: string;
  disclosedAtMs: number;
  disclosedBy: string;
  recipient: string;
  recipientAddress: string;
  purpose: string;
  what: string;
  sourceType: DisclosureSourceType;
  sourceId: string;
  noticeVersion: string;
}

interface DisclosureRow {
  id: string;
  client_id: string;
  consent_id: string;
  consent_type: string;
  consent_signed_on: string | null;
  disclosed_at_ms: number;
  disclosed_by: string;
  disclosed_by_name: string | null;
  recipient: string;
  recipient_address: string;
  purpose: string;
  what: string;
  source_type: DisclosureSourceType;
  source_id: string;
  notice_version: string;
}

const disclosureFromRow = (r: DisclosureRow): Disclosure => ({
  id: r.id,
  clientId: r.client_id,
  consentId: r.consent_id,
  consentType: ConsentTypeSchema.parse(r.consent_type),
  consentSignedOn: r.consent_signed_on ?? '',
  disclosedAtMs: r.disclosed_at_ms,
  disclosedBy: r.disclosed_by,
  disclosedByName: r.disclosed_by_name,
  recipient: r.recipient,
  recipientAddress: r.recipient_address,
  purpose: r.purpose,
  what: r.what,
  sourceType: r.source_type,
  sourceId: r.source_id,
  noticeVersion: r.notice_version,
});

/** Call inside the transaction that audits the print it records. */
export function insertDisclosure(db: Db, d: NewDisclosure): void {
  db.prepare(
    `INSERT INTO disclosures (id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient, recipient_address,
       purpose, what, source_type, source_id, notice_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.id,
    d.clientId,
    d.consentId,
    d.disclosedAtMs,
    d.disclosedBy,
    d.recipient,
    d.recipientAddress,
    d.purpose,
    d.what,
    d.sourceType,
    d.sourceId,
    d.noticeVersion,
  );
}

/** This client's disclosures made at or after `sinceMs`, newest first. */
export function listDisclosures(db: Db, clientId: string, sinceMs: number): Disclosure[] {
  return (
    db
      .prepare(
        `SELECT d.*, c.type AS consent_type, json_extract(c.body, '$.signedOn') AS consent_signed_on,
           u.display_name AS disclosed_by_name
         FROM disclosures d
         JOIN consents c ON c.id = d.consent_id
         LEFT JOIN users u ON u.id = d.disclosed_by
         WHERE d.client_id = ? AND d.disclosed_at_ms >= ?
         ORDER BY d.disclosed_at_ms DESC, d.rowid DESC`,
      )
      .all(clientId, sinceMs) as DisclosureRow[]
  ).map(disclosureFromRow);
}
