import type { Migration } from './types';

export const clinicProfile: Migration = {
  version: 10,
  name: 'clinic-profile',
  up(db) {
    db.exec(`
      CREATE TABLE clinic_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        updated_at_ms INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
