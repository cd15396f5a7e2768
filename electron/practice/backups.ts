/**
 * Backups, the second folder, and the full verify of the open database. Policy:
 * - Automatic backups: at unlock and on main's hourly timer when the newest is older than a day, at quit, and
 *   before every migration; plus any the user asks for. Each is encrypted, verified after writing (db/backup.ts),
 *   carries its recovery kit, is copied to the optional second folder (an external drive) and checked there, and
 *   the folder is rotated (7 daily, 4 weekly, 12 monthly).
 * - The second folder may be shared (one USB drive for several laptops): each practice writes, lists and rotates
 *   only its own subfolder, `<clinic>-<practice id>` (owner-only), found again by the id when the clinic is
 *   renamed. Backups an older version wrote directly into the folder are left alone.
 * - Each attempt, failed or not, is recorded per folder for Settings (backupStatus.ts). Restore is in restore.ts.
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
  rotateBackups,
  writeVerifiedBackup,
  type BackupReason,
} from '../db/backup';
import { applyKey, checkDatabaseFile, openFile, type Db } from '../db/connection';
import { adoptPracticeZone, derivedDifferences, rebuildDerived, type DerivedTable } from '../db/derived';
import { LATEST_VERSION, schemaVersion } from '../db/migrations';
import { getClinic } from '../db/repositories/clinic';
import { alteredDischargeSummaries } from '../discharge/signing';
import {
  auditAnchor,
  checkAuditAnchor,
  missingProtectingTriggers,
  practiceId,
  verifyAuditChain,
  type AnchorCheck,
  type AuditVerification,
} from '../db/repositories/audit';
import { getSecondBackupDir, saveSecondBackupDir } from '../db/repositories/settings';
import { kitKeyringOf, passphraseAad, unwrapKey, writeRecoveryKit, type Keyring } from '../security/keyring';
import type { PracticeCore } from './core';
import {
  backupFailureMessage,
  type BackupFolderKind,
  lastBackupAttempt,
  recordBackupAttempt,
} from './backupStatus';
import { recordFullCheck } from './health';
import { requireAdministrator, requireSession, writeAnchor } from './session';

const DAY_MS = 86_400_000;

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
  /** Signed discharge summaries whose content no longer matches the hash taken at signing. */
  alteredDischargeSummaries: string[];
  /** Derived tables (outcome figures, closed episodes' figures, measures due) that differ from the records. */
  derivedOutOfStep: string[];
}

/** The second backup folder as chosen, '' when none; read from the open database (settings) or not at all when locked. */
export function secondBackupDirOf(p: PracticeCore): string {
  return p.db ? getSecondBackupDir(p.db) : '';
}

/** A readable folder name from the clinic's name: ASCII letters and digits, Unicode letters stripped of accents. */
function clinicSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[Łł]/g, 'l')
    .replace(/[Đđ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'practice';
}

/**
 * This practice's own subfolder of a (possibly shared) second folder: the existing one with its id when there is
 * one, else `<clinic>-<id>`. Not created here.
 */
export function practiceFolderIn(dir: string, db: Db): string {
  const id = practiceId(db);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // Not there yet (or the drive is gone): the name below is where it will be.
  }
  const existing = names.find((n) => n.endsWith(`-${id}`) && fs.statSync(path.join(dir, n)).isDirectory());
  return path.join(dir, existing ?? `${clinicSlug(getClinic(db)?.name ?? '')}-${id}`);
}

/** Where this practice's copies in the second folder are, '' when there is no second folder or it is locked. */
export function secondBackupFolderOf(p: PracticeCore): string {
  const dir = secondBackupDirOf(p);
  return dir && p.db ? practiceFolderIn(dir, p.db) : '';
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
            keyring: kitKeyringOf({ ...ring, anchor: { ...w.anchor, atMs: now } }),
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
  const chosen = getSecondBackupDir(db);
  const second = chosen ? practiceFolderIn(chosen, db) : '';
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
        keyring: kitKeyringOf(ring),
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
  const second = secondBackupFolderOf(p);
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

/**
 * A full check of a database: pages, foreign keys, schema version, the audit chain, its anchor, the triggers, and the
 * derived figures computed again from the records (electron/db/derived.ts).
 */
export function verifyDb(db: Db, anchor: Keyring['anchor']): VerifyReport {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  );
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  const audit = verifyAuditChain(db);
  const check = checkAuditAnchor(db, anchor);
  const missingTriggers = missingProtectingTriggers(db);
  const altered = alteredDischargeSummaries(db);
  // Computed again only when the schema has them; an older file is reported by its version instead.
  const derivedOutOfStep = schemaVersion(db) === LATEST_VERSION ? derivedDifferences(db) : [];
  return {
    integrity,
    foreignKeyProblems,
    schemaVersion: schemaVersion(db),
    latestVersion: LATEST_VERSION,
    audit,
    anchor: anchor ? { rows: anchor.rows, lastHash: anchor.lastHash, check } : null,
    missingTriggers,
    alteredDischargeSummaries: altered,
    derivedOutOfStep,
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyProblems === 0 &&
      schemaVersion(db) === LATEST_VERSION &&
      audit.ok &&
      check !== 'rows-missing' &&
      check !== 'hash-differs' &&
      missingTriggers.length === 0 &&
      altered.length === 0 &&
      derivedOutOfStep.length === 0,
  };
}

/**
 * Computes the derived figures again from the records and replaces those that differ (after verify reported them out
 * of step). Derived data only: no record changes. Audited. Returns the tables that differed.
 */
export function rebuildDerivedFigures(p: PracticeCore): DerivedTable[] {
  const { db } = requireSession(p);
  return db.transaction(() => {
    const rebuilt = rebuildDerived(db);
    p.audit({ action: 'rebuild', entity: 'derived-figures', entityId: null });
    return rebuilt;
  })();
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
      // The derived figures are compared in the zone the practice computed them in, whatever this shell's TZ.
      adoptPracticeZone(db);
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

export { kitOf };
