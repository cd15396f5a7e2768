/**
 * Accounts and roles: setting up the practice, staff accounts, the clinic profile and practice settings. Policy:
 * - The account that sets the practice up is its administrator. Only a practice administrator adds accounts, sets
 *   roles, replaces the recovery key, changes the clinic profile and settings, and restores a healthy database;
 *   there is always at least one administrator.
 * - The database is written first, then the keyring. A crash between the two leaves a database row the keyring
 *   does not know (the account cannot sign in yet: adding it again with the same username completes it) but never
 *   a keyring entry without its row. At every unlock the keyring is reconciled with the database: entries for no
 *   account or with a username the database gives another account are dropped, names follow the database, and
 *   the change is audited. Usernames are unique in both (database: UNIQUE NOCASE; keyring: checked on read).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { AppError, fieldError } from '../errors';
import type { ClinicProfile, NewUser, Settings, User } from '../../shared/domain/identity';
import { createDatabase } from '../db/connection';
import { migrate } from '../db/migrations';
import { appendAudit } from '../db/repositories/audit';
import { getClinic, saveClinic } from '../db/repositories/clinic';
import { getSettings, saveSettings } from '../db/repositories/settings';
import {
  countAdministrators,
  findUserByUsername,
  getUser,
  insertUser,
  listUsers,
  setUserRole,
} from '../db/repositories/users';
import type { Role } from '../../shared/domain/identity';
import { passphraseAad, RECOVERY_AAD, wrapKey, writeKeyring, type Keyring } from '../security/keyring';
import { generateRecoveryKey, normalizeRecoveryKey } from '../security/recoveryKey';
import type { PracticeCore } from './core';
import { reauthenticate, requireAdministrator, requireSession } from './session';

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
    administrator: true,
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
  requireAdministrator(p, 'add staff accounts');
  await reauthenticate(p, actingPassphrase);
  const { db } = requireAdministrator(p, 'add staff accounts');
  const ring = p.requireKeyring();
  const existing = findUserByUsername(db, input.username);
  // An account whose row was committed but whose keyring entry was not (a crash between the two) is completed.
  const orphan = existing && !ring.users.some((u) => u.userId === existing.id) ? existing : null;
  if (existing && !orphan) {
    throw fieldError('CONFLICT', 'user.username', 'That username is taken; choose another.');
  }
  const user: User = orphan ?? {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    credentials: input.credentials,
    role: input.role,
    administrator: input.administrator ?? false,
    createdAtMs: p.clock.now(),
  };
  const wrap = await wrapKey(p.requireKey(), input.passphrase, passphraseAad(user.id), p.kdfCost);
  db.transaction(() => {
    if (orphan) {
      setUserRole(db, user.id, input.role, input.administrator ?? false);
      p.audit({ action: 'set-role', entity: 'user', entityId: user.id });
    } else {
      insertUser(db, user);
      p.audit({ action: 'create', entity: 'user', entityId: user.id });
    }
  })();
  // Database first, then the keyring (see the policy above).
  writeKeyring(p.keyringFile, {
    ...ring,
    users: [
      ...ring.users.filter((u) => u.username !== user.username),
      { kind: 'passphrase', userId: user.id, username: user.username, displayName: user.displayName, wrap },
    ],
  });
  return getUser(db, user.id) ?? user;
}

/** Sets an account's clinical role and whether it is a practice administrator. */
export async function setRole(
  p: PracticeCore,
  userId: string,
  role: Role,
  administrator: boolean,
  actingPassphrase: string,
): Promise<User> {
  requireAdministrator(p, 'set roles');
  await reauthenticate(p, actingPassphrase);
  const { db } = requireAdministrator(p, 'set roles');
  const target = getUser(db, userId);
  if (!target) throw new AppError('NOT_FOUND', 'There is no such account.');
  db.transaction(() => {
    setUserRole(db, userId, role, administrator);
    if (countAdministrators(db) === 0) {
      throw fieldError('INVALID_INPUT', 'administrator', 'The practice needs at least one administrator.');
    }
    p.audit({ action: 'set-role', entity: 'user', entityId: userId });
  })();
  const updated = getUser(db, userId) ?? target;
  if (p.user?.id === userId) p.user = updated;
  return updated;
}

/** Makes the keyring agree with the database (the truth). Returns true when the keyring changed. */
export function reconcileKeyring(p: PracticeCore): boolean {
  const { db } = p.sessionUnchecked();
  const ring = p.requireKeyring();
  const users = new Map(listUsers(db).map((u) => [u.id, u]));
  const next: Keyring['users'] = [];
  for (const entry of ring.users) {
    const u = users.get(entry.userId);
    if (!u || u.username.toLowerCase() !== entry.username) continue;
    if (next.some((n) => n.username === entry.username)) continue;
    next.push({ ...entry, displayName: u.displayName });
  }
  const changed = JSON.stringify(next) !== JSON.stringify(ring.users);
  if (!changed) return false;
  db.transaction(() => p.audit({ action: 'reconcile', entity: 'keyring', entityId: null }))();
  writeKeyring(p.keyringFile, { ...ring, users: next });
  return true;
}

export async function changePassphrase(p: PracticeCore, current: string, next: string): Promise<void> {
  await reauthenticate(p, current);
  const { db, user } = requireSession(p);
  const ring = p.requireKeyring();
  const entry = ring.users.find((u) => u.userId === user.id);
  if (!entry) throw new AppError('NOT_FOUND', 'Your account is missing from the keyring.');
  entry.wrap = await wrapKey(p.requireKey(), next, passphraseAad(user.id), p.kdfCost);
  db.transaction(() => p.audit({ action: 'change-passphrase', entity: 'user', entityId: user.id }))();
  writeKeyring(p.keyringFile, ring);
}

export function updateClinic(p: PracticeCore, profile: ClinicProfile): void {
  const { db } = requireAdministrator(p, 'change the clinic profile');
  const ring = p.requireKeyring();
  db.transaction(() => {
    saveClinic(db, profile, p.clock.now());
    p.audit({ action: 'update', entity: 'clinic-profile', entityId: null });
  })();
  if (ring.clinicName !== profile.name) writeKeyring(p.keyringFile, { ...ring, clinicName: profile.name });
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
  const { db } = requireAdministrator(p, 'change practice settings');
  db.transaction(() => {
    saveSettings(db, next);
    p.audit({ action: 'update', entity: 'settings', entityId: null });
  })();
  return getSettings(db);
}
