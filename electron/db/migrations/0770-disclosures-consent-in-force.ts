import type { Migration } from './types';

/**
 * A disclosure is recorded only under a consent still in force at the moment it is recorded (CLINICAL.md §6: "a
 * revoked or expired consent cannot be used"). The app checks the consent again inside the transaction that records
 * the disclosure; the database refuses it too, so an export or print that was running while the consent was revoked,
 * or its ending event recorded, can never enter the accounting. A revocation or an ending event is never dated in
 * the future (the app refuses that), so one recorded at all means the consent no longer permits a disclosure. A
 * consent that ends on a date is left to the app: the database does not know the clinic's local date. Every trigger
 * the table already has (0600's, 0220's single use) stays as it is; this one is added beside them.
 */
export const disclosuresConsentInForce: Migration = {
  version: 770,
  name: 'disclosures-consent-in-force',
  up(db) {
    db.exec(`
      CREATE TRIGGER disclosures_consent_in_force BEFORE INSERT ON disclosures
        WHEN NEW.consent_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM consents WHERE id = NEW.consent_id AND (revoked_on IS NOT NULL OR ended_on IS NOT NULL))
        BEGIN SELECT RAISE(ABORT, 'a revoked or ended consent cannot be used for a disclosure'); END;
    `);
  },
};
