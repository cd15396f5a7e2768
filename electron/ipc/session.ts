import type { DomainHandlers } from './types';

export const sessionHandlers: DomainHandlers<'session'> = {
  'session.unlock': ({ username, passphrase }, { practice }) => practice.unlock(username, passphrase),
  'session.recover': ({ recoveryKey, username, newPassphrase, kitFile }, { practice }) =>
    practice.recover(recoveryKey, username, newPassphrase, kitFile ?? null),
  'session.restoreBackup': ({ username, passphrase }, { practice }) =>
    practice.restoreNewestBackup(username, passphrase),
  'session.lock': ({ reason }, { practice }) => {
    practice.lock(reason);
    return { locked: true };
  },
  'session.activity': (_input, { practice }) => ({ idleLockMinutes: practice.settings().idleLockMinutes }),
};
