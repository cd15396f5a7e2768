/**
 * Unlock and sessions. Policy:
 * - Wrong passphrases are refused with a delay that doubles with each failure (1 s, 2 s, 4 s … up to 5 minutes)
 *   per username (and for the recovery key). The delays and the failed attempts live in a file beside the keyring
 *   (`unlock-attempts.json`, no secrets in it), written before the refusal is returned, so quitting the app does
 *   not clear them; the failures are written to the audit log at the next successful unlock, since the log is
 *   inside the encrypted database.
 * - One unlock, recovery or restore at a time: a second one waits for the first to finish, so parallel guesses
 *   meet the delay the earlier ones earned.
 * - At unlock the keyring is reconciled with the database (the database is the truth; see accounts.ts).
 * - Idle lock: the renderer locks when the user has been idle for the configured minutes; main locks too when no
 *   activity has been reported for that long plus a minute of grace, so a frozen or closed renderer cannot keep
 *   the practice open.
 * - Every lock writes the audit chain's anchor into the keyring (audit.ts).
 */
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { IDLE_LOCK_MIN_MINUTES, type User } from '../../shared/domain/identity';
import { openDatabase, type Db } from '../db/connection';
import { adoptPracticeZone, rebuildDerivedIfZoneChanged } from '../db/derived';
import { LATEST_VERSION, migrate, schemaVersion } from '../db/migrations';
import { appendAudit, auditAnchor } from '../db/repositories/audit';
import { getSettings } from '../db/repositories/settings';
import { getUser } from '../db/repositories/users';
import { passphraseAad, unwrapKey, writeFileAtomic, writeKeyring } from '../security/keyring';
import { reconcileKeyring } from './accounts';
import { backupIfDue, writePracticeBackup } from './backups';
import type { PracticeCore } from './core';
import { forgetFullCheck, fullCheckDue, recordFullCheck } from './health';

const IDLE_GRACE_MS = 60_000;
const MAX_DELAY_MS = 5 * 60_000;

export function failureDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(1000 * 2 ** (failures - 1), MAX_DELAY_MS);
}

/** Runs unlock-like work one at a time. */
export function serialized<T>(p: PracticeCore, work: () => Promise<T>): Promise<T> {
  const run = p.authQueue.then(work, work);
  p.authQueue = run.catch(() => undefined);
  return run;
}

/**
 * Opens the database with the key, running the full or the cheap health check by policy (health.ts), writing a
 * backup before any migration, then migrating.
 */
export function openPracticeDb(p: PracticeCore, key: Buffer): Db {
  const now = p.clock.now();
  const full = fullCheckDue(p.dataDir, now);
  const db = openDatabase(p.dbFile, key, { full });
  try {
    if (full) recordFullCheck(p.dataDir, now);
    const version = schemaVersion(db);
    if (version > 0 && version < LATEST_VERSION) {
      writePracticeBackup(p, db, key, `before-migration-${LATEST_VERSION}`);
    }
    migrate(db);
    // Derived figures kept in local dates follow this computer's zone (electron/db/derived.ts). They are not the
    // record: a rebuild that fails (a full disk) leaves the zone as it was, to be tried at the next unlock, and verify
    // names the tables out of step; it never keeps the practice locked.
    try {
      if (p.zone === 'practice') adoptPracticeZone(db);
      else rebuildDerivedIfZoneChanged(db);
    } catch {
      // Tried again at the next unlock.
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function unlock(p: PracticeCore, username: string, passphrase: string): Promise<User> {
  return serialized(p, async () => {
    p.settleFiles();
    const ring = p.requireKeyring();
    const name = username.trim().toLowerCase();
    checkThrottle(p, name);
    const entry = ring.users.find((u) => u.username === name);
    const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(entry.userId)) : null;
    if (!entry || !key) throw recordFailure(p, name);
    clearThrottle(p, name);
    let db: Db;
    try {
      db = openPracticeDb(p, key);
    } catch (err) {
      key.fill(0);
      throw err;
    }
    const user = getUser(db, entry.userId);
    if (!user) {
      db.close();
      key.fill(0);
      throw new AppError('NOT_FOUND', 'This account is not in the practice database.');
    }
    p.attach(db, key, user);
    afterUnlock(p, { action: 'unlock', entity: 'session', entityId: null });
    return user;
  });
}

/** What every way in does once the database is open: failures, reconcile, the audit row, a daily backup. */
export function afterUnlock(
  p: PracticeCore,
  event: { action: string; entity: string; entityId: string | null } | null,
): void {
  flushFailures(p);
  reconcileKeyring(p);
  if (event) p.audit(event);
  try {
    backupIfDue(p);
  } catch (err) {
    // A daily backup that cannot be written (disk full, drive gone) does not keep the practice locked; it is tried
    // again at the next unlock and on the hourly timer, and Settings shows the newest backup's date. One that
    // failed on a damaged page means the cheap check missed it: the next unlock runs the full check.
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'BACKUP_UNVERIFIED') forgetFullCheck(p.dataDir);
  }
}

export function lock(p: PracticeCore, reason: 'manual' | 'idle' | 'quit'): void {
  if (p.db && p.user) {
    try {
      p.audit({ action: reason === 'idle' ? 'idle-lock' : 'lock', entity: 'session', entityId: null });
      writeAnchor(p);
    } catch {
      // A full disk cannot take the lock's audit row; locking still happens (the key is wiped below).
    } finally {
      p.detach();
    }
  }
  p.detach();
}

/** Keeps the chain's anchor with the keyring: the number of audit rows and the last hash. */
export function writeAnchor(p: PracticeCore): void {
  if (!p.db) return;
  try {
    const ring = p.keyring();
    if (!ring) return;
    writeKeyring(p.keyringFile, { ...ring, anchor: { ...auditAnchor(p.db), atMs: p.clock.now() } });
  } catch {
    // A damaged keyring is reported at the next start; the anchor is also in every backup's recovery kit.
  }
}

/** Locks the practice when it has been idle longer than allowed. Returns true when it locked. */
export function lockIfIdle(p: PracticeCore): boolean {
  if (!p.db || !p.user) return false;
  const idleForMs = p.clock.now() - p.lastActivityAtMs;
  // Every call asks: within the shortest idle lock allowed the settings need not be read (5 µs of every call).
  if (idleForMs <= IDLE_LOCK_MIN_MINUTES * 60_000 + IDLE_GRACE_MS) return false;
  const idleMs = getSettings(p.db).idleLockMinutes * 60_000;
  if (idleForMs <= idleMs + IDLE_GRACE_MS) return false;
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

/** Only a practice administrator may go on. */
export function requireAdministrator(p: PracticeCore, what: string): { db: Db; user: User } {
  const s = requireSession(p);
  if (!s.user.administrator) {
    throw new AppError('FORBIDDEN', `Only a practice administrator can ${what}.`);
  }
  return s;
}

/** Re-authentication before a sensitive action (adding a user, signing, exporting). */
export function reauthenticate(
  p: PracticeCore,
  passphrase: string,
  field = 'currentPassphrase',
): Promise<void> {
  return serialized(p, async () => {
    const { user } = requireSession(p);
    const entry = p.requireKeyring().users.find((u) => u.userId === user.id);
    const throttleName = `#reauth:${user.id}`;
    checkThrottle(p, throttleName);
    const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(user.id)) : null;
    if (!key) throw recordFailure(p, throttleName, field, 'That is not your current passphrase.');
    clearThrottle(p, throttleName);
    key.fill(0);
  });
}

const AttemptsSchema = z.object({
  delays: z.record(z.string(), z.object({ failures: z.number().int(), nextAllowedAtMs: z.number() })),
  pending: z.array(z.object({ atMs: z.number(), username: z.string() })),
});
type Attempts = z.infer<typeof AttemptsSchema>;

export function readAttempts(p: PracticeCore): Attempts {
  try {
    return AttemptsSchema.parse(JSON.parse(fs.readFileSync(p.throttleFile, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { delays: {}, pending: [] };
    // A damaged file must not become a way around the delay: start from the longest delay for every name.
    return { delays: { '*': { failures: 10, nextAllowedAtMs: p.clock.now() + MAX_DELAY_MS } }, pending: [] };
  }
}

function writeAttempts(p: PracticeCore, a: Attempts): void {
  writeFileAtomic(p.throttleFile, JSON.stringify(a));
}

export function checkThrottle(p: PracticeCore, name: string): void {
  const { delays } = readAttempts(p);
  const t = [delays[name], delays['*']].reduce<number>((m, d) => Math.max(m, d?.nextAllowedAtMs ?? 0), 0);
  const wait = t - p.clock.now();
  if (wait > 0) {
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      `Too many wrong attempts. Wait ${Math.ceil(wait / 1000)} seconds before trying again.`,
      { retryAfterMs: wait },
    );
  }
}

function clearThrottle(p: PracticeCore, name: string): void {
  const a = readAttempts(p);
  if (!a.delays[name] && !a.delays['*']) return;
  delete a.delays[name];
  delete a.delays['*'];
  writeAttempts(p, a);
}

export function recordFailure(
  p: PracticeCore,
  name: string,
  field = 'passphrase',
  message = 'That username and passphrase do not match.',
): AppError {
  const now = p.clock.now();
  const a = readAttempts(p);
  const failures = (a.delays[name]?.failures ?? 0) + 1;
  const delay = failureDelayMs(failures);
  a.delays[name] = { failures, nextAllowedAtMs: now + delay };
  a.pending.push({ atMs: now, username: name });
  writeAttempts(p, a);
  return new AppError(
    'WRONG_PASSPHRASE',
    `${message} You can try again in ${Math.ceil(delay / 1000)} seconds.`,
    {
      fields: [{ path: field, message }],
      retryAfterMs: delay,
    },
  );
}

/** Audits the failed attempts kept on disk, then forgets them (in that order: a crash between audits twice). */
export function flushFailures(p: PracticeCore): void {
  const { db } = p.sessionUnchecked();
  const a = readAttempts(p);
  if (a.pending.length === 0) return;
  const ring = p.keyring();
  db.transaction(() => {
    for (const f of a.pending) {
      const userId =
        ring?.users.find((u) => u.username === f.username)?.userId ??
        (f.username.startsWith('#reauth:') ? f.username.slice('#reauth:'.length) : null);
      const known = userId !== null && getUser(db, userId) !== null;
      appendAudit(db, {
        atMs: f.atMs,
        userId: known ? userId : null,
        action: 'unlock-failed',
        entity: 'session',
        entityId: null,
      });
    }
  })();
  writeAttempts(p, { ...readAttempts(p), pending: [] });
}
