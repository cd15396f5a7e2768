/**
 * The practice: one encrypted database, its keyring and its backups in one data folder, and who is signed in.
 * Policy:
 * - While locked, the database is closed and its key is wiped from memory; nothing clinical can be read.
 * - Wrong passphrases are refused with a delay that doubles with each failure (1 s, 2 s, 4 s … up to 5 minutes)
 *   per username; the failures are written to the audit log at the next successful unlock, since the log is inside
 *   the encrypted database.
 * - Idle lock: the renderer locks when the user has been idle for the configured minutes; main locks too when no
 *   activity has been reported for that long plus a minute of grace, so a frozen or closed renderer cannot keep
 *   the practice open.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from '../errors';
import type { ClinicProfile, NewUser, Settings, User } from '../../shared/domain/identity';
import { createDatabase, openDatabase, type Db } from '../db/connection';
import {
  createBackup,
  exportPlaintextCopy,
  newestVerifiedBackup,
  restoreBackup,
  writeVerifiedBackup,
} from '../db/backup';
import { LATEST_VERSION, migrate, schemaVersion } from '../db/migrations';
import {
  appendAudit,
  verifyAuditChain,
  type AuditEvent,
  type AuditVerification,
} from '../db/repositories/audit';
import { getClinic, saveClinic } from '../db/repositories/clinic';
import { getSettings, saveSettings } from '../db/repositories/settings';
import { findUserByUsername, getUser, insertUser } from '../db/repositories/users';
import {
  DEFAULT_KDF_COST,
  type KdfCost,
  type Keyring,
  passphraseAad,
  readKeyring,
  RECOVERY_AAD,
  unwrapKey,
  wrapKey,
  writeKeyring,
} from '../security/keyring';
import { generateRecoveryKey, normalizeRecoveryKey } from '../security/recoveryKey';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface PracticeOptions {
  dataDir: string;
  clock?: Clock;
  kdfCost?: KdfCost;
  backupsToKeep?: number;
}

export interface VerifyReport {
  ok: boolean;
  integrity: string[];
  foreignKeyProblems: number;
  schemaVersion: number;
  latestVersion: number;
  audit: AuditVerification;
}

export type PracticeState = 'needs-setup' | 'locked' | 'unlocked';

interface Throttle {
  failures: number;
  nextAllowedAtMs: number;
}

const IDLE_GRACE_MS = 60_000;
const MAX_DELAY_MS = 5 * 60_000;

export function failureDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(1000 * 2 ** (failures - 1), MAX_DELAY_MS);
}

export class Practice {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly keyringFile: string;
  readonly backupDir: string;
  /** Printed PDFs, owner-only, emptied whenever the practice locks, closes or is unlocked after a crash. */
  readonly documentsDir: string;
  readonly clock: Clock;
  private readonly kdfCost: KdfCost;
  private readonly backupsToKeep: number;

  private db: Db | null = null;
  private key: Buffer | null = null;
  private user: User | null = null;
  private lastActivityAtMs = 0;
  private readonly throttles = new Map<string, Throttle>();
  private pendingFailures: Array<{ atMs: number; username: string }> = [];

  constructor(options: PracticeOptions) {
    this.dataDir = options.dataDir;
    this.dbFile = path.join(options.dataDir, 'clearleaf.db');
    this.keyringFile = path.join(options.dataDir, 'keyring.json');
    this.backupDir = path.join(options.dataDir, 'backups');
    this.documentsDir = path.join(options.dataDir, 'documents');
    this.clock = options.clock ?? systemClock;
    this.kdfCost = options.kdfCost ?? DEFAULT_KDF_COST;
    this.backupsToKeep = options.backupsToKeep ?? 30;
  }

  state(): PracticeState {
    if (this.db && this.user) return 'unlocked';
    return this.keyring() ? 'locked' : 'needs-setup';
  }

  keyring(): Keyring | null {
    return readKeyring(this.keyringFile);
  }

  currentUser(): User | null {
    return this.user;
  }

  async setup(clinic: ClinicProfile, first: NewUser): Promise<{ user: User; recoveryKey: string }> {
    if (this.keyring() || fs.existsSync(this.dbFile)) {
      throw new AppError(
        'ALREADY_SET_UP',
        'This computer already has a Clearleaf practice. Unlock it instead.',
      );
    }
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const now = this.clock.now();
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
    const db = createDatabase(this.dbFile, key);
    try {
      migrate(db);
      db.transaction(() => {
        saveClinic(db, clinic, now);
        insertUser(db, user);
        appendAudit(db, { atMs: now, userId: user.id, action: 'create', entity: 'practice', entityId: null });
        appendAudit(db, { atMs: now, userId: user.id, action: 'create', entity: 'user', entityId: user.id });
      })();
      writeKeyring(this.keyringFile, {
        format: 'clearleaf-keyring',
        version: 1,
        clinicName: clinic.name,
        users: [
          {
            kind: 'passphrase',
            userId: user.id,
            username: user.username,
            displayName: user.displayName,
            wrap: await wrapKey(key, first.passphrase, passphraseAad(user.id), this.kdfCost),
          },
        ],
        recovery: await wrapKey(key, normalizeRecoveryKey(recoveryKey) ?? '', RECOVERY_AAD, this.kdfCost),
      });
    } catch (err) {
      db.close();
      // Setup failed before anything clinical was stored: remove the half-made practice so setup can run again.
      for (const f of [this.dbFile, `${this.dbFile}-wal`, `${this.dbFile}-shm`, this.keyringFile]) {
        fs.rmSync(f, { force: true });
      }
      throw err;
    }
    this.attach(db, key, user);
    return { user, recoveryKey };
  }

  async unlock(username: string, passphrase: string): Promise<User> {
    const ring = this.requireKeyring();
    const name = username.trim().toLowerCase();
    this.checkThrottle(name);
    const entry = ring.users.find((u) => u.username === name);
    const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(entry.userId)) : null;
    if (!entry || !key) throw this.recordFailure(name);
    this.throttles.delete(name);
    const db = openDatabase(this.dbFile, key);
    const user = getUser(db, entry.userId);
    if (!user) {
      db.close();
      throw new AppError('NOT_FOUND', 'This account is not in the practice database.');
    }
    migrate(db);
    this.attach(db, key, user);
    this.flushFailures();
    this.audit({ action: 'unlock', entity: 'session', entityId: null });
    return user;
  }

  /** Unlocks with the recovery key and sets a new passphrase for `username`. */
  async recover(recoveryKey: string, username: string, newPassphrase: string): Promise<User> {
    const ring = this.requireKeyring();
    const throttleName = '#recovery';
    this.checkThrottle(throttleName);
    const canonical = normalizeRecoveryKey(recoveryKey);
    if (!canonical) {
      throw fieldError(
        'INVALID_INPUT',
        'recoveryKey',
        'A recovery key has 24 letters and digits, as printed.',
      );
    }
    const key = await unwrapKey(ring.recovery, canonical, RECOVERY_AAD);
    if (!key)
      throw this.recordFailure(throttleName, 'recoveryKey', 'That recovery key does not open this practice.');
    this.throttles.delete(throttleName);
    const name = username.trim().toLowerCase();
    const entry = ring.users.find((u) => u.username === name);
    if (!entry) throw fieldError('NOT_FOUND', 'username', 'There is no account with that username.');
    const db = openDatabase(this.dbFile, key);
    const user = getUser(db, entry.userId);
    if (!user) {
      db.close();
      throw fieldError('NOT_FOUND', 'username', 'There is no account with that username.');
    }
    migrate(db);
    entry.wrap = await wrapKey(key, newPassphrase, passphraseAad(entry.userId), this.kdfCost);
    writeKeyring(this.keyringFile, ring);
    this.attach(db, key, user);
    this.flushFailures();
    this.audit({ action: 'recover', entity: 'user', entityId: user.id });
    return user;
  }

  lock(reason: 'manual' | 'idle' | 'quit'): void {
    if (this.db && this.user) {
      try {
        this.audit({ action: reason === 'idle' ? 'idle-lock' : 'lock', entity: 'session', entityId: null });
      } finally {
        this.detach();
      }
    }
    this.detach();
  }

  /** Called for every call from the renderer and on reported user activity. */
  touch(): void {
    this.lastActivityAtMs = this.clock.now();
  }

  /** Locks the practice when it has been idle longer than allowed. Returns true when it locked. */
  lockIfIdle(): boolean {
    if (!this.db || !this.user) return false;
    const idleMs = getSettings(this.db).idleLockMinutes * 60_000;
    if (this.clock.now() - this.lastActivityAtMs <= idleMs + IDLE_GRACE_MS) return false;
    this.lock('idle');
    return true;
  }

  /** The open database and the signed-in user, or LOCKED. */
  session(): { db: Db; user: User } {
    if (this.lockIfIdle() || !this.db || !this.user) {
      throw new AppError('LOCKED', 'Clearleaf is locked. Unlock it with your passphrase to continue.');
    }
    return { db: this.db, user: this.user };
  }

  /** Appends an audit row for the signed-in user. Call inside the transaction of the change it records. */
  audit(event: Omit<AuditEvent, 'atMs' | 'userId'>): void {
    const { db, user } = this.sessionUnchecked();
    appendAudit(db, { ...event, atMs: this.clock.now(), userId: user.id });
  }

  /** Re-authentication before a sensitive action (adding a user, signing, exporting). */
  async reauthenticate(passphrase: string, field = 'currentPassphrase'): Promise<void> {
    const { user } = this.session();
    const entry = this.requireKeyring().users.find((u) => u.userId === user.id);
    const throttleName = `#reauth:${user.id}`;
    this.checkThrottle(throttleName);
    const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(user.id)) : null;
    if (!key) throw this.recordFailure(throttleName, field, 'That is not your current passphrase.');
    this.throttles.delete(throttleName);
    key.fill(0);
  }

  async addUser(input: NewUser, actingPassphrase: string): Promise<User> {
    await this.reauthenticate(actingPassphrase);
    const { db } = this.session();
    if (findUserByUsername(db, input.username)) {
      throw fieldError('CONFLICT', 'user.username', 'That username is taken; choose another.');
    }
    const user: User = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      credentials: input.credentials,
      role: input.role,
      createdAtMs: this.clock.now(),
    };
    const ring = this.requireKeyring();
    const wrap = await wrapKey(this.requireKey(), input.passphrase, passphraseAad(user.id), this.kdfCost);
    db.transaction(() => {
      insertUser(db, user);
      this.audit({ action: 'create', entity: 'user', entityId: user.id });
      // The keyring is written inside the transaction: if it fails, the user row is rolled back too.
      ring.users.push({
        kind: 'passphrase',
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        wrap,
      });
      writeKeyring(this.keyringFile, ring);
    })();
    return user;
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await this.reauthenticate(current);
    const { db, user } = this.session();
    const ring = this.requireKeyring();
    const entry = ring.users.find((u) => u.userId === user.id);
    if (!entry) throw new AppError('NOT_FOUND', 'Your account is missing from the keyring.');
    entry.wrap = await wrapKey(this.requireKey(), next, passphraseAad(user.id), this.kdfCost);
    db.transaction(() => {
      this.audit({ action: 'change-passphrase', entity: 'user', entityId: user.id });
      writeKeyring(this.keyringFile, ring);
    })();
  }

  async regenerateRecoveryKey(current: string): Promise<string> {
    await this.reauthenticate(current);
    const { db } = this.session();
    const ring = this.requireKeyring();
    const recoveryKey = generateRecoveryKey();
    ring.recovery = await wrapKey(
      this.requireKey(),
      normalizeRecoveryKey(recoveryKey) ?? '',
      RECOVERY_AAD,
      this.kdfCost,
    );
    db.transaction(() => {
      this.audit({ action: 'regenerate', entity: 'recovery-key', entityId: null });
      writeKeyring(this.keyringFile, ring);
    })();
    return recoveryKey;
  }

  updateClinic(profile: ClinicProfile): void {
    const { db } = this.session();
    const ring = this.requireKeyring();
    db.transaction(() => {
      saveClinic(db, profile, this.clock.now());
      this.audit({ action: 'update', entity: 'clinic-profile', entityId: null });
      if (ring.clinicName !== profile.name)
        writeKeyring(this.keyringFile, { ...ring, clinicName: profile.name });
    })();
  }

  clinic(): ClinicProfile {
    const profile = getClinic(this.session().db);
    if (!profile) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    return profile;
  }

  settings(): Settings {
    return getSettings(this.session().db);
  }

  updateSettings(settings: Settings): Settings {
    const { db } = this.session();
    db.transaction(() => {
      saveSettings(db, settings);
      this.audit({ action: 'update', entity: 'settings', entityId: null });
    })();
    return getSettings(db);
  }

  backup() {
    const { db } = this.session();
    const info = createBackup(db, this.requireKey(), this.backupDir, this.clock.now(), this.backupsToKeep);
    db.transaction(() => this.audit({ action: 'backup', entity: 'practice', entityId: info.fileName }))();
    return info;
  }

  /** Writes a verified backup to a chosen file; `plaintext` decrypts it for an independent check by IT. */
  backupTo(outFile: string, options: { plaintext: boolean }): void {
    const { db } = this.session();
    if (options.plaintext) exportPlaintextCopy(db, this.requireKey(), outFile);
    else writeVerifiedBackup(db, this.requireKey(), outFile);
    db.transaction(() =>
      this.audit({
        action: options.plaintext ? 'export-plaintext' : 'backup',
        entity: 'practice',
        entityId: null,
      }),
    )();
  }

  /** A full check of the open database: pages, foreign keys, schema version and the audit chain. */
  verify(): VerifyReport {
    const { db } = this.session();
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
      (r) => r.integrity_check,
    );
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    return {
      integrity,
      foreignKeyProblems,
      schemaVersion: schemaVersion(db),
      latestVersion: LATEST_VERSION,
      audit: verifyAuditChain(db),
      ok:
        integrity.length === 1 &&
        integrity[0] === 'ok' &&
        foreignKeyProblems === 0 &&
        schemaVersion(db) === LATEST_VERSION &&
        verifyAuditChain(db).ok,
    };
  }

  /**
   * When the database fails its health check, a user who can unwrap the key may replace it by the newest verified
   * backup. The damaged file is kept beside it.
   */
  async restoreNewestBackup(
    username: string,
    passphrase: string,
  ): Promise<{ restored: string; damagedKeptAt: string | null }> {
    const ring = this.requireKeyring();
    const name = username.trim().toLowerCase();
    this.checkThrottle(name);
    const entry = ring.users.find((u) => u.username === name);
    const key = entry ? await unwrapKey(entry.wrap, passphrase, passphraseAad(entry.userId)) : null;
    if (!entry || !key) throw this.recordFailure(name);
    const backup = newestVerifiedBackup(this.backupDir, key);
    if (!backup)
      throw new AppError('NOT_FOUND', 'No backup that passes its check was found in the backups folder.');
    this.detach();
    const damagedKeptAt = restoreBackup(this.dbFile, backup.path, key, this.clock.now());
    const user = await this.unlock(username, passphrase);
    this.audit({ action: 'restore', entity: 'practice', entityId: backup.fileName });
    void user;
    return { restored: backup.fileName, damagedKeptAt };
  }

  close(): void {
    this.lock('quit');
  }

  private attach(db: Db, key: Buffer, user: User): void {
    this.detach();
    this.db = db;
    this.key = key;
    this.user = user;
    this.touch();
  }

  private detach(): void {
    if (this.db) {
      this.db.close();
      this.db = null;
    }
    if (this.key) {
      this.key.fill(0);
      this.key = null;
    }
    this.user = null;
    this.removePrintedDocuments();
  }

  /**
   * Printed PDFs are plain files (a viewer must read them), so they do not outlive the signed-in session that made
   * them: removed on every lock and close, and on the next unlock if the app died first. A file a viewer still
   * holds open on Windows cannot be removed; it goes at the next lock.
   */
  private removePrintedDocuments(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.documentsDir);
    } catch {
      return;
    }
    for (const name of names) {
      try {
        fs.rmSync(path.join(this.documentsDir, name), { force: true });
      } catch {
        // Best effort; see above.
      }
    }
  }

  private sessionUnchecked(): { db: Db; user: User } {
    if (!this.db || !this.user) throw new AppError('LOCKED', 'Clearleaf is locked.');
    return { db: this.db, user: this.user };
  }

  private requireKey(): Buffer {
    if (!this.key) throw new AppError('LOCKED', 'Clearleaf is locked.');
    return this.key;
  }

  private requireKeyring(): Keyring {
    const ring = this.keyring();
    if (!ring)
      throw new AppError('NEEDS_SETUP', 'This computer has no Clearleaf practice yet. Set one up first.');
    return ring;
  }

  private checkThrottle(name: string): void {
    const t = this.throttles.get(name);
    const wait = t ? t.nextAllowedAtMs - this.clock.now() : 0;
    if (wait > 0) {
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        `Too many wrong attempts. Wait ${Math.ceil(wait / 1000)} seconds before trying again.`,
        { retryAfterMs: wait },
      );
    }
  }

  private recordFailure(
    name: string,
    field = 'passphrase',
    message = 'That username and passphrase do not match.',
  ): AppError {
    const now = this.clock.now();
    const failures = (this.throttles.get(name)?.failures ?? 0) + 1;
    const delay = failureDelayMs(failures);
    this.throttles.set(name, { failures, nextAllowedAtMs: now + delay });
    this.pendingFailures.push({ atMs: now, username: name });
    return new AppError(
      'WRONG_PASSPHRASE',
      `${message} You can try again in ${Math.ceil(delay / 1000)} seconds.`,
      { fields: [{ path: field, message }], retryAfterMs: delay },
    );
  }

  private flushFailures(): void {
    const { db } = this.sessionUnchecked();
    const failures = this.pendingFailures;
    this.pendingFailures = [];
    if (failures.length === 0) return;
    const ring = this.keyring();
    db.transaction(() => {
      for (const f of failures) {
        const userId = ring?.users.find((u) => u.username === f.username)?.userId ?? null;
        appendAudit(db, { atMs: f.atMs, userId, action: 'unlock-failed', entity: 'session', entityId: null });
      }
    })();
  }
}
