import type { AppStatus } from '../../shared/ipc/contract';
import type { Deps, DomainHandlers } from './types';

export function appStatus({ practice }: Deps): AppStatus {
  const ring = (() => {
    try {
      return practice.keyring();
    } catch {
      return undefined;
    }
  })();
  if (ring === undefined) {
    return {
      state: 'unavailable',
      clinicName: null,
      accounts: [],
      user: null,
      idleLockMinutes: null,
      problem: {
        code: 'DB_UNREADABLE',
        message: `The keyring file at ${practice.keyringFile} is damaged or unreadable. Nothing has been changed.`,
      },
    };
  }
  const state = practice.state();
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
