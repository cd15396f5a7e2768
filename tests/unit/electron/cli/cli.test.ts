import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { tempDir } from '../../../support/fixtures';

const PASS = 'juniper anchor velvet ninety';

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('CLI', () => {
  afterEach(() => {
    delete process.env.CLEARLEAF_PASSPHRASE;
  });

  it('inits an encrypted practice, verifies it, and writes encrypted and plaintext backups', async () => {
    const data = path.join(tempDir(), 'practice');
    const passFile = path.join(tempDir(), 'pass.txt');
    fs.writeFileSync(passFile, `${PASS}\n`);
    const init = await cli([
      'init',
      '--data',
      data,
      '--clinic-name',
      'Cedar Hollow Recovery',
      '--address',
      '9 Quarry Road, Bend, OR 97701',
      '--phone',
      '541-555-0199',
      '--name',
      'Ngozi Adeyemi-Larsen',
      '--credentials',
      'LMFT',
      '--username',
      'nadeyemi',
      '--passphrase-file',
      passFile,
    ]);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/([0-9A-Z]{4}-){5}[0-9A-Z]{4}/);

    process.env.CLEARLEAF_PASSPHRASE = PASS;
    const verify = await cli(['verify', '--data', data, '--username', 'nadeyemi']);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/audit log: \d+ entries, chain intact/);
    expect(verify.out).toContain('verify: ok');

    const encrypted = path.join(tempDir(), 'backup.db');
    expect((await cli(['backup', '--data', data, '--username', 'nadeyemi', '--out', encrypted])).code).toBe(
      0,
    );
    expect(fs.readFileSync(encrypted).subarray(0, 15).toString()).not.toBe('SQLite format 3');

    const plain = path.join(tempDir(), 'plain.db');
    expect(
      (await cli(['backup', '--data', data, '--username', 'nadeyemi', '--out', plain, '--plaintext'])).code,
    ).toBe(0);
    // Checked by a tool nobody on the project wrote: Debian's sqlite3 shell.
    const shell = execFileSync(
      'sqlite3',
      [plain, 'PRAGMA integrity_check; SELECT name FROM clinic_profile; SELECT count(*) FROM audit_log;'],
      {
        encoding: 'utf8',
      },
    );
    const [integrity, clinicName, auditRows] = shell.trim().split('\n');
    expect([integrity, clinicName]).toEqual(['ok', 'Cedar Hollow Recovery']);
    // create practice, create user, then an unlock and a lock for each command run so far.
    expect(Number(auditRows)).toBeGreaterThanOrEqual(7);
    expect(fs.statSync(plain).mode & 0o777).toBe(0o600);
  });

  it('never takes a passphrase from the command line', async () => {
    await expect(cli(['verify', '--passphrase', 'x', '--username', 'a'])).rejects.toThrow(
      /never given on the command line/,
    );
  });

  it('refuses a wrong passphrase and an existing output file', async () => {
    const data = path.join(tempDir(), 'practice');
    process.env.CLEARLEAF_PASSPHRASE = PASS;
    await cli([
      'init',
      '--data',
      data,
      '--clinic-name',
      'C',
      '--address',
      'A',
      '--phone',
      '1',
      '--name',
      'N',
      '--username',
      'nn',
    ]);
    process.env.CLEARLEAF_PASSPHRASE = 'not the right passphrase';
    await expect(cli(['verify', '--data', data, '--username', 'nn'])).rejects.toThrow(/do not match/);
    const existing = path.join(tempDir(), 'taken.db');
    fs.writeFileSync(existing, 'x');
    await expect(cli(['backup', '--data', data, '--username', 'nn', '--out', existing])).rejects.toThrow(
      /already exists/,
    );
  });
});
