/**
 * Opening the practice database. Policy:
 * - Every file is encrypted with SQLite3MultipleCiphers in SQLCipher v4 format, keyed with a random 256-bit key.
 * - The health check runs on a read-only connection first, so a damaged, foreign or newer file is never written to,
 *   let alone deleted. Only a file that passes is reopened read-write and given the pragmas below.
 * - Two depths of health check. The full one (`quick_check`, every page) costs time in proportion to the file
 *   (10 s at 778 MB). The cheap one costs the same at any size: the header decrypts, the file holds the pages it
 *   claims, application_id and user_version are ours, the schema has the core tables, and a bounded sample is read
 *   (the first and last row of every table, which walks each b-tree from its root to both ends). When each runs is
 *   the practice's policy (electron/practice/health.ts); both refuse without writing or deleting anything.
 * - synchronous=FULL: better-sqlite3's WAL default (NORMAL) can lose the last commits on power loss, and an
 *   acknowledged save must survive a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { LATEST_VERSION } from './migrations';

export type Db = Database.Database;

/**
 * Which compiled better-sqlite3 to load. Under plain Node (tests, CLI, browser harness) it is node_modules' own build.
 * Under Electron it must be a build for Electron's ABI: the installed app ships one beside app.asar and names it with
 * useSqliteBinding() (an environment variable cannot redirect it there); in development `npm start` compiles one into
 * .electron-native/ and names it in CLEARLEAF_SQLITE_BINDING.
 */
let shippedBinding: string | null = null;

export function useSqliteBinding(file: string | null): void {
  shippedBinding = file;
}

function bindingOption(): Database.Options {
  const binding = shippedBinding ?? process.env.CLEARLEAF_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

export function openFile(file: string, options: Database.Options = {}): Db {
  return new Database(file, { ...bindingOption(), ...options });
}

/** 'CLLF' — lets any tool tell a Clearleaf database from another SQLite file once decrypted. */
export const APPLICATION_ID = 0x434c4c46;
export const PAGE_SIZE = 4096;
const PLAIN_HEADER = 'SQLite format 3\0';

export function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/** Compiled statements kept per connection; past this many SQL texts the oldest is dropped. */
export const STATEMENT_CACHE_SIZE = 400;

/**
 * Keeps each compiled statement by its SQL text. The repositories prepare a statement where they run it, and
 * compiling costs more than running a small query (quick find: 60 µs to compile, 16 µs to run). One compiled
 * statement can serve every caller because none binds parameters for good or switches it to pluck, raw, expand or
 * safe integers (tests/unit/electron/db/statements.test.ts holds that); pragmas and transactions compile their own.
 */
function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const statement = kept.get(sql);
    // Still being iterated (the same SQL run inside its own loop): a fresh one, as prepare always gave.
    if (statement?.busy) return compile(sql);
    if (statement !== undefined) {
      // Least recently used goes first: a hit moves to the back.
      kept.delete(sql);
      kept.set(sql, statement);
      return statement;
    }
    const fresh = compile(sql);
    if (kept.size >= STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value as string);
    kept.set(sql, fresh);
    return fresh;
  }) as Db['prepare'];
}

export function configure(db: Db): void {
  cacheStatements(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB of decrypted pages (SQLite's default keeps 2 MB): a practice-wide read such as the outcome figures scans
  // tables larger than that, and every page that falls out of the cache is decrypted and authenticated again.
  db.pragma('cache_size = -65536');
}

/** Creates a new, empty encrypted database file. The caller migrates it. */
export function createDatabase(file: string, key: Buffer): Db {
  if (fs.existsSync(file)) throw new AppError('CONFLICT', 'A practice database already exists here.');
  const db = openFile(file);
  applyKey(db, key);
  configure(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  return db;
}

/** Checks a database file and opens it for use, or throws an AppError whose code says what is wrong. */
export function openDatabase(file: string, key: Buffer, options: { full?: boolean } = {}): Db {
  checkDatabaseFile(file, key, options);
  const db = openFile(file, { fileMustExist: true });
  try {
    applyKey(db, key);
    configure(db);
    return db;
  } catch (err) {
    db.close();
    throw classifyOpenError(err, file);
  }
}

const CORE_TABLES = ['users', 'audit_log', 'settings', 'clinic_profile'];

export function checkDatabaseFile(file: string, key: Buffer, options: { full?: boolean } = {}): void {
  const full = options.full ?? true;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('DB_MISSING', `No practice database was found at ${file}.`);
  }
  if (stat.size === 0) {
    throw new AppError(
      'DB_EMPTY',
      'The practice database file is empty (0 bytes). It was probably cut off while being copied or restored. ' +
        'Nothing has been changed; restore the newest backup.',
    );
  }
  checkWritable(file);
  const head = readHead(file, 16);
  if (head === PLAIN_HEADER) {
    throw new AppError(
      'DB_NOT_CLEARLEAF',
      'This file is an unencrypted SQLite database, not a Clearleaf practice database. It was left untouched.',
    );
  }
  if (stat.size % PAGE_SIZE !== 0) {
    throw truncated(file);
  }
  const db = openFile(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    // page_count reads the decrypted header: it fails when page 1 cannot be decrypted (not ours, or overwritten)
    // and when the header counts more pages than the file holds (cut off at a page boundary).
    let pages: number;
    try {
      pages = db.pragma('page_count', { simple: true }) as number;
    } catch (err) {
      throw classifyOpenError(err, file, 'header');
    }
    // With committed frames still in the WAL (after a crash, or while another connection is open) the main file
    // may legitimately be shorter than the page count; quick_check below reads through the WAL either way.
    if (pages * PAGE_SIZE > stat.size && walBytes(file) === 0) throw truncated(file);
    let check: unknown;
    try {
      check = full ? db.pragma('quick_check', { simple: true }) : sampleCheck(db);
    } catch (err) {
      throw classifyOpenError(err, file, 'pages');
    }
    if (check !== 'ok') throw corrupt();
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== APPLICATION_ID) {
      throw new AppError('DB_NOT_CLEARLEAF', 'This database belongs to another program, not to Clearleaf.');
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new AppError(
        'DB_NEWER_VERSION',
        `This practice database was written by a newer version of Clearleaf (schema ${version}; this version knows ` +
          `up to ${LATEST_VERSION}). Install the newer version to open it. Nothing has been changed.`,
      );
    }
  } finally {
    db.close();
  }
}

/** The bounded check: schema present and each table's first and last row readable. 'ok' or what is wrong. */
function sampleCheck(db: Db): string {
  const user = db.pragma('user_version', { simple: true }) as number;
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .all() as Array<{ name: string }>;
  if (user > 0) {
    const names = new Set(tables.map((t) => t.name));
    const missing = CORE_TABLES.filter((t) => !names.has(t));
    if (missing.length > 0) return `missing tables: ${missing.join(', ')}`;
  }
  for (const { name } of tables) {
    const q = `"${name.replace(/"/g, '""')}"`;
    const withoutRowid = (() => {
      try {
        db.prepare(`SELECT rowid FROM ${q} LIMIT 0`).all();
        return false;
      } catch {
        return true;
      }
    })();
    if (withoutRowid) {
      db.prepare(`SELECT * FROM ${q} LIMIT 1`).all();
      continue;
    }
    db.prepare(`SELECT * FROM ${q} ORDER BY rowid ASC LIMIT 1`).all();
    db.prepare(`SELECT * FROM ${q} ORDER BY rowid DESC LIMIT 1`).all();
  }
  return 'ok';
}

function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

function readHead(file: string, bytes: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

function checkWritable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new AppError(
      'DB_READ_ONLY',
      `Clearleaf cannot write to ${path.dirname(file)}. The practice database needs a folder you can write to ` +
        '(not a read-only drive, network share or folder owned by another account). Nothing has been changed.',
    );
  }
}

const truncated = (file: string) =>
  new AppError(
    'DB_TRUNCATED',
    `The practice database at ${file} is shorter than it should be: part of the file is missing. ` +
      'Nothing has been changed; restore the newest backup.',
  );

const corrupt = () =>
  new AppError(
    'DB_CORRUPT',
    'The practice database is damaged: some of its pages fail their integrity check. Nothing has been changed; ' +
      'restore the newest backup, and keep the damaged file for your IT support.',
  );

function classifyOpenError(
  err: unknown,
  file: string,
  stage: 'header' | 'pages' | 'open' = 'open',
): AppError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new AppError(
      'DB_UNREADABLE',
      'The practice database cannot be decrypted: its first page is not a Clearleaf database page. The file may ' +
        'have been overwritten or replaced. Nothing has been changed; restore the newest backup.',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_IOERR')) {
    return stage === 'header' ? truncated(file) : corrupt();
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError(
      'DB_READ_ONLY',
      `Clearleaf cannot write to ${path.dirname(file)}. Nothing has been changed.`,
    );
  }
  return new AppError('INTERNAL', 'The practice database could not be opened.', { cause: err });
}
