import type { Migration } from './types';

/**
 * The accounting of disclosures also records printed relapse-prevention, safety and aftercare plans. SQLite cannot
 * widen a CHECK, so the table is rebuilt with every row, its index and its guards (same columns, same order); the
 * rows are copied as they were.
 */
export const planDisclosures: Migration = {
  version: 520,
  name: 'plan-disclosures',
  up(db) {
    db.exec(`
      CREATE TABLE disclosures_next (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        consent_id TEXT NOT NULL REFERENCES consents (id),
        disclosed_at_ms INTEGER NOT NULL,
        disclosed_by TEXT NOT NULL REFERENCES users (id),
        recipient TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
        recipient_address TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
        what TEXT NOT NULL CHECK (length(trim(what)) > 0),
        source_type TEXT NOT NULL CHECK (source_type IN ('note', 'recovery-plan')),
        source_id TEXT NOT NULL,
        notice_version TEXT NOT NULL CHECK (length(notice_version) > 0)
      ) STRICT;
      INSERT INTO disclosures_next SELECT id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient,
        recipient_address, purpose, what, source_type, source_id, notice_version FROM disclosures ORDER BY rowid;
      DROP TABLE disclosures;
      ALTER TABLE disclosures_next RENAME TO disclosures;
      CREATE INDEX disclosures_by_client ON disclosures (client_id, disclosed_at_ms);
      CREATE TRIGGER disclosures_consent_of_client BEFORE INSERT ON disclosures
        WHEN (SELECT client_id FROM consents WHERE id = NEW.consent_id) IS NOT NEW.client_id
        BEGIN SELECT RAISE(ABORT, 'a disclosure is made under a consent of the same client'); END;
      CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
        BEGIN SELECT RAISE(ABORT, 'disclosures are never changed: the accounting is history'); END;
      CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
        BEGIN SELECT RAISE(ABORT, 'disclosures are never deleted: the accounting is history'); END;
    `);
  },
};
