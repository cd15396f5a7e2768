/** The accounting of disclosures: rows are only ever added (the database refuses changes and deletions). */
import type { Db } from '../connection';
import { ConsentTypeSchema } from '../../../shared/domain/consents';
import {
  DisclosureSourceSchema,
  type Disclosure,
  type DisclosureBasis,
  type DisclosureSource,
} from '../../../shared/domain/disclosures';

export interface NewDisclosure {
  id: string;
  clientId: string;
  /** Defaults to 'consent'. */
  basis?: DisclosureBasis;
  /** Null only for the client's own request. */
  consentId: string | null;
  disclosedAtMs: number;
  disclosedBy: string;
  recipient: string;
  recipientAddress: string;
  purpose: string;
  what: string;
  sourceType: DisclosureSource;
  sourceId: string;
  noticeVersion: string;
}

interface DisclosureRow {
  id: string;
  client_id: string;
  basis: DisclosureBasis;
  consent_id: string | null;
  consent_type: string | null;
  consent_signed_on: string | null;
  disclosed_at_ms: number;
  disclosed_by: string;
  disclosed_by_name: string | null;
  recipient: string;
  recipient_address: string;
  purpose: string;
  what: string;
  source_type: string;
  source_id: string;
  notice_version: string;
}

const disclosureFromRow = (r: DisclosureRow): Disclosure => ({
  id: r.id,
  clientId: r.client_id,
  basis: r.basis,
  consentId: r.consent_id,
  consentType: r.consent_type === null ? null : ConsentTypeSchema.parse(r.consent_type),
  consentSignedOn: r.consent_signed_on ?? '',
  disclosedAtMs: r.disclosed_at_ms,
  disclosedBy: r.disclosed_by,
  disclosedByName: r.disclosed_by_name,
  recipient: r.recipient,
  recipientAddress: r.recipient_address,
  purpose: r.purpose,
  what: r.what,
  sourceType: DisclosureSourceSchema.parse(r.source_type),
  sourceId: r.source_id,
  noticeVersion: r.notice_version,
});

/** Call inside the transaction that audits the print it records. */
export function insertDisclosure(db: Db, d: NewDisclosure): void {
  db.prepare(
    `INSERT INTO disclosures (id, client_id, basis, consent_id, disclosed_at_ms, disclosed_by, recipient,
       recipient_address, purpose, what, source_type, source_id, notice_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.id,
    d.clientId,
    d.basis ?? 'consent',
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
         LEFT JOIN consents c ON c.id = d.consent_id
         LEFT JOIN users u ON u.id = d.disclosed_by
         WHERE d.client_id = ? AND d.disclosed_at_ms >= ?
         ORDER BY d.disclosed_at_ms DESC, d.rowid DESC`,
      )
      .all(clientId, sinceMs) as DisclosureRow[]
  ).map(disclosureFromRow);
}
