/**
 * 0740 measure schedules and 0750 discharge follow-ups: migrate to the version before each, seed, migrate, and check
 * the rows are kept and the new tables refuse what the rules refuse.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../../electron/db/migrations';
import { measureSchedules } from '../../../../electron/db/migrations/0740-measure-schedules';
import { dischargeFollowUps } from '../../../../electron/db/migrations/0750-discharge-follow-ups';

const before = (m: (typeof MIGRATIONS)[number]) => MIGRATIONS[MIGRATIONS.indexOf(m) - 1]?.version ?? 0;

function seeded(target: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, target);
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
     VALUES ('u1', 'wren', 'Wren Okafor', 'LCSW', 'clinician', 1)`,
  ).run();
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Łucja', 'Đặng', 'dang, lucja', '1983-02-11', 'female', '2026-10-01', 'discharged', 1, 1)`,
  ).run();
  db.prepare(
    `INSERT INTO client_discharges (id, client_id, discharged_on, discharge_type, recorded_at_ms, recorded_by)
     VALUES ('d1', 'c1', '2026-11-16', 'completed', 5, 'u1')`,
  ).run();
  return db;
}

const followUp = (db: Database.Database, over: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO discharge_follow_ups (id, client_id, discharge_id, day, contacted_on, result, using_status,
         aftercare, readmission_offered, note, recorded_at_ms, recorded_by)
       VALUES (@id, 'c1', 'd1', @day, '2026-11-23', @result, @using, @aftercare, 0, '', 9, 'u1')`,
    )
    .run({ id: 'f1', day: 7, result: 'reached', using: 'not-using', aftercare: 'engaged', ...over });

describe('migration 0740 measure schedules', () => {
  it('adds per-client rules, checked, one per measure', () => {
    const db = seeded(before(measureSchedules));
    migrate(db, measureSchedules.version);
    expect(schemaVersion(db)).toBe(740);
    expect(db.prepare('SELECT count(*) AS n FROM client_discharges').get()).toEqual({ n: 1 });
    const rule = db.prepare(`INSERT INTO measure_schedules VALUES ('c1', ?, 1, ?, 0, 1, 'u1')`);
    rule.run('phq9', 14);
    expect(() => rule.run('phq9', 30)).toThrow(/UNIQUE/);
    expect(() => rule.run('gad7', 3)).toThrow(/CHECK/);
    expect(() => rule.run('bdi', null)).toThrow(/CHECK/);
  });
});

describe('migration 0750 discharge follow-ups', () => {
  it('keeps the discharges and records attempts that are never changed or deleted', () => {
    const db = seeded(before(dischargeFollowUps));
    migrate(db, dischargeFollowUps.version);
    expect(schemaVersion(db)).toBe(750);
    followUp(db);
    expect(() => followUp(db, { id: 'f2', day: 14 })).toThrow(/CHECK/);
    expect(() => followUp(db, { id: 'f3', result: 'not-reached' })).toThrow(/CHECK/);
    followUp(db, { id: 'f4', result: 'not-reached', using: 'not-asked', aftercare: 'not-asked' });
    expect(() => db.prepare(`UPDATE discharge_follow_ups SET note = 'x'`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`DELETE FROM discharge_follow_ups`).run()).toThrow(/never deleted/);
  });
});
