import type { Migration } from './types';

/**
 * Session notes, group sessions, addenda and full-text search. A signed note is a legal record: the triggers
 * refuse any change to it except a supervisor's co-signature, written once, and refuse its deletion. Addenda are
 * signed when written and never change. `note_search` (FTS5) is kept in step by triggers, in the same transaction.
 */
export const notes: Migration = {
  version: 130,
  name: 'notes',
  up(db) {
    db.exec(`
      CREATE TABLE group_sessions (
        id TEXT PRIMARY KEY,
        group_name TEXT NOT NULL,
        topic TEXT NOT NULL,
        session_date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        modality TEXT NOT NULL,
        interventions TEXT NOT NULL CHECK (json_valid(interventions)),
        facilitators TEXT NOT NULL CHECK (json_valid(facilitators)),
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX group_sessions_by_date ON group_sessions (session_date);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        kind TEXT NOT NULL CHECK (kind IN ('progress', 'group-member', 'sud-counselling')),
        content TEXT NOT NULL CHECK (json_valid(content)),
        session_date TEXT NOT NULL,
        search_text TEXT NOT NULL,
        group_session_id TEXT REFERENCES group_sessions (id),
        attendance TEXT CHECK (attendance IN ('present', 'late', 'left-early', 'absent', 'excused')),
        author_id TEXT NOT NULL REFERENCES users (id),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        signed_at_ms INTEGER,
        signed_by TEXT REFERENCES users (id),
        content_hash TEXT,
        cosigned_at_ms INTEGER,
        cosigned_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX notes_by_client ON notes (client_id, session_date);
      CREATE INDEX notes_by_group ON notes (group_session_id);
      CREATE TRIGGER notes_signed_immutable BEFORE UPDATE ON notes
        WHEN old.signed_at_ms IS NOT NULL AND (
          old.cosigned_at_ms IS NOT NULL
          OR new.content IS NOT old.content OR new.client_id IS NOT old.client_id OR new.kind IS NOT old.kind
          OR new.session_date IS NOT old.session_date OR new.search_text IS NOT old.search_text
          OR new.group_session_id IS NOT old.group_session_id OR new.attendance IS NOT old.attendance
          OR new.author_id IS NOT old.author_id OR new.created_at_ms IS NOT old.created_at_ms
          OR new.updated_at_ms IS NOT old.updated_at_ms OR new.signed_at_ms IS NOT old.signed_at_ms
          OR new.signed_by IS NOT old.signed_by OR new.content_hash IS NOT old.content_hash)
        BEGIN SELECT RAISE(ABORT, 'a signed note cannot be changed; add an addendum'); END;
      CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes WHEN old.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed note cannot be deleted'); END;

      CREATE TABLE note_addenda (
        id TEXT PRIMARY KEY,
        note_id TEXT NOT NULL REFERENCES notes (id),
        text TEXT NOT NULL,
        signed_at_ms INTEGER NOT NULL,
        signed_by TEXT NOT NULL REFERENCES users (id),
        content_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX note_addenda_by_note ON note_addenda (note_id, signed_at_ms);
      CREATE TRIGGER note_addenda_no_update BEFORE UPDATE ON note_addenda
        BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot be changed'); END;
      CREATE TRIGGER note_addenda_no_delete BEFORE DELETE ON note_addenda
        BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot be deleted'); END;

      CREATE VIRTUAL TABLE note_search USING fts5 (
        note_id UNINDEXED, client_id UNINDEXED, kind UNINDEXED, source UNINDEXED, session_date UNINDEXED, text,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
      );
      CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
        INSERT INTO note_search (note_id, client_id, kind, source, session_date, text)
        VALUES (new.id, new.client_id, new.kind, 'note', new.session_date, new.search_text);
      END;
      CREATE TRIGGER notes_search_update AFTER UPDATE OF search_text, session_date ON notes BEGIN
        DELETE FROM note_search WHERE note_id = old.id AND source = 'note';
        INSERT INTO note_search (note_id, client_id, kind, source, session_date, text)
        VALUES (new.id, new.client_id, new.kind, 'note', new.session_date, new.search_text);
      END;
      CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        DELETE FROM note_search WHERE note_id = old.id;
      END;
      CREATE TRIGGER note_addenda_search AFTER INSERT ON note_addenda BEGIN
        INSERT INTO note_search (note_id, client_id, kind, source, session_date, text)
        SELECT n.id, n.client_id, n.kind, 'addendum', n.session_date, new.text FROM notes n WHERE n.id = new.note_id;
      END;
    `);
  },
};
