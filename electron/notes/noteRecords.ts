/** Notes as the app shows them: the row, its signed addenda and, for group notes, the shared group block only. */
import { NoteContentSchema, type Note } from '../../shared/domain/notes';
import type { Db } from '../db/connection';
import {
  getGroupSession,
  getNoteRow,
  groupNumberPresent,
  listAddenda,
  type NoteRow,
} from '../db/repositories/notes';
import { getUser } from '../db/repositories/users';
import { addendumHash, noteHash } from './signing';

export function groupBlock(db: Db, groupSessionId: string): Note['group'] {
  const g = getGroupSession(db, groupSessionId);
  if (!g) return null;
  const facilitators = JSON.parse(g.facilitators) as string[];
  return {
    groupSessionId: g.id,
    groupName: g.group_name,
    topic: g.topic,
    facilitatorNames: facilitators.map((id) => getUser(db, id)?.displayName ?? 'Former staff member'),
    numberPresent: groupNumberPresent(db, g.id),
  };
}

export function noteFromRow(db: Db, r: NoteRow): Note {
  return {
    id: r.id,
    clientId: r.client_id,
    kind: r.kind,
    content: NoteContentSchema.parse(JSON.parse(r.content)),
    group: r.group_session_id ? groupBlock(db, r.group_session_id) : null,
    attendance: (r.attendance as Note['attendance']) ?? null,
    authorName: r.author_name,
    createdAtMs: r.created_at_ms,
    updatedAtMs: r.updated_at_ms,
    signedAtMs: r.signed_at_ms,
    signedById: r.signed_by,
    signedByName: r.signed_by_name,
    contentHash: r.content_hash,
    cosignedAtMs: r.cosigned_at_ms,
    cosignedByName: r.cosigned_by_name,
    addenda: listAddenda(db, r.id).map((a) => ({
      id: a.id,
      text: a.text,
      signedAtMs: a.signed_at_ms,
      signedByName: a.signed_by_name,
      contentHash: a.content_hash,
    })),
  };
}

export function loadNote(db: Db, id: string): Note | null {
  const row = getNoteRow(db, id);
  return row ? noteFromRow(db, row) : null;
}

/** The hash a signed note's stored content should have, recomputed from what is in the database now. */
export function expectedNoteHash(r: NoteRow, signedBy: string, signedAtMs: number): string {
  return noteHash({
    noteId: r.id,
    clientId: r.client_id,
    kind: r.kind,
    content: JSON.parse(r.content) as unknown,
    groupSessionId: r.group_session_id,
    attendance: r.attendance,
    authorId: r.author_id,
    signedBy,
    signedAtMs,
  });
}

export function verifyNote(db: Db, id: string): { signed: boolean; intact: boolean; addendaIntact: boolean } {
  const r = getNoteRow(db, id);
  if (!r || r.signed_at_ms === null || r.signed_by === null || r.content_hash === null) {
    return { signed: false, intact: false, addendaIntact: false };
  }
  const intact = expectedNoteHash(r, r.signed_by, r.signed_at_ms) === r.content_hash;
  const addendaIntact = listAddenda(db, id).every(
    (a) =>
      addendumHash({
        addendumId: a.id,
        noteId: id,
        noteHash: r.content_hash ?? '',
        text: a.text,
        signedBy: a.signed_by,
        signedAtMs: a.signed_at_ms,
      }) === a.content_hash,
  );
  return { signed: true, intact, addendaIntact };
}
