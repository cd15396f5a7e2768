import type { Migration } from './types';

/**
 * Discharge summaries (CLINICAL.md §5). A summary is a draft until signed; signing stores who, when, the signer's
 * credentials as they were, the SHA-256 of the content, and the discharge it records (client_discharges), all
 * together and once. The database refuses any change to, or deletion of, a signed summary. At most one draft per
 * client; a re-admitted client discharged again gets a second summary.
 */
export const dischargeSummaries: Migration = {
  version: 710,
  name: 'discharge-summaries',
  up(db) {
    db.exec(`
      CREATE TABLE discharge_summaries (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        content TEXT NOT NULL CHECK (json_valid(content)),
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at_ms INTEGER NOT NULL,
        signed_at_ms INTEGER,
        signed_by TEXT REFERENCES users (id),
        signer_credentials TEXT,
        content_hash TEXT,
        discharge_id TEXT REFERENCES client_discharges (id),
        CHECK ((signed_at_ms IS NULL) = (signed_by IS NULL) AND (signed_at_ms IS NULL) = (content_hash IS NULL)
          AND (signed_at_ms IS NULL) = (discharge_id IS NULL) AND (signed_at_ms IS NULL) = (signer_credentials IS NULL))
      ) STRICT;
      CREATE INDEX discharge_summaries_by_client ON discharge_summaries (client_id, created_at_ms);
      CREATE UNIQUE INDEX discharge_summaries_one_draft ON discharge_summaries (client_id) WHERE signed_at_ms IS NULL;
      CREATE TRIGGER discharge_summaries_signed_kept BEFORE UPDATE ON discharge_summaries
        WHEN OLD.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed discharge summary is kept as it was'); END;
      CREATE TRIGGER discharge_summaries_same_identity BEFORE UPDATE OF id, client_id, created_at_ms, created_by
        ON discharge_summaries
        BEGIN SELECT RAISE(ABORT, 'a discharge summary keeps its client and author'); END;
      CREATE TRIGGER discharge_summaries_signed_not_deleted BEFORE DELETE ON discharge_summaries
        WHEN OLD.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed discharge summary is never deleted'); END;
    `);
  },
};
