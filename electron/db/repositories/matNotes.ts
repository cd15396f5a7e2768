/** MAT coordination notes and their addenda. Searched through `note_search` (kept in step by triggers, 0340). */
import type { Db } from '../connection';
import { localDate } from '../../../shared/domain/common';
import { matSearchText, type MatNoteContent } from '../../../shared/domain/matNotes';

export interface MatNoteRow {
  id: string;
  client_id: string;
  content: string;
  contact_date: string;
  author_id: string;
  author_name: string | null;
  created_at_ms: number;
  updated_at_ms: number;
  signed_at_ms: number | null;
  signed_by: string | null;
  signed_by_name: string | null;
  content_hash: string | null;
  signed_snapshot: string | null;
}

export interface MatAddendumRow {
  id: string;
  note_id: string;
  text: string;
  signed_at_ms: number;
  signed_by: string;
  signed_by_name: string | null;
  content_hash: string;
}

const SELECT = `SELECT n.*, a.display_name AS author_name, s.display_name AS signed_by_name
  FROM mat_notes n LEFT JOIN users a ON a.id = n.author_id LEFT JOIN users s ON s.id = n.signed_by`;

/** A draft's date may be half-typed; lists and search keep a real date (see notes.ts INDEX_DATE). */
const INDEX_DATE = `CASE WHEN date(:date) IS :date THEN :date ELSE :fallback END`;

export function insertMatNote(
  db: Db,
  n: { id: string; clientId: string; content: MatNoteContent },
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO mat_notes (id, client_id, content, contact_date, search_text, author_id, created_at_ms,
       updated_at_ms)
     VALUES (:id, :clientId, :content, ${INDEX_DATE}, :searchText, :userId, :atMs, :atMs)`,
  ).run({
    id: n.id,
    clientId: n.clientId,
    content: JSON.stringify(n.content),
    date: n.content.contactDate,
    fallback: localDate(atMs),
    searchText: matSearchText(n.content),
    userId,
    atMs,
  });
}

export function updateMatNoteDraft(db: Db, id: string, content: MatNoteContent, atMs: number): void {
  db.prepare(
    `UPDATE mat_notes SET content = :content, contact_date = ${INDEX_DATE.replace(':fallback', 'contact_date')},
       search_text = :searchText, updated_at_ms = :atMs WHERE id = :id`,
  ).run({
    content: JSON.stringify(content),
    date: content.contactDate,
    searchText: matSearchText(content),
    atMs,
    id,
  });
}

export function markMatNoteSigned(
  db: Db,
  id: string,
  s: { userId: string; atMs: number; hash: string; snapshot: string },
): boolean {
  return (
    db
      .prepare(
        `UPDATE mat_notes SET signed_at_ms = ?, signed_by = ?, content_hash = ?, signed_snapshot = ?
         WHERE id = ? AND signed_at_ms IS NULL`,
      )
      .run(s.atMs, s.userId, s.hash, s.snapshot, id).changes === 1
  );
}

export function deleteMatNoteDraft(db: Db, id: string): void {
  db.prepare('DELETE FROM mat_notes WHERE id = ?').run(id);
}

export function getMatNoteRow(db: Db, id: string): MatNoteRow | null {
  return (db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as MatNoteRow | undefined) ?? null;
}

export function listMatNoteRows(db: Db, clientId: string): MatNoteRow[] {
  return db
    .prepare(`${SELECT} WHERE n.client_id = ? ORDER BY n.contact_date DESC, n.created_at_ms DESC`)
    .all(clientId) as MatNoteRow[];
}

export function insertMatAddendum(
  db: Db,
  a: { id: string; noteId: string; text: string; hash: string },
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO mat_note_addenda (id, note_id, text, signed_at_ms, signed_by, content_hash)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.noteId, a.text, atMs, userId, a.hash);
}

export function listMatAddenda(db: Db, noteId: string): MatAddendumRow[] {
  return db
    .prepare(
      `SELECT d.*, u.display_name AS signed_by_name FROM mat_note_addenda d
       LEFT JOIN users u ON u.id = d.signed_by WHERE d.note_id = ? ORDER BY d.signed_at_ms`,
    )
    .all(noteId) as MatAddendumRow[];
}
