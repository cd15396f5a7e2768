/**
 * Backups and restore, and the full verify of the open database. Policy:
 * - Automatic backups: at unlock and on main's hourly timer when the newest is older than a day, at quit, and
 *   before every migration; plus any the user asks for. Each is encrypted, verified after writing (db/backup.ts),
 *   carries its recovery kit, is copied to the optional second folder (an external drive) and checked there, and
 *   the folder is rotated (7 daily, 4 weekly, 12 monthly).
 * - Restore from the lock screen runs only when the database fails its health check or is missing. Restoring over
 *   a healthy database is for a practice administrator, after a preview of what the backup holds (its date,
 *   counts and audit rows) and what would be set aside (the current counts and what the backup lacks). It is
 *   recorded in both files: in the current database before it is set aside (with a backup of it taken first), and
 *   in the restored one. Nothing is deleted: the replaced files stay beside the new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from '../errors';
import type { BackupInfo } from '../../shared/domain/identity';
import {
  backupFileName,
  exportPlaintextCopy,
  kitOf,
  listBackups,
  mirrorBackup,
  newestVerifiedBackup,
  restoreBackup,
  rotateBackups,
  tableCounts,
  verifyBackupFile,
  writeVerifiedBackup,
  type BackupReason,
} from '../db/backup';
import { applyKey, checkDatabaseFile, openFile, type Db } from '../db/connection';
import { LATEST_VERSION, schemaVersion } from '../db/migrations';
import {
  auditAnchor,
  auditSince,
  checkAuditAnchor,
  missingProtectingTriggers,
  verifyAuditChain,
  type AnchorCheck,
  type AuditSince,
  type AuditVerification,
} from '../db/repositories/audit';
import { getSecondBackupDir, saveSecondBackupDir } from '../db/repositories/settings';
import { getUser } from '../db/repositories/users';
import { passphraseAad, unwrapKey, writeRecoveryKit, type Keyring } from '../security/keyring';
import type { PracticeCore } from './core';
import {
  backupFailureMessage,
  type BackupFolderKind,
  lastBackupAttempt,
  recordBackupAttempt,
} from './backupStatus';
import { recordFullCheck } from './health';
import {
  afterUnlock,
  checkThrottle,
  openPracticeDb,
  reauthenticate,
  recordFailure,
  requireAdministrator,
  requireSession,
  serialized,
  writeAnchor,
} from './session';

const DAY_MS = 86_400_000;
const DAMAGED_OR_MISSING = new Set(['DB_MISSING', 'DB_EMPTY', 'DB_TRUNCATED', 'DB_UNREADABLE', 'DB_CORRUPT']);

export interface VerifyReport {
  ok: boolean;
  integrity: string[];
  foreignKeyProblems: number;
  schemaVersion: number;
  latestVersion: number;
  audit: AuditVerification;
  /** The anchor kept with the keyring: rows and last hash, and whether the log still holds it. */
  anchor: { rows: number; lastHash: string; check: AnchorCheck } | null;
  missingTriggers: string[];
}

/** The second backup folder, '' when none; read from the open database (settings) or not at all when locked. */
export function secondBackupDirOf(p: PracticeCore): string {
  return p.db ? getSecondBackupDir(p.db) : '';
}

/**
 * Writes a verified backup with its recovery kit into the backups folder, copies it to the second folder, and
 * rotates. Used by every automatic and manual backup.
 */
export function writePracticeBackup(p: PracticeCore, db: Db, key: Buffer, reason: BackupReason): BackupInfo {
  fs.mkdirSync(p.backupDir, { recursive: true, mode: 0o700 });
  const now = p.clock.now();
  const fileName = backupFileName(now, reason);
  const finalPath = path.join(p.backupDir, fileName);
  const ring = p.keyring();
  // Each folder's attempt is recorded, failed or not, for Settings to show (backupStatus.ts).
  const attempt = (kind: BackupFolderKind, dir: string, write: () => void) => {
    try {
      write();
    } catch (err) {
      recordBackupAttempt(p.dataDir, kind, { dir, atMs: now, fileName: null, error: err });
      throw err;
    }
    recordBackupAttempt(p.dataDir, kind, { dir, atMs: now, fileName, error: null });
  };
  attempt('main', p.backupDir, () =>
    writeVerifiedBackup(
      db,
      key,
      finalPath,
      ring
        ? (w) => ({
            format: 'clearleaf-recovery-kit',
            version: 1,
            createdAtMs: now,
            backupFile: fileName,
            keyring: { ...ring, anchor: { ...w.anchor, atMs: now } } satisfies Keyring,
            anchor: { ...w.anchor, atMs: now },
            counts: w.counts,
            schemaVersion: w.schemaVersion,
          })
        : undefined,
      writeRecoveryKit,
    ),
  );
  // VACUUM INTO read every page of the source and the copy passed quick_check: that is a full check.
  recordFullCheck(p.dataDir, now);
  const second = getSecondBackupDir(db);
  if (second) attempt('second', second, () => mirrorBackup(finalPath, key, second));
  rotateBackups(p.backupDir, fileName);
  if (second) rotateBackups(second, fileName);
  return { fileName, path: finalPath, createdAtMs: now, sizeBytes: fs.statSync(finalPath).size };
}

export function backup(p: PracticeCore, reason: BackupReason = 'manual'): BackupInfo {
  const { db } = requireSession(p);
  const info = writePracticeBackup(p, db, p.requireKey(), reason);
  db.transaction(() => p.audit({ action: 'backup', entity: 'practice', entityId: info.fileName }))();
  writeAnchor(p);
  return info;
}

/** True when something was recorded since the newest backup (beyond that backup's own audit row). */
export function changedSinceNewestBackup(p: PracticeCore): boolean {
  if (!p.db) return false;
  const newest = listBackups(p.backupDir)[0];
  const kit = newest ? kitOf(newest.path) : null;
  if (!kit) return true;
  return auditAnchor(p.db).rows > kit.anchor.rows + 1;
}

/** The daily backup, when the newest is a day old or more (or there is none). Returns it, or null. */
export function backupIfDue(p: PracticeCore): BackupInfo | null {
  if (!p.db || !p.user) return null;
  const newest = listBackups(p.backupDir)[0];
  if (newest && p.clock.now() - newest.createdAtMs < DAY_MS && newest.createdAtMs <= p.clock.now())
    return null;
  return backup(p, 'daily');
}

/** Writes a verified backup to a chosen file; `plaintext` decrypts it for an independent check by IT. */
export function backupTo(p: PracticeCore, outFile: string, options: { plaintext: boolean }): void {
  // A decrypted copy holds every record outside the encryption: a practice administrator's act only.
  const { db } = options.plaintext
    ? requireAdministrator(p, 'write a decrypted copy of the practice')
    : requireSession(p);
  if (options.plaintext) exportPlaintextCopy(db, p.requireKey(), outFile);
  else {
    const ring = p.requireKeyring();
    const now = p.clock.now();
    writeVerifiedBackup(
      db,
      p.requireKey(),
      outFile,
      (w) => ({
        format: 'clearleaf-recovery-kit',
        version: 1,
        createdAtMs: now,
        backupFile: path.basename(outFile),
        keyring: ring,
        anchor: { ...w.anchor, atMs: now },
        counts: w.counts,
        schemaVersion: w.schemaVersion,
      }),
      writeRecoveryKit,
    );
  }
  db.transaction(() =>
    p.audit({
      action: options.plaintext ? 'export-plaintext' : 'backup',
      entity: 'practice',
      entityId: null,
    }),
  )();
}

export function setSecondBackupDir(p: PracticeCore, dir: string): string {
  const { db } = requireAdministrator(p, 'choose the second backup folder');
  const given = dir.trim();
  if (given !== '' && !path.isAbsolute(given)) {
    throw fieldError('INVALID_INPUT', 'dir', 'Give the full path of the folder, from the drive it is on.');
  }
  const resolved = given === '' ? '' : path.resolve(given);
  if (resolved) {
    if (path.resolve(resolved).startsWith(path.resolve(p.dataDir) + path.sep) || resolved === p.dataDir) {
      throw fieldError(
        'INVALID_INPUT',
        'dir',
        'Choose a folder outside Clearleaf’s own data folder, ideally on another drive.',
      );
    }
    try {
      fs.mkdirSync(resolved, { recursive: true, mode: 0o700 });
      fs.accessSync(resolved, fs.constants.W_OK);
    } catch (err) {
      throw fieldError('INVALID_INPUT', 'dir', `That folder cannot be used. ${backupFailureMessage(err)}`);
    }
  }
  db.transaction(() => {
    saveSecondBackupDir(db, resolved);
    p.audit({ action: 'update', entity: 'settings', entityId: null });
  })();
  return resolved;
}

export interface BackupFolderStatus {
  kind: BackupFolderKind;
  dir: string;
  newest: BackupInfo | null;
  lastAttempt: { atMs: number; ok: boolean; fileName: string | null; message: string | null } | null;
}

/** Each backup folder: where it is, its newest backup, and how the last attempt to write there went. */
export function backupFolders(p: PracticeCore): BackupFolderStatus[] {
  requireSession(p);
  const second = secondBackupDirOf(p);
  const folders: Array<{ kind: BackupFolderKind; dir: string }> = [{ kind: 'main', dir: p.backupDir }];
  if (second) folders.push({ kind: 'second', dir: second });
  return folders.map(({ kind, dir }) => {
    const attempt = lastBackupAttempt(p.dataDir, kind, dir);
    let newest: BackupInfo | null = null;
    try {
      newest = listBackups(dir)[0] ?? null;
    } catch {
      // The drive is gone or unreadable: the last attempt says what happened.
    }
    return {
      kind,
      dir,
      newest,
      lastAttempt: attempt
        ? { atMs: attempt.atMs, ok: attempt.ok, fileName: attempt.fileName, message: attempt.message }
        : null,
    };
  });
}

/** A full check of a database: pages, foreign keys, schema version, the audit chain, its anchor, the triggers. */
export function verifyDb(db: Db, anchor: Keyring['anchor']): VerifyReport {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  );
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  const audit = verifyAuditChain(db);
  const check = checkAuditAnchor(db, anchor);
  const missingTriggers = missingProtectingTriggers(db);
  return {
    integrity,
    foreignKeyProblems,
    schemaVersion: schemaVersion(db),
    latestVersion: LATEST_VERSION,
    audit,
    anchor: anchor ? { rows: anchor.rows, lastHash: anchor.lastHash, check } : null,
    missingTriggers,
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyProblems === 0 &&
      schemaVersion(db) === LATEST_VERSION &&
      audit.ok &&
      check !== 'rows-missing' &&
      check !== 'hash-differs' &&
      missingTriggers.length === 0,
  };
}

export function verify(p: PracticeCore): VerifyReport {
  const { db } = requireSession(p);
  const report = verifyDb(db, p.keyring()?.anchor);
  if (report.ok) recordFullCheck(p.dataDir, p.clock.now());
  return report;
}

/**
 * Verify without writing anything (the CLI): the key is unwrapped from the keyring, the database opened read-only,
 * no audit row, no migration, no marker, no anchor update.
 */
export async function verifyReadOnly(
  p: PracticeCore,
  username: string,
  passphrase: string,
): Promise<VerifyReport> {
  const ring = p.requireKeyring();
  const entry = ring.users.find((u) => u.username === username.trim().toLowerCase());
  const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(entry.userId)) : null;
  if (!entry || !key) throw new AppError('WRONG_PASSPHRASE', 'That username and passphrase do not match.');
  // A read-only connection to a WAL database creates empty -wal and -shm files when none are there (no app has
  // the database open). They are removed again afterwards when still empty, so verify leaves no trace.
  const sidecars = [`${p.dbFile}-wal`, `${p.dbFile}-shm`].filter((f) => !fs.existsSync(f));
  try {
    checkDatabaseFile(p.dbFile, key, { full: true });
    const db = openFile(p.dbFile, { readonly: true, fileMustExist: true });
    try {
      applyKey(db, key);
      db.pragma('query_only = ON');
      return verifyDb(db, ring.anchor);
    } finally {
      db.close();
    }
  } finally {
    key.fill(0);
    const wal = `${p.dbFile}-wal`;
    if (sidecars.length === 2 && fs.existsSync(wal) && fs.statSync(wal).size === 0) {
      for (const f of sidecars) fs.rmSync(f, { force: true });
    }
  }
}

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
  const second = secondBackupDirOf(p);
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
  const found = [p.backupDir, secondBackupDirOf(p)]
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
  const counts = tableCounts(db);
  const setAside: Record<string, number> = {};
  for (const [table, n] of Object.entries(counts)) {
    const diff = n - (found.counts[table] ?? 0);
    if (diff > 0) setAside[table] = diff;
  }
  return {
    backup: {
      fileName: path.basename(file),
      file,
      createdAtMs: backupCreatedAtMs(file),
      lastChangeAtMs: inBackup.lastChangeAtMs,
      counts: found.counts,
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

export { kitOf };
