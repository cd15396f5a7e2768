import type { Migration } from './types';

/**
 * The client's language for documents and whether an interpreter is needed (issue 14, item 1). Existing clients
 * keep English, the language every document printed in until now, and no interpreter recorded.
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
    `);
  },
};
