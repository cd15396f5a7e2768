import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';

/** 0140 notes-integrity: migrate to 0130, seed a signed note, a draft and a group session, migrate to 0140. */
function seeded() {
  const db = new Database(':memory:');
  migrate(db, 130);
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u1', 'ana', 'Ana Ruiz', 'LPC', 'clinician', 1)`,
  ).run();
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u2', 'sup', 'Sol Upton', 'LCSW', 'supervisor', 1)`,
  ).run();
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Ione', 'Vasquez-Thorne', 'vasquez-thorne, ione', '1990-01-01', 'female',
       '2026-11-01', 'active', 1, 1)`,
  ).run();
  for (const id of ['g1', 'g2']) {
    db.prepare(
      `INSERT INTO group_sessions VALUES (?, 'Skills group', 'Sleep', '2026-11-23', '17:00', '18:30', 'in-person',
         '[]', '["u1"]', 1, 'u1')`,
    ).run(id);
  }
  const note = db.prepare(
    `INSERT INTO notes (id, client_id, kind, content, session_date, search_text, group_session_id, author_id,
       created_at_ms, updated_at_ms) VALUES (?, 'c1', ?, '{}', '2026-11-23', 'text', ?, 'u1', 1, 1)`,
  );
  note.run('signed', 'group-member', 'g1');
  note.run('draft', 'group-member', 'g2');
  note.run('progress', 'progress', null);
  db.prepare(
    `UPDATE notes SET signed_at_ms = 5, signed_by = 'u1', content_hash = 'h' WHERE id = 'signed'`,
  ).run();
  migrate(db, 140);
  return db;
}

const run = (db: Database.Database, sql: string) => () => db.prepare(sql).run();

describe('0140 notes-integrity', () => {
  it('keeps the notes, and adds an empty snapshot column', () => {
    const db = seeded();
    expect(db.prepare('SELECT id, signed_snapshot FROM notes ORDER BY id').all()).toEqual([
      { id: 'draft', signed_snapshot: null },
      { id: 'progress', signed_snapshot: null },
      { id: 'signed', signed_snapshot: null },
    ]);
    expect(
      run(
        db,
        `UPDATE notes SET signed_at_ms = 3, signed_by = 'u1', content_hash = 'h', signed_snapshot = 'not json'
         WHERE id = 'draft'`,
      ),
    ).toThrow(/CHECK/);
  });

  it('refuses any change to a signed note through raw SQL, its id and snapshot included, and its deletion', () => {
    const db = seeded();
    for (const set of [
      `id = 'other'`,
      `content = '{"x":1}'`,
      `signed_snapshot = '{}'`,
      `attendance = 'absent'`,
      `content_hash = 'forged'`,
      `cosigned_by = 'u2'`,
      `cosigned_at_ms = 9`,
    ]) {
      expect(run(db, `UPDATE notes SET ${set} WHERE id = 'signed'`), set).toThrow(
        /signed note cannot be changed/,
      );
    }
    expect(run(db, `DELETE FROM notes WHERE id = 'signed'`)).toThrow(/signed note cannot be deleted/);
    expect(db.prepare(`SELECT count(*) AS n FROM notes WHERE id = 'signed'`).get()).toEqual({ n: 1 });
  });

  it('takes a co-signature once, whole: who and when together, then never changed or cleared', () => {
    const db = seeded();
    run(db, `UPDATE notes SET cosigned_by = 'u2', cosigned_at_ms = 9 WHERE id = 'signed'`)();
    for (const set of [
      `cosigned_by = NULL`,
      `cosigned_by = 'u1'`,
      `cosigned_at_ms = NULL`,
      `cosigned_at_ms = 10`,
    ]) {
      expect(run(db, `UPDATE notes SET ${set} WHERE id = 'signed'`), set).toThrow(
        /signed note cannot be changed/,
      );
    }
  });

  it('refuses a co-signature on a draft, and a signature without its signer or hash', () => {
    const db = seeded();
    expect(run(db, `UPDATE notes SET cosigned_by = 'u2' WHERE id = 'progress'`)).toThrow(
      /co-signed only after/,
    );
    expect(run(db, `UPDATE notes SET cosigned_at_ms = 9 WHERE id = 'progress'`)).toThrow(
      /co-signed only after/,
    );
    expect(run(db, `UPDATE notes SET signed_at_ms = 9 WHERE id = 'progress'`)).toThrow(/signed whole/);
    expect(run(db, `UPDATE notes SET signed_by = 'u1' WHERE id = 'progress'`)).toThrow(/signed whole/);
  });

  it('still lets drafts be edited, signed and deleted', () => {
    const db = seeded();
    run(
      db,
      `UPDATE notes SET content = '{"a":1}', search_text = 'sleep', updated_at_ms = 2 WHERE id = 'progress'`,
    )();
    run(db, `UPDATE notes SET attendance = 'late' WHERE id = 'draft'`)();
    run(
      db,
      `UPDATE notes SET signed_at_ms = 3, signed_by = 'u1', content_hash = 'h', signed_snapshot = '{}'
       WHERE id = 'progress'`,
    )();
    run(db, `DELETE FROM notes WHERE id = 'draft'`)();
    expect(db.prepare('SELECT id FROM notes ORDER BY id').all()).toEqual([
      { id: 'progress' },
      { id: 'signed' },
    ]);
  });

  it('locks a group session once a member note from it is signed; others stay editable', () => {
    const db = seeded();
    expect(run(db, `UPDATE group_sessions SET topic = 'Other' WHERE id = 'g1'`)).toThrow(
      /group session with a signed note cannot be changed/,
    );
    expect(run(db, `UPDATE group_sessions SET facilitators = '["u2"]' WHERE id = 'g1'`)).toThrow(
      /cannot be changed/,
    );
    expect(run(db, `DELETE FROM group_sessions WHERE id = 'g1'`)).toThrow(/cannot be deleted/);
    run(db, `UPDATE group_sessions SET topic = 'Other' WHERE id = 'g2'`)();
    expect(db.prepare(`SELECT topic FROM group_sessions WHERE id = 'g2'`).get()).toEqual({ topic: 'Other' });
  });
});
