/**
 * Keys and recovery. Policy:
 * - The printable recovery key unwraps the database key. Its wrap is in keyring.json and, as a recovery kit, beside
 *   every backup (`….kit.json`, in the backups folder and the second folder), so losing or damaging keyring.json
 *   loses nothing: recovery takes the keyring from a kit the user chooses, or the newest kit beside the backups.
 * - A kit holds no passphrase wraps (keyring.ts): the keyring rebuilt from it holds only the recovering account's
 *   new passphrase. Every other account sets a new one the same way, with the recovery key (an administrator keeps
 *   it), and until then cannot unlock; an old passphrase never comes back with an old kit.
 * - A kit is taken only when keyring.json is missing or damaged. While the live keyring is sound it is the only
 *   one the recovery key is tried against, and recovery replaces nothing in it but the recovering account's own
 *   wrap: an old kit must not bring back a replaced recovery key, a removed account or an old passphrase.
 * - Recovery opens the live database; if it is missing or fails its health check, the newest backup that passes
 *   is restored first (the damaged file set aside). A damaged keyring is set aside, never deleted, and a new one
 *   written from the kit, reconciled with the database, with the recovering account's new passphrase.
 * - Replacing the recovery key is for a practice administrator; the old key then opens only older kits.
 */
import fs from 'node:fs';
import { AppError, fieldError } from '../errors';
import type { User } from '../../shared/domain/identity';
import { backupFileName, kitOf, listBackups } from '../db/backup';
import { findUserByUsername } from '../db/repositories/users';
import {
  passphraseAad,
  readRecoveryKit,
  RECOVERY_AAD,
  unwrapKey,
  wrapKey,
  writeKeyring,
  type Keyring,
  type KitKeyring,
} from '../security/keyring';
import { generateRecoveryKey, normalizeRecoveryKey } from '../security/recoveryKey';
import type { PracticeCore } from './core';
import { secondBackupFolderOf } from './backups';
import { restoreFromDamage } from './restore';
import {
  afterUnlock,
  checkThrottle,
  openPracticeDb,
  reauthenticate,
  recordFailure,
  requireAdministrator,
  serialized,
} from './session';

const DAMAGED_OR_MISSING = new Set(['DB_MISSING', 'DB_EMPTY', 'DB_TRUNCATED', 'DB_UNREADABLE', 'DB_CORRUPT']);

/**
 * Where a recovery key might be unwrapped from. A healthy live keyring is the only one: a kit is a copy from the
 * past (an older recovery key, accounts since removed, passphrases since changed), so taking it while the live
 * keyring is sound would roll the keyring back. Kits, the chosen one first, then those beside the backups, are
 * used only when keyring.json is missing or damaged.
 */
export function candidateKeyrings(
  p: PracticeCore,
  kitFile: string | null,
): Array<{ ring: Keyring | KitKeyring; from: string }> {
  try {
    const live = p.keyring();
    if (live) return [{ ring: live, from: 'keyring' }];
  } catch {
    // Damaged: recovered from a kit below.
  }
  const out: Array<{ ring: KitKeyring; from: string }> = [];
  if (kitFile) {
    try {
      out.push({ ring: readRecoveryKit(kitFile).keyring, from: kitFile });
    } catch (err) {
      const message = err instanceof Error ? err.message : 'That is not a readable Clearleaf recovery kit.';
      throw new AppError('KIT_UNREADABLE', message, { fields: [{ path: 'kitFile', message }] });
    }
  }
  for (const dir of [p.backupDir, secondBackupFolderOf(p)]) {
    if (!dir) continue;
    for (const b of listBackups(dir)) {
      const kit = kitOf(b.path);
      if (kit) out.push({ ring: kit.keyring, from: b.path });
    }
  }
  return out;
}

/**
 * Unlocks with the recovery key and sets a new passphrase for `username`. `kitFile` is a recovery kit the user
 * chose (from a backup drive), for when keyring.json and the backups folder are both gone.
 */
export function recover(
  p: PracticeCore,
  recoveryKey: string,
  username: string,
  newPassphrase: string,
  kitFile: string | null = null,
): Promise<User> {
  return serialized(p, async () => {
    p.settleFiles();
    const throttleName = '#recovery';
    checkThrottle(p, throttleName);
    const canonical = normalizeRecoveryKey(recoveryKey);
    if (!canonical) {
      throw fieldError(
        'INVALID_INPUT',
        'recoveryKey',
        'A recovery key has 24 letters and digits, as printed.',
      );
    }
    const candidates = candidateKeyrings(p, kitFile);
    if (candidates.length === 0) {
      throw new AppError(
        'NO_RECOVERY_KIT',
        'No keyring and no recovery kit was found. Choose a recovery kit (….kit.json) from a backup drive.',
      );
    }
    let key: Buffer | null = null;
    let base: Keyring | KitKeyring | null = null;
    let fromLive = false;
    for (const c of candidates) {
      key = await unwrapKey(c.ring.recovery, canonical, RECOVERY_AAD);
      if (key) {
        base = c.ring;
        fromLive = c.from === 'keyring';
        break;
      }
    }
    if (!key || !base) {
      const liveSound = candidates[0]?.from === 'keyring';
      throw recordFailure(
        p,
        throttleName,
        'recoveryKey',
        liveSound
          ? 'That recovery key does not open this practice. The keyring on this computer is intact, so only ' +
              'the current recovery key is accepted; an older one, or a recovery kit, is not.'
          : 'That recovery key does not open this practice.',
      );
    }
    let db;
    try {
      db = openPracticeDb(p, key);
    } catch (err) {
      if (!(err instanceof AppError) || !DAMAGED_OR_MISSING.has(err.code)) {
        key.fill(0);
        throw err;
      }
      restoreFromDamage(p, key);
      db = openPracticeDb(p, key);
    }
    const user = findUserByUsername(db, username.trim().toLowerCase());
    if (!user) {
      db.close();
      key.fill(0);
      throw fieldError('NOT_FOUND', 'username', 'There is no account with that username.');
    }
    const wrap = await wrapKey(key, newPassphrase, passphraseAad(user.id), p.kdfCost);
    // A damaged keyring is kept beside the new one for whoever investigates.
    let liveOk = true;
    try {
      p.keyring();
    } catch {
      liveOk = false;
    }
    if (!liveOk) {
      fs.renameSync(p.keyringFile, `${p.keyringFile}.damaged-${backupFileName(p.clock.now()).slice(10, -3)}`);
    }
    p.attach(db, key, user);
    // Database first (the audit row), then the keyring.
    db.transaction(() => p.audit({ action: 'recover', entity: 'user', entityId: user.id }))();
    // From the live keyring the other accounts keep their passphrases; from a kit there are none to keep.
    const others = fromLive
      ? (base as Keyring).users.filter((u) => u.userId !== user.id && u.username !== user.username)
      : [];
    const { format, version, clinicName, recovery, anchor } = base;
    writeKeyring(p.keyringFile, {
      format,
      version,
      clinicName,
      recovery,
      ...(anchor ? { anchor } : {}),
      users: [
        ...others,
        { kind: 'passphrase', userId: user.id, username: user.username, displayName: user.displayName, wrap },
      ],
    });
    afterUnlock(p, null);
    return user;
  });
}

export async function regenerateRecoveryKey(p: PracticeCore, current: string): Promise<string> {
  requireAdministrator(p, 'replace the recovery key');
  await reauthenticate(p, current);
  const { db } = requireAdministrator(p, 'replace the recovery key');
  const ring = p.requireKeyring();
  const recoveryKey = generateRecoveryKey();
  ring.recovery = await wrapKey(
    p.requireKey(),
    normalizeRecoveryKey(recoveryKey) ?? '',
    RECOVERY_AAD,
    p.kdfCost,
  );
  db.transaction(() => p.audit({ action: 'regenerate', entity: 'recovery-key', entityId: null }))();
  writeKeyring(p.keyringFile, ring);
  return recoveryKey;
}
