import type { Migration } from './types';

/** Intake sections, one row per client and section, each a JSON document checked by its zod schema on the way in. */
export const intake: Migration = {
  version: 60,
  name: 'intake',
  up(db) {
    db.exec(`
      CREATE TABLE intake_sections (
        client_id TEXT NOT NULL REFERENCES clients (id),
        section TEXT NOT NULL CHECK (section IN
          ('kratom', 'substances', 'medical', 'psychiatric', 'pregnancy', 'social', 'reasons')),
        data TEXT NOT NULL CHECK (json_valid(data)),
        saved_at_ms INTEGER NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (client_id, section)
      ) STRICT;
    `);
  },
};
