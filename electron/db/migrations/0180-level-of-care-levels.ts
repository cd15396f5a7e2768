import type { Migration } from './types';

/**
 * Level-of-care decisions can record outpatient, intensive outpatient and partial hospitalisation care beside a
 * taper, detox and residential care (seeds 002–004; issue 8 item 9), and a decision made when the record held too
 * little to suggest a level keeps its suggestion as NULL (issue 8 item 1). SQLite cannot change a CHECK, so the
 * table is rebuilt with every row copied as it was; it stays append-only (its triggers are recreated). Dropping
 * the old table does not fire its delete trigger.
 */
export const levelOfCareLevels: Migration = {
  version: 180,
  name: 'level-of-care-levels',
  up(db) {
    db.exec(`
      CREATE TABLE level_of_care_decisions_new (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        level TEXT NOT NULL CHECK (level IN ('taper', 'outpatient', 'intensive-outpatient',
          'partial-hospitalisation', 'detox', 'residential')),
        suggested TEXT CHECK (suggested IS NULL OR suggested IN ('taper', 'detox', 'residential')),
        decision TEXT NOT NULL CHECK (json_valid(decision)),
        criteria TEXT NOT NULL CHECK (json_valid(criteria)),
        decided_at_ms INTEGER NOT NULL,
        decided_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      INSERT INTO level_of_care_decisions_new
        (id, client_id, level, suggested, decision, criteria, decided_at_ms, decided_by)
        SELECT id, client_id, level, suggested, decision, criteria, decided_at_ms, decided_by
        FROM level_of_care_decisions;
      DROP TABLE level_of_care_decisions;
      ALTER TABLE level_of_care_decisions_new RENAME TO level_of_care_decisions;
      CREATE INDEX level_of_care_by_client ON level_of_care_decisions (client_id, decided_at_ms);
      CREATE TRIGGER level_of_care_no_update BEFORE UPDATE ON level_of_care_decisions
        BEGIN SELECT RAISE(ABORT, 'a level-of-care decision is a record: add a new one'); END;
      CREATE TRIGGER level_of_care_no_delete BEFORE DELETE ON level_of_care_decisions
        BEGIN SELECT RAISE(ABORT, 'a level-of-care decision is a record: add a new one'); END;
    `);
  },
};
