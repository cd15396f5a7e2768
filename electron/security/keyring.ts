/**
 * The keyring file: the random database key, wrapped once per user by that user's passphrase and once by the
 * recovery key. Policy:
 * - Wrapping is scrypt (N=2^17, r=8, p=1 by default) → AES-256-GCM, with the entry's kind and owner as associated
 *   data, so an entry cannot be moved to another user.
 * - The file holds no clinical data: usernames and display names of staff, for the lock screen, and the clinic name.
 * - It is written to a temp name, flushed, then renamed, so a crash leaves the old or the new file, never half.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_KDF_COST: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

const WrapSchema = z.object({
  kdf: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  iv: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});
type Wrap = z.infer<typeof WrapSchema>;

const PassphraseEntrySchema = z.object({
  kind: z.literal('passphrase'),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  wrap: WrapSchema,
});

const KeyringSchema = z.object({
  format: z.literal('clearleaf-keyring'),
  version: z.literal(1),
  clinicName: z.string(),
  users: z.array(PassphraseEntrySchema),
  recovery: WrapSchema,
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
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
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
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export const passphraseAad = (userId: string) => `clearleaf-keyring/v1/passphrase/${userId}`;
export const RECOVERY_AAD = 'clearleaf-keyring/v1/recovery';

export function readKeyring(file: string): Keyring | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return KeyringSchema.parse(JSON.parse(text));
}

export function writeKeyring(file: string, keyring: Keyring): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(KeyringSchema.parse(keyring), null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
