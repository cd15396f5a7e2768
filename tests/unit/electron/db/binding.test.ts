import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFile, useSqliteBinding } from '../../../../electron/db/connection';
import { tempDir } from '../../../support/fixtures';

const nodeBuild = createRequire(__filename).resolve('better-sqlite3/build/Release/better_sqlite3.node');

describe('which compiled better-sqlite3 is loaded', () => {
  afterEach(() => {
    useSqliteBinding(null);
    delete process.env.CLEARLEAF_SQLITE_BINDING;
  });

  it('loads the shipped build named by the installed app, and nothing else', () => {
    const dir = tempDir();
    useSqliteBinding(path.join(dir, 'missing.node'));
    expect(() => openFile(':memory:')).toThrow(/missing\.node/);

    const shipped = path.join(dir, 'better_sqlite3.node');
    fs.copyFileSync(nodeBuild, shipped);
    useSqliteBinding(shipped);
    process.env.CLEARLEAF_SQLITE_BINDING = path.join(dir, 'elsewhere.node');
    const db = openFile(':memory:');
    expect(db.prepare('select 1 + 1 as two').get()).toEqual({ two: 2 });
    db.close();
  });

  it('takes the development build from CLEARLEAF_SQLITE_BINDING when nothing is shipped', () => {
    process.env.CLEARLEAF_SQLITE_BINDING = path.join(tempDir(), 'dev-build.node');
    expect(() => openFile(':memory:')).toThrow(/dev-build\.node/);
    delete process.env.CLEARLEAF_SQLITE_BINDING;
    const db = openFile(':memory:');
    expect(db.pragma('cipher', { simple: true })).toBeTruthy();
    db.close();
  });
});
