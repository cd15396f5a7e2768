/**
 * 0300 taper versions: migrate to the version before it, seed a client, migrate, and check that the client is kept,
 * that a version holds its schedule within the taper rules, and that versions can be neither changed nor deleted.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { taperVersions } from '../../../../electron/db/migrations/0300-taper-versions';
import { databaseBefore, versionBefore } from '../../../support/migrations';

const previous = versionBefore(taperVersions);

function seeded(): Database.Database {
  const db = databaseBefore(taperVersions);
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
     VALUES ('u1', 'tomasz', 'Tomasz Łukasiewicz', 'LPC', 'clinician', 1)`,
  ).run();
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Siobhán', 'O’Brien', 'o’brien, siobhán', '1984-05-09', 'female', '2026-11-01',
       'active', 1, 1)`,
  ).run();
  return db;
}

const insert = (db: Database.Database, over: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO taper_versions (client_id, version, change, effective_date, product, form, doses_per_day,
         reduction_percent, days_per_step, precision_grams, hold_days, reason, steps, created_at_ms, created_by)
       VALUES (@client_id, @version, @change, '2026-11-16', 'Red Bali powder', 'leaf-powder', 2, @rate, @days,
         @precision, NULL, '', @steps, 5, 'u1')`,
    )
    .run({
      client_id: 'c1',
      version: 1,
      change: 'create',
      rate: 10,
      days: 7,
      precision: 0.1,
      steps: '[{"date":"2026-11-16","dailyGrams":4,"gramsPerDose":2}]',
      ...over,
    });

describe('migration 0300 taper versions', () => {
  it('comes after the migration before it, in order', () => {
    expect(versionBefore(taperVersions)).toBeGreaterThan(0);
    expect(taperVersions.version).toBe(300);
    expect(previous).toBeLessThan(300);
  });

  it('keeps every client as it was and starts with no tapers', () => {
    const db = seeded();
    const before = db.prepare('SELECT * FROM clients').all();
    migrate(db, taperVersions.version);
    expect(schemaVersion(db)).toBe(300);
    expect(db.prepare('SELECT * FROM clients').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM taper_versions').get()).toEqual({ n: 0 });
  });

  it('holds versions within the rules, and refuses any change or deletion', () => {
    const db = seeded();
    migrate(db, taperVersions.version);
    insert(db);
    insert(db, { version: 2, change: 'hold' });
    expect(() => insert(db, { version: 2 })).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert(db, { version: 3, change: 'edit' })).toThrow(/CHECK/);
    expect(() => insert(db, { version: 3, rate: 25 })).toThrow(/CHECK/);
    expect(() => insert(db, { version: 3, days: 8 })).toThrow(/CHECK/);
    expect(() => insert(db, { version: 3, precision: 0.3 })).toThrow(/CHECK/);
    expect(() => insert(db, { version: 3, steps: '[]' })).toThrow(/CHECK/);
    expect(() => insert(db, { version: 3, client_id: 'nobody' })).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE taper_versions SET product = 'Extract'`).run()).toThrow(/kept as it was/);
    expect(() => db.prepare('DELETE FROM taper_versions').run()).toThrow(/kept as it was/);
    expect(db.prepare('SELECT count(*) AS n FROM taper_versions').get()).toEqual({ n: 2 });
  });
});
