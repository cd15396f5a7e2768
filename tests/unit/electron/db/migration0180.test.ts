/**
 * 0180 level-of-care-levels: migrate to the version before it, seed decisions, migrate, and check every decision
 * is kept as it was, that outpatient, intensive outpatient and partial hospitalisation can be recorded, that a
 * decision may have no suggestion, and that decisions stay append-only.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { levelOfCareLevels } from '../../../../electron/db/migrations/0180-level-of-care-levels';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

const previous = versionBefore(levelOfCareLevels);

const insert = (db: Database.Database, id: string, level: string, suggested: string | null) =>
  db
    .prepare(
      `INSERT INTO level_of_care_decisions (id, client_id, level, suggested, decision, criteria, decided_at_ms,
         decided_by) VALUES (?, 'c1', ?, ?, ?, '[]', 5, 'u1')`,
    )
    .run(
      id,
      level,
      suggested,
      JSON.stringify({ level, reason: 'Reason', judgements: {}, dimensionRatings: {} }),
    );

function seeded(): Database.Database {
  const db = databaseBefore(levelOfCareLevels);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Sean', 'O’Brien', 'obrien, sean', '1979-08-02', 'male', '2026-11-01',
       'active', 1, 1)`,
  ).run();
  insert(db, 'd1', 'taper', 'taper');
  insert(db, 'd2', 'residential', 'detox');
  return db;
}

describe('migration 0180 level-of-care-levels', () => {
  it('comes right after the migration before it, in order', () => {
    expect(versionBefore(levelOfCareLevels)).toBeGreaterThan(0);
    expect(levelOfCareLevels.version).toBe(180);
    expect(previous).toBeLessThan(180);
  });

  it('refused the new levels before it', () => {
    const db = seeded();
    expect(() => insert(db, 'x', 'outpatient', null)).toThrow(/constraint/);
  });

  it('keeps every decision as it was', () => {
    const db = seeded();
    const before = db.prepare('SELECT * FROM level_of_care_decisions ORDER BY id').all();
    migrate(db, levelOfCareLevels.version);
    expect(schemaVersion(db)).toBe(180);
    expect(db.prepare('SELECT * FROM level_of_care_decisions ORDER BY id').all()).toEqual(before);
  });

  it('records outpatient, intensive outpatient and partial hospitalisation, with or without a suggestion', () => {
    const db = seeded();
    migrate(db, levelOfCareLevels.version);
    insert(db, 'd3', 'outpatient', null);
    insert(db, 'd4', 'intensive-outpatient', 'taper');
    insert(db, 'd5', 'partial-hospitalisation', null);
    expect(() => insert(db, 'd6', 'home', null)).toThrow(/CHECK/);
    expect(() => insert(db, 'd7', 'taper', 'outpatient')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM level_of_care_decisions').get()).toEqual({ n: 5 });
  });

  it('stays append-only and indexed by client', () => {
    const db = seeded();
    migrate(db, levelOfCareLevels.version);
    expect(() => db.prepare(`UPDATE level_of_care_decisions SET level = 'detox'`).run()).toThrow(/a record/);
    expect(() => db.prepare('DELETE FROM level_of_care_decisions').run()).toThrow(/a record/);
    const indexes = db.prepare(`PRAGMA index_list(level_of_care_decisions)`).all() as Array<{ name: string }>;
    expect(indexes.map((i) => i.name)).toContain('level_of_care_by_client');
  });
});
