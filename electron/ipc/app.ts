import fs from 'node:fs';
import { listBackups } from '../db/backup';
import { AppError } from '../errors';
import type { AppStatus } from '../../shared/ipc/contract';
import type { Deps, DomainHandlers } from './types';

/**
 * What the first screen shows. A damaged or missing keyring is 'unavailable' with its code, and the page offers
 * the recovery key (which takes the keyring from a backup's recovery kit). A missing database while the keyring is
 * there is 'locked' with DB_MISSING, and the lock screen offers the newest backup.
 */
export function appStatus({ practice }: Deps): AppStatus {
  let ring;
  let state;
  try {
    state = practice.state();
    ring = practice.keyring();
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'KEYRING_DAMAGED';
    return {
      state: 'unavailable',
      clinicName: null,
      accounts: [],
      user: null,
      idleLockMinutes: null,
      problem: {
        code,
        message:
          err instanceof AppError
            ? err.message
            : `The keyring file at ${practice.keyringFile} is damaged or unreadable. Nothing has been changed.`,
      },
    };
  }
  if (state === 'locked' && !fs.existsSync(practice.dbFile)) {
    const backups = listBackups(practice.backupDir).length;
    return {
      state,
      clinicName: ring?.clinicName ?? null,
      accounts: (ring?.users ?? []).map((u) => ({ username: u.username, displayName: u.displayName })),
      user: null,
      idleLockMinutes: null,
      problem: {
        code: 'DB_MISSING',
        message:
          backups > 0
            ? 'The practice database is missing from its folder. Restore the newest backup with your passphrase.'
            : 'The practice database is missing from its folder and there is no backup in the backups folder. ' +
              'Put the database file or a backup back, or use the recovery key with a recovery kit.',
      },
    };
  }
  const user = practice.currentUser();
  return {
    state,
    clinicName: ring?.clinicName ?? null,
    accounts: (ring?.users ?? []).map((u) => ({ username: u.username, displayName: u.displayName })),
    user,
    idleLockMinutes: state === 'unlocked' ? practice.settings().idleLockMinutes : null,
    problem: null,
  };
}

export const appHandlers: DomainHandlers<'app'> = {
  'app.status': (_input, deps) => appStatus(deps),
};

export const setupHandlers: DomainHandlers<'setup'> = {
  'setup.create': async ({ clinic, clinician }, { practice }) => {
    return practice.setup(clinic, clinician);
  },
};
