import type { Migration } from './types';

/**
 * A consent that ends on an event (CLINICAL.md §6: "expiry date or event") needs a record that the event happened:
 * the date it happened, when it was recorded and by whom. From then the consent is expired, which is not the same
 * as revoked (a revocation is the patient's act). Recorded once: a second recording, or a change to the first, is
 * refused in SQL as well as in the app.
 */
export const consentEndEvent: Migration = {
  version: 150,
  name: 'consent-end-event',
  up(db) {
    db.exec(`
      ALTER TABLE consents ADD COLUMN ended_on TEXT
        CHECK (ended_on IS NULL OR ended_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
      ALTER TABLE consents ADD COLUMN ended_at_ms INTEGER;
      ALTER TABLE consents ADD COLUMN ended_by TEXT REFERENCES users (id);
      CREATE TRIGGER consents_end_event_once BEFORE UPDATE OF ended_on, ended_at_ms, ended_by ON consents
        WHEN OLD.ended_on IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'the ending event of a consent is recorded once'); END;
      CREATE TRIGGER consents_end_event_kind BEFORE UPDATE OF ended_on ON consents
        WHEN NEW.ended_on IS NOT NULL AND json_extract(NEW.body, '$.expiryKind') IS NOT 'event'
        BEGIN SELECT RAISE(ABORT, 'only a consent that ends on an event has an ending event'); END;
    `);
  },
};
