import type { Migration } from './types';

/**
 * Post-acute withdrawal check-ins (CLINICAL.md §1.4: PAWS — mood, sleep, craving — can last weeks to months): sleep,
 * mood, craving and energy, each 0–10, with the date. A check-in is a record of what the client reported that day:
 * kept as written, never changed or deleted.
 */
export const pawsCheckins: Migration = {
  version: 360,
  name: 'paws-checkins',
  up(db) {
    db.exec(`
      CREATE TABLE paws_checkins (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        checkin_date TEXT NOT NULL CHECK (date(checkin_date) IS checkin_date),
        sleep INTEGER NOT NULL CHECK (sleep BETWEEN 0 AND 10),
        mood INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
        craving INTEGER NOT NULL CHECK (craving BETWEEN 0 AND 10),
        energy INTEGER NOT NULL CHECK (energy BETWEEN 0 AND 10),
        note TEXT NOT NULL DEFAULT '',
        recorded_at_ms INTEGER NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX paws_checkins_by_client ON paws_checkins (client_id, checkin_date);
      CREATE TRIGGER paws_checkins_no_update BEFORE UPDATE ON paws_checkins
        BEGIN SELECT RAISE(ABORT, 'a check-in is kept as recorded'); END;
      CREATE TRIGGER paws_checkins_no_delete BEFORE DELETE ON paws_checkins
        BEGIN SELECT RAISE(ABORT, 'a check-in is kept as recorded'); END;
    `);
  },
};
