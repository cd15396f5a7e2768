/** Test builders with invented people. Fast scrypt parameters: the real cost is only for real passphrases. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Practice, type Clock } from '../../electron/practice/practice';
import type { ClinicProfile, NewUser } from '../../shared/domain/identity';
import type { KdfCost } from '../../electron/security/keyring';

export const FAST_KDF: KdfCost = { N: 2 ** 10, r: 8, p: 1 };

export function tempDir(prefix = 'clearleaf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export class FakeClock implements Clock {
  constructor(public ms = Date.UTC(2026, 10, 23, 14, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const aClinic = (over: Partial<ClinicProfile> = {}): ClinicProfile => ({
  name: 'Riverbend Recovery Collective',
  address: '12 Alder Lane, Springfield, OR 97477',
  phone: '(541) 555-0142',
  ...over,
});

export const aClinician = (over: Partial<NewUser> = {}): NewUser => ({
  displayName: 'Marisol Quintero-Vance',
  credentials: 'LCSW, CADC',
  role: 'clinician',
  username: 'mquintero',
  passphrase: 'copper kettle lantern moss',
  ...over,
});

export async function setUpPractice(options: { dataDir?: string; clock?: FakeClock } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new FakeClock();
  const practice = new Practice({ dataDir, clock, kdfCost: FAST_KDF });
  const { user, recoveryKey } = await practice.setup(aClinic(), aClinician());
  return { practice, dataDir, clock, user, recoveryKey };
}
