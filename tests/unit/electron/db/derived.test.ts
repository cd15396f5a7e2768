/**
 * The derived tables computed again from the records (electron/db/derived.ts): verify finds a stored row that differs
 * in each of them, the rebuild puts back exactly what the triggers had written, and opening the practice in another
 * time zone computes the local days and midnights again (a practice that moved, a backup restored elsewhere).
 */
process.env.TZ = 'America/Los_Angeles';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adoptPracticeZone,
  DERIVED_TABLES,
  derivedDifferences,
  rebuildDerived,
  rebuildDerivedIfZoneChanged,
} from '../../../../electron/db/derived';
import { migrate } from '../../../../electron/db/migrations';
import { closedEpisodes } from '../../../../electron/db/migrations/0850-closed-episodes';
import { databaseBefore, seedClinician } from '../../../support/migrations';

const at = (date: string, hour: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).getTime();
};

/** Three clients: scores late in the evening (another day in Tokyo), a re-admission, a discharge. */
function practice(): Database.Database {
  const db = databaseBefore(closedEpisodes);
  migrate(db);
  seedClinician(db);
  const client = db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, assigned_clinician_id, created_at_ms, updated_at_ms)
     VALUES (?, ?, 'Ánh', 'Nguyễn Thị', ?, '1984-03-09', 'female', ?, 'active', 'u1', 1, 1)`,
  );
  const score = db.prepare(
    `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total,
       administered_at_ms, administered_by, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, '1', '{}', 'complete', ?, ?, 'u1', 1, 1)`,
  );
  const discharge = db.prepare(
    `INSERT INTO client_discharges (id, client_id, discharged_on, discharge_type, recorded_at_ms, recorded_by)
     VALUES (?, ?, ?, ?, ?, 'u1')`,
  );
  for (const [i, id] of ['a', 'b', 'c'].entries())
    client.run(id, `C-${i}`, `nguyen thi anh ${id}`, '2026-03-02');
  score.run('a1', 'a', 'phq9', 17, at('2026-03-02', 20));
  score.run('a2', 'a', 'gad7', 12, at('2026-04-01', 23));
  score.run('b1', 'b', 'phq9', 21, at('2026-03-03', 22));
  score.run('b2', 'b', 'phq9', 9, at('2026-05-10', 18));
  discharge.run('d1', 'b', '2026-06-01', 'lost-contact', 1);
  db.prepare(`UPDATE clients SET status = 'discharged' WHERE id = 'b'`).run();
  db.prepare(`UPDATE clients SET status = 'active', admission_date = '2026-08-03' WHERE id = 'b'`).run();
  score.run('b3', 'b', 'phq9', 19, at('2026-08-02', 19));
  discharge.run('d2', 'c', '2026-04-15', 'completed', 2);
  db.prepare(`UPDATE clients SET status = 'discharged' WHERE id = 'c'`).run();
  return db;
}

const stored = (db: Database.Database) =>
  Object.fromEntries(DERIVED_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

afterEach(() => {
  process.env.TZ = 'America/Los_Angeles';
});

describe('derived tables', () => {
  it('match the records as the triggers keep them', () => {
    const db = practice();
    expect(db.prepare('SELECT count(*) AS n FROM closed_episodes').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM measure_due').get()).toMatchObject({ n: 6 });
    expect(derivedDifferences(db)).toEqual([]);
    // Nothing of the recomputation is left behind.
    expect(db.prepare(`SELECT count(*) AS n FROM temp.sqlite_schema`).get()).toEqual({ n: 0 });
  });

  it('finds a wrong row in each derived table, and the rebuild puts back what the triggers wrote', () => {
    const db = practice();
    const right = stored(db);
    db.exec(`UPDATE client_outcomes SET phq9_first = 2 WHERE client_id = 'a'`);
    expect(derivedDifferences(db)).toEqual(['client_outcomes']);
    db.exec(`UPDATE closed_episodes SET phq9_latest = 0, to_ms = 5`);
    db.exec(`DELETE FROM measure_due WHERE client_id = 'a' AND measure = 'gad7'`);
    db.exec(`INSERT INTO measure_due SELECT 'c', measure, rank, sort_name, due_on, reason, base, last_done_on,
      at_contact, contacts_from, latest_contact_on FROM measure_due WHERE client_id = 'a' AND measure = 'phq9'`);
    expect(derivedDifferences(db)).toEqual(['client_outcomes', 'closed_episodes', 'measure_due']);
    expect(rebuildDerived(db)).toEqual(['client_outcomes', 'closed_episodes', 'measure_due']);
    expect(stored(db)).toEqual(right);
    expect(derivedDifferences(db)).toEqual([]);
    expect(rebuildDerived(db)).toEqual([]);
  });

  it('computes the local days again when the practice is opened in another time zone', () => {
    const db = practice();
    expect(rebuildDerivedIfZoneChanged(db, 'America/Los_Angeles')).toEqual([]);
    const losAngeles = stored(db);
    expect(rebuildDerivedIfZoneChanged(db, 'America/Los_Angeles')).toEqual([]);

    process.env.TZ = 'Asia/Tokyo';
    // In Tokyo the evening scores fall on the next day: the due dates and the re-admitted episode's midnight move.
    expect(derivedDifferences(db)).toEqual(['client_outcomes', 'closed_episodes', 'measure_due']);
    expect(rebuildDerivedIfZoneChanged(db, 'Asia/Tokyo')).toEqual([
      'client_outcomes',
      'closed_episodes',
      'measure_due',
    ]);
    expect(derivedDifferences(db)).toEqual([]);
    const tokyo = stored(db);
    expect(tokyo).not.toEqual(losAngeles);
    // A's PHQ-9 of 20:00 on 2 March in Los Angeles is 3 March in Tokyo: the next one is due 30 days after that.
    const dueOn = (rows: unknown) =>
      (rows as Array<{ client_id: string; measure: string; due_on: string }>).find(
        (r) => r.client_id === 'a' && r.measure === 'phq9',
      )?.due_on;
    expect([dueOn(losAngeles.measure_due), dueOn(tokyo.measure_due)]).toEqual(['2026-04-01', '2026-04-02']);
    expect(rebuildDerivedIfZoneChanged(db, 'Asia/Tokyo')).toEqual([]);

    // A command line run with another TZ takes the practice's zone: it compares (and writes) in Tokyo.
    process.env.TZ = 'UTC';
    expect(derivedDifferences(db)).not.toEqual([]);
    expect(adoptPracticeZone(db)).toBe('Asia/Tokyo');
    expect(process.env.TZ).toBe('Asia/Tokyo');
    expect(derivedDifferences(db)).toEqual([]);
    expect(adoptPracticeZone(db)).toBeNull();

    // Back home: the rows are those of Los Angeles again.
    process.env.TZ = 'America/Los_Angeles';
    rebuildDerivedIfZoneChanged(db, 'America/Los_Angeles');
    expect(stored(db)).toEqual(losAngeles);
  });
});
