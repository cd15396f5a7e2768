/**
 * Writing a printed document. Policy: every PDF goes into the practice's documents folder, owner-only, under a plain
 * file name; the folder is emptied whenever the practice locks or closes (Practice.removePrintedDocuments), and
 * documents.open opens nothing outside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SessionDeps } from '../ipc/types';

/**
 * A file name made of letters, digits, dots, dashes and underscores only: parts of it come from the record (a
 * draft's date can be any text), and it must stay a plain name inside the documents folder.
 */
export function safeFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '');
  return safe === '' ? 'document.pdf' : safe;
}

/** Writes a document into the practice's documents folder, owner-only, and returns its path. */
export function writeDocument(ctx: Pick<SessionDeps, 'practice'>, fileName: string, bytes: Buffer): string {
  const dir = ctx.practice.documentsDir;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, safeFileName(fileName));
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  return file;
}
