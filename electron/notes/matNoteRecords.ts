/**
 * MAT notes as the app shows them: the row, its linked withdrawal ratings and its signed addenda. A signed note
 * shows the ratings as they were when it was signed (its snapshot, covered by the hash), never as they are now.
 */
import { z } from 'zod';
import {
  LinkedRatingSchema,
  MatNoteContentSchema,
  type LinkedRating,
  type MatNote,
} from '../../shared/domain/matNotes';
import type { Db } from '../db/connection';
import { getAssessment } from '../db/repositories/assessments';
import { getMatNoteRow, listMatAddenda, type MatNoteRow } from '../db/repositories/matNotes';
import { addendaIntact, noteHash } from './signing';

const SnapshotSchema = z.object({ ratings: z.array(LinkedRatingSchema) });

/** The ratings the content links, as they are now: only this client's COWS and SOWS, oldest first. */
export function linkedRatings(db: Db, clientId: string, ids: readonly string[]): LinkedRating[] {
  return ids
    .flatMap((id) => {
      const a = getAssessment(db, id);
      if (!a || a.clientId !== clientId) return [];
      const input = a.input;
      if (input.instrumentId !== 'cows' && input.instrumentId !== 'sows') return [];
      return [
        {
          id: a.id,
          instrument: input.instrumentId,
          administeredAtMs: input.administeredAtMs,
          total: a.score?.status === 'complete' ? a.score.total : null,
          band: a.score?.band ?? null,
          timePoint: input.timePoint,
          vitals: input.vitals,
        },
      ];
    })
    .sort((x, y) => x.administeredAtMs - y.administeredAtMs);
}

function snapshotRatings(r: MatNoteRow): LinkedRating[] | null {
  if (r.signed_snapshot === null) return null;
  try {
    const parsed = SnapshotSchema.safeParse(JSON.parse(r.signed_snapshot));
    return parsed.success ? parsed.data.ratings : [];
  } catch {
    return [];
  }
}

export function matNoteFromRow(db: Db, r: MatNoteRow): MatNote {
  const content = MatNoteContentSchema.parse(JSON.parse(r.content));
  return {
    id: r.id,
    clientId: r.client_id,
    content,
    ratings: snapshotRatings(r) ?? linkedRatings(db, r.client_id, content.ratingIds),
    authorName: r.author_name,
    createdAtMs: r.created_at_ms,
    updatedAtMs: r.updated_at_ms,
    signedAtMs: r.signed_at_ms,
    signedByName: r.signed_by_name,
    contentHash: r.content_hash,
    addenda: listMatAddenda(db, r.id).map((a) => ({
      id: a.id,
      text: a.text,
      signedAtMs: a.signed_at_ms,
      signedByName: a.signed_by_name,
      contentHash: a.content_hash,
    })),
  };
}

export function loadMatNote(db: Db, id: string): MatNote | null {
  const row = getMatNoteRow(db, id);
  return row ? matNoteFromRow(db, row) : null;
}

/** The hash of a MAT note's signed content: the row as stored plus the ratings' snapshot. */
export function expectedMatNoteHash(
  r: MatNoteRow,
  signedBy: string,
  signedAtMs: number,
  snapshot: unknown = r.signed_snapshot === null ? undefined : JSON.parse(r.signed_snapshot),
): string {
  return noteHash({
    noteId: r.id,
    clientId: r.client_id,
    kind: 'mat',
    content: JSON.parse(r.content) as unknown,
    groupSessionId: null,
    attendance: null,
    authorId: r.author_id,
    signedBy,
    signedAtMs,
    snapshot,
  });
}

export function verifyMatNote(
  db: Db,
  id: string,
): { signed: boolean; intact: boolean; addendaIntact: boolean } {
  const r = getMatNoteRow(db, id);
  if (!r || r.signed_at_ms === null || r.signed_by === null || r.content_hash === null) {
    return { signed: false, intact: false, addendaIntact: false };
  }
  const intact = expectedMatNoteHash(r, r.signed_by, r.signed_at_ms) === r.content_hash;
  return { signed: true, intact, addendaIntact: addendaIntact(id, r.content_hash, listMatAddenda(db, id)) };
}
