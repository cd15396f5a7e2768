/**
 * Backups. Policy:
 * - A backup is a consistent snapshot taken by SQLite itself (`VACUUM INTO`), never a copy of the live file. The
 *   online backup API (`db.backup()`) cannot be used for an encrypted store: better-sqlite3 opens the destination
 *   without a key and SQLite3MultipleCiphers refuses to copy encrypted pages into it. `VACUUM INTO` writes the
 *   snapshot encrypted with the same key.
 * - Owner-only from the first byte: the temp file is created empty with mode 0600 before SQLite writes into it.
 * - Written under a temp name and verified before it counts: it decrypts, the full quick_check is `ok`, same schema
 *   version, the same row count in every table as the source, and an audit chain that is intact and ends at the
 *   source's anchor. Then flushed, renamed, and the folder flushed. A backup that fails is removed and the error
 *   raised.
 * - Beside each backup its recovery kit (`….kit.json`): the keyring as it was, so the recovery key opens the backup
 *   even when keyring.json is lost, plus the anchor and the counts for a preview before restoring.
 * - Kept: the newest backup of each of the last 7 days, 4 weeks and 12 months (a backup may count for several),
 *   the one just written, and every backup taken before a migration or a restore; everything else in the folder
 *   that matches the backup name is removed with its kit.
 * - Restore never leaves the folder without a database: the restored copy is written and verified first, a journal
 *   names the swap, then the live files are set aside (never deleted), the copy is renamed in and the folder
 *   flushed. If the app dies mid-swap, `finishInterruptedRestore` completes it at the next start.
 * - A plaintext copy exists only for an independent check by IT with Debian's `sqlite3`; it is made on request and
 *   written with owner-only permissions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import type { BackupInfo } from '../../shared/domain/identity';
import { fsyncDir, readRecoveryKit, type RecoveryKit } from '../security/keyring';
import { applyKey, checkDatabaseFile, openFile, type Db } from './connection';
import { schemaVersion } from './migrations';
import { auditAnchor, checkAuditAnchor, verifyAuditChain, type AuditAnchor } from './repositories/audit';

const BACKUP_PATTERN = /^clearleaf-(\d{8}-\d{6}-\d{3})(?:-([a-z0-9-]+))?\.db$/;

export type BackupReason = 'manual' | 'daily' | 'quit' | `before-migration-${number}` | 'before-restore';

export function backupFileName(atMs: number, reason?: BackupReason): string {
  const iso = new Date(atMs).toISOString(); // 2026-11-23T16:21:13.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
  return `clearleaf-${stamp}${reason && reason !== 'manual' ? `-${reason}` : ''}.db`;
}

export const kitFileFor = (backupFile: string) => backupFile.replace(/\.db$/, '.kit.json');

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
    // VACUUM INTO accepts an existing empty file; creating it here makes it owner-only from its first byte.
    fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(tmp);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if ((err as { code?: string }).code === 'SQLITE_FULL' || (err as { code?: string }).code === 'ENOSPC') {
      throw new AppError('DISK_FULL', 'The backup could not be written: the disk is full.');
    }
    throw err;
  }
}

/** Rows per table, for verifying a copy and previewing a backup. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%search_%' ORDER BY name`,
    )
    .all() as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (
      db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }
    ).n;
  }
  return counts;
}

/**
 * Tables of derived data, kept by triggers from the records (migrations 0780, 0800): not records themselves, so a
 * restore preview neither counts nor offers them. Verification still compares them with the rest.
 */
export const DERIVED_TABLES: readonly string[] = ['client_outcomes', 'measure_due'];

/** The counts of the record tables alone. */
export const recordCounts = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([table]) => !DERIVED_TABLES.includes(table)));

export interface WrittenBackup {
  anchor: AuditAnchor;
  counts: Record<string, number>;
  schemaVersion: number;
}

/**
 * Checks a backup file against what it should hold: full health check, schema, audit chain and anchor, counts.
 * Throws BACKUP_UNVERIFIED with what differs.
 */
export function verifyBackupFile(file: string, key: Buffer, expected: WrittenBackup | null): WrittenBackup {
  checkDatabaseFile(file, key, { full: true });
  const copy = openFile(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(copy, key);
    const found: WrittenBackup = {
      anchor: auditAnchor(copy),
      counts: tableCounts(copy),
      schemaVersion: schemaVersion(copy),
    };
    const problems: string[] = [];
    if (!verifyAuditChain(copy).ok) problems.push('audit chain broken');
    if (expected) {
      if (found.schemaVersion !== expected.schemaVersion) problems.push('schema differs');
      if (checkAuditAnchor(copy, expected.anchor) !== 'matches' || found.anchor.rows !== expected.anchor.rows)
        problems.push('audit chain does not end at the anchor');
      if (JSON.stringify(found.counts) !== JSON.stringify(expected.counts))
        problems.push('row counts differ');
    }
    if (problems.length > 0) {
      throw new AppError('BACKUP_UNVERIFIED', `The backup failed its check: ${problems.join(', ')}.`);
    }
    return found;
  } finally {
    copy.close();
  }
}

/**
 * Writes an encrypted snapshot to `outFile` via a temp name, verifies it against the source, flushes it, writes its
 * recovery kit (when given), then renames it and flushes the folder.
 */
export function writeVerifiedBackup(
  db: Db,
  key: Buffer,
  outFile: string,
  kit?: (written: WrittenBackup) => RecoveryKit,
  writeKit?: (file: string, kit: RecoveryKit) => void,
): WrittenBackup {
  const dir = path.dirname(outFile);
  const tmp = path.join(dir, `.${path.basename(outFile)}.partial`);
  // Read inside one read transaction so the expectation and the snapshot see the same commit.
  const expected = db.transaction(() => ({
    anchor: auditAnchor(db),
    counts: tableCounts(db),
    schemaVersion: schemaVersion(db),
  }))();
  snapshot(db, tmp);
  let written: WrittenBackup;
  try {
    written = verifyBackupFile(tmp, key, expected);
    fsyncFile(tmp);
    if (kit && writeKit) writeKit(kitFileFor(outFile), kit(written));
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'ENOSPC')
      throw new AppError('DISK_FULL', 'The backup could not be written: the disk is full.');
    throw new AppError('INTERNAL', 'The backup could not be verified and was discarded.', { cause: err });
  }
  fs.renameSync(tmp, outFile);
  fsyncDir(dir);
  return written;
}

/** Copies a verified backup and its kit into a second folder (an external drive), and checks the copy. */
export function mirrorBackup(backupFile: string, key: Buffer, secondDir: string): string {
  fs.mkdirSync(secondDir, { recursive: true, mode: 0o700 });
  const dest = path.join(secondDir, path.basename(backupFile));
  for (const [from, to] of [
    [kitFileFor(backupFile), kitFileFor(dest)],
    [backupFile, dest],
  ] as const) {
    if (!fs.existsSync(from)) continue;
    const tmp = path.join(secondDir, `.${path.basename(to)}.partial`);
    fs.rmSync(tmp, { force: true });
    fs.copyFileSync(from, tmp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(tmp, 0o600);
    fsyncFile(tmp);
    if (to === dest) {
      try {
        checkDatabaseFile(tmp, key, { full: true });
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        throw err;
      }
    }
    fs.renameSync(tmp, to);
    fsyncDir(secondDir);
  }
  return dest;
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

const DAY_MS = 86_400_000;

/**
 * Which backups rotation keeps (newest first in, names out): the newest of each of the 7 most recent days, 4 most
 * recent weeks (Monday-based, UTC) and 12 most recent months that have a backup.
 */
export function backupsToKeep(backups: Array<{ fileName: string; createdAtMs: number }>): Set<string> {
  const sorted = [...backups].sort((a, b) => b.createdAtMs - a.createdAtMs);
  const keep = new Set<string>();
  const buckets: Array<[number, (ms: number) => string]> = [
    [7, (ms) => new Date(ms).toISOString().slice(0, 10)],
    [4, (ms) => String(Math.floor((ms / DAY_MS + 3) / 7))], // 1970-01-01 was a Thursday: +3 makes weeks start Monday
    [12, (ms) => new Date(ms).toISOString().slice(0, 7)],
  ];
  for (const [count, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const b of sorted) {
      const bucket = bucketOf(b.createdAtMs);
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(b.fileName);
    }
  }
  return keep;
}

/** Backups taken before a migration or a restore are rare and kept until removed by hand. */
const isKeptForever = (fileName: string) => /-before-[a-z0-9-]+\.db$/.test(fileName);

export function rotateBackups(dir: string, justWritten?: string): string[] {
  const all = listBackups(dir).filter((b) => !isKeptForever(b.fileName));
  const keep = backupsToKeep(all);
  if (justWritten) keep.add(justWritten);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.fileName)) continue;
    fs.rmSync(b.path, { force: true });
    fs.rmSync(kitFileFor(b.path), { force: true });
    removed.push(b.fileName);
  }
  if (removed.length > 0) fsyncDir(dir);
  return removed;
}

/** The newest backup in `dir` that passes the health check with `key`, or null. */
export function newestVerifiedBackup(dir: string, key: Buffer): BackupInfo | null {
  for (const b of listBackups(dir)) {
    try {
      checkDatabaseFile(b.path, key, { full: true });
      return b;
    } catch {
      // A damaged backup is skipped, never removed: it may still matter to whoever investigates.
    }
  }
  return null;
}

/** The recovery kit beside a backup, or null when there is none or it cannot be read. */
export function kitOf(backupFile: string): RecoveryKit | null {
  try {
    return readRecoveryKit(kitFileFor(backupFile));
  } catch {
    return null;
  }
}

const journalFile = (dbFile: string) => `${dbFile}.restore-journal.json`;
const DB_SUFFIXES = ['', '-wal', '-shm'] as const;

interface RestoreJournal {
  copy: string;
  asideBase: string;
  /** The restored copy's audit anchor, for the keyring once the swap is done. */
  anchor?: AuditAnchor;
}

/**
 * Completes a restore the app died in the middle of (see the policy above). Safe to call at any time; does
 * nothing without a journal. The journal is written only once the copy is verified and flushed.
 */
export function finishInterruptedRestore(dbFile: string, onSwapped?: (anchor: AuditAnchor) => void): void {
  let journal: RestoreJournal;
  try {
    journal = JSON.parse(fs.readFileSync(journalFile(dbFile), 'utf8')) as RestoreJournal;
  } catch {
    return;
  }
  const dir = path.dirname(dbFile);
  if (fs.existsSync(journal.copy)) {
    // The live files may or may not have been set aside yet; set aside whatever is still there, then swap.
    for (const suffix of DB_SUFFIXES) {
      const live = `${dbFile}${suffix}`;
      if (fs.existsSync(live)) fs.renameSync(live, `${journal.asideBase}${suffix}`);
    }
    fs.renameSync(journal.copy, dbFile);
  }
  fsyncDir(dir);
  // The keyring's anchor follows the restored database before the journal goes, so a kill in between repeats it.
  if (journal.anchor && onSwapped) onSwapped(journal.anchor);
  fs.rmSync(journalFile(dbFile), { force: true });
  fsyncDir(dir);
}

/**
 * Replaces the practice database by a verified backup. The live files (when present) are renamed aside, never
 * deleted. Returns the path the previous database was moved to, or null when there was none.
 */
export function restoreBackup(
  dbFile: string,
  backupFile: string,
  key: Buffer,
  atMs: number,
  onSwapped?: (anchor: AuditAnchor) => void,
): string | null {
  finishInterruptedRestore(dbFile, onSwapped);
  const dir = path.dirname(dbFile);
  const expected = verifyBackupFile(backupFile, key, null);
  const stamp = backupFileName(atMs).replace(/^clearleaf-|\.db$/g, '');
  const copy = `${dbFile}.restoring`;
  const source = openFile(backupFile, { readonly: true, fileMustExist: true });
  try {
    applyKey(source, key);
    snapshot(source, copy);
  } finally {
    source.close();
  }
  try {
    verifyBackupFile(copy, key, expected);
    fsyncFile(copy);
  } catch (err) {
    fs.rmSync(copy, { force: true });
    throw err;
  }
  // Never reuse a name: two restores in one millisecond must not overwrite the first set-aside file.
  let asideBase = `${dbFile}.set-aside-${stamp}`;
  for (let n = 2; fs.existsSync(asideBase) || fs.existsSync(`${asideBase}-wal`); n += 1) {
    asideBase = `${dbFile}.set-aside-${stamp}-${n}`;
  }
  const hadLive = fs.existsSync(dbFile);
  const journal: RestoreJournal = { copy, asideBase, anchor: expected.anchor };
  const fd = fs.openSync(journalFile(dbFile), 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(journal));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncDir(dir);
  finishInterruptedRestore(dbFile, onSwapped);
  return hadLive ? asideBase : null;
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
    fsyncDir(path.dirname(outFile));
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
