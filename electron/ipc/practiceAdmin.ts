/** Clinic profile, staff accounts, settings, audit log and backups: the Settings area. */
import { listAudit } from '../db/repositories/audit';
import { listBackups } from '../db/backup';
import { listUsers } from '../db/repositories/users';
import type { DomainHandlers } from './types';

export const clinicHandlers: DomainHandlers<'clinic'> = {
  'clinic.get': (_input, { practice }) => practice.clinic(),
  'clinic.update': (profile, { practice }) => {
    practice.updateClinic(profile);
    return practice.clinic();
  },
};

export const userHandlers: DomainHandlers<'users'> = {
  'users.list': (_input, { db }) => listUsers(db),
  'users.create': ({ user, currentPassphrase }, { practice }) => practice.addUser(user, currentPassphrase),
  'users.setRole': ({ userId, role, administrator, currentPassphrase }, { practice }) =>
    practice.setRole(userId, role, administrator, currentPassphrase),
  'users.changePassphrase': async ({ currentPassphrase, newPassphrase }, { practice }) => {
    await practice.changePassphrase(currentPassphrase, newPassphrase);
    return { changed: true };
  },
  'users.regenerateRecoveryKey': async ({ currentPassphrase }, { practice }) => ({
    recoveryKey: await practice.regenerateRecoveryKey(currentPassphrase),
  }),
};

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings.get': (_input, { practice }) => practice.settings(),
  'settings.update': (settings, { practice }) => practice.updateSettings(settings),
};

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit.list': ({ limit, beforeId }, { db }) => listAudit(db, { limit, beforeId, withClientNames: true }),
};

export const backupHandlers: DomainHandlers<'backup'> = {
  'backup.create': (_input, { practice }) => practice.backup(),
  'backup.list': (_input, { practice }) => listBackups(practice.backupDir),
  'backup.preview': ({ source }, { practice }) => practice.restorePreview(source),
  'backup.restore': ({ source, currentPassphrase }, { practice }) =>
    practice.restoreChosen(source, currentPassphrase),
  'backup.folders': (_input, { practice }) => practice.backupFolders(),
  'backup.choosePath': async ({ kind }, { practice, platform }) => {
    // Only an administrator chooses a second folder or a backup to restore; nobody else needs the chooser.
    practice.requireAdministrator(kind === 'folder' ? 'choose the second backup folder' : 'restore a backup');
    return { path: await platform.choosePath(kind) };
  },
  'backup.getSecondFolder': (_input, { practice }) => ({ dir: practice.secondBackupDir() }),
  'backup.setSecondFolder': ({ dir }, { practice }) => ({ dir: practice.setSecondBackupDir(dir) }),
};
