/**
 * 0500 recovery plans: migrate to the version before it, seed a client, migrate, and check that versions follow each
 * other, one draft at a time, and that a signed version is neither changed nor deleted in SQL.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { recoveryPlans } from '../../../../electron/db/migrations/0500-recovery-plans';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

function seeded(): Database.Database {
  const db = databaseBefore(recoveryPlans);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Ines', 'Halvorsen', 'halvorsen, ines', '1979-08-02', 'female', '2026-11-01', 'active', 1, 1)`,
  ).run();
  return db;
}

const insert = (db: Database.Database, id: string, version: number, kind = 'relapse-prevention') =>
  db
    .prepare(
      `INSERT INTO recovery_plans (id, client_id, kind, version, content, created_at_ms, created_by, updated_at_ms)
       VALUES (?, 'c1', ?, ?, json_object('kind', ?, 'plan', json_object()), 1, 'u1', 1)`,
    )
    .run(id, kind, version, kind);
const sign = (db: Database.Database, id: string) =>
  db
    .prepare(`UPDATE recovery_plans SET signed_at_ms = 2, signed_by = 'u1', content_hash = 'h' WHERE id = ?`)
    .run(id);

describe('migration 0500 recovery plans', () => {
  it('comes after the migration before it and keeps the clients as they were', () => {
    expect(versionBefore(recoveryPlans)).toBeGreaterThan(0);
    expect(recoveryPlans.version).toBe(500);
    const db = seeded();
    const before = db.prepare('SELECT * FROM clients').all();
    migrate(db, recoveryPlans.version);
    expect(schemaVersion(db)).toBe(500);
    expect(db.prepare('SELECT * FROM clients').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM recovery_plans').get()).toEqual({ n: 0 });
  });

  it('numbers versions in order, one draft at a time, and keeps signed versions as they were', () => {
    const db = seeded();
    migrate(db, recoveryPlans.version);
    expect(() => insert(db, 'p0', 2)).toThrow(/follows the last one/);
    insert(db, 'p1', 1);
    expect(() => insert(db, 'p2', 2)).toThrow(/UNIQUE/);
    db.prepare(`UPDATE recovery_plans SET content = json_set(content, '$.plan.x', 1) WHERE id = 'p1'`).run();
    // Signing sets who, when and the hash together.
    expect(() => db.prepare(`UPDATE recovery_plans SET signed_at_ms = 2 WHERE id = 'p1'`).run()).toThrow(
      /CHECK/,
    );
    sign(db, 'p1');
    expect(() => db.prepare(`UPDATE recovery_plans SET updated_at_ms = 9 WHERE id = 'p1'`).run()).toThrow(
      /kept as it was/,
    );
    expect(() => db.prepare(`DELETE FROM recovery_plans WHERE id = 'p1'`).run()).toThrow(/never deleted/);
    insert(db, 'p2', 2);
    insert(db, 's1', 1, 'safety');
    expect(() =>
      db
        .prepare(
          `INSERT INTO recovery_plans (id, client_id, kind, version, content, created_at_ms, created_by, updated_at_ms)
           VALUES ('bad', 'c1', 'aftercare', 1, '{"kind":"safety","plan":{}}', 1, 'u1', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE recovery_plans SET version = 7 WHERE id = 'p2'`).run()).toThrow(
      /keeps its client/,
    );
    db.prepare(`DELETE FROM recovery_plans WHERE id = 'p2'`).run();
    expect(db.prepare('SELECT id FROM recovery_plans ORDER BY id').all()).toEqual([
      { id: 'p1' },
      { id: 's1' },
    ]);
  });
});
