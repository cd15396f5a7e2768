/**
 * Unlock and sessions. Policy:
 * - Wrong passphrases are refused with a delay that doubles with each failure (1 s, 2 s, 4 s … up to 5 minutes)
 *   per username; the failures are written to the audit log at the next successful unlock, since the log is inside
 *   the encrypted database.
 * - Idle lock: the renderer locks when the user has been idle for the configured minutes; main locks too when no
 *   activity has been reported for that long plus a minute of grace, so a frozen or closed renderer cannot keep
 *   the practice open.
 */
import { AppError } from '../errors';
import type { User } from '../../shared/domain/identity';
import { openDatabase, type Db } from '../db/connection';
import { migrate } from '../db/migrations';
import { appendAudit } from '../db/repositories/audit';
import { getSettings } from '../db/repositories/settings';
import { getUser } from '../db/repositories/users';
import { passphraseAad, unwrapKey } from '../security/keyring';
import type { PracticeCore } from './core';

const IDLE_GRACE_MS = 60_000;
const MAX_DELAY_MS = 5 * 60_000;

export function failureDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(1000 * 2 ** (failures - 1), MAX_DELAY_MS);
}

export async function unlock(p: PracticeCore, username: string, passphrase: string): Promise<User> {
  const ring = p.requireKeyring();
  const name = username.trim().toLowerCase();
  checkThrottle(p, name);
  const entry = ring.users.find((u) => u.username === name);
  const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(entry.userId)) : null;
  if (!entry || !key) throw recordFailure(p, name);
  p.throttles.delete(name);
  const db = openDatabase(p.dbFile, key);
  const user = getUser(db, entry.userId);
  if (!user) {
    db.close();
    throw new AppError('NOT_FOUND', 'This account is not in the practice database.');
  }
  migrate(db);
  p.attach(db, key, user);
  flushFailures(p);
  p.audit({ action: 'unlock', entity: 'session', entityId: null });
  return user;
}

export function lock(p: PracticeCore, reason: 'manual' | 'idle' | 'quit'): void {
  if (p.db && p.user) {
    try {
      p.audit({ action: reason === 'idle' ? 'idle-lock' : 'lock', entity: 'session', entityId: null });
    } finally {
      p.detach();
    }
  }
  p.detach();
}

/** Locks the practice when it has been idle longer than allowed. Returns true when it locked. */
export function lockIfIdle(p: PracticeCore): boolean {
  if (!p.db || !p.user) return false;
  const idleMs = getSettings(p.db).idleLockMinutes * 60_000;
  if (p.clock.now() - p.lastActivityAtMs <= idleMs + IDLE_GRACE_MS) return false;
  lock(p, 'idle');
  return true;
}

/** The open database and the signed-in user, or LOCKED. */
export function requireSession(p: PracticeCore): { db: Db; user: User } {
  if (lockIfIdle(p) || !p.db || !p.user) {
    throw new AppError('LOCKED', 'Clearleaf is locked. Unlock it with your passphrase to continue.');
  }
  return { db: p.db, user: p.user };
}

/** Re-authentication before a sensitive action (adding a user, signing, exporting). */
export async function reauthenticate(
  p: PracticeCore,
  passphrase: string,
  field = 'currentPassphrase',
): Promise<void> {
  const { user } = requireSession(p);
  const entry = p.requireKeyring().users.find((u) => u.userId === user.id);
  const throttleName = `#reauth:${user.id}`;
  checkThrottle(p, throttleName);
  const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(user.id)) : null;
  if (!key) throw recordFailure(p, throttleName, field, 'That is not your current passphrase.');
  p.throttles.delete(throttleName);
  key.fill(0);
}

export function checkThrottle(p: PracticeCore, name: string): void {
  const t = p.throttles.get(name);
  const wait = t ? t.nextAllowedAtMs - p.clock.now() : 0;
  if (wait > 0) {
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      `Too many wrong attempts. Wait ${Math.ceil(wait / 1000)} seconds before trying again.`,
      { retryAfterMs: wait },
    );
  }
}

export function recordFailure(
  p: PracticeCore,
  name: string,
  field = 'passphrase',
  message = 'That username and passphrase do not match.',
): AppError {
  const now = p.clock.now();
  const failures = (p.throttles.get(name)?.failures ?? 0) + 1;
  const delay = failureDelayMs(failures);
  p.throttles.set(name, { failures, nextAllowedAtMs: now + delay });
  p.pendingFailures.push({ atMs: now, username: name });
  return new AppError(
    'WRONG_PASSPHRASE',
    `${message} You can try again in ${Math.ceil(delay / 1000)} seconds.`,
    { fields: [{ path: field, message }], retryAfterMs: delay },
  );
}

export function flushFailures(p: PracticeCore): void {
  const { db } = p.sessionUnchecked();
  const failures = p.pendingFailures;
  p.pendingFailures = [];
  if (failures.length === 0) return;
  const ring = p.keyring();
  db.transaction(() => {
    for (const f of failures) {
      const userId = ring?.users.find((u) => u.username === f.username)?.userId ?? null;
      appendAudit(db, { atMs: f.atMs, userId, action: 'unlock-failed', entity: 'session', entityId: null });
    }
  })();
}
