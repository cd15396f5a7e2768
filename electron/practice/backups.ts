/** Backups and restore, and the full verify of the open database. */
import { AppError } from '../errors';
import type { BackupInfo } from '../../shared/domain/identity';
import {
  createBackup,
  exportPlaintextCopy,
  newestVerifiedBackup,
  restoreBackup,
  writeVerifiedBackup,
} from '../db/backup';
import { LATEST_VERSION, schemaVersion } from '../db/migrations';
import { verifyAuditChain, type AuditVerification } from '../db/repositories/audit';
import { passphraseAad, unwrapKey } from '../security/keyring';
import type { PracticeCore } from './core';
import { checkThrottle, recordFailure, requireSession, unlock } from './session';

export interface VerifyReport {
  ok: boolean;
  integrity: string[];
  foreignKeyProblems: number;
  schemaVersion: number;
  latestVersion: number;
  audit: AuditVerification;
}

export function backup(p: PracticeCore): BackupInfo {
  const { db } = requireSession(p);
  const info = createBackup(db, p.requireKey(), p.backupDir, p.clock.now(), p.backupsToKeep);
  db.transaction(() => p.audit({ action: 'backup', entity: 'practice', entityId: info.fileName }))();
  return info;
}

/** Writes a verified backup to a chosen file; `plaintext` decrypts it for an independent check by IT. */
export function backupTo(p: PracticeCore, outFile: string, options: { plaintext: boolean }): void {
  const { db } = requireSession(p);
  if (options.plaintext) exportPlaintextCopy(db, p.requireKey(), outFile);
  else writeVerifiedBackup(db, p.requireKey(), outFile);
  db.transaction(() =>
    p.audit({
      action: options.plaintext ? 'export-plaintext' : 'backup',
      entity: 'practice',
      entityId: null,
    }),
  )();
}

/** A full check of the open database: pages, foreign keys, schema version and the audit chain. */
export function verify(p: PracticeCore): VerifyReport {
  const { db } = requireSession(p);
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  );
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  const audit = verifyAuditChain(db);
  return {
    integrity,
    foreignKeyProblems,
    schemaVersion: schemaVersion(db),
    latestVersion: LATEST_VERSION,
    audit,
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyProblems === 0 &&
      schemaVersion(db) === LATEST_VERSION &&
      audit.ok,
  };
}

/**
 * When the database fails its health check, a user who can unwrap the key may replace it by the newest verified
 * backup. The damaged file is kept beside it.
 */
export async function restoreNewestBackup(
  p: PracticeCore,
  username: string,
  passphrase: string,
): Promise<{ restored: string; damagedKeptAt: string | null }> {
  const ring = p.requireKeyring();
  const name = username.trim().toLowerCase();
  checkThrottle(p, name);
  const entry = ring.users.find((u) => u.username === name);
  const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(entry.userId)) : null;
  if (!entry || !key) throw recordFailure(p, name);
  const found = newestVerifiedBackup(p.backupDir, key);
  if (!found)
    throw new AppError('NOT_FOUND', 'No backup that passes its check was found in the backups folder.');
  p.detach();
  const damagedKeptAt = restoreBackup(p.dbFile, found.path, key, p.clock.now());
  await unlock(p, username, passphrase);
  p.audit({ action: 'restore', entity: 'practice', entityId: found.fileName });
  return { restored: found.fileName, damagedKeptAt };
}
