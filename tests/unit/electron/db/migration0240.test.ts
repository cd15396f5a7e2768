/**
 * 0240 client-names: migrate to the version before it, seed clients with names from everywhere, migrate, and check
 * that every client is kept, given-first, re-keyed for sorting, searchable by folded names, and that the search
 * index follows later inserts and updates.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { clientNames } from '../../../../electron/db/migrations/0240-client-names';
import { databaseBefore, versionBefore } from '../../../support/migrations';

const previous = versionBefore(clientNames);

const PEOPLE: Array<[id: string, first: string, last: string]> = [
  ['c1', 'Văn Minh', 'Đặng'],
  ['c2', 'Zofia', 'Łukasiewicz'],
  ['c3', 'Emre', 'Yılmaz'],
  ['c4', 'Lars', 'Øberg'],
  ['c5', 'Siobhan', 'O’Brien'],
  ['c6', 'Chidi', 'Okafor'],
  ['c7', 'Wei', 'Zhou'],
  ['c8', 'Min', 'Lee'],
];

function seeded(): Database.Database {
  const db = databaseBefore(clientNames);
  const insert = db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, ?, lower(? || ', ' || ?), '1979-08-02', 'female', '2026-11-01', 'active', 1, 1)`,
  );
  PEOPLE.forEach(([id, first, last], i) => insert.run(id, `C-00000${i + 1}`, first, last, last, first));
  return db;
}

const search = (db: Database.Database, word: string) =>
  (
    db
      .prepare(`SELECT client_id FROM client_search WHERE client_search MATCH ? ORDER BY client_id`)
      .all(`"${word}"*`) as Array<{ client_id: string }>
  ).map((r) => r.client_id);

const byName = (db: Database.Database) =>
  (
    db.prepare('SELECT legal_last_name FROM clients ORDER BY sort_name, id').all() as Array<{
      legal_last_name: string;
    }>
  ).map((r) => r.legal_last_name);

describe('migration 0240 client-names', () => {
  it('comes right after the migration before it, in order', () => {
    expect(versionBefore(clientNames)).toBeGreaterThan(0);
    expect(clientNames.version).toBe(240);
    expect(previous).toBeLessThan(240);
  });

  it('keeps every client, given-first, and backfills the sort key and the folded search words', () => {
    const db = seeded();
    // Before: byte order puts Łukasiewicz and Øberg after Zhou, and "dang" finds nobody.
    expect(byName(db).slice(-3)).toEqual(['Łukasiewicz', 'Øberg', 'Đặng'].sort());
    expect(search(db, 'dang')).toEqual([]);
    const before = db.prepare('SELECT id, legal_first_name, legal_last_name FROM clients ORDER BY id').all();
    migrate(db, clientNames.version);
    expect(schemaVersion(db)).toBe(240);
    expect(db.prepare('SELECT id, legal_first_name, legal_last_name FROM clients ORDER BY id').all()).toEqual(
      before,
    );
    expect(db.prepare(`SELECT DISTINCT name_order FROM clients`).all()).toEqual([
      { name_order: 'given-first' },
    ]);
    expect(byName(db)).toEqual([
      'Đặng',
      'Lee',
      'Łukasiewicz',
      'O’Brien',
      'Øberg',
      'Okafor',
      'Yılmaz',
      'Zhou',
    ]);
    expect(search(db, 'dang')).toEqual(['c1']);
    expect(search(db, 'lukasiewicz')).toEqual(['c2']);
    expect(search(db, 'yilmaz')).toEqual(['c3']);
    expect(search(db, 'oberg')).toEqual(['c4']);
    expect(search(db, 'obrien')).toEqual(['c5']);
    expect(search(db, 'brien')).toEqual(['c5']);
  });

  it('keeps the search index in step with inserts and updates of the search words', () => {
    const db = seeded();
    migrate(db, clientNames.version);
    db.prepare(
      `UPDATE clients SET search_names = 'nguyen thi anh', chart_number = 'X-1' WHERE id = 'c1'`,
    ).run();
    expect(search(db, 'dang')).toEqual([]);
    expect(search(db, 'nguyen')).toEqual(['c1']);
    expect(search(db, 'x')).toEqual(['c1']);
    db.prepare(`DELETE FROM clients WHERE id = 'c1'`).run();
    expect(search(db, 'nguyen')).toEqual([]);
    expect(() => db.prepare(`UPDATE clients SET name_order = 'reversed' WHERE id = 'c2'`).run()).toThrow(
      /CHECK constraint/,
    );
  });
});
