/** What a migration test starts from: the database an older app left, just before the migration under test. */
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';

/** The schema version just before `m`. */
export const versionBefore = (m: Migration): number => MIGRATIONS[MIGRATIONS.indexOf(m) - 1]?.version ?? 0;

/** An in-memory database with foreign keys on, migrated to just before `m`. */
export function databaseBefore(m: Migration): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, versionBefore(m));
  return db;
}

/** The one clinician most migration tests need, 'u1', stored as every version since the first keeps users. */
export function seedClinician(db: Database.Database): void {
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
     VALUES ('u1', 'wren', 'Wren Okafor', 'LCSW', 'clinician', 1)`,
  ).run();
}
