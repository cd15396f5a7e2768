/**
 * Backups. Policy:
 * - A backup is a consistent snapshot taken by SQLite itself (`VACUUM INTO`), never a copy of the live file. The
 *   online backup API (`db.backup()`) cannot be used for an encrypted store: better-sqlite3 opens the destination
 *   without a key and SQLite3MultipleCiphers refuses to copy encrypted pages into it. `VACUUM INTO` writes the
 *   snapshot encrypted with the same key.
 * - Written under a temp name, verified (decrypts, quick_check is `ok`, same schema version), flushed, then
 *   renamed; only then is it listed or rotated. A backup that fails verification is removed and the error raised.
 * - A plaintext copy exists only for an independent check by IT with Debian's `sqlite3`; it is made on request and
 *   written with owner-only permissions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import type { BackupInfo } from '../../shared/domain/identity';
import { applyKey, checkDatabaseFile, openFile, type Db } from './connection';
import { schemaVersion } from './migrations';

const BACKUP_PATTERN = /^clearleaf-(\d{8}-\d{6}-\d{3})\.db$/;

export function backupFileName(atMs: number): string {
  const iso = new Date(atMs).toISOString(); // 2026-11-23T16:21:13.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
  return `clearleaf-${stamp}.db`;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function snapshot(db: Db, tmp: string): void {
  fs.rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if ((err as { code?: string }).code === 'SQLITE_FULL') {
      throw new AppError('DISK_FULL', 'The backup could not be written: the disk is full.');
    }
    throw err;
  }
}

/** Takes an encrypted, verified backup into `dir` and keeps the newest `keep` backups there. */
export function createBackup(db: Db, key: Buffer, dir: string, atMs: number, keep = 30): BackupInfo {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fileName = backupFileName(atMs);
  const finalPath = path.join(dir, fileName);
  writeVerifiedBackup(db, key, finalPath);
  rotateBackups(dir, keep);
  return { fileName, path: finalPath, createdAtMs: atMs, sizeBytes: fs.statSync(finalPath).size };
}

/** Writes an encrypted snapshot to `outFile` via a temp name, verifies it, flushes it, then renames it. */
export function writeVerifiedBackup(db: Db, key: Buffer, outFile: string): void {
  const tmp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.partial`);
  snapshot(db, tmp);
  try {
    checkDatabaseFile(tmp, key);
    const copy = openFile(tmp, { readonly: true, fileMustExist: true });
    try {
      applyKey(copy, key);
      if (schemaVersion(copy) !== schemaVersion(db)) throw new Error('backup schema differs from the source');
    } finally {
      copy.close();
    }
    fs.chmodSync(tmp, 0o600);
    fsyncFile(tmp);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err instanceof AppError
      ? err
      : new AppError('INTERNAL', 'The backup could not be verified and was discarded.', { cause: err });
  }
  fs.renameSync(tmp, outFile);
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_PATTERN.test(name))
    .sort()
    .reverse()
    .map((fileName) => {
      const full = path.join(dir, fileName);
      const stat = fs.statSync(full);
      return {
        fileName,
        path: full,
        createdAtMs: parseStamp(fileName) ?? stat.mtimeMs,
        sizeBytes: stat.size,
      };
    });
}

function parseStamp(fileName: string): number | null {
  const m = BACKUP_PATTERN.exec(fileName)?.[1];
  if (!m) return null;
  const iso = `${m.slice(0, 4)}-${m.slice(4, 6)}-${m.slice(6, 8)}T${m.slice(9, 11)}:${m.slice(11, 13)}:${m.slice(13, 15)}.${m.slice(16, 19)}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function rotateBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) fs.rmSync(old.path, { force: true });
}

/** The newest backup in `dir` that passes the health check with `key`, or null. */
export function newestVerifiedBackup(dir: string, key: Buffer): BackupInfo | null {
  for (const b of listBackups(dir)) {
    try {
      checkDatabaseFile(b.path, key);
      return b;
    } catch {
      // A damaged backup is skipped, never removed: it may still matter to whoever investigates.
    }
  }
  return null;
}

/**
 * Replaces a damaged practice database by a verified backup. The damaged file is renamed aside, never deleted.
 * Returns the path the damaged file was moved to.
 */
export function restoreBackup(dbFile: string, backupFile: string, key: Buffer, atMs: number): string | null {
  checkDatabaseFile(backupFile, key);
  let movedTo: string | null = null;
  const stamp = backupFileName(atMs).replace(/^clearleaf-|\.db$/g, '');
  for (const suffix of ['', '-wal', '-shm']) {
    const f = `${dbFile}${suffix}`;
    if (!fs.existsSync(f)) continue;
    const aside = `${dbFile}.damaged-${stamp}${suffix}`;
    fs.renameSync(f, aside);
    if (suffix === '') movedTo = aside;
  }
  const source = openFile(backupFile, { readonly: true, fileMustExist: true });
  try {
    applyKey(source, key);
    const tmp = `${dbFile}.restoring`;
    snapshot(source, tmp);
    checkDatabaseFile(tmp, key);
    fsyncFile(tmp);
    fs.renameSync(tmp, dbFile);
  } finally {
    source.close();
  }
  return movedTo;
}

/** A decrypted copy for an independent check with the `sqlite3` shell. Handle it as the health record it is. */
export function exportPlaintextCopy(db: Db, key: Buffer, outFile: string): void {
  const tmp = `${outFile}.partial`;
  snapshot(db, tmp);
  try {
    const copy = openFile(tmp, { fileMustExist: true });
    try {
      applyKey(copy, key);
      copy.pragma('journal_mode = DELETE');
      copy.pragma(`rekey = ''`);
    } finally {
      copy.close();
    }
    const plain = openFile(tmp, { readonly: true, fileMustExist: true });
    try {
      if (plain.pragma('quick_check', { simple: true }) !== 'ok')
        throw new Error('plaintext copy failed its check');
    } finally {
      plain.close();
    }
    fs.chmodSync(tmp, 0o600);
    fsyncFile(tmp);
    fs.renameSync(tmp, outFile);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
