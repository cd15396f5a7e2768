/** Session notes, their addenda, group sessions and note search. */
import type { Db } from '../connection';
import { localDate } from '../../../shared/domain/common';
import type { NoteContent, NoteKind } from '../../../shared/domain/notes';
import { fold } from './clients';

export interface NoteRow {
  id: string;
  client_id: string;
  kind: NoteKind;
  content: string;
  session_date: string;
  group_session_id: string | null;
  attendance: string | null;
  author_id: string;
  author_name: string | null;
  created_at_ms: number;
  updated_at_ms: number;
  signed_at_ms: number | null;
  signed_by: string | null;
  signed_by_name: string | null;
  content_hash: string | null;
  /** JSON of a SignedSnapshot, written with the signature (migration 0140); null for drafts and older notes. */
  signed_snapshot: string | null;
  cosigned_at_ms: number | null;
  cosigned_by: string | null;
  cosigned_by_name: string | null;
}

export interface AddendumRow {
  id: string;
  note_id: string;
  text: string;
  signed_at_ms: number;
  signed_by: string;
  signed_by_name: string | null;
  content_hash: string;
}

export interface GroupSessionRow {
  id: string;
  group_name: string;
  topic: string;
  covered: string;
  session_date: string;
  start_time: string;
  end_time: string;
  modality: string;
  interventions: string;
  facilitators: string;
  created_at_ms: number;
}

// The row's own columns but search_text (a second copy of every section's words, for the index alone: a long chart's
// list read it 2,000 times over for nothing).
const NOTE_SELECT = `SELECT n.id, n.client_id, n.kind, n.content, n.session_date, n.group_session_id, n.attendance,
    n.author_id, n.created_at_ms, n.updated_at_ms, n.signed_at_ms, n.signed_by, n.content_hash, n.signed_snapshot,
    n.cosigned_at_ms, n.cosigned_by, a.display_name AS author_name, s.display_name AS signed_by_name,
    c.display_name AS cosigned_by_name
  FROM notes n LEFT JOIN users a ON a.id = n.author_id LEFT JOIN users s ON s.id = n.signed_by
  LEFT JOIN users c ON c.id = n.cosigned_by`;

/** The words of a note as search indexes them: every section, the risk note and the next appointment. */
export function noteSearchText(content: NoteContent, extra: readonly string[] = []): string {
  return [...Object.values(content.sections), content.risk.note, content.nextAppointment, ...extra]
    .filter((t) => t.trim() !== '')
    .join('\n');
}

export interface NewNote {
  id: string;
  clientId: string;
  kind: NoteKind;
  content: NoteContent;
  groupSessionId: string | null;
  attendance: string | null;
  searchExtra: readonly string[];
}

/**
 * The date a note is listed and searched under. A draft's date may be half-typed; the index keeps a real date
 * (the one it had, or the day it was written) so lists and search never see an empty or impossible date.
 */
const INDEX_DATE = `CASE WHEN date(:date) IS :date THEN :date ELSE :fallback END`;

export function insertNote(db: Db, n: NewNote, userId: string, atMs: number): void {
  db.prepare(
    `INSERT INTO notes (id, client_id, kind, content, session_date, search_text, group_session_id, attendance,
       author_id, created_at_ms, updated_at_ms)
     VALUES (:id, :clientId, :kind, :content, ${INDEX_DATE}, :searchText, :groupSessionId, :attendance,
       :userId, :atMs, :atMs)`,
  ).run({
    id: n.id,
    clientId: n.clientId,
    kind: n.kind,
    content: JSON.stringify(n.content),
    date: n.content.sessionDate,
    fallback: localDate(atMs),
    searchText: noteSearchText(n.content, n.searchExtra),
    groupSessionId: n.groupSessionId,
    attendance: n.attendance,
    userId,
    atMs,
  });
}

export function updateNoteDraft(
  db: Db,
  id: string,
  content: NoteContent,
  attendance: string | null,
  searchExtra: readonly string[],
  atMs: number,
): void {
  db.prepare(
    `UPDATE notes SET content = :content, session_date = ${INDEX_DATE.replace(':fallback', 'session_date')},
       search_text = :searchText, attendance = :attendance, updated_at_ms = :atMs WHERE id = :id`,
  ).run({
    content: JSON.stringify(content),
    date: content.sessionDate,
    searchText: noteSearchText(content, searchExtra),
    attendance,
    atMs,
    id,
  });
}

/** Signs a draft: who, when, the hash, and the snapshot the hash covers. The WHERE keeps a signature once. */
export function markNoteSigned(
  db: Db,
  id: string,
  signed: { userId: string; atMs: number; hash: string; snapshot: string },
): boolean {
  return (
    db
      .prepare(
        `UPDATE notes SET signed_at_ms = ?, signed_by = ?, content_hash = ?, signed_snapshot = ?
         WHERE id = ? AND signed_at_ms IS NULL`,
      )
      .run(signed.atMs, signed.userId, signed.hash, signed.snapshot, id).changes === 1
  );
}

export function markNoteCosigned(db: Db, id: string, userId: string, atMs: number): void {
  db.prepare('UPDATE notes SET cosigned_at_ms = ?, cosigned_by = ? WHERE id = ?').run(atMs, userId, id);
}

export function deleteNoteDraft(db: Db, id: string): void {
  db.prepare('DELETE FROM notes WHERE id = ?').run(id);
}

export function getNoteRow(db: Db, id: string): NoteRow | null {
  return (db.prepare(`${NOTE_SELECT} WHERE n.id = ?`).get(id) as NoteRow | undefined) ?? null;
}

export function listNoteRows(
  db: Db,
  clientId: string,
  kinds: readonly NoteKind[],
  draftsOnly = false,
): NoteRow[] {
  if (kinds.length === 0) return [];
  return db.prepare(clientNotesSql(kinds.length, draftsOnly)).all(clientId, ...kinds) as NoteRow[];
}

/** A client's notes of `kindCount` kinds, newest first (exported for the benchmark's raw baseline). */
export const clientNotesSql = (kindCount: number, draftsOnly: boolean): string =>
  `${NOTE_SELECT} WHERE n.client_id = ? AND n.kind IN (${Array.from({ length: kindCount }, () => '?').join(', ')})
   ${draftsOnly ? 'AND n.signed_at_ms IS NULL' : ''}
   ORDER BY n.session_date DESC, n.created_at_ms DESC`;

export function insertAddendum(
  db: Db,
  a: { id: string; noteId: string; text: string; hash: string },
  userId: string,
  atMs: number,
): void {
  db.prepare(
    'INSERT INTO note_addenda (id, note_id, text, signed_at_ms, signed_by, content_hash) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(a.id, a.noteId, a.text, atMs, userId, a.hash);
}

/**
 * The signed addenda of every note of a client, by note id, oldest first: a list of notes reads them in one query
 * instead of one per note.
 */
/** Every signed addendum of a client's notes (exported for the benchmark's raw baseline). */
export const CLIENT_ADDENDA_SQL = `SELECT d.*, u.display_name AS signed_by_name FROM notes n
    JOIN note_addenda d ON d.note_id = n.id LEFT JOIN users u ON u.id = d.signed_by
  WHERE n.client_id = ? ORDER BY d.signed_at_ms`;

export function listClientAddenda(db: Db, clientId: string): Map<string, AddendumRow[]> {
  const rows = db.prepare(CLIENT_ADDENDA_SQL).all(clientId) as AddendumRow[];
  const byNote = new Map<string, AddendumRow[]>();
  for (const r of rows) {
    const list = byNote.get(r.note_id);
    if (list) list.push(r);
    else byNote.set(r.note_id, [r]);
  }
  return byNote;
}

export function listAddenda(db: Db, noteId: string): AddendumRow[] {
  return db
    .prepare(
      `SELECT d.*, u.display_name AS signed_by_name FROM note_addenda d LEFT JOIN users u ON u.id = d.signed_by
       WHERE d.note_id = ? ORDER BY d.signed_at_ms`,
    )
    .all(noteId) as AddendumRow[];
}

export function insertGroupSession(
  db: Db,
  g: Omit<GroupSessionRow, 'interventions' | 'facilitators' | 'created_at_ms'> & {
    interventions: readonly string[];
    facilitators: readonly string[];
  },
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO group_sessions (id, group_name, topic, covered, session_date, start_time, end_time, modality,
       interventions, facilitators, created_at_ms, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    g.id,
    g.group_name,
    g.topic,
    g.covered,
    g.session_date,
    g.start_time,
    g.end_time,
    g.modality,
    JSON.stringify(g.interventions),
    JSON.stringify(g.facilitators),
    atMs,
    userId,
  );
}

/** Changes a group's shared block (the database refuses it once an attendee's note is signed). */
export function updateGroupSession(
  db: Db,
  g: Omit<GroupSessionRow, 'interventions' | 'facilitators' | 'created_at_ms'> & {
    interventions: readonly string[];
    facilitators: readonly string[];
  },
): void {
  db.prepare(
    `UPDATE group_sessions SET group_name = ?, topic = ?, covered = ?, session_date = ?, start_time = ?, end_time = ?,
       modality = ?, interventions = ?, facilitators = ? WHERE id = ?`,
  ).run(
    g.group_name,
    g.topic,
    g.covered,
    g.session_date,
    g.start_time,
    g.end_time,
    g.modality,
    JSON.stringify(g.interventions),
    JSON.stringify(g.facilitators),
    g.id,
  );
}

/** Whether any attendee's note of this group is signed: from then the group and its attendees are fixed. */
export function groupHasSignedNote(db: Db, groupSessionId: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM notes WHERE group_session_id = ? AND signed_at_ms IS NOT NULL LIMIT 1')
      .get(groupSessionId) !== undefined
  );
}

export function getGroupSession(db: Db, id: string): GroupSessionRow | null {
  return (
    (db.prepare('SELECT * FROM group_sessions WHERE id = ?').get(id) as GroupSessionRow | undefined) ?? null
  );
}

export function listGroupSessions(db: Db, limit: number): GroupSessionRow[] {
  return db
    .prepare('SELECT * FROM group_sessions ORDER BY session_date DESC, created_at_ms DESC LIMIT ?')
    .all(limit) as GroupSessionRow[];
}

export function groupMemberRows(db: Db, groupSessionId: string): Array<NoteRow & { client_name: string }> {
  return db
    .prepare(
      `${NOTE_SELECT.replace('FROM notes n', `, cl.legal_last_name || ', ' || cl.legal_first_name AS client_name FROM notes n`)}
       JOIN clients cl ON cl.id = n.client_id WHERE n.group_session_id = ? ORDER BY cl.sort_name`,
    )
    .all(groupSessionId) as Array<NoteRow & { client_name: string }>;
}

/** How many attendees were there (present, late or left early). */
export function groupNumberPresent(db: Db, groupSessionId: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM notes WHERE group_session_id = ? AND attendance IN ('present', 'late', 'left-early')`,
    )
    .get(groupSessionId) as { n: number };
  return row.n;
}

/**
 * An FTS5 query from what a clinician types: words must all appear; "quoted words" are a phrase; a trailing *
 * makes a prefix. Everything else is dropped, so no input can break the query syntax.
 */
export function noteFtsQuery(text: string): string | null {
  const parts: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = fold(m[1])
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (words.length > 0) parts.push(`"${words.join(' ')}"`);
    } else if (m[2] !== undefined) {
      const words = fold(m[2])
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      for (const w of words) parts.push(`"${w}"`);
      if (m[2].endsWith('*') && words.length > 0) parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
    }
  }
  return parts.length === 0 ? null : parts.slice(0, 16).join(' ');
}

export interface NoteSearchFilters {
  clientId: string | null;
  fromDate: string | null;
  toDate: string | null;
  /** 'mat': MAT coordination notes (migration 0340 indexes them here). */
  kinds: readonly (NoteKind | 'mat')[];
  limit: number;
}

export interface NoteSearchRow {
  note_id: string;
  client_id: string;
  kind: NoteKind | 'mat';
  source: 'note' | 'addendum';
  session_date: string;
  snippet: string;
  client_name: string;
  chart_number: string;
}

/** Snippet highlight markers: control characters that never occur in typed text, split by the renderer. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * Newest first (FTS5 rowid order, which is the order notes were written): FTS5 walks its index backwards and stops
 * at the limit, where ranking by relevance would score every match first — 200 ms for a common word at 500,000
 * notes against a few milliseconds.
 */
export function searchNotes(db: Db, match: string, f: NoteSearchFilters): NoteSearchRow[] {
  if (f.kinds.length === 0) return [];
  return db.prepare(noteSearchSql(f.kinds.length)).all(...noteSearchParams(match, f)) as NoteSearchRow[];
}

/** The note search statement for `kindCount` kinds (exported for the benchmark's raw baseline). */
export const noteSearchSql = (kindCount: number): string =>
  `SELECT s.note_id, s.client_id, s.kind, s.source, s.session_date,
     snippet(note_search, 5, char(1), char(2), '…', 16) AS snippet,
     c.legal_last_name || ', ' || c.legal_first_name AS client_name, c.chart_number
   FROM note_search s JOIN clients c ON c.id = s.client_id
   WHERE note_search MATCH ?
     AND (? IS NULL OR s.client_id = ?)
     AND (? IS NULL OR s.session_date >= ?)
     AND (? IS NULL OR s.session_date <= ?)
     AND s.kind IN (${Array.from({ length: kindCount }, () => '?').join(', ')})
   ORDER BY s.rowid DESC LIMIT ?`;

export const noteSearchParams = (match: string, f: NoteSearchFilters): unknown[] => [
  match,
  f.clientId,
  f.clientId,
  f.fromDate,
  f.fromDate,
  f.toDate,
  f.toDate,
  ...f.kinds,
  f.limit,
];
