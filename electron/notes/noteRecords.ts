/**
 * Notes as the app shows them: the row, its signed addenda and, for group notes, the shared group block only.
 * A signed note shows what was signed: its snapshot of the group block and of the goals' wording, never the group
 * session, user names or plan as they are now.
 */
import { planGoals } from '../../shared/domain/treatmentPlans';
import {
  NoteContentSchema,
  SignedSnapshotSchema,
  type GoalWording,
  type GroupBlock,
  type Note,
  type SignedSnapshot,
} from '../../shared/domain/notes';
import type { Db } from '../db/connection';
import {
  getGroupSession,
  getNoteRow,
  groupNumberPresent,
  listAddenda,
  listClientAddenda,
  type AddendumRow,
  type NoteRow,
} from '../db/repositories/notes';
import { listPlanVersions } from '../db/repositories/treatmentPlans';
import { getUser } from '../db/repositories/users';
import { addendaIntact, noteHash } from './signing';

/** The group's shared block as it is now (a draft's view). */
export function groupBlock(db: Db, groupSessionId: string): GroupBlock | null {
  const g = getGroupSession(db, groupSessionId);
  if (!g) return null;
  const facilitators = JSON.parse(g.facilitators) as string[];
  return {
    groupSessionId: g.id,
    groupName: g.group_name,
    topic: g.topic,
    covered: g.covered,
    sessionDate: g.session_date,
    startTime: g.start_time,
    endTime: g.end_time,
    modality: g.modality as GroupBlock['modality'],
    interventions: JSON.parse(g.interventions) as GroupBlock['interventions'],
    facilitatorNames: facilitators.map((id) => getUser(db, id)?.displayName ?? 'Former staff member'),
    numberPresent: groupNumberPresent(db, g.id),
  };
}

/** Each plan goal's wording, newest plan version winning, so a goal of an earlier version still has its words. */
export function planGoalTexts(db: Db, clientId: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const v of listPlanVersions(db, clientId).reverse()) {
    for (const g of planGoals(v.plan)) texts.set(g.id, g.text);
  }
  return texts;
}

/** What a signature freezes besides the content, as the signer sees it now. */
export function takeSnapshot(db: Db, r: NoteRow): SignedSnapshot {
  const content = NoteContentSchema.parse(JSON.parse(r.content));
  const texts = planGoalTexts(db, r.client_id);
  const goals: GoalWording[] = content.goalsAddressed.flatMap((id) => {
    const text = texts.get(id);
    return text === undefined ? [] : [{ id, text }];
  });
  return { group: r.group_session_id ? groupBlock(db, r.group_session_id) : null, goals };
}

/** The stored snapshot; one that no longer parses (changed behind the triggers) is shown as absent, and fails verify. */
function snapshotOf(r: NoteRow): SignedSnapshot | null {
  if (r.signed_snapshot === null) return null;
  try {
    const stored = JSON.parse(r.signed_snapshot) as unknown;
    // Most notes address no group and no goal: that snapshot, as the schema would return it, without the schema.
    if (isEmptySnapshot(stored)) return { group: null, goals: [] };
    const parsed = SignedSnapshotSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const isEmptySnapshot = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  (v as { group?: unknown }).group === null &&
  Array.isArray((v as { goals?: unknown }).goals) &&
  (v as { goals: unknown[] }).goals.length === 0;

/** What a list of notes reads once for all of them (see notesFromRows). */
interface Preloaded {
  addenda: AddendumRow[];
  groupBlock: (groupSessionId: string) => GroupBlock | null;
}

/**
 * Who checks each note's stored content against its schema: `here` (the default), or `caller` when the notes go
 * straight out of the dispatcher, which checks its output against the contract (NoteSchema, the same content
 * schema) and answers a clean error for a content that does not match — once, rather than twice per note.
 */
export type ContentCheck = 'here' | 'caller';

export function noteFromRow(db: Db, r: NoteRow, preloaded?: Preloaded, check: ContentCheck = 'here'): Note {
  const snapshot = snapshotOf(r);
  const group = preloaded?.groupBlock ?? ((id: string) => groupBlock(db, id));
  return {
    id: r.id,
    clientId: r.client_id,
    kind: r.kind,
    content:
      check === 'here'
        ? NoteContentSchema.parse(JSON.parse(r.content))
        : (JSON.parse(r.content) as Note['content']),
    // Notes signed before snapshots existed (migration 0140) fall back to the group block as it is now.
    group: snapshot ? snapshot.group : r.group_session_id ? group(r.group_session_id) : null,
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
    addenda: (preloaded?.addenda ?? listAddenda(db, r.id)).map((a) => ({
      id: a.id,
      text: a.text,
      signedAtMs: a.signed_at_ms,
      signedByName: a.signed_by_name,
      contentHash: a.content_hash,
    })),
    signedGoals: snapshot ? snapshot.goals : null,
  };
}

/**
 * One client's notes as the app shows them, reading the addenda in one query and each group session's block once
 * (a long chart has thousands of notes: one query per note made the list many times slower than its rows).
 */
export function notesFromRows(
  db: Db,
  clientId: string,
  rows: readonly NoteRow[],
  check: ContentCheck = 'here',
): Note[] {
  const addenda = listClientAddenda(db, clientId);
  const blocks = new Map<string, GroupBlock | null>();
  const block = (id: string) => {
    if (!blocks.has(id)) blocks.set(id, groupBlock(db, id));
    return blocks.get(id) ?? null;
  };
  return rows.map((r) => noteFromRow(db, r, { addenda: addenda.get(r.id) ?? [], groupBlock: block }, check));
}

export function loadNote(db: Db, id: string): Note | null {
  const row = getNoteRow(db, id);
  return row ? noteFromRow(db, row) : null;
}

/**
 * The hash of a note's signed content: the row as stored plus the snapshot (given at signing, read from the row
 * when verifying). Recomputed from what is in the database now, any change behind the triggers shows.
 */
export function expectedNoteHash(
  r: NoteRow,
  signedBy: string,
  signedAtMs: number,
  snapshot: unknown = r.signed_snapshot === null ? undefined : JSON.parse(r.signed_snapshot),
): string {
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
    snapshot,
  });
}

export function verifyNote(db: Db, id: string): { signed: boolean; intact: boolean; addendaIntact: boolean } {
  const r = getNoteRow(db, id);
  if (!r || r.signed_at_ms === null || r.signed_by === null || r.content_hash === null) {
    return { signed: false, intact: false, addendaIntact: false };
  }
  const intact = expectedNoteHash(r, r.signed_by, r.signed_at_ms) === r.content_hash;
  return { signed: true, intact, addendaIntact: addendaIntact(id, r.content_hash, listAddenda(db, id)) };
}
