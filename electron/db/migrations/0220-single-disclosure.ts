import type { Migration } from './types';

/**
 * A single-disclosure consent carries one disclosure (CLINICAL.md §6; issue 9 item 5). The app refuses a second
 * with its own message; the database refuses it too, so no path around the app can use the consent twice.
 */
export const singleDisclosure: Migration = {
  version: 220,
  name: 'single-disclosure',
  up(db) {
    db.exec(`
      CREATE TRIGGER disclosures_single_use BEFORE INSERT ON disclosures
        WHEN (SELECT type FROM consents WHERE id = NEW.consent_id) = 'single-disclosure'
          AND EXISTS (SELECT 1 FROM disclosures WHERE consent_id = NEW.consent_id)
        BEGIN SELECT RAISE(ABORT, 'a single-disclosure consent has already been used'); END;
    `);
  },
};
