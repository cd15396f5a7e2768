/**
 * The last backup attempt in each folder (the backups folder and the optional second one), kept beside the keyring
 * in `backup-status.json` so Settings can say when each folder last got a backup and whether it worked, even when
 * the attempt failed before anything reached the folder. Policy: only times, file names, folder paths and a
 * message Clearleaf wrote itself; never an error text from elsewhere, never anything clinical.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../security/keyring';

export type BackupFolderKind = 'main' | 'second';

const AttemptSchema = z.object({
  dir: z.string(),
  atMs: z.number(),
  ok: z.boolean(),
  fileName: z.string().nullable(),
  message: z.string().nullable(),
});
export type BackupAttempt = z.infer<typeof AttemptSchema>;

const StatusSchema = z.object({ main: AttemptSchema.optional(), second: AttemptSchema.optional() });

const statusFile = (dataDir: string) => path.join(dataDir, 'backup-status.json');

function readStatus(dataDir: string): z.infer<typeof StatusSchema> {
  try {
    return StatusSchema.parse(JSON.parse(fs.readFileSync(statusFile(dataDir), 'utf8')));
  } catch {
    return {};
  }
}

/** Why a backup could not be written, in words a clinician can act on. */
export function backupFailureMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return 'The drive is full.';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'The folder is not there. Is the drive plugged in?';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return 'Clearleaf may not write to the folder.';
  return 'The backup could not be written to the folder.';
}

export function recordBackupAttempt(
  dataDir: string,
  kind: BackupFolderKind,
  attempt: { dir: string; atMs: number; fileName: string | null; error: unknown },
): void {
  const next = {
    ...readStatus(dataDir),
    [kind]: {
      dir: attempt.dir,
      atMs: attempt.atMs,
      ok: attempt.error === null,
      fileName: attempt.fileName,
      message: attempt.error === null ? null : backupFailureMessage(attempt.error),
    },
  };
  try {
    writeFileAtomic(statusFile(dataDir), JSON.stringify(next));
  } catch {
    // Only a report: a full disk that refuses it has already refused the backup, which says so itself.
  }
}

/** The last attempt in `kind`, when it was for the folder `dir` (a changed second folder starts with none). */
export function lastBackupAttempt(
  dataDir: string,
  kind: BackupFolderKind,
  dir: string,
): BackupAttempt | null {
  const found = readStatus(dataDir)[kind];
  return found && found.dir === dir ? found : null;
}
