/** The keyring's bounds (issue 12, finding 9): KDF parameters, GCM tag length, damage reported with a way out. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/errors';
import { readKeyring } from '../../../../electron/security/keyring';
import { setUpPractice } from '../../../support/fixtures';

interface WrapJson {
  kdf: { N: number; r: number; p: number; salt: string };
  iv: string;
  tag: string;
}
interface RingJson {
  users: Array<{ wrap: WrapJson }>;
  recovery: WrapJson;
}

async function ringFile() {
  const { practice, dataDir } = await setUpPractice();
  practice.lock('manual');
  const file = path.join(dataDir, 'keyring.json');
  return { file, json: JSON.parse(fs.readFileSync(file, 'utf8')) as RingJson };
}

const first = (j: RingJson): WrapJson => {
  const u = j.users[0];
  if (!u) throw new Error('no user');
  return u.wrap;
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
  return 'none';
}

describe('keyring bounds', () => {
  it('refuses KDF parameters out of bounds, a short GCM tag and a truncated file', async () => {
    const { file, json } = await ringFile();
    const variants: Array<(j: RingJson) => void> = [
      (j) => (j.recovery.kdf.N = 2 ** 30),
      (j) => (j.recovery.kdf.N = 2 ** 4),
      (j) => (j.recovery.kdf.N = 3000),
      (j) => (first(j).kdf.r = 64),
      (j) => (first(j).kdf.p = 100),
      (j) => (first(j).tag = Buffer.from(first(j).tag, 'base64').subarray(0, 4).toString('base64')),
      (j) => (first(j).iv = Buffer.alloc(8).toString('base64')),
    ];
    expect(readKeyring(file)).not.toBeNull();
    for (const change of variants) {
      const copy = JSON.parse(JSON.stringify(json)) as RingJson;
      change(copy);
      fs.writeFileSync(file, JSON.stringify(copy));
      expect(codeOf(() => readKeyring(file))).toBe('KEYRING_DAMAGED');
    }
    fs.writeFileSync(file, JSON.stringify(json).slice(0, 200));
    expect(codeOf(() => readKeyring(file))).toBe('KEYRING_DAMAGED');
  });
});
