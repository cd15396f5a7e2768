import type { Migration } from './types';

/** Level-of-care decisions: the clinician's choice and reason with the criteria and ratings it was made on. Append-only. */
export const levelOfCare: Migration = {
  version: 100,
  name: 'level-of-care',
  up(db) {
    db.exec(`
      CREATE TABLE level_of_care_decisions (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        level TEXT NOT NULL CHECK (level IN ('taper', 'detox', 'residential')),
        suggested TEXT NOT NULL CHECK (suggested IN ('taper', 'detox', 'residential')),
        decision TEXT NOT NULL CHECK (json_valid(decision)),
        criteria TEXT NOT NULL CHECK (json_valid(criteria)),
        decided_at_ms INTEGER NOT NULL,
        decided_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX level_of_care_by_client ON level_of_care_decisions (client_id, decided_at_ms);
      CREATE TRIGGER level_of_care_no_update BEFORE UPDATE ON level_of_care_decisions
        BEGIN SELECT RAISE(ABORT, 'a level-of-care decision is a record: add a new one'); END;
      CREATE TRIGGER level_of_care_no_delete BEFORE DELETE ON level_of_care_decisions
        BEGIN SELECT RAISE(ABORT, 'a level-of-care decision is a record: add a new one'); END;
    `);
  },
};
