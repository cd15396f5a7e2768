import type { Migration } from './types';

/**
 * Medications per client (CLINICAL.md §1.6, §5). A medication is its identity row plus versions: every change is a
 * new version, numbered from 1, and the database refuses changing or deleting a version (or the medication that
 * has versions), so the history of doses, phases and prescribers is kept whole.
 */
export const medications: Migration = {
  version: 330,
  name: 'medications',
  up(db) {
    db.exec(`
      CREATE TABLE medications (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX medications_by_client ON medications (client_id);
      CREATE TABLE medication_versions (
        medication_id TEXT NOT NULL REFERENCES medications (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        body TEXT NOT NULL CHECK (json_valid(body)),
        phase TEXT NOT NULL CHECK (phase IN ('induction', 'stabilisation', 'maintenance', 'taper', 'stopped')),
        recorded_at_ms INTEGER NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (medication_id, version)
      ) STRICT;
      CREATE TRIGGER medication_versions_in_order BEFORE INSERT ON medication_versions
        WHEN NEW.version <> coalesce((SELECT max(version) FROM medication_versions
                                      WHERE medication_id = NEW.medication_id), 0) + 1
        BEGIN SELECT RAISE(ABORT, 'a medication version follows the one before it'); END;
      CREATE TRIGGER medication_versions_no_update BEFORE UPDATE ON medication_versions
        BEGIN SELECT RAISE(ABORT, 'a medication version is history: record a new version'); END;
      CREATE TRIGGER medication_versions_no_delete BEFORE DELETE ON medication_versions
        BEGIN SELECT RAISE(ABORT, 'a medication version is history and cannot be deleted'); END;
      CREATE TRIGGER medications_no_update BEFORE UPDATE ON medications
        BEGIN SELECT RAISE(ABORT, 'a medication cannot move or change: record a new version'); END;
      CREATE TRIGGER medications_no_delete BEFORE DELETE ON medications
        WHEN EXISTS (SELECT 1 FROM medication_versions WHERE medication_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'a medication with history cannot be deleted'); END;
    `);
  },
};
