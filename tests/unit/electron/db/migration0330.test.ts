/**
 * 0330–0360 (medications, MAT notes, withdrawal vitals, post-acute check-ins): each migrated from the version before
 * it over seeded rows, which stay as they were, and each table's history rules checked in SQL.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../../electron/db/migrations';
import { medications } from '../../../../electron/db/migrations/0330-medications';
import { matNotes } from '../../../../electron/db/migrations/0340-mat-notes';
import { withdrawalVitals } from '../../../../electron/db/migrations/0350-withdrawal-vitals';
import { pawsCheckins } from '../../../../electron/db/migrations/0360-paws-checkins';

const before = (m: (typeof MIGRATIONS)[number]) => MIGRATIONS[MIGRATIONS.indexOf(m) - 1]?.version ?? 0;

function seededAt(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
     VALUES ('u1', 'wren', 'Wren O’Brien', 'LCSW', 'clinician', 1)`,
  ).run();
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Jakub', 'Łukasiewicz', 'lukasiewicz, jakub', '1979-08-02', 'male', '2026-11-01',
       'active', 1, 1)`,
  ).run();
  return db;
}

describe('0330 medications', () => {
  it('numbers versions in order and refuses changing or deleting one', () => {
    const db = seededAt(before(medications));
    migrate(db, medications.version);
    expect(schemaVersion(db)).toBe(330);
    db.prepare("INSERT INTO medications VALUES ('m1', 'c1', 1, 'u1')").run();
    const version = db.prepare(
      "INSERT INTO medication_versions VALUES ('m1', ?, '{}', 'induction', 1, 'u1')",
    );
    version.run(1);
    expect(() => version.run(3)).toThrow(/follows the one before/);
    version.run(2);
    expect(() => db.prepare("UPDATE medication_versions SET phase = 'stopped'").run()).toThrow(/history/);
    expect(() => db.prepare('DELETE FROM medication_versions WHERE version = 2').run()).toThrow(/history/);
    expect(() => db.prepare("UPDATE medications SET client_id = 'c1'").run()).toThrow(/cannot move/);
  });
});

describe('0340 MAT notes', () => {
  it('keeps a draft editable, a signed note immutable, and indexes both for the note search', () => {
    const db = seededAt(before(matNotes));
    migrate(db, matNotes.version);
    db.prepare(
      `INSERT INTO mat_notes (id, client_id, content, contact_date, search_text, author_id, created_at_ms,
         updated_at_ms) VALUES ('n1', 'c1', '{}', '2026-12-02', 'buprenorphine films collected', 'u1', 1, 1)`,
    ).run();
    db.prepare("UPDATE mat_notes SET search_text = 'lofexidine started' WHERE id = 'n1'").run();
    const hits = () =>
      db.prepare("SELECT kind FROM note_search WHERE note_search MATCH 'lofexidine'").all() as {
        kind: string;
      }[];
    expect(hits()).toEqual([{ kind: 'mat' }]);
    expect(() => db.prepare("UPDATE mat_notes SET signed_at_ms = 5 WHERE id = 'n1'").run()).toThrow(
      /signed whole/,
    );
    expect(() =>
      db.prepare("INSERT INTO mat_note_addenda VALUES ('a0', 'n1', 'x', 5, 'u1', 'h')").run(),
    ).toThrow(/addenda are for signed/);
    db.prepare(
      "UPDATE mat_notes SET signed_at_ms = 5, signed_by = 'u1', content_hash = 'h', signed_snapshot = '{}'",
    ).run();
    expect(() => db.prepare("UPDATE mat_notes SET search_text = 'x'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM mat_notes').run()).toThrow(/cannot be deleted/);
    db.prepare("INSERT INTO mat_note_addenda VALUES ('a1', 'n1', 'naloxone kit given', 6, 'u1', 'h2')").run();
    expect(db.prepare("SELECT source FROM note_search WHERE note_search MATCH 'naloxone'").all()).toEqual([
      { source: 'addendum' },
    ]);
  });
});

describe('0350 withdrawal vitals', () => {
  it('adds empty vitals to existing (even signed) ratings and checks the ranges', () => {
    const db = seededAt(before(withdrawalVitals));
    db.prepare(
      `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, administered_at_ms,
         administered_by, created_at_ms, updated_at_ms, signed_at_ms, signed_by)
       VALUES ('a1', 'c1', 'cows', '1', '{}', 1, 'u1', 1, 1, 2, 'u1')`,
    ).run();
    migrate(db, withdrawalVitals.version);
    expect(
      db
        .prepare('SELECT systolic, diastolic, heart_rate, temperature_c, signed_at_ms FROM assessments')
        .get(),
    ).toEqual({
      systolic: null,
      diastolic: null,
      heart_rate: null,
      temperature_c: null,
      signed_at_ms: 2,
    });
    const insert = db.prepare(
      `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, administered_at_ms,
         administered_by, created_at_ms, updated_at_ms, systolic, diastolic, heart_rate, temperature_c)
       VALUES (?, 'c1', 'cows', '1', '{}', 1, 'u1', 1, 1, ?, ?, ?, ?)`,
    );
    insert.run('ok', 120, 80, 90, 37.0);
    expect(() => insert.run('b1', 300, 80, 90, 37)).toThrow(/CHECK/);
    expect(() => insert.run('b2', 120, 130, 90, 37)).toThrow(/CHECK/);
    expect(() => insert.run('b3', 120, 80, 10, 37)).toThrow(/CHECK/);
    expect(() => insert.run('b4', 120, 80, 90, 45)).toThrow(/CHECK/);
  });
});

describe('0360 post-acute check-ins', () => {
  it('takes scores 0–10 on a real date and keeps them as recorded', () => {
    const db = seededAt(before(pawsCheckins));
    migrate(db, pawsCheckins.version);
    const insert = db.prepare("INSERT INTO paws_checkins VALUES (?, 'c1', ?, ?, 5, 5, 5, '', 1, 'u1')");
    insert.run('p1', '2026-12-01', 7);
    expect(() => insert.run('p2', '2026-12-01', 11)).toThrow(/CHECK/);
    expect(() => insert.run('p3', '2026-02-30', 4)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE paws_checkins SET sleep = 1').run()).toThrow(/kept as recorded/);
  });
});
