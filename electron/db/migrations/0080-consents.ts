import type { Migration } from './types';

/**
 * Part 2 consents. The consent's elements are one JSON document (validated before it is stored); the columns the
 * app filters on are kept beside it. A consent is never deleted: revocation is recorded on it.
 */
export const consents: Migration = {
  version: 80,
  name: 'consents',
  up(db) {
    db.exec(`
      CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        type TEXT NOT NULL CHECK (type IN ('single-disclosure', 'tpo', 'sud-counselling-notes')),
        body TEXT NOT NULL CHECK (json_valid(body)),
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        revoked_on TEXT,
        revoked_how TEXT,
        revoked_note TEXT,
        revoked_at_ms INTEGER,
        revoked_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX consents_by_client ON consents (client_id, created_at_ms);
      CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
        BEGIN SELECT RAISE(ABORT, 'consents are never deleted; record a revocation'); END;
    `);
  },
};
