import type { Migration } from './types';

/**
 * MAT coordination notes (CLINICAL.md §5), signed and amended exactly as session notes are (0130, 0140): a signed
 * note refuses every change and its deletion; a draft carries no partial signature; addenda are signed when
 * written and never change. The note and its addenda are searched with the session notes: `note_search` rows of
 * kind 'mat', kept in step by triggers in the same transaction.
 */
export const matNotes: Migration = {
  version: 340,
  name: 'mat-notes',
  up(db) {
    db.exec(`
      CREATE TABLE mat_notes (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        content TEXT NOT NULL CHECK (json_valid(content)),
        contact_date TEXT NOT NULL,
        search_text TEXT NOT NULL,
        author_id TEXT NOT NULL REFERENCES users (id),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        signed_at_ms INTEGER,
        signed_by TEXT REFERENCES users (id),
        content_hash TEXT,
        signed_snapshot TEXT CHECK (signed_snapshot IS NULL OR json_valid(signed_snapshot))
      ) STRICT;
      CREATE INDEX mat_notes_by_client ON mat_notes (client_id, contact_date);
      CREATE TRIGGER mat_notes_signed_immutable BEFORE UPDATE ON mat_notes WHEN old.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed MAT note cannot be changed; add an addendum'); END;
      CREATE TRIGGER mat_notes_signed_no_delete BEFORE DELETE ON mat_notes WHEN old.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed MAT note cannot be deleted'); END;
      CREATE TRIGGER mat_notes_signed_whole BEFORE UPDATE ON mat_notes
        WHEN old.signed_at_ms IS NULL AND (
          (new.signed_at_ms IS NOT NULL AND (new.signed_by IS NULL OR new.content_hash IS NULL
            OR new.signed_snapshot IS NULL))
          OR (new.signed_at_ms IS NULL AND (new.signed_by IS NOT NULL OR new.content_hash IS NOT NULL
            OR new.signed_snapshot IS NOT NULL)))
        BEGIN SELECT RAISE(ABORT, 'a MAT note is signed whole: who, when, hash and snapshot'); END;
      CREATE TRIGGER mat_notes_insert_unsigned BEFORE INSERT ON mat_notes
        WHEN new.signed_at_ms IS NOT NULL OR new.signed_by IS NOT NULL OR new.content_hash IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a MAT note starts as a draft'); END;

      CREATE TABLE mat_note_addenda (
        id TEXT PRIMARY KEY,
        note_id TEXT NOT NULL REFERENCES mat_notes (id),
        text TEXT NOT NULL,
        signed_at_ms INTEGER NOT NULL,
        signed_by TEXT NOT NULL REFERENCES users (id),
        content_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mat_note_addenda_by_note ON mat_note_addenda (note_id, signed_at_ms);
      CREATE TRIGGER mat_note_addenda_signed_note BEFORE INSERT ON mat_note_addenda
        WHEN (SELECT signed_at_ms FROM mat_notes WHERE id = new.note_id) IS NULL
        BEGIN SELECT RAISE(ABORT, 'addenda are for signed MAT notes'); END;
      CREATE TRIGGER mat_note_addenda_no_update BEFORE UPDATE ON mat_note_addenda
        BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot be changed'); END;
      CREATE TRIGGER mat_note_addenda_no_delete BEFORE DELETE ON mat_note_addenda
        BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot be deleted'); END;

      CREATE TRIGGER mat_notes_search_insert AFTER INSERT ON mat_notes BEGIN
        INSERT INTO note_search (note_id, client_id, kind, source, session_date, text)
        VALUES (new.id, new.client_id, 'mat', 'note', new.contact_date, new.search_text);
      END;
      CREATE TRIGGER mat_notes_search_update AFTER UPDATE OF search_text, contact_date ON mat_notes BEGIN
        DELETE FROM note_search WHERE note_id = old.id AND source = 'note';
        INSERT INTO note_search (note_id, client_id, kind, source, session_date, text)
        VALUES (new.id, new.client_id, 'mat', 'note', new.contact_date, new.search_text);
      END;
      CREATE TRIGGER mat_notes_search_delete AFTER DELETE ON mat_notes BEGIN
        DELETE FROM note_search WHERE note_id = old.id;
      END;
      CREATE TRIGGER mat_note_addenda_search AFTER INSERT ON mat_note_addenda BEGIN
        INSERT INTO note_search (note_id, client_id, kind, source, session_date, text)
        SELECT n.id, n.client_id, 'mat', 'addendum', n.contact_date, new.text FROM mat_notes n
        WHERE n.id = new.note_id;
      END;
    `);
  },
};
