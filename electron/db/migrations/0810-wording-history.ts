import type { Migration } from './types';

/**
 * The clinic's wording as a history an administrator can read (issue 14, items 1 and 2).
 *
 * - `kind`: what each version was — the clinic `written` its own text, `reviewed` the text in force (the shipped
 *   one, or its own again after the shipped text changed), or went `restored` back to the shipped text.
 * - `based_on`: the shipped text the version was written or reviewed against. When a later release changes the
 *   shipped text, a clinic text based on the old one is flagged for review and keeps printing until someone does.
 *   Clinic texts written before this migration did not keep it: NULL, and the screen asks for one review.
 * - `written_by`: who wrote the clinic's text in force (a review of it keeps its author); NULL for shipped text.
 *
 * Existing versions are described from what they hold: a shipped version right after one of the clinic's own went
 * back to the shipped text, any other shipped version (after another shipped one, or the first) was a review of it; a clinic version was written by its reviewer.
 */
export const wordingHistory: Migration = {
  version: 810,
  name: 'wording-history',
  up(db) {
    db.exec(`
      ALTER TABLE clinic_wording ADD COLUMN kind TEXT NOT NULL DEFAULT 'written'
        CHECK (kind IN ('written', 'reviewed', 'restored'));
      ALTER TABLE clinic_wording ADD COLUMN based_on TEXT CHECK (based_on IS NULL OR length(based_on) <= 4000);
      ALTER TABLE clinic_wording ADD COLUMN written_by TEXT REFERENCES users(id);
      DROP TRIGGER clinic_wording_no_update;
      UPDATE clinic_wording SET written_by = reviewed_by WHERE source = 'clinic';
      UPDATE clinic_wording SET based_on = text, kind = CASE
          WHEN (SELECT p.source FROM clinic_wording p WHERE p.language = clinic_wording.language
                AND p.message_id = clinic_wording.message_id AND p.version < clinic_wording.version
                ORDER BY p.version DESC LIMIT 1) = 'clinic' THEN 'restored'
          ELSE 'reviewed' END
        WHERE source = 'shipped';
      CREATE TRIGGER clinic_wording_no_update BEFORE UPDATE ON clinic_wording BEGIN
        SELECT RAISE(ABORT, 'clinic wording versions are never changed');
      END;
    `);
  },
};
