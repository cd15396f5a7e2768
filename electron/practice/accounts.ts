/** Accounts and roles: setting up the practice, staff accounts, the clinic profile and practice settings. */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { AppError, fieldError } from '../errors';
import type { ClinicProfile, NewUser, Settings, User } from '../../shared/domain/identity';
import { createDatabase } from '../db/connection';
import { migrate } from '../db/migrations';
import { appendAudit } from '../db/repositories/audit';
import { getClinic, saveClinic } from '../db/repositories/clinic';
import { getSettings, saveSettings } from '../db/repositories/settings';
import { findUserByUsername, insertUser } from '../db/repositories/users';
import { passphraseAad, RECOVERY_AAD, wrapKey, writeKeyring } from '../security/keyring';
import { generateRecoveryKey, normalizeRecoveryKey } from '../security/recoveryKey';
import type { PracticeCore } from './core';
import { reauthenticate, requireSession } from './session';

export async function setup(
  p: PracticeCore,
  clinic: ClinicProfile,
  first: NewUser,
): Promise<{ user: User; recoveryKey: string }> {
  if (p.keyring() || fs.existsSync(p.dbFile)) {
    throw new AppError(
      'ALREADY_SET_UP',
      'This computer already has a Clearleaf practice. Unlock it instead.',
    );
  }
  fs.mkdirSync(p.dataDir, { recursive: true, mode: 0o700 });
  const now = p.clock.now();
  const key = randomBytes(32);
  const user: User = {
    id: randomUUID(),
    username: first.username,
    displayName: first.displayName,
    credentials: first.credentials,
    role: first.role,
    createdAtMs: now,
  };
  const recoveryKey = generateRecoveryKey();
  const db = createDatabase(p.dbFile, key);
  try {
    migrate(db);
    db.transaction(() => {
      saveClinic(db, clinic, now);
      insertUser(db, user);
      appendAudit(db, { atMs: now, userId: user.id, action: 'create', entity: 'practice', entityId: null });
      appendAudit(db, { atMs: now, userId: user.id, action: 'create', entity: 'user', entityId: user.id });
    })();
    writeKeyring(p.keyringFile, {
      format: 'clearleaf-keyring',
      version: 1,
      clinicName: clinic.name,
      users: [
        {
          kind: 'passphrase',
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          wrap: await wrapKey(key, first.passphrase, passphraseAad(user.id), p.kdfCost),
        },
      ],
      recovery: await wrapKey(key, normalizeRecoveryKey(recoveryKey) ?? '', RECOVERY_AAD, p.kdfCost),
    });
  } catch (err) {
    db.close();
    // Setup failed before anything clinical was stored: remove the half-made practice so setup can run again.
    for (const f of [p.dbFile, `${p.dbFile}-wal`, `${p.dbFile}-shm`, p.keyringFile]) {
      fs.rmSync(f, { force: true });
    }
    throw err;
  }
  p.attach(db, key, user);
  return { user, recoveryKey };
}

export async function addUser(p: PracticeCore, input: NewUser, actingPassphrase: string): Promise<User> {
  await reauthenticate(p, actingPassphrase);
  const { db } = requireSession(p);
  if (findUserByUsername(db, input.username)) {
    throw fieldError('CONFLICT', 'user.username', 'That username is taken; choose another.');
  }
  const user: User = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    credentials: input.credentials,
    role: input.role,
    createdAtMs: p.clock.now(),
  };
  const ring = p.requireKeyring();
  const wrap = await wrapKey(p.requireKey(), input.passphrase, passphraseAad(user.id), p.kdfCost);
  db.transaction(() => {
    insertUser(db, user);
    p.audit({ action: 'create', entity: 'user', entityId: user.id });
    // The keyring is written inside the transaction: if it fails, the user row is rolled back too.
    ring.users.push({
      kind: 'passphrase',
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      wrap,
    });
    writeKeyring(p.keyringFile, ring);
  })();
  return user;
}

export async function changePassphrase(p: PracticeCore, current: string, next: string): Promise<void> {
  await reauthenticate(p, current);
  const { db, user } = requireSession(p);
  const ring = p.requireKeyring();
  const entry = ring.users.find((u) => u.userId === user.id);
  if (!entry) throw new AppError('NOT_FOUND', 'Your account is missing from the keyring.');
  entry.wrap = await wrapKey(p.requireKey(), next, passphraseAad(user.id), p.kdfCost);
  db.transaction(() => {
    p.audit({ action: 'change-passphrase', entity: 'user', entityId: user.id });
    writeKeyring(p.keyringFile, ring);
  })();
}

export function updateClinic(p: PracticeCore, profile: ClinicProfile): void {
  const { db } = requireSession(p);
  const ring = p.requireKeyring();
  db.transaction(() => {
    saveClinic(db, profile, p.clock.now());
    p.audit({ action: 'update', entity: 'clinic-profile', entityId: null });
    if (ring.clinicName !== profile.name) writeKeyring(p.keyringFile, { ...ring, clinicName: profile.name });
  })();
}

export function clinic(p: PracticeCore): ClinicProfile {
  const profile = getClinic(requireSession(p).db);
  if (!profile) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
  return profile;
}

export function settings(p: PracticeCore): Settings {
  return getSettings(requireSession(p).db);
}

export function updateSettings(p: PracticeCore, next: Settings): Settings {
  const { db } = requireSession(p);
  db.transaction(() => {
    saveSettings(db, next);
    p.audit({ action: 'update', entity: 'settings', entityId: null });
  })();
  return getSettings(db);
}
