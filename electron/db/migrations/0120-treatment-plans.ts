import type { Migration } from './types';

/** Treatment plans as versions: a revision adds a row, earlier versions stay exactly as they were. */
export const treatmentPlans: Migration = {
  version: 120,
  name: 'treatment-plans',
  up(db) {
    db.exec(`
      CREATE TABLE treatment_plan_versions (
        client_id TEXT NOT NULL REFERENCES clients (id),
        version INTEGER NOT NULL CHECK (version > 0),
        plan TEXT NOT NULL CHECK (json_valid(plan)),
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (client_id, version)
      ) STRICT;
      CREATE TRIGGER treatment_plan_versions_no_update BEFORE UPDATE ON treatment_plan_versions
        BEGIN SELECT RAISE(ABORT, 'a plan version is kept as it was: save a new version'); END;
      CREATE TRIGGER treatment_plan_versions_no_delete BEFORE DELETE ON treatment_plan_versions
        BEGIN SELECT RAISE(ABORT, 'a plan version is kept as it was: save a new version'); END;
    `);
  },
};
