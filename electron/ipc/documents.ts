/**
 * Printed documents. Policy: main writes each PDF into the practice's documents folder (owner-only) and returns
 * its path; the page may ask to open that file in the system's PDF viewer, and nothing else — a path outside the
 * folder, a link, a folder or a missing file is refused, so the page cannot have main open arbitrary files.
 * The folder is emptied whenever the practice locks or closes (Practice.removePrintedDocuments).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import type { DomainHandlers } from './types';

/** The real path of `file` when it is a regular file directly inside `dir`; null otherwise. */
export function fileInside(dir: string, file: string): string | null {
  try {
    const realDir = fs.realpathSync(dir);
    const real = fs.realpathSync(file);
    if (path.dirname(real) !== realDir) return null;
    return fs.lstatSync(file).isFile() ? real : null;
  } catch {
    return null;
  }
}

export const documentHandlers: DomainHandlers<'documents'> = {
  'documents.open': async ({ path: file }, { practice, platform }) => {
    const real = fileInside(practice.documentsDir, file);
    if (!real) {
      throw new AppError(
        'NOT_FOUND',
        'That document is no longer there: printed copies are removed when Clearleaf locks. Print it again.',
      );
    }
    try {
      await platform.openFile(real);
    } catch {
      throw new AppError(
        'NO_APPLICATION',
        `No application on this computer opened the PDF. It is at ${real}; open it from there.`,
      );
    }
    return { opened: true };
  },
};
