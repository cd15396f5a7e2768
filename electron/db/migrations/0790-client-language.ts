import type { Migration } from './types';

/**
 * Client documents in the client's language (issue 14).
 *
 * - `clients.document_language` and `interpreter_needed` (item 1). Existing clients keep English, the language every
 *   document printed in until now, and no interpreter recorded.
 * - `clinic_wording` (item 3): the clinic's review of each fixed text of the client documents, per language, as
 *   versions never changed once written. A row either keeps the shipped text (`source` 'shipped', with the text it
 *   reviewed, so a later change to the shipped text shows as not reviewed again) or replaces it with the clinic's own
 *   (`source` 'clinic'). The newest version is in force; who reviewed it and when are on the row.
 */
export const clientLanguage: Migration = {
  version: 790,
  name: 'client-language',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN document_language TEXT NOT NULL DEFAULT 'en'
        CHECK (document_language IN ('en', 'es'));
      ALTER TABLE clients ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0
        CHECK (interpreter_needed IN (0, 1));
      CREATE TABLE clinic_wording (
        language TEXT NOT NULL CHECK (language IN ('en', 'es')),
        message_id TEXT NOT NULL CHECK (length(message_id) BETWEEN 1 AND 100),
        version INTEGER NOT NULL CHECK (version >= 1),
        source TEXT NOT NULL CHECK (source IN ('shipped', 'clinic')),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        reviewed_by TEXT NOT NULL REFERENCES users(id),
        reviewed_at_ms INTEGER NOT NULL,
        PRIMARY KEY (language, message_id, version)
      ) STRICT;
      CREATE TRIGGER clinic_wording_no_update BEFORE UPDATE ON clinic_wording BEGIN
        SELECT RAISE(ABORT, 'clinic wording versions are never changed');
      END;
      CREATE TRIGGER clinic_wording_no_delete BEFORE DELETE ON clinic_wording BEGIN
        SELECT RAISE(ABORT, 'clinic wording versions are never deleted');
      END;
    `);
  },
};
