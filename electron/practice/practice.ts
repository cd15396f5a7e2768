/**
 * The practice: one encrypted database, its keyring and its backups in one data folder, and who is signed in.
 * This file only puts the parts together; each part lives in a module named for what it does (see core.ts).
 */
import type { BackupInfo, ClinicProfile, NewUser, Role, Settings, User } from '../../shared/domain/identity';
import type { Db } from '../db/connection';
import * as accounts from './accounts';
import * as backups from './backups';
import { PracticeCore } from './core';
import * as recovery from './recovery';
import * as restore from './restore';
import * as session from './session';

export { systemClock, type Clock, type PracticeOptions, type PracticeState } from './core';
export { failureDelayMs } from './session';
export type { BackupFolderStatus, VerifyReport } from './backups';
export type { BackupSource, RestorePreview } from './restore';

const sourceOf = (s: string | restore.BackupSource): restore.BackupSource =>
  typeof s === 'string' ? { fileName: s } : s;

export class Practice extends PracticeCore {
  // Accounts and roles
  setup(clinic: ClinicProfile, first: NewUser): Promise<{ user: User; recoveryKey: string }> {
    return accounts.setup(this, clinic, first);
  }
  addUser(input: NewUser, actingPassphrase: string): Promise<User> {
    return accounts.addUser(this, input, actingPassphrase);
  }
  setRole(userId: string, role: Role, administrator: boolean, actingPassphrase: string): Promise<User> {
    return accounts.setRole(this, userId, role, administrator, actingPassphrase);
  }
  changePassphrase(current: string, next: string): Promise<void> {
    return accounts.changePassphrase(this, current, next);
  }
  updateClinic(profile: ClinicProfile): void {
    accounts.updateClinic(this, profile);
  }
  clinic(): ClinicProfile {
    return accounts.clinic(this);
  }
  settings(): Settings {
    return accounts.settings(this);
  }
  updateSettings(next: Settings): Settings {
    return accounts.updateSettings(this, next);
  }

  // Unlock and sessions
  unlock(username: string, passphrase: string): Promise<User> {
    return session.unlock(this, username, passphrase);
  }
  lock(reason: 'manual' | 'idle' | 'quit'): void {
    session.lock(this, reason);
  }
  lockIfIdle(): boolean {
    return session.lockIfIdle(this);
  }
  /** The open database and the signed-in user, or LOCKED. */
  session(): { db: Db; user: User } {
    return session.requireSession(this);
  }
  /** The session, or FORBIDDEN with "Only a practice administrator can <what>." */
  requireAdministrator(what: string): { db: Db; user: User } {
    return session.requireAdministrator(this, what);
  }
  reauthenticate(passphrase: string, field?: string): Promise<void> {
    return session.reauthenticate(this, passphrase, field);
  }
  /**
   * Quit: a backup of the session's work first (verified, rotated) when anything was recorded since the newest
   * backup, then lock. A failed backup does not block quitting.
   */
  close(): void {
    if (this.db && this.user && backups.changedSinceNewestBackup(this)) {
      try {
        backups.backup(this, 'quit');
      } catch {
        // Disk full or the drive gone: the database itself is intact and the next unlock tries the daily backup.
      }
    }
    session.lock(this, 'quit');
  }

  // Keys and recovery
  recover(
    recoveryKey: string,
    username: string,
    newPassphrase: string,
    kitFile: string | null = null,
  ): Promise<User> {
    return recovery.recover(this, recoveryKey, username, newPassphrase, kitFile);
  }
  regenerateRecoveryKey(current: string): Promise<string> {
    return recovery.regenerateRecoveryKey(this, current);
  }

  // Backups and restore
  backup(): BackupInfo {
    return backups.backup(this);
  }
  backupIfDue(): BackupInfo | null {
    return backups.backupIfDue(this);
  }
  setSecondBackupDir(dir: string): string {
    return backups.setSecondBackupDir(this, dir);
  }
  secondBackupDir(): string {
    this.session();
    return backups.secondBackupDirOf(this);
  }
  verifyReadOnly(username: string, passphrase: string): Promise<backups.VerifyReport> {
    return backups.verifyReadOnly(this, username, passphrase);
  }
  /** `source` is a backup listed in the backups or second folder (by name) or a chosen file. */
  restorePreview(source: string | restore.BackupSource): restore.RestorePreview {
    return restore.restorePreview(this, sourceOf(source));
  }
  restoreChosen(
    source: string | restore.BackupSource,
    passphrase: string,
  ): Promise<{ restored: string; setAsideAt: string | null }> {
    return restore.restoreChosen(this, sourceOf(source), passphrase);
  }
  backupFolders(): backups.BackupFolderStatus[] {
    return backups.backupFolders(this);
  }
  backupTo(outFile: string, options: { plaintext: boolean }): void {
    backups.backupTo(this, outFile, options);
  }
  verify(): backups.VerifyReport {
    return backups.verify(this);
  }
  rebuildDerivedFigures(): string[] {
    return backups.rebuildDerivedFigures(this);
  }
  /** The lock screen's restore (only over a damaged or missing database); `chosen` is a backup file's path. */
  restoreNewestBackup(
    username: string,
    passphrase: string,
    chosen: string | null = null,
  ): Promise<{ restored: string; damagedKeptAt: string | null }> {
    return restore.restoreNewestBackup(this, username, passphrase, chosen);
  }
  restoreFileOverHealthy(
    file: string,
    passphrase: string,
  ): Promise<{ restored: string; setAsideAt: string | null }> {
    return restore.restoreFileOverHealthy(this, file, passphrase);
  }
}
