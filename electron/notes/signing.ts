/**
 * What a signature covers. The SHA-256 is taken over a canonical JSON of the signed content (keys sorted at every
 * level), so the same content always hashes the same and any change to it — through the app or behind it — makes
 * `verify` fail.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface SignedNoteContent {
  noteId: string;
  clientId: string;
  kind: string;
  content: unknown;
  groupSessionId: string | null;
  attendance: string | null;
  authorId: string;
  signedBy: string;
  signedAtMs: number;
  /**
   * The group's shared block and the goals' wording as shown when signing (SignedSnapshot). Absent for notes signed
   * before snapshots existed; canonicalJson leaves out undefined keys, so their hashes still verify.
   */
  snapshot?: unknown;
}

export const noteHash = (c: SignedNoteContent): string => sha256(canonicalJson(c));

export interface SignedAddendum {
  addendumId: string;
  noteId: string;
  noteHash: string;
  text: string;
  signedBy: string;
  signedAtMs: number;
}

export const addendumHash = (a: SignedAddendum): string => sha256(canonicalJson(a));

/** A stored addendum row as both note kinds keep it. */
export interface StoredAddendum {
  id: string;
  text: string;
  signed_by: string;
  signed_at_ms: number;
  content_hash: string;
}

/** Whether every addendum still hashes to what was stored when it was signed, chained to the note's own hash. */
export function addendaIntact(noteId: string, noteHash: string, addenda: readonly StoredAddendum[]): boolean {
  return addenda.every(
    (a) =>
      addendumHash({
        addendumId: a.id,
        noteId,
        noteHash,
        text: a.text,
        signedBy: a.signed_by,
        signedAtMs: a.signed_at_ms,
      }) === a.content_hash,
  );
}
