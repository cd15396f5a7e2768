import type { Migration } from './types';

/**
 * Record exports join the accounting of disclosures (CLINICAL.md §6; issue 11 item 6). An export is made either
 * under one of the client's consents or at the client's own request, which needs no consent: `basis` says which,
 * and `consent_id` is present exactly when the basis is a consent. `source_type` names what kind of record left
 * the clinic ('note', 'export', and later the printed plans): the domain's list governs it, the database only
 * insists it is named. SQLite cannot change a column's constraints in place, so the table is rebuilt with every row
 * kept as it was; the triggers that make the accounting history are recreated unchanged.
 */
export const recordExports: Migration = {
  version: 600,
  name: 'record-exports',
  up(db) {
    db.exec(`
      DROP TRIGGER disclosures_consent_of_client;
      DROP TRIGGER disclosures_no_update;
      DROP TRIGGER disclosures_no_delete;
      CREATE TABLE disclosures_rebuilt (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        basis TEXT NOT NULL DEFAULT 'consent' CHECK (basis IN ('consent', 'client-request')),
        consent_id TEXT REFERENCES consents (id),
        disclosed_at_ms INTEGER NOT NULL,
        disclosed_by TEXT NOT NULL REFERENCES users (id),
        recipient TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
        recipient_address TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
        what TEXT NOT NULL CHECK (length(trim(what)) > 0),
        source_type TEXT NOT NULL CHECK (length(trim(source_type)) > 0),
        source_id TEXT NOT NULL,
        notice_version TEXT NOT NULL CHECK (length(notice_version) > 0),
        CHECK ((basis = 'consent') = (consent_id IS NOT NULL))
      ) STRICT;
      INSERT INTO disclosures_rebuilt (id, client_id, basis, consent_id, disclosed_at_ms, disclosed_by, recipient,
          recipient_address, purpose, what, source_type, source_id, notice_version)
        SELECT id, client_id, 'consent', consent_id, disclosed_at_ms, disclosed_by, recipient, recipient_address,
          purpose, what, source_type, source_id, notice_version
        FROM disclosures ORDER BY rowid;
      DROP TABLE disclosures;
      ALTER TABLE disclosures_rebuilt RENAME TO disclosures;
      CREATE INDEX disclosures_by_client ON disclosures (client_id, disclosed_at_ms);
      CREATE TRIGGER disclosures_consent_of_client BEFORE INSERT ON disclosures
        WHEN NEW.consent_id IS NOT NULL
          AND (SELECT client_id FROM consents WHERE id = NEW.consent_id) IS NOT NEW.client_id
        BEGIN SELECT RAISE(ABORT, 'a disclosure is made under a consent of the same client'); END;
      CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
        BEGIN SELECT RAISE(ABORT, 'disclosures are never changed: the accounting is history'); END;
      CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
        BEGIN SELECT RAISE(ABORT, 'disclosures are never deleted: the accounting is history'); END;
      -- Migration 0220's rule, dropped with the old table: a single-disclosure consent carries one disclosure.
      CREATE TRIGGER disclosures_single_use BEFORE INSERT ON disclosures
        WHEN (SELECT type FROM consents WHERE id = NEW.consent_id) = 'single-disclosure'
          AND EXISTS (SELECT 1 FROM disclosures WHERE consent_id = NEW.consent_id)
        BEGIN SELECT RAISE(ABORT, 'a single-disclosure consent has already been used'); END;
    `);
  },
};
