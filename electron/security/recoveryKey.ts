/**
 * The recovery key: 120 random bits written as 24 characters of Crockford base32 in six groups of four, to be
 * printed at setup and kept in the clinic safe. Crockford's alphabet has no I, L, O or U, so a key copied by hand is
 * forgiving: lower case, O for 0 and I/L for 1 are all read back correctly.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 6;
const GROUP_LENGTH = 4;
const LENGTH = GROUPS * GROUP_LENGTH;

export function generateRecoveryKey(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(LENGTH);
  let out = '';
  for (let i = 0; i < LENGTH; i += 1) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return formatRecoveryKey(out);
}

/** Canonical form (no separators, upper case), or null when the text cannot be a recovery key. */
export function normalizeRecoveryKey(text: string): string | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== LENGTH) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}

export function formatRecoveryKey(canonical: string): string {
  const groups: string[] = [];
  for (let i = 0; i < canonical.length; i += GROUP_LENGTH) groups.push(canonical.slice(i, i + GROUP_LENGTH));
  return groups.join('-');
}
