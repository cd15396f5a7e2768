/**
 * The state every part of the practice shares: where its files are, the open database and its key, who is signed
 * in, and the helpers that guard them. The operations live in modules named for what they do:
 * - `session.ts`   unlock, lock, idle lock, re-authentication and the wrong-passphrase delay
 * - `accounts.ts`  setup, staff accounts and roles, clinic profile and settings
 * - `recovery.ts`  the recovery key and the recovery kit
 * - `backups.ts`   backups, verify and restore
 * `practice.ts` puts them together behind one `Practice` object.
 * Policy: while locked, the database is closed and its key is wiped from memory; nothing clinical can be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import type { User } from '../../shared/domain/identity';
import type { Db } from '../db/connection';
import { finishInterruptedRestore } from '../db/backup';
import { appendAudit, type AuditAnchor, type AuditEvent } from '../db/repositories/audit';
import { forgetShapedWords, rememberShapedWords } from '../documents/shapedWords';
import { markClosedCleanly, markInUse } from './health';
import { DEFAULT_KDF_COST, type KdfCost, type Keyring, readKeyring, writeKeyring } from '../security/keyring';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface PracticeOptions {
  dataDir: string;
  clock?: Clock;
  kdfCost?: KdfCost;
  /**
   * The time zone the derived figures follow: this computer's (the app: a practice opened in another zone has them
   * computed again), or the one the practice recorded (the command line, which may run with another TZ).
   */
  zone?: 'computer' | 'practice';
}

export type PracticeState = 'needs-setup' | 'locked' | 'unlocked';

export class PracticeCore {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly keyringFile: string;
  readonly backupDir: string;
  /** Printed PDFs, owner-only, emptied whenever the practice locks, closes or is unlocked after a crash. */
  readonly documentsDir: string;
  /**
   * Record exports made in the app. Encrypted ones (.age) stay until the clinician moves them; a plain folder or
   * archive is readable by anyone, so, like printed PDFs, it does not outlive the session that made it.
   */
  readonly exportsDir: string;
  readonly clock: Clock;
  readonly kdfCost: KdfCost;

  /** @internal The open database; use `session()` outside the practice modules. */
  db: Db | null = null;
  /** @internal The database key while unlocked. */
  key: Buffer | null = null;
  /** @internal */
  user: User | null = null;
  /** @internal */
  lastActivityAtMs = 0;
  /** @internal The unlock, recovery or restore in progress: they run one at a time (see session.ts). */
  authQueue: Promise<unknown> = Promise.resolve();

  constructor(options: PracticeOptions) {
    this.dataDir = options.dataDir;
    this.dbFile = path.join(options.dataDir, 'clearleaf.db');
    this.keyringFile = path.join(options.dataDir, 'keyring.json');
    this.backupDir = path.join(options.dataDir, 'backups');
    this.documentsDir = path.join(options.dataDir, 'documents');
    this.exportsDir = path.join(options.dataDir, 'exports');
    this.throttleFile = path.join(options.dataDir, 'unlock-attempts.json');
    this.clock = options.clock ?? systemClock;
    this.kdfCost = options.kdfCost ?? DEFAULT_KDF_COST;
    this.zone = options.zone ?? 'computer';
  }

  readonly zone: 'computer' | 'practice';

  readonly throttleFile: string;

  state(): PracticeState {
    if (this.db && this.user) return 'unlocked';
    this.settleFiles();
    if (this.keyring()) return 'locked';
    if (fs.existsSync(this.dbFile)) {
      throw new AppError(
        'KEYRING_MISSING',
        `The keyring file is missing from ${this.dataDir}. The records are still there: open the practice with ` +
          'the recovery key, which takes the keyring from the newest backup (or a recovery kit you choose).',
      );
    }
    return 'needs-setup';
  }

  /** Completes a restore the app died in the middle of (db/backup.ts), bringing the keyring's anchor along. */
  settleFiles(): void {
    finishInterruptedRestore(this.dbFile, (anchor) => this.setAnchor(anchor));
  }

  /** @internal Keeps the audit chain's anchor with the keyring. */
  setAnchor(anchor: AuditAnchor): void {
    const ring = this.keyring();
    if (ring) writeKeyring(this.keyringFile, { ...ring, anchor: { ...anchor, atMs: this.clock.now() } });
  }

  keyring(): Keyring | null {
    return readKeyring(this.keyringFile);
  }

  currentUser(): User | null {
    return this.user;
  }

  /** Called for every call from the renderer and on reported user activity. */
  touch(): void {
    this.lastActivityAtMs = this.clock.now();
  }

  /** Appends an audit row for the signed-in user. Call inside the transaction of the change it records. */
  audit(event: Omit<AuditEvent, 'atMs' | 'userId'>): void {
    const { db, user } = this.sessionUnchecked();
    appendAudit(db, { ...event, atMs: this.clock.now(), userId: user.id });
  }

  /** @internal */
  attach(db: Db, key: Buffer, user: User): void {
    this.detach();
    this.db = db;
    this.key = key;
    this.user = user;
    rememberShapedWords();
    markInUse(this.dataDir);
    this.touch();
  }

  /** @internal */
  detach(): void {
    if (this.db) {
      this.db.close();
      this.db = null;
      markClosedCleanly(this.dataDir);
    }
    if (this.key) {
      this.key.fill(0);
      this.key = null;
    }
    this.user = null;
    forgetShapedWords();
    this.removePrintedDocuments();
    this.removePlainExports();
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

  /** Unencrypted exports left in the exports folder go with the session, as printed PDFs do (best effort). */
  private removePlainExports(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.exportsDir);
    } catch {
      return;
    }
    for (const name of names.filter((n) => !n.endsWith('.age'))) {
      try {
        fs.rmSync(path.join(this.exportsDir, name), { recursive: true, force: true });
      } catch {
        // Best effort, as above.
      }
    }
  }

  /** @internal */
  sessionUnchecked(): { db: Db; user: User } {
    if (!this.db || !this.user) throw new AppError('LOCKED', 'Clearleaf is locked.');
    return { db: this.db, user: this.user };
  }

  /** @internal */
  requireKey(): Buffer {
    if (!this.key) throw new AppError('LOCKED', 'Clearleaf is locked.');
    return this.key;
  }

  /** @internal */
  requireKeyring(): Keyring {
    const ring = this.keyring();
    if (!ring)
      throw new AppError('NEEDS_SETUP', 'This computer has no Clearleaf practice yet. Set one up first.');
    return ring;
  }
}
