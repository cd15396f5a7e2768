/** Keys and recovery: the printable recovery key, which also unwraps the database key. */
import { fieldError } from '../errors';
import type { User } from '../../shared/domain/identity';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrations';
import { getUser } from '../db/repositories/users';
import { passphraseAad, RECOVERY_AAD, unwrapKey, wrapKey, writeKeyring } from '../security/keyring';
import { generateRecoveryKey, normalizeRecoveryKey } from '../security/recoveryKey';
import type { PracticeCore } from './core';
import { checkThrottle, flushFailures, reauthenticate, recordFailure, requireSession } from './session';

/** Unlocks with the recovery key and sets a new passphrase for `username`. */
export async function recover(
  p: PracticeCore,
  recoveryKey: string,
  username: string,
  newPassphrase: string,
): Promise<User> {
  const ring = p.requireKeyring();
  const throttleName = '#recovery';
  checkThrottle(p, throttleName);
  const canonical = normalizeRecoveryKey(recoveryKey);
  if (!canonical) {
    throw fieldError('INVALID_INPUT', 'recoveryKey', 'A recovery key has 24 letters and digits, as printed.');
  }
  const key = await unwrapKey(ring.recovery, canonical, RECOVERY_AAD);
  if (!key)
    throw recordFailure(p, throttleName, 'recoveryKey', 'That recovery key does not open this practice.');
  p.throttles.delete(throttleName);
  const name = username.trim().toLowerCase();
  const entry = ring.users.find((u) => u.username === name);
  if (!entry) throw fieldError('NOT_FOUND', 'username', 'There is no account with that username.');
  const db = openDatabase(p.dbFile, key);
  const user = getUser(db, entry.userId);
  if (!user) {
    db.close();
    throw fieldError('NOT_FOUND', 'username', 'There is no account with that username.');
  }
  migrate(db);
  entry.wrap = await wrapKey(key, newPassphrase, passphraseAad(entry.userId), p.kdfCost);
  writeKeyring(p.keyringFile, ring);
  p.attach(db, key, user);
  flushFailures(p);
  p.audit({ action: 'recover', entity: 'user', entityId: user.id });
  return user;
}

export async function regenerateRecoveryKey(p: PracticeCore, current: string): Promise<string> {
  await reauthenticate(p, current);
  const { db } = requireSession(p);
  const ring = p.requireKeyring();
  const recoveryKey = generateRecoveryKey();
  ring.recovery = await wrapKey(
    p.requireKey(),
    normalizeRecoveryKey(recoveryKey) ?? '',
    RECOVERY_AAD,
    p.kdfCost,
  );
  db.transaction(() => {
    p.audit({ action: 'regenerate', entity: 'recovery-key', entityId: null });
    writeKeyring(p.keyringFile, ring);
  })();
  return recoveryKey;
}
