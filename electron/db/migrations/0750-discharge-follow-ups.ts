import type { Migration } from './types';

/**
 * Follow-up contacts after discharge (issue 15, item 4): one row per attempt, tied to the discharge it follows (a
 * re-admitted and again discharged client is followed up again). Attempts are history: never changed or deleted.
 */
export const dischargeFollowUps: Migration = {
  version: 750,
  name: 'discharge-follow-ups',
  up(db) {
    db.exec(`
      CREATE TABLE discharge_follow_ups (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        discharge_id TEXT NOT NULL REFERENCES client_discharges (id),
        day INTEGER NOT NULL CHECK (day IN (7, 30, 90)),
        contacted_on TEXT NOT NULL CHECK (contacted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        result TEXT NOT NULL CHECK (result IN ('reached', 'not-reached', 'declined')),
        using_status TEXT NOT NULL CHECK (using_status IN ('not-using', 'using', 'not-asked')),
        aftercare TEXT NOT NULL CHECK (aftercare IN ('engaged', 'not-engaged', 'not-asked')),
        readmission_offered INTEGER NOT NULL CHECK (readmission_offered IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        recorded_at_ms INTEGER NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        CHECK (result = 'reached' OR (using_status = 'not-asked' AND aftercare = 'not-asked'))
      ) STRICT;
      CREATE INDEX discharge_follow_ups_by_discharge ON discharge_follow_ups (discharge_id, day);
      CREATE INDEX discharge_follow_ups_by_client ON discharge_follow_ups (client_id, recorded_at_ms);
      CREATE TRIGGER discharge_follow_ups_no_update BEFORE UPDATE ON discharge_follow_ups
        BEGIN SELECT RAISE(ABORT, 'a recorded follow-up is never changed'); END;
      CREATE TRIGGER discharge_follow_ups_no_delete BEFORE DELETE ON discharge_follow_ups
        BEGIN SELECT RAISE(ABORT, 'a recorded follow-up is never deleted'); END;
    `);
  },
};
