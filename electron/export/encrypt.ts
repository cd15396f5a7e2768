/**
 * Encryption of an export to a passphrase in the age format (age-encryption.org/v1, scrypt recipient), by the
 * `age-encryption` library from the format's author: no cryptography of our own. The library is ESM-only; Node
 * 20.19+ and Electron load it with require(), and vitest and electron-vite handle it as they do any ES module.
 */
import { Decrypter, Encrypter } from 'age-encryption';

export async function encryptToPassphrase(
  bytes: Uint8Array,
  passphrase: string,
  scryptWorkFactor?: number,
): Promise<Buffer> {
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  if (scryptWorkFactor !== undefined) e.setScryptWorkFactor(scryptWorkFactor);
  return Buffer.from(await e.encrypt(bytes));
}

export async function decryptWithPassphrase(bytes: Uint8Array, passphrase: string): Promise<Buffer> {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  return Buffer.from(await d.decrypt(bytes));
}
