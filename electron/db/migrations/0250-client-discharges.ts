import type { Migration } from './types';

/**
 * Discharges (issue 9, item 6; CLINICAL.md §5 discharge types). Until the discharge workflow exists, a client is
 * set to Discharged only with the date and how they left care; each time is one row here, kept (a re-admitted and
 * again discharged client has two). Rows are history: never updated or deleted, refused in SQL as well.
 */
export const clientDischarges: Migration = {
  version: 250,
  name: 'client-discharges',
  up(db) {
    db.exec(`
      CREATE TABLE client_discharges (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        discharged_on TEXT NOT NULL
          CHECK (discharged_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        discharge_type TEXT NOT NULL CHECK (discharge_type IN
          ('completed', 'transferred', 'left-against-advice', 'administrative', 'lost-contact', 'other')),
        recorded_at_ms INTEGER NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX client_discharges_by_client ON client_discharges (client_id, recorded_at_ms);
      CREATE TRIGGER client_discharges_no_update BEFORE UPDATE ON client_discharges
        BEGIN SELECT RAISE(ABORT, 'a recorded discharge is never changed'); END;
      CREATE TRIGGER client_discharges_no_delete BEFORE DELETE ON client_discharges
        BEGIN SELECT RAISE(ABORT, 'a recorded discharge is never deleted'); END;
    `);
  },
};
