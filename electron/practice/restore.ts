/**
 * Restore. Policy:
 * - Restore from the lock screen runs only when the database fails its health check or is missing. Restoring over
 *   a healthy database is for a practice administrator, after a preview of what the backup holds (its date, its
 *   counts and audit rows) and what would be set aside (what the current database holds beyond it: counts, and the
 *   changes recorded since with their dates). It is recorded in both files: in the current database before it is
 *   set aside (with a backup of it taken first), and in the restored one. Nothing is deleted: the replaced files
 *   stay beside the new one.
 * - The backup may be one listed in the backups or second folder, or a file chosen anywhere (a drive, the CLI's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from '../errors';
import type { BackupInfo } from '../../shared/domain/identity';
import {
  kitOf,
  listBackups,
  newestVerifiedBackup,
  restoreBackup,
  recordCounts,
  tableCounts,
  verifyBackupFile,
} from '../db/backup';
import { applyKey, checkDatabaseFile, openFile } from '../db/connection';
import { auditAnchor, auditSince, checkAuditAnchor, type AuditSince } from '../db/repositories/audit';
import { getUser } from '../db/repositories/users';
import { passphraseAad, unwrapKey } from '../security/keyring';
import { secondBackupFolderOf, writePracticeBackup } from './backups';
import type { PracticeCore } from './core';
import {
  afterUnlock,
  checkThrottle,
  openPracticeDb,
  reauthenticate,
  recordFailure,
  requireAdministrator,
  serialized,
  writeAnchor,
} from './session';

const DAMAGED_OR_MISSING = new Set(['DB_MISSING', 'DB_EMPTY', 'DB_TRUNCATED', 'DB_UNREADABLE', 'DB_CORRUPT']);

/** Replaces a damaged or missing database by a chosen backup, or the newest that passes its check. */
export function restoreFromDamage(
  p: PracticeCore,
  key: Buffer,
  chosen: string | null = null,
): { restored: string; setAsideAt: string | null } {
  const found = chosen
    ? { path: chosen, fileName: path.basename(chosen) }
    : (newestVerifiedBackup(p.backupDir, key) ?? newestInSecond(p, key));
  if (!found) {
    throw new AppError('NOT_FOUND', 'No backup that passes its check was found in the backups folder.');
  }
  p.detach();
  const setAsideAt = restoreBackup(p.dbFile, found.path, key, p.clock.now(), (a) => p.setAnchor(a));
  return { restored: found.fileName, setAsideAt };
}

function newestInSecond(p: PracticeCore, key: Buffer): BackupInfo | null {
  const second = secondBackupFolderOf(p);
  return second ? newestVerifiedBackup(second, key) : null;
}

/**
 * The lock screen's restore: only when the database fails its health check or is missing. A healthy database is
 * restored only by an administrator from Settings (`restoreChosen`).
 */
export function restoreNewestBackup(
  p: PracticeCore,
  username: string,
  passphrase: string,
  chosen: string | null = null,
): Promise<{ restored: string; damagedKeptAt: string | null }> {
  return serialized(p, async () => {
    p.settleFiles();
    const ring = p.requireKeyring();
    const name = username.trim().toLowerCase();
    checkThrottle(p, name);
    const entry = ring.users.find((u) => u.username === name);
    const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(entry.userId)) : null;
    if (!entry || !key) throw recordFailure(p, name);
    try {
      checkDatabaseFile(p.dbFile, key, { full: true });
      key.fill(0);
      throw new AppError(
        'RESTORE_REFUSED',
        'The practice database is healthy, so it is not replaced from the lock screen. A practice administrator ' +
          'can restore a backup from Settings, after seeing what it holds and what would be set aside.',
      );
    } catch (err) {
      if (!(err instanceof AppError) || !DAMAGED_OR_MISSING.has(err.code)) throw err;
    }
    const { restored, setAsideAt } = restoreFromDamage(p, key, chosen);
    const db = openPracticeDb(p, key);
    const user = getUser(db, entry.userId);
    if (!user) {
      db.close();
      key.fill(0);
      throw new AppError(
        'NOT_FOUND',
        'This account is not in the restored backup. Unlock with another account.',
      );
    }
    p.attach(db, key, user);
    afterUnlock(p, { action: 'restore', entity: 'practice', entityId: restored });
    return { restored, damagedKeptAt: setAsideAt };
  });
}

/** A backup to restore: one listed in the backups or second folder by name, or a file the user chose. */
export type BackupSource = { fileName: string } | { file: string };

export interface RestorePreview {
  backup: {
    fileName: string;
    file: string;
    /** When the backup was written (its kit, else its name, else the file's time). */
    createdAtMs: number;
    /** The newest audit row in it: the last change it holds. */
    lastChangeAtMs: number | null;
    counts: Record<string, number>;
    auditRows: number;
  };
  current: { counts: Record<string, number>; auditRows: number; lastChangeAtMs: number | null };
  /** Rows the current database has beyond the backup, per table: what would be set aside. */
  setAside: Record<string, number>;
  /** The changes recorded in the current database after the backup's last one, with their dates. */
  since: AuditSince;
  /** False when the backup is not an earlier state of this database's history (its audit chain differs). */
  sameHistory: boolean;
  /** False when the signed-in account is not in the backup: after restoring, another account must unlock. */
  youAreInBackup: boolean;
}

function backupPath(p: PracticeCore, source: BackupSource): string {
  if ('file' in source) {
    const file = path.resolve(source.file.trim());
    if (!file.endsWith('.db') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      throw fieldError(
        'NOT_FOUND',
        'source.file',
        'There is no Clearleaf backup (….db) at that path. Check the drive is plugged in and the path is right.',
      );
    }
    return file;
  }
  const found = [p.backupDir, secondBackupFolderOf(p)]
    .filter((d) => d !== '')
    .flatMap((d) => listBackups(d))
    .find((b) => b.fileName === source.fileName);
  if (!found) throw new AppError('NOT_FOUND', 'There is no backup with that name.');
  return found.path;
}

function backupCreatedAtMs(file: string): number {
  const kit = kitOf(file);
  if (kit) return kit.createdAtMs;
  const listed = listBackups(path.dirname(file)).find((b) => b.path === file);
  return listed?.createdAtMs ?? fs.statSync(file).mtimeMs;
}

/** What restoring a backup would bring back and set aside. Administrator only. */
export function restorePreview(p: PracticeCore, source: BackupSource): RestorePreview {
  const { db, user } = requireAdministrator(p, 'restore a backup');
  const file = backupPath(p, source);
  const key = p.requireKey();
  let found;
  try {
    found = verifyBackupFile(file, key, null);
  } catch (err) {
    if (!(err instanceof AppError) || !('file' in source)) throw err;
    throw fieldError(
      err.code,
      'source.file',
      `That file cannot be restored: ${err.message} A backup opens only with this practice’s key.`,
    );
  }
  const copy = openFile(file, { readonly: true, fileMustExist: true });
  let inBackup: { lastChangeAtMs: number | null; youAreInBackup: boolean };
  try {
    applyKey(copy, key);
    inBackup = {
      lastChangeAtMs: auditSince(copy, 0).lastAtMs,
      youAreInBackup: getUser(copy, user.id) !== null,
    };
  } finally {
    copy.close();
  }
  const counts = recordCounts(tableCounts(db));
  const backupCounts = recordCounts(found.counts);
  const setAside: Record<string, number> = {};
  for (const [table, n] of Object.entries(counts)) {
    const diff = n - (backupCounts[table] ?? 0);
    if (diff > 0) setAside[table] = diff;
  }
  return {
    backup: {
      fileName: path.basename(file),
      file,
      createdAtMs: backupCreatedAtMs(file),
      lastChangeAtMs: inBackup.lastChangeAtMs,
      counts: backupCounts,
      auditRows: found.anchor.rows,
    },
    current: { counts, auditRows: auditAnchor(db).rows, lastChangeAtMs: auditSince(db, 0).lastAtMs },
    setAside,
    since: auditSince(db, found.anchor.rows),
    sameHistory: checkAuditAnchor(db, found.anchor) === 'matches',
    youAreInBackup: inBackup.youAreInBackup,
  };
}

/**
 * Restores a chosen backup over the open, healthy database. Administrator only, with their passphrase. The current
 * database is backed up, the restore recorded in it, then it is set aside; the restore is recorded again in the
 * restored database.
 */
export async function restoreChosen(
  p: PracticeCore,
  source: BackupSource,
  passphrase: string,
): Promise<{ restored: string; setAsideAt: string | null }> {
  requireAdministrator(p, 'restore a backup');
  return restoreFileOverHealthy(p, backupPath(p, source), passphrase);
}

/** Restores any backup file (one the CLI wrote elsewhere, say) over the open database. Administrator only. */
export async function restoreFileOverHealthy(
  p: PracticeCore,
  file: string,
  passphrase: string,
): Promise<{ restored: string; setAsideAt: string | null }> {
  requireAdministrator(p, 'restore a backup');
  await reauthenticate(p, passphrase);
  const { db, user } = requireAdministrator(p, 'restore a backup');
  const fileName = path.basename(file);
  const key = Buffer.from(p.requireKey());
  verifyBackupFile(file, key, null);
  writePracticeBackup(p, db, key, 'before-restore');
  db.transaction(() => p.audit({ action: 'restore', entity: 'practice', entityId: fileName }))();
  writeAnchor(p);
  p.detach();
  const setAsideAt = restoreBackup(p.dbFile, file, key, p.clock.now(), (a) => p.setAnchor(a));
  const restoredDb = openPracticeDb(p, key);
  const inBackup = getUser(restoredDb, user.id);
  if (!inBackup) {
    restoredDb.close();
    key.fill(0);
    return { restored: fileName, setAsideAt };
  }
  p.attach(restoredDb, key, inBackup);
  afterUnlock(p, { action: 'restore', entity: 'practice', entityId: fileName });
  return { restored: fileName, setAsideAt };
}
