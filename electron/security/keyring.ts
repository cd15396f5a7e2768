/**
 * The keyring file: the random database key, wrapped once per user by that user's passphrase and once by the
 * recovery key. Policy:
 * - Wrapping is scrypt (N=2^17, r=8, p=1 by default) → AES-256-GCM, with the entry's kind and owner as associated
 *   data, so an entry cannot be moved to another user.
 * - The file holds no clinical data: usernames and display names of staff, for the lock screen, and the clinic name.
 * - It is written to a temp name (owner-only from its first byte), flushed, renamed, and the folder flushed, so a
 *   crash leaves the old or the new file, never half.
 * - What it reads is bounded: scrypt N a power of two from 2^10 to 2^20, r 1–16, p 1–4 (a planted file cannot make
 *   unlock eat all memory or accept a trivial cost it did not choose), a 16-byte salt, a 12-byte IV and a full
 *   16-byte GCM tag (Node would otherwise accept a truncated tag). Usernames are unique.
 * - It carries the audit chain's anchor (see audit.ts), refreshed at every lock and backup.
 * - A recovery kit is written beside every backup with what the recovery key needs: the recovery wrap (with its
 *   KDF parameters), the clinic name, the account list and the anchor. It carries no passphrase wraps, so an old
 *   kit and an old or guessed passphrase open nothing; with the recovery key it opens that backup and the live
 *   database, so losing this file loses nothing.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_KDF_COST: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

const base64Bytes = (bytes: number) =>
  z.string().refine((s) => Buffer.from(s, 'base64').length === bytes && /^[A-Za-z0-9+/]+=*$/.test(s), {
    message: `must be ${bytes} bytes of base64`,
  });

export const KDF_BOUNDS = { minLogN: 10, maxLogN: 20, maxR: 16, maxP: 4 } as const;

const WrapSchema = z.object({
  kdf: z.object({
    N: z
      .number()
      .int()
      .refine((n) => {
        const log = Math.log2(n);
        return Number.isInteger(log) && log >= KDF_BOUNDS.minLogN && log <= KDF_BOUNDS.maxLogN;
      }, 'scrypt N out of bounds'),
    r: z.number().int().min(1).max(KDF_BOUNDS.maxR),
    p: z.number().int().min(1).max(KDF_BOUNDS.maxP),
    salt: base64Bytes(16),
  }),
  iv: base64Bytes(12),
  ciphertext: base64Bytes(32),
  tag: base64Bytes(16),
});
type Wrap = z.infer<typeof WrapSchema>;

const PassphraseEntrySchema = z.object({
  kind: z.literal('passphrase'),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  wrap: WrapSchema,
});

export const AnchorSchema = z.object({
  rows: z.number().int().min(0),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
  atMs: z.number().int(),
});
export type KeyringAnchor = z.infer<typeof AnchorSchema>;

const KeyringSchema = z.object({
  format: z.literal('clearleaf-keyring'),
  version: z.literal(1),
  clinicName: z.string(),
  users: z
    .array(PassphraseEntrySchema)
    .refine((us) => new Set(us.map((u) => u.username)).size === us.length, 'usernames must be unique'),
  recovery: WrapSchema,
  anchor: AnchorSchema.optional(),
});
export type Keyring = z.infer<typeof KeyringSchema>;
export type KeyringUser = z.infer<typeof PassphraseEntrySchema>;

function deriveKek(secret: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFKC'),
      salt,
      32,
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function wrapKey(dbKey: Buffer, secret: string, aad: string, cost: KdfCost): Promise<Wrap> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(secret, salt, cost);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    kdf: { ...cost, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The database key, or null when the secret is wrong. */
export async function unwrapKey(wrap: Wrap, secret: string, aad: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'), {
    authTagLength: 16,
  });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export const passphraseAad = (userId: string) => `clearleaf-keyring/v1/passphrase/${userId}`;
export const RECOVERY_AAD = 'clearleaf-keyring/v1/recovery';

/** The keyring, null when there is none, or KEYRING_DAMAGED (cut off, edited, or out of bounds). */
export function readKeyring(file: string): Keyring | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = (() => {
    try {
      return KeyringSchema.safeParse(JSON.parse(text));
    } catch {
      return null;
    }
  })();
  if (!parsed?.success) {
    throw new AppError(
      'KEYRING_DAMAGED',
      `The keyring file at ${file} is damaged or incomplete. Nothing has been changed: open the practice with ` +
        'the recovery key, which takes the keyring from the newest backup (or a recovery kit you choose).',
    );
  }
  return parsed.data;
}

/** Flushes a folder so a rename inside it survives a power cut. Windows cannot open folders; NTFS logs renames. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a small file owner-only from its first byte: temp name, flush, rename, flush the folder. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

export function writeKeyring(file: string, keyring: Keyring): void {
  writeFileAtomic(file, JSON.stringify(KeyringSchema.parse(keyring), null, 2));
}

/**
 * The keyring as a kit carries it: the recovery wrap and the accounts without their passphrase wraps. Reading a kit
 * an older version wrote (with the wraps) drops them.
 */
const KitKeyringSchema = z.object({
  format: z.literal('clearleaf-keyring'),
  version: z.literal(1),
  clinicName: z.string(),
  users: z.array(PassphraseEntrySchema.omit({ wrap: true })),
  recovery: WrapSchema,
  anchor: AnchorSchema.optional(),
});
export type KitKeyring = z.infer<typeof KitKeyringSchema>;

/** What of a keyring goes into a recovery kit: everything but the passphrase wraps. */
export function kitKeyringOf(ring: Keyring): KitKeyring {
  return {
    format: ring.format,
    version: ring.version,
    clinicName: ring.clinicName,
    users: ring.users.map(({ kind, userId, username, displayName }) => ({
      kind,
      userId,
      username,
      displayName,
    })),
    recovery: ring.recovery,
    ...(ring.anchor ? { anchor: ring.anchor } : {}),
  };
}

/** A recovery kit: what the recovery key needs when a backup was written, and that backup's anchor and counts. */
const RecoveryKitSchema = z.object({
  format: z.literal('clearleaf-recovery-kit'),
  version: z.literal(1),
  createdAtMs: z.number().int(),
  backupFile: z.string(),
  keyring: KitKeyringSchema,
  anchor: AnchorSchema,
  counts: z.record(z.string(), z.number().int().min(0)),
  schemaVersion: z.number().int(),
});
export type RecoveryKit = z.infer<typeof RecoveryKitSchema>;

export function writeRecoveryKit(file: string, kit: RecoveryKit): void {
  writeFileAtomic(file, JSON.stringify(RecoveryKitSchema.parse(kit), null, 2));
}

export function readRecoveryKit(file: string): RecoveryKit {
  try {
    return RecoveryKitSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    throw new AppError('KIT_UNREADABLE', `${file} is not a readable Clearleaf recovery kit.`);
  }
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
