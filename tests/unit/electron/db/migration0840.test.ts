/**
 * 0840 note-search-keys: the search index is kept in step through `note_search_keys`, not by reading the whole
 * index for a note's row on every save (420 ms per draft save at 500,000 notes). Existing rows keep their rowids and
 * are keyed; saving, re-dating and deleting a draft, and an addendum, keep the index exactly in step; no trigger
 * looks a note up in the index by its unindexed id.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import { noteSearchKeys } from '../../../../electron/db/migrations/0840-note-search-keys';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

function practiceBefore() {
  const db = databaseBefore(noteSearchKeys);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Bartłomiej', 'Ó Dálaigh', 'ó dálaigh, bartłomiej', '1985-06-02', 'male',
       '2026-11-01', 'active', 1, 1)`,
  ).run();
  return db;
}

const note = (db: ReturnType<typeof practiceBefore>, id: string, text: string) =>
  db
    .prepare(
      `INSERT INTO notes (id, client_id, kind, content, session_date, search_text, author_id, created_at_ms,
         updated_at_ms) VALUES (?, 'c1', 'progress', '{}', '2026-11-20', ?, 'u1', 1, 1)`,
    )
    .run(id, text);
const matNote = (db: ReturnType<typeof practiceBefore>, id: string, text: string) =>
  db
    .prepare(
      `INSERT INTO mat_notes (id, client_id, content, contact_date, search_text, author_id, created_at_ms,
         updated_at_ms) VALUES (?, 'c1', '{}', '2026-11-21', ?, 'u1', 1, 1)`,
    )
    .run(id, text);
const found = (db: ReturnType<typeof practiceBefore>, term: string) =>
  db
    .prepare(
      'SELECT note_id, source, kind FROM note_search WHERE note_search MATCH ? ORDER BY note_id, source',
    )
    .all(term);
const counts = (db: ReturnType<typeof practiceBefore>) =>
  db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM note_search) AS indexed, (SELECT COUNT(*) FROM note_search_keys) AS keyed,
         (SELECT COUNT(*) FROM note_search s JOIN note_search_keys k ON k.id = s.rowid
            AND k.note_id = s.note_id AND k.source = s.source) AS matched`,
    )
    .get() as { indexed: number; keyed: number; matched: number };

describe('migration 0840 note-search-keys', () => {
  it('comes right after the migration before it', () => {
    expect(versionBefore(noteSearchKeys)).toBeGreaterThan(0);
    expect(noteSearchKeys.version).toBe(840);
  });

  it('keys the rows there are, and keeps the index in step with every change after', () => {
    const db = practiceBefore();
    note(db, 'n1', 'urge surfing at the bus stop');
    note(db, 'n2', 'marigold seeds with her daughter');
    matNote(db, 'm1', 'buprenorphine film, marigold tea');
    migrate(db, noteSearchKeys.version);
    expect(counts(db)).toEqual({ indexed: 3, keyed: 3, matched: 3 });

    // A draft saved again: the old words are gone, the new ones found, one row still.
    db.prepare(`UPDATE notes SET search_text = 'slept through the night' WHERE id = 'n1'`).run();
    expect(found(db, 'surfing')).toEqual([]);
    expect(found(db, 'slept')).toEqual([{ note_id: 'n1', source: 'note', kind: 'progress' }]);
    db.prepare(`UPDATE mat_notes SET search_text = 'naloxone on hand' WHERE id = 'm1'`).run();
    expect(found(db, 'marigold')).toEqual([{ note_id: 'n2', source: 'note', kind: 'progress' }]);
    expect(found(db, 'naloxone')).toEqual([{ note_id: 'm1', source: 'note', kind: 'mat' }]);
    // Re-dated, the row carries the new date.
    db.prepare(`UPDATE notes SET session_date = '2026-11-22' WHERE id = 'n2'`).run();
    expect(db.prepare(`SELECT session_date FROM note_search WHERE note_id = 'n2'`).all()).toEqual([
      { session_date: '2026-11-22' },
    ]);
    // An addendum is found with its note; a new note too.
    db.prepare(
      `INSERT INTO note_addenda (id, note_id, text, signed_at_ms, signed_by, content_hash)
       VALUES ('a1', 'n2', 'correction: the seeds were sunflower', 2, 'u1', 'h')`,
    ).run();
    note(db, 'n3', 'sunflower again');
    expect(found(db, 'sunflower')).toEqual([
      { note_id: 'n2', source: 'addendum', kind: 'progress' },
      { note_id: 'n3', source: 'note', kind: 'progress' },
    ]);
    // A deleted draft leaves nothing behind.
    db.prepare(`DELETE FROM notes WHERE id = 'n3'`).run();
    db.prepare(`DELETE FROM mat_notes WHERE id = 'm1'`).run();
    expect(found(db, 'sunflower')).toEqual([{ note_id: 'n2', source: 'addendum', kind: 'progress' }]);
    expect(counts(db)).toEqual({ indexed: 3, keyed: 3, matched: 3 });
  });

  it('never looks a note up in the index by its unindexed id', () => {
    const db = practiceBefore();
    migrate(db, noteSearchKeys.version);
    const triggers = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%note_search%'`)
      .all() as Array<{ name: string; sql: string }>;
    expect(triggers.map((t) => t.name).sort()).toEqual([
      'mat_note_addenda_search',
      'mat_notes_search_delete',
      'mat_notes_search_insert',
      'mat_notes_search_update',
      'note_addenda_search',
      'notes_search_delete',
      'notes_search_insert',
      'notes_search_update',
    ]);
    for (const t of triggers) expect(t.sql, t.name).not.toMatch(/FROM\s+note_search\s+WHERE\s+note_id/i);
    // The delete by rowid is a look-up, not a scan.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN DELETE FROM note_search
           WHERE rowid = (SELECT id FROM note_search_keys WHERE note_id = 'n1' AND source = 'note')`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/VIRTUAL TABLE INDEX 0:=.*SEARCH note_search_keys/);
  });
});
