import type { Migration } from './types';

/**
 * Per-client schedules of scored measures (issue 15, item 1). A row replaces the default rule of one measure for one
 * client (shared/domain/measures.ts); a client with no rows follows the defaults. `every_days` null means no repeat.
 * The index on assessments by instrument and time serves the practice-wide "who is due" and outcome queries.
 */
export const measureSchedules: Migration = {
  version: 740,
  name: 'measure-schedules',
  up(db) {
    db.exec(`
      CREATE TABLE measure_schedules (
        client_id TEXT NOT NULL REFERENCES clients (id),
        measure TEXT NOT NULL CHECK (measure IN ('phq9', 'gad7', 'auditc', 'withdrawal')),
        at_intake INTEGER NOT NULL CHECK (at_intake IN (0, 1)),
        every_days INTEGER CHECK (every_days IS NULL OR every_days BETWEEN 7 AND 365),
        at_withdrawal_contact INTEGER NOT NULL CHECK (at_withdrawal_contact IN (0, 1)),
        updated_at_ms INTEGER NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (client_id, measure)
      ) STRICT;
      CREATE INDEX assessments_by_instrument ON assessments (instrument_id, administered_at_ms);
    `);
  },
};
