import type { Migration } from './types';

/**
 * Closes gaps in what a signature protects (0130 stays as it was applied):
 * - A signed note's snapshot: the group's shared block and the goals' wording as shown at signing, covered by the
 *   content hash, because both live in rows that can change later (group sessions, plan versions, user names).
 * - The immutability trigger now covers every column, `id` and the snapshot included. The only change a signed
 *   note accepts is its co-signature: who and when, written together, once.
 * - A draft carries no co-signature, and a signature is written whole (who, when, hash).
 * - A group session cannot change or go once any member's note from it is signed.
 */
export const notesIntegrity: Migration = {
  version: 140,
  name: 'notes-integrity',
  up(db) {
    db.exec(`
      ALTER TABLE notes ADD COLUMN signed_snapshot TEXT
        CHECK (signed_snapshot IS NULL OR json_valid(signed_snapshot));

      DROP TRIGGER notes_signed_immutable;
      CREATE TRIGGER notes_signed_immutable BEFORE UPDATE ON notes
        WHEN old.signed_at_ms IS NOT NULL AND (
          new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.kind IS NOT old.kind
          OR new.content IS NOT old.content OR new.session_date IS NOT old.session_date
          OR new.search_text IS NOT old.search_text OR new.group_session_id IS NOT old.group_session_id
          OR new.attendance IS NOT old.attendance OR new.author_id IS NOT old.author_id
          OR new.created_at_ms IS NOT old.created_at_ms OR new.updated_at_ms IS NOT old.updated_at_ms
          OR new.signed_at_ms IS NOT old.signed_at_ms OR new.signed_by IS NOT old.signed_by
          OR new.content_hash IS NOT old.content_hash OR new.signed_snapshot IS NOT old.signed_snapshot
          OR ((new.cosigned_at_ms IS NOT old.cosigned_at_ms OR new.cosigned_by IS NOT old.cosigned_by)
            AND NOT (old.cosigned_at_ms IS NULL AND old.cosigned_by IS NULL
              AND new.cosigned_at_ms IS NOT NULL AND new.cosigned_by IS NOT NULL)))
        BEGIN SELECT RAISE(ABORT, 'a signed note cannot be changed; add an addendum'); END;

      CREATE TRIGGER notes_draft_integrity BEFORE UPDATE ON notes
        WHEN old.signed_at_ms IS NULL AND (
          new.cosigned_at_ms IS NOT NULL OR new.cosigned_by IS NOT NULL
          OR (new.signed_at_ms IS NOT NULL AND (new.signed_by IS NULL OR new.content_hash IS NULL))
          OR (new.signed_at_ms IS NULL AND (new.signed_by IS NOT NULL OR new.content_hash IS NOT NULL
            OR new.signed_snapshot IS NOT NULL)))
        BEGIN SELECT RAISE(ABORT, 'a note is co-signed only after it is signed, and signed whole'); END;

      CREATE TRIGGER group_sessions_signed_immutable BEFORE UPDATE ON group_sessions
        WHEN EXISTS (SELECT 1 FROM notes WHERE group_session_id = old.id AND signed_at_ms IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a group session with a signed note cannot be changed'); END;
      CREATE TRIGGER group_sessions_signed_no_delete BEFORE DELETE ON group_sessions
        WHEN EXISTS (SELECT 1 FROM notes WHERE group_session_id = old.id AND signed_at_ms IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a group session with a signed note cannot be deleted'); END;
    `);
  },
};
