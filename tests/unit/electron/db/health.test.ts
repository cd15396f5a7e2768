import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyKey, createDatabase, openDatabase, PAGE_SIZE } from '../../../../electron/db/connection';
import { LATEST_VERSION, migrate } from '../../../../electron/db/migrations';
import { AppError } from '../../../../electron/errors';
import { tempDir } from '../../../support/fixtures';

/**
 * setpriv arguments that take away the power to ignore file modes: run as `nobody` where that account can read the
 * checkout, otherwise stay uid 0 without the capabilities that bypass permission checks (CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH, CAP_FOWNER), which for file access is the same as an ordinary user owning the files.
 */
function unprivileged(): string[] {
  const asNobody = ['--reuid=nobody', '--regid=nogroup', '--clear-groups'];
  try {
    execFileSync('setpriv', [...asNobody, 'test', '-r', path.resolve('tests/support/healthProbe.ts')]);
    execFileSync('setpriv', [...asNobody, 'test', '-r', path.resolve('node_modules/tsx/package.json')]);
    return asNobody;
  } catch {
    const caps = '-dac_override,-dac_read_search,-fowner';
    return [`--bounding-set=${caps}`, `--inh-caps=${caps}`];
  }
}

/** A small but multi-page practice database, closed, with its key. */
function makeDb(): { file: string; key: Buffer } {
  const dir = tempDir();
  const file = path.join(dir, 'clearleaf.db');
  const key = randomBytes(32);
  const db = createDatabase(file, key);
  migrate(db);
  const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
  for (let i = 0; i < 400; i += 1) insert.run(`k${i}`, JSON.stringify('x'.repeat(200)));
  db.close();
  return { file, key };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'opened';
}

function expectRefusedUntouched(file: string, key: Buffer, code: string) {
  const before = fs.readFileSync(file);
  expect(codeOf(() => openDatabase(file, key).close())).toBe(code);
  expect(fs.existsSync(file)).toBe(true);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
}

describe('database health check', () => {
  it('opens a healthy database with the pragmas set', () => {
    const { file, key } = makeDb();
    const db = openDatabase(file, key);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.close();
  });

  it('is encrypted on disk: no SQLite header, and the sqlite3 shell cannot read it', () => {
    const { file } = makeDb();
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(() =>
      execFileSync('sqlite3', [file, 'SELECT count(*) FROM settings;'], { stdio: 'pipe' }),
    ).toThrow(/not a database/);
  });

  it('refuses a missing file', () => {
    expect(codeOf(() => openDatabase(path.join(tempDir(), 'nope.db'), randomBytes(32)))).toBe('DB_MISSING');
  });

  it('refuses a zero-byte file without deleting it', () => {
    const { file, key } = makeDb();
    fs.truncateSync(file, 0);
    expectRefusedUntouched(file, key, 'DB_EMPTY');
  });

  it('refuses a file cut off mid-page without deleting it', () => {
    const { file, key } = makeDb();
    fs.truncateSync(file, fs.statSync(file).size - 1000);
    expectRefusedUntouched(file, key, 'DB_TRUNCATED');
  });

  it('refuses a file cut off at a page boundary without deleting it', () => {
    const { file, key } = makeDb();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, size - 4 * PAGE_SIZE);
    expectRefusedUntouched(file, key, 'DB_TRUNCATED');
  });

  it('refuses garbage without deleting it', () => {
    const { file, key } = makeDb();
    fs.writeFileSync(file, randomBytes(16 * PAGE_SIZE));
    expectRefusedUntouched(file, key, 'DB_UNREADABLE');
  });

  it('refuses a file with one flipped bit in a data page without deleting it', () => {
    const { file, key } = makeDb();
    const bytes = fs.readFileSync(file);
    const offset = 3 * PAGE_SIZE + 700;
    bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
    fs.writeFileSync(file, bytes);
    expectRefusedUntouched(file, key, 'DB_CORRUPT');
  });

  it('refuses a database from a newer version of the app', () => {
    const { file, key } = makeDb();
    const db = new Database(file);
    applyKey(db, key);
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    db.close();
    expectRefusedUntouched(file, key, 'DB_NEWER_VERSION');
  });

  it('refuses an unencrypted SQLite file', () => {
    const file = path.join(tempDir(), 'plain.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (a TEXT) STRICT');
    db.close();
    expectRefusedUntouched(file, randomBytes(32), 'DB_NOT_CLEARLEAF');
  });

  it('gives its own error for a read-only location, checked as an unprivileged user', () => {
    const { file } = makeDb();
    const dir = path.dirname(file);
    fs.chmodSync(dir, 0o555);
    fs.chmodSync(file, 0o444);
    // Root ignores file modes, so the check runs in a child process with privileges dropped.
    const out = execFileSync(
      'setpriv',
      [...unprivileged(), process.execPath, '--import', 'tsx', 'tests/support/healthProbe.ts', file],
      { encoding: 'utf8' },
    );
    expect(out).toBe('DB_READ_ONLY');
  });
});
