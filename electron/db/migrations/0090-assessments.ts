import type { Migration } from './types';

/**
 * Administered instruments. The answers are kept exactly as given (JSON) with the instrument id and version; the
 * score columns are what the engine computed from them. Once signed a row cannot change or be deleted: triggers
 * enforce it, whatever the code above them does.
 */
export const assessments: Migration = {
  version: 90,
  name: 'assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        instrument_id TEXT NOT NULL,
        instrument_version TEXT NOT NULL,
        input TEXT NOT NULL CHECK (json_valid(input)),
        status TEXT CHECK (status IN ('complete', 'incomplete')),
        total INTEGER,
        band TEXT,
        flags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
        administered_at_ms INTEGER NOT NULL,
        administered_by TEXT NOT NULL REFERENCES users (id),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        signed_at_ms INTEGER,
        signed_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX assessments_by_client ON assessments (client_id, instrument_id, administered_at_ms);
      CREATE TRIGGER assessments_signed_no_update BEFORE UPDATE ON assessments WHEN old.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed assessment cannot be changed'); END;
      CREATE TRIGGER assessments_signed_no_delete BEFORE DELETE ON assessments WHEN old.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed assessment cannot be deleted'); END;
    `);
  },
};
