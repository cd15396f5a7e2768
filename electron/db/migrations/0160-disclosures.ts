import type { Migration } from './types';

/**
 * The accounting of disclosures (CLINICAL.md §6): one row for each record that left the clinic under a Part 2
 * consent — when, by whom, to whom (and where, if known), what, why, under which consent and with which version of
 * the notice. History, not a working record: the database refuses any change or deletion, and a row whose consent
 * belongs to another client.
 */
export const disclosures: Migration = {
  version: 160,
  name: 'disclosures',
  up(db) {
    db.exec(`
      CREATE TABLE disclosures (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        consent_id TEXT NOT NULL REFERENCES consents (id),
        disclosed_at_ms INTEGER NOT NULL,
        disclosed_by TEXT NOT NULL REFERENCES users (id),
        recipient TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
        recipient_address TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
        what TEXT NOT NULL CHECK (length(trim(what)) > 0),
        source_type TEXT NOT NULL CHECK (source_type IN ('note')),
        source_id TEXT NOT NULL,
        notice_version TEXT NOT NULL CHECK (length(notice_version) > 0)
      ) STRICT;
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
