import type { Migration } from './types';

/**
 * Note search kept in step by the row, not by a scan (issue 13). `note_search` (FTS5, 0130 and 0340) holds the note
 * id as an unindexed column, so each trigger that replaced a note's row — every draft save — looked for it by reading
 * the whole index: 420 ms per save at 500,000 notes. `note_search_keys` names the index row of each note and
 * addendum (its `id` is the row's rowid in `note_search`; an INTEGER PRIMARY KEY, so VACUUM keeps it), and the
 * triggers find the row through it. Existing rows are keyed by the rowids they have.
 */
const SOURCES = [
  { table: 'notes', kind: 'new.kind', date: 'session_date', addenda: 'note_addenda', prefix: 'notes' },
  {
    table: 'mat_notes',
    kind: "'mat'",
    date: 'contact_date',
    addenda: 'mat_note_addenda',
    prefix: 'mat_notes',
  },
] as const;

/** The index row of a note (source 'note') or of an addendum, written with its key. */
const indexed = (noteId: string, source: string, values: string) => `
        INSERT INTO note_search_keys (note_id, source) VALUES (${noteId}, ${source});
        INSERT INTO note_search (rowid, note_id, client_id, kind, source, session_date, text)
        ${values.replace('VALUES (', 'VALUES (last_insert_rowid(), ').replace('SELECT ', 'SELECT last_insert_rowid(), ')};`;

export const noteSearchKeys: Migration = {
  version: 840,
  name: 'note-search-keys',
  up(db) {
    db.exec(`
      CREATE TABLE note_search_keys (
        id INTEGER PRIMARY KEY,
        note_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('note', 'addendum'))
      );
      CREATE INDEX note_search_keys_by_note ON note_search_keys (note_id, source);
      INSERT INTO note_search_keys (id, note_id, source) SELECT rowid, note_id, source FROM note_search;
    `);
    for (const s of SOURCES) {
      const values = `VALUES (new.id, new.client_id, ${s.kind}, 'note', new.${s.date}, new.search_text)`;
      db.exec(`
        DROP TRIGGER ${s.prefix}_search_insert;
        DROP TRIGGER ${s.prefix}_search_update;
        DROP TRIGGER ${s.prefix}_search_delete;
        DROP TRIGGER ${s.table === 'notes' ? 'note_addenda_search' : 'mat_note_addenda_search'};
        CREATE TRIGGER ${s.prefix}_search_insert AFTER INSERT ON ${s.table} BEGIN
          ${indexed('new.id', "'note'", values)}
        END;
        CREATE TRIGGER ${s.prefix}_search_update AFTER UPDATE OF search_text, ${s.date} ON ${s.table} BEGIN
          DELETE FROM note_search
            WHERE rowid = (SELECT id FROM note_search_keys WHERE note_id = old.id AND source = 'note');
          DELETE FROM note_search_keys WHERE note_id = old.id AND source = 'note';
          ${indexed('new.id', "'note'", values)}
        END;
        CREATE TRIGGER ${s.prefix}_search_delete AFTER DELETE ON ${s.table} BEGIN
          DELETE FROM note_search WHERE rowid IN (SELECT id FROM note_search_keys WHERE note_id = old.id);
          DELETE FROM note_search_keys WHERE note_id = old.id;
        END;
        CREATE TRIGGER ${s.table === 'notes' ? 'note_addenda_search' : 'mat_note_addenda_search'}
          AFTER INSERT ON ${s.addenda} BEGIN
          ${indexed(
            'new.note_id',
            "'addendum'",
            `SELECT n.id, n.client_id, ${s.kind === 'new.kind' ? 'n.kind' : "'mat'"}, 'addendum', n.${s.date}, new.text
             FROM ${s.table} n WHERE n.id = new.note_id`,
          )}
        END;
      `);
    }
  },
};
