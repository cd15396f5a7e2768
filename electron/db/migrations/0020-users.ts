import type { Migration } from './types';

export const users: Migration = {
  version: 20,
  name: 'users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        credentials TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clinician', 'supervisor')),
        created_at_ms INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
