import type { Migration } from './types';

/**
 * The practice-administrator role (issue 12, finding 4): only an administrator adds accounts, sets roles, replaces
 * the recovery key, changes practice settings and restores a healthy database. It is a flag beside the clinical
 * role (clinician or supervisor), since in a small practice the administrator also sees clients. The account that
 * set the practice up (the earliest) becomes its administrator, so no practice is left without one.
 */
export const administrator: Migration = {
  version: 400,
  name: 'administrator',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1));
      UPDATE users SET administrator = 1
        WHERE id = (SELECT id FROM users ORDER BY created_at_ms, rowid LIMIT 1);
    `);
  },
};
