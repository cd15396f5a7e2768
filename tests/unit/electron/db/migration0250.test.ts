/**
 * 0250 client-discharges: migrate to the version before it with a discharged client, migrate, and check the
 * client is kept and a discharge row is history: a known client and user, a real type, never changed or deleted.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { clientDischarges } from '../../../../electron/db/migrations/0250-client-discharges';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

const previous = versionBefore(clientDischarges);

function seeded(): Database.Database {
  const db = databaseBefore(clientDischarges);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Ines', 'Halvorsen', 'halvorsen, ines', '1979-08-02', 'female', '2026-11-01',
       'discharged', 1, 1)`,
  ).run();
  return db;
}

const insert = (db: Database.Database, type = 'completed', client = 'c1', user = 'u1', on = '2026-11-20') =>
  db
    .prepare(
      `INSERT INTO client_discharges (id, client_id, discharged_on, discharge_type, recorded_at_ms, recorded_by)
       VALUES (?, ?, ?, ?, 5, ?)`,
    )
    .run(`d-${type}-${client}-${on}`, client, on, type, user);

describe('migration 0250 client-discharges', () => {
  it('comes right after the migration before it, in order', () => {
    expect(versionBefore(clientDischarges)).toBeGreaterThan(0);
    expect(clientDischarges.version).toBe(250);
    expect(previous).toBeLessThan(250);
  });

  it('keeps every client as it was and records discharges as history', () => {
    const db = seeded();
    const before = db.prepare('SELECT * FROM clients').all();
    migrate(db, clientDischarges.version);
    expect(schemaVersion(db)).toBe(250);
    expect(db.prepare('SELECT * FROM clients').all()).toEqual(before);
    insert(db);
    expect(() => db.prepare(`UPDATE client_discharges SET discharge_type = 'other'`).run()).toThrow(
      /never changed/,
    );
    expect(() => db.prepare(`DELETE FROM client_discharges`).run()).toThrow(/never deleted/);
  });

  it('refuses an unknown type, client or user, and a date that is not a date', () => {
    const db = seeded();
    migrate(db, clientDischarges.version);
    expect(() => insert(db, 'eloped')).toThrow(/CHECK constraint/);
    expect(() => insert(db, 'completed', 'c9')).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, 'completed', 'c1', 'u9')).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, 'completed', 'c1', 'u1', '20 Nov 2026')).toThrow(/CHECK constraint/);
  });
});
