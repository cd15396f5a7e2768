/**
 * The connection keeps compiled statements by their SQL (electron/db/connection.ts). That is only sound while no
 * code changes a statement for the callers after it: binding parameters for good, or switching it to pluck, raw,
 * expand or safe integers. These tests hold the cache's behaviour and read the sources for those calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configure, openFile, STATEMENT_CACHE_SIZE } from '../../../../electron/db/connection';

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('compiled statements kept by the connection', () => {
  it('compiles each SQL text once and gives every caller the same answers', () => {
    const db = openFile(':memory:');
    configure(db);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    expect(db.prepare('INSERT INTO t (name) VALUES (?)')).toBe(insert);
    insert.run('Đặng');
    db.prepare('INSERT INTO t (name) VALUES (?)').run('Łukasiewicz');
    expect(db.prepare('SELECT name FROM t ORDER BY id').all()).toEqual([
      { name: 'Đặng' },
      { name: 'Łukasiewicz' },
    ]);
    // A pragma on the same connection is its own statement, and does not disturb the kept ones.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: 'Łukasiewicz' });
    // A table changed after a statement was compiled: SQLite recompiles it, and the kept one sees the change.
    db.exec('ALTER TABLE t ADD COLUMN chart TEXT');
    db.prepare('UPDATE t SET chart = ? WHERE id = ?').run('C-000002', 2);
    expect(db.prepare('SELECT * FROM t ORDER BY id').all()).toEqual([
      { id: 1, name: 'Đặng', chart: null },
      { id: 2, name: 'Łukasiewicz', chart: 'C-000002' },
    ]);
    db.close();
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const db = openFile(':memory:');
    configure(db);
    const first = db.prepare('SELECT 0');
    const hot = db.prepare('SELECT -1');
    for (let i = 1; i < STATEMENT_CACHE_SIZE; i += 1) {
      db.prepare(`SELECT ${i}`);
      if (i % 50 === 0) expect(db.prepare('SELECT -1')).toBe(hot);
    }
    db.prepare(`SELECT ${STATEMENT_CACHE_SIZE}`);
    expect(db.prepare('SELECT -1')).toBe(hot);
    expect(db.prepare('SELECT 0')).not.toBe(first);
    db.close();
  });

  it('gives a fresh statement for SQL run inside its own iteration', () => {
    const db = openFile(':memory:');
    configure(db);
    db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const sql = 'SELECT n FROM t ORDER BY n';
    const seen: number[][] = [];
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ n: number }>) {
      seen.push([row.n, (db.prepare(sql).all() as Array<{ n: number }>).length]);
    }
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    // Once the loop is done the kept statement serves again.
    expect(db.prepare(sql).all()).toHaveLength(3);
    db.close();
  });

  it('no main-process, test-support or bench code binds a statement for good or switches its mode', () => {
    const offending = ['electron', 'tests/support', 'tests/bench']
      .flatMap((dir) => sourcesUnder(path.resolve(dir)))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            // A method bound to its own object (`page.end.bind(page)`) is a function's bind, not a statement's.
            /\.(pluck|raw|expand|safeIntegers|bind)\(/.test(line) &&
            !/\b(\w+)\.\w+\.bind\(\1\)|\.bind\(this\)/.test(line)
              ? [`${path.relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(offending).toEqual([]);
  });
});
