/**
 * What a discharge summary's signature covers: canonical JSON hashed with SHA-256 (the same helpers as notes and
 * plans), and the practice-wide check that every signed summary still hashes to what was stored at signing.
 */
import type { Db } from '../db/connection';
import type { DischargeSummaryContent } from '../../shared/domain/dischargeSummary';
import { canonicalJson, sha256 } from '../notes/signing';

export function dischargeSummaryHash(s: {
  id: string;
  clientId: string;
  content: DischargeSummaryContent;
  signedBy: string;
  credentials: string;
  signedAtMs: number;
}): string {
  return sha256(canonicalJson(s));
}

/** The ids of signed discharge summaries whose stored content no longer hashes to their signature. */
export function alteredDischargeSummaries(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT id, client_id, content, signed_by, signer_credentials, signed_at_ms, content_hash
         FROM discharge_summaries WHERE signed_at_ms IS NOT NULL ORDER BY id`,
    )
    .all() as Array<{
    id: string;
    client_id: string;
    content: string;
    signed_by: string;
    signer_credentials: string;
    signed_at_ms: number;
    content_hash: string;
  }>;
  return rows
    .filter((r) => {
      let content: DischargeSummaryContent;
      try {
        content = JSON.parse(r.content) as DischargeSummaryContent;
      } catch {
        return true;
      }
      const hash = dischargeSummaryHash({
        id: r.id,
        clientId: r.client_id,
        content,
        signedBy: r.signed_by,
        credentials: r.signer_credentials,
        signedAtMs: r.signed_at_ms,
      });
      return hash !== r.content_hash;
    })
    .map((r) => r.id);
}
