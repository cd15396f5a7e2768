/**
 * 0170 use-log-units: migrate to the version before it, seed doses, migrate, and check every dose keeps its amount
 * as grams, and that millilitres and bottles are taken only for the liquid, strong forms.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { useLogUnits } from '../../../../electron/db/migrations/0170-use-log-units';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

const previous = versionBefore(useLogUnits);

function seeded(): Database.Database {
  const db = databaseBefore(useLogUnits);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Thị Ánh', 'Nguyễn', 'nguyen, thi anh', '1979-08-02', 'female', '2026-11-01',
       'active', 1, 1)`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO use_log (id, client_id, taken_at_ms, product, form, amount_grams, trigger, symptoms, note,
       recorded_at_ms, recorded_by) VALUES (?, 'c1', ?, ?, ?, ?, NULL, '', '', 1, 'u1')`,
  );
  insert.run('leaf', 1000, 'Green Maeng Da', 'leaf-powder', 3.5);
  insert.run('shot', 2000, '7-OH shot', '7-oh-product', 0.03);
  return db;
}

const add = (db: Database.Database, id: string, form: string, amount: number, unit: string) =>
  db
    .prepare(
      `INSERT INTO use_log (id, client_id, taken_at_ms, product, form, amount, unit, trigger, symptoms, note,
         recorded_at_ms, recorded_by) VALUES (?, 'c1', 3000, 'P', ?, ?, ?, NULL, '', '', 1, 'u1')`,
    )
    .run(id, form, amount, unit);

describe('migration 0170 use-log-units', () => {
  it('comes right after the migration before it, in order', () => {
    expect(versionBefore(useLogUnits)).toBeGreaterThan(0);
    expect(useLogUnits.version).toBe(170);
    expect(previous).toBeLessThan(170);
  });

  it('keeps every dose, its amount now in grams', () => {
    const db = seeded();
    migrate(db, useLogUnits.version);
    expect(schemaVersion(db)).toBe(170);
    expect(db.prepare('SELECT id, form, amount, unit FROM use_log ORDER BY id').all()).toEqual([
      { id: 'leaf', form: 'leaf-powder', amount: 3.5, unit: 'g' },
      { id: 'shot', form: '7-oh-product', amount: 0.03, unit: 'g' },
    ]);
  });

  it('takes millilitres and bottles for shots, extracts and 7-OH products only, and keeps the amount checks', () => {
    const db = seeded();
    migrate(db, useLogUnits.version);
    expect(() => add(db, 'a', 'shot', 30, 'ml')).not.toThrow();
    expect(() => add(db, 'b', '7-oh-product', 1, 'bottles')).not.toThrow();
    expect(() => add(db, 'c', 'extract', 2, 'ml')).not.toThrow();
    expect(() => add(db, 'd', 'leaf-powder', 2, 'ml')).toThrow(/CHECK/);
    expect(() => add(db, 'e', 'capsules', 1, 'bottles')).toThrow(/CHECK/);
    expect(() => add(db, 'f', 'shot', 1, 'cups')).toThrow(/CHECK/);
    expect(() => add(db, 'g', 'shot', 0, 'ml')).toThrow(/CHECK/);
    expect(() => add(db, 'h', 'leaf-powder', 101, 'g')).toThrow(/CHECK/);
  });
});
