/**
 * 0850 closed-episodes: a re-admission keeps the episode it closes, so a closed period's outcome figures stay what
 * they were (the review's finding: re-admitting a client changed last quarter's figures). The history is refused if
 * changed; its scores follow back-dated scores and a corrected re-admission date; a same-day re-admission closes
 * once; clients re-admitted before this version get their earlier episodes as one row without an admission date.
 */
process.env.TZ = 'America/Los_Angeles';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import { closedEpisodes } from '../../../../electron/db/migrations/0850-closed-episodes';
import { outcomeFigures, outcomeParams } from '../../../../electron/db/repositories/outcomes';
import { databaseBefore, seedClinician } from '../../../support/migrations';

const at = (date: string, hour = 10) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).getTime();
};

const params = (from: string, to: string, clinicianId: string | null = null) =>
  outcomeParams({ from, to, clinicianId }, '2026-12-01');

function practice(db: Database.Database) {
  seedClinician(db);
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
     VALUES ('u2', 'u2', 'Ines Nakamura', 'LPC', 'clinician', 1)`,
  ).run();
  let n = 0;
  const client = (id: string, admission: string, clinician: string) =>
    db
      .prepare(
        `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
           admission_date, status, assigned_clinician_id, created_at_ms, updated_at_ms)
         VALUES (?, ?, 'Ánh', 'Đặng', ?, '1984-03-09', 'female', ?, 'active', ?, ?, 1)`,
      )
      .run(id, `C-${id}`, `dang anh ${id}`, admission, clinician, at(admission, 9));
  const discharge = (clientId: string, on: string, type: string) => {
    n += 1;
    db.prepare(
      `INSERT INTO client_discharges (id, client_id, discharged_on, discharge_type, recorded_at_ms, recorded_by)
       VALUES (?, ?, ?, ?, ?, 'u1')`,
    ).run(`d${n}`, clientId, on, type, n);
    db.prepare(`UPDATE clients SET status = 'discharged', updated_at_ms = ? WHERE id = ?`).run(n, clientId);
  };
  const readmit = (clientId: string, on: string, clinician?: string) =>
    db
      .prepare(
        `UPDATE clients SET status = 'active', admission_date = ?,
           assigned_clinician_id = coalesce(?, assigned_clinician_id), updated_at_ms = 99 WHERE id = ?`,
      )
      .run(on, clinician ?? null, clientId);
  const score = (id: string, clientId: string, instrument: string, total: number, atMs: number) =>
    db
      .prepare(
        `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total,
           administered_at_ms, administered_by, created_at_ms, updated_at_ms)
         VALUES (?, ?, ?, '1', '{}', 'complete', ?, ?, 'u1', 1, 1)`,
      )
      .run(id, clientId, instrument, total, atMs);
  return { client, discharge, readmit, score };
}

const closedRows = (db: Database.Database) =>
  db
    .prepare(
      `SELECT client_id, seq, admitted_on, clinician_id, ended_on, left_on, next_admitted_on, left_after_days,
         phq9_scores, phq9_first, phq9_latest FROM closed_episodes ORDER BY client_id, seq`,
    )
    .all();

describe('migration 0850 closed-episodes', () => {
  it('keeps a closed period’s figures as they were after the client is re-admitted', () => {
    const db = databaseBefore(closedEpisodes);
    migrate(db);
    const p = practice(db);
    p.client('a', '2026-01-05', 'u1');
    p.score('a1', 'a', 'phq9', 18, at('2026-01-06'));
    p.score('a2', 'a', 'phq9', 8, at('2026-02-10'));
    p.score('a3', 'a', 'phq9', 4, at('2026-03-20'));
    p.discharge('a', '2026-03-25', 'left-against-advice');
    p.client('b', '2026-02-01', 'u2');
    const q1 = params('2026-01-01', '2026-03-31');
    const q1u1 = params('2026-01-01', '2026-03-31', 'u1');
    const before = [outcomeFigures(db, q1), outcomeFigures(db, q1u1)];
    expect(before[0]).toMatchObject({
      clientsInCare: 2,
      admissions: 2,
      phq9: { eligible: 1, response: 1, remission: 1 },
      discharges: { 'left-against-advice': 1 },
    });
    expect(before[1]).toMatchObject({ clientsInCare: 1, discharges: { 'left-against-advice': 1 } });

    // Re-admitted in June and given to another clinician, with a new intake score.
    p.readmit('a', '2026-06-01', 'u2');
    p.score('a4', 'a', 'phq9', 21, at('2026-06-02'));
    expect([outcomeFigures(db, q1), outcomeFigures(db, q1u1)]).toEqual(before);
    expect(closedRows(db)).toEqual([
      {
        client_id: 'a',
        seq: 1,
        admitted_on: '2026-01-05',
        clinician_id: 'u1',
        ended_on: '2026-03-25',
        left_on: '2026-03-25',
        next_admitted_on: '2026-06-01',
        left_after_days: 79,
        phq9_scores: 3,
        phq9_first: 18,
        phq9_latest: 4,
      },
    ]);
    // The year counts the client once in care, with two admissions, each episode's scores on their own.
    expect(outcomeFigures(db, params('2026-01-01', '2026-12-31'))).toMatchObject({
      clientsInCare: 2,
      admissions: 3,
      phq9: { eligible: 1, response: 1, remission: 1 },
    });
    // The second quarter holds the new episode only (nothing of the first is in care).
    expect(outcomeFigures(db, params('2026-04-01', '2026-06-30', 'u1'))).toMatchObject({ clientsInCare: 0 });
    expect(outcomeFigures(db, params('2026-04-01', '2026-06-30', 'u2'))).toMatchObject({
      clientsInCare: 2,
      admissions: 1,
    });
  });

  it('refuses a change to the history, and keeps the derived figures in step', () => {
    const db = databaseBefore(closedEpisodes);
    migrate(db);
    const p = practice(db);
    p.client('a', '2026-01-05', 'u1');
    p.discharge('a', '2026-03-25', 'completed');
    p.readmit('a', '2026-06-01');
    for (const sql of [
      `UPDATE closed_episodes SET admitted_on = '2026-01-01'`,
      `UPDATE closed_episodes SET ended_on = '2026-04-01'`,
      `UPDATE closed_episodes SET clinician_id = 'u2'`,
      `UPDATE closed_episodes SET known_from = '2020-01-01'`,
      `DELETE FROM closed_episodes`,
      `INSERT OR REPLACE INTO closed_episodes (client_id, seq, admitted_on, clinician_id, ended_by, ended_on,
         known_from, closed_at_ms) VALUES ('a', 1, '2026-03-01', 'u2', 'd1', '2026-03-25', '2026-03-01', 1)`,
    ])
      expect(() => db.exec(sql), sql).toThrow(/closed episode of care is never/);
    // The admission date never moves before the discharge that closed the episode, whatever the status: moved
    // there, the episodes would overlap and a closed quarter's figures change.
    const before = outcomeFigures(db, params('2026-01-01', '2026-03-31'));
    p.discharge('a', '2026-09-01', 'completed');
    expect(() => db.exec(`UPDATE clients SET admission_date = '2026-02-01' WHERE id = 'a'`)).toThrow(
      /before the discharge that closed the earlier episode/,
    );
    db.exec(`UPDATE clients SET admission_date = '2026-03-25' WHERE id = 'a'`);
    db.exec(`UPDATE clients SET admission_date = '2026-06-01' WHERE id = 'a'`);
    expect(outcomeFigures(db, params('2026-01-01', '2026-03-31'))).toEqual(before);
    // A score back-dated into the closed episode, and one on the re-admission day (the new episode's).
    p.score('a1', 'a', 'phq9', 16, at('2026-02-01'));
    p.score('a2', 'a', 'phq9', 12, at('2026-06-01', 0));
    expect(closedRows(db)).toMatchObject([{ phq9_scores: 1, phq9_first: 16, left_after_days: null }]);
    // The re-admission date corrected to the 10th: the closed episode's scores run up to it.
    db.prepare(`UPDATE clients SET admission_date = '2026-06-10' WHERE id = 'a'`).run();
    expect(closedRows(db)).toMatchObject([
      { next_admitted_on: '2026-06-10', phq9_scores: 2, phq9_first: 16, phq9_latest: 12 },
    ]);
    db.prepare(`DELETE FROM assessments WHERE id = 'a2'`).run();
    expect(closedRows(db)).toMatchObject([{ phq9_scores: 1 }]);
  });

  it('closes a same-day re-admission once, and a second re-admission after it', () => {
    const db = databaseBefore(closedEpisodes);
    migrate(db);
    const p = practice(db);
    p.client('a', '2026-01-05', 'u1');
    p.discharge('a', '2026-03-25', 'administrative');
    p.readmit('a', '2026-03-25');
    // Corrected forward: the discharge of the 25th already ended the first episode.
    db.prepare(`UPDATE clients SET admission_date = '2026-03-27' WHERE id = 'a'`).run();
    expect(closedRows(db)).toMatchObject([
      { seq: 1, ended_on: '2026-03-25', next_admitted_on: '2026-03-27' },
    ]);
    p.discharge('a', '2026-05-01', 'completed');
    p.readmit('a', '2026-08-01');
    expect(closedRows(db)).toMatchObject([
      { seq: 1, admitted_on: '2026-01-05', next_admitted_on: '2026-03-27' },
      {
        seq: 2,
        admitted_on: '2026-03-27',
        ended_on: '2026-05-01',
        left_on: null,
        next_admitted_on: '2026-08-01',
      },
    ]);
    // Edits that are not re-admissions close nothing: a name, the clinician, a discharged client's details.
    db.prepare(
      `UPDATE clients SET sort_name = 'dang anh z', assigned_clinician_id = 'u2' WHERE id = 'a'`,
    ).run();
    p.discharge('a', '2026-09-01', 'completed');
    db.prepare(`UPDATE clients SET admission_date = '2026-08-02' WHERE id = 'a'`).run();
    expect(closedRows(db)).toHaveLength(2);
  });

  it('gives clients re-admitted before this version one earlier episode without an admission date', () => {
    const db = databaseBefore(closedEpisodes);
    const p = practice(db);
    p.client('a', '2025-01-05', 'u1');
    p.score('a1', 'a', 'phq9', 20, at('2025-01-06'));
    p.score('a2', 'a', 'phq9', 6, at('2025-03-01'));
    p.discharge('a', '2025-03-10', 'completed');
    p.readmit('a', '2025-06-01');
    p.discharge('a', '2025-08-10', 'lost-contact');
    p.readmit('a', '2026-02-01');
    p.score('a3', 'a', 'phq9', 15, at('2026-02-02'));
    p.client('b', '2025-02-01', 'u2');
    p.discharge('b', '2025-04-01', 'completed');
    migrate(db);
    expect(closedRows(db)).toEqual([
      {
        client_id: 'a',
        seq: 1,
        admitted_on: null,
        clinician_id: 'u1',
        ended_on: '2025-08-10',
        left_on: '2025-08-10',
        next_admitted_on: '2026-02-01',
        left_after_days: null,
        phq9_scores: 2,
        phq9_first: 20,
        phq9_latest: 6,
      },
    ]);
    // Counted in care and in its response, never as an admission or in retention; both its discharges count.
    expect(outcomeFigures(db, params('2025-01-01', '2025-12-31'))).toMatchObject({
      clientsInCare: 2,
      admissions: 1,
      retention30: { eligible: 1, count: 1 },
      phq9: { eligible: 1, response: 1 },
      discharges: { completed: 2, 'lost-contact': 1 },
    });
    // In care from the earliest day on record (the record made on 5 January 2025), not in the years before.
    expect(db.prepare(`SELECT known_from FROM closed_episodes`).get()).toEqual({ known_from: '2025-01-05' });
    expect(outcomeFigures(db, params('2020-01-01', '2024-12-31'))).toMatchObject({ clientsInCare: 0 });
    expect(outcomeFigures(db, params('2020-01-01', '2025-01-05'))).toMatchObject({ clientsInCare: 1 });
  });

  it('counts the discharge that ended each episode once, a correction standing for the one it corrects', () => {
    const db = databaseBefore(closedEpisodes);
    migrate(db);
    const p = practice(db);
    p.client('a', '2026-01-05', 'u1');
    p.discharge('a', '2026-03-25', 'lost-contact');
    // A signed summary saying otherwise: recorded as a correction in the same episode.
    p.discharge('a', '2026-03-28', 'completed');
    const q1 = params('2026-01-01', '2026-03-31');
    const once = { completed: 1, 'lost-contact': 0 };
    expect(outcomeFigures(db, q1).discharges).toMatchObject(once);
    p.readmit('a', '2026-06-01', 'u2');
    expect(closedRows(db)).toMatchObject([{ ended_on: '2026-03-28', left_on: null }]);
    expect(outcomeFigures(db, q1).discharges).toMatchObject(once);
    expect(outcomeFigures(db, params('2026-01-01', '2026-03-31', 'u1')).discharges).toMatchObject(once);
    expect(outcomeFigures(db, params('2026-01-01', '2026-03-31', 'u2')).discharges).toMatchObject({
      completed: 0,
    });
  });
});
