import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { runCli } from '../../../../electron/cli/main';
import { listBackups } from '../../../../electron/db/backup';
import { Practice } from '../../../../electron/practice/practice';
import { FAST_KDF, tempDir } from '../../../support/fixtures';

const PASS = 'juniper anchor velvet ninety';

/**
 * One CLI command in this process, with the tests' fast key derivation: at the shipped cost each command's key
 * derivation took seconds on a loaded CI machine and the six-command restore test ran past its time limit. What
 * is derived is the same; its cost is the keyring's own setting (keyring.test.ts holds the bounds).
 */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(args, (l) => lines.push(l), { kdfCost: FAST_KDF });
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
    const rebuilt = await cli(['rebuild-figures', '--data', data, '--username', 'nadeyemi']);
    expect(rebuilt).toMatchObject({
      code: 0,
      out: expect.stringContaining('The derived figures already matched the records; nothing was changed.'),
    });

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

  it('verify writes nothing: every file in the practice folder is byte-for-byte and time-for-time the same', async () => {
    const data = await initPractice();
    process.env.CLEARLEAF_PASSPHRASE = PASS;
    const before = fileHashes(data);
    const verify = await cli(['verify', '--data', data, '--username', 'nadeyemi']);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/audit anchor: \d+ entries, last hash [0-9a-f]{16}…, matches/);
    expect(verify.out).toContain('protecting triggers: all present');
    expect(verify.out).toContain('derived figures: match the records');
    expect(fileHashes(data)).toEqual(before);
  });

  it('a CLI backup is listed and restored by the app; CLI restore over a damaged database; recover with a kit', async () => {
    const data = await initPractice();
    process.env.CLEARLEAF_PASSPHRASE = PASS;
    const made = await cli(['backup', '--data', data, '--username', 'nadeyemi']);
    expect(made.code).toBe(0);
    const listed = listBackups(path.join(data, 'backups'));
    const fromCli = listed.find((b) => made.out.includes(b.fileName));
    expect(fromCli).toBeDefined();
    // The app (an administrator) previews and restores what the CLI wrote.
    const app = new Practice({ dataDir: data, kdfCost: FAST_KDF });
    await app.unlock('nadeyemi', PASS);
    expect(app.restorePreview(fromCli?.fileName ?? '').backup.auditRows).toBeGreaterThan(0);
    await app.restoreChosen(fromCli?.fileName ?? '', PASS);
    app.close();

    // A backup elsewhere, then the database is lost: CLI restore brings it back.
    const elsewhere = path.join(tempDir(), 'elsewhere.db');
    expect((await cli(['backup', '--data', data, '--username', 'nadeyemi', '--out', elsewhere])).code).toBe(
      0,
    );
    expect(fs.existsSync(`${elsewhere.replace(/\.db$/, '')}.kit.json`)).toBe(true);
    for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(data, `clearleaf.db${s}`), { force: true });
    const restored = await cli(['restore', '--data', data, '--username', 'nadeyemi', '--from', elsewhere]);
    expect(restored.out).toMatch(/Restored/);

    // The keyring and the backups folder are lost too; the kit beside the copy and the recovery key recover.
    fs.rmSync(path.join(data, 'keyring.json'));
    fs.rmSync(path.join(data, 'backups'), { recursive: true });
    const keyFile = path.join(tempDir(), 'recovery.txt');
    fs.writeFileSync(keyFile, `${recoveryKeyOf.get(data)}\n`);
    process.env.CLEARLEAF_PASSPHRASE = 'brand new cedar passphrase';
    const rec = await cli([
      'recover',
      '--data',
      data,
      '--username',
      'nadeyemi',
      '--recovery-key-file',
      keyFile,
      '--kit',
      elsewhere.replace(/\.db$/, '.kit.json'),
    ]);
    expect(rec.code).toBe(0);
    expect((await cli(['verify', '--data', data, '--username', 'nadeyemi'])).out).toContain('verify: ok');
  }, 120_000);
});

const recoveryKeyOf = new Map<string, string>();

async function initPractice(): Promise<string> {
  const data = path.join(tempDir(), 'practice');
  process.env.CLEARLEAF_PASSPHRASE = PASS;
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
    '--username',
    'nadeyemi',
  ]);
  recoveryKeyOf.set(data, /([0-9A-Z]{4}-){5}[0-9A-Z]{4}/.exec(init.out)?.[0] ?? '');
  return data;
}

function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const full = path.join(d, name);
      const st = fs.statSync(full);
      if (st.isDirectory()) walk(full);
      else
        out[path.relative(dir, full)] =
          `${st.mtimeMs}:${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}
