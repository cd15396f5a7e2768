/** 0400 administrator: the earliest account of an existing practice becomes its administrator; others do not. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../electron/db/migrations';
import { administrator } from '../../../../electron/db/migrations/0400-administrator';

const previous = MIGRATIONS[MIGRATIONS.indexOf(administrator) - 1]?.version ?? 0;

describe('migration 0400 administrator', () => {
  it('makes the first account the administrator and refuses other values', () => {
    const db = new Database(':memory:');
    migrate(db, previous);
    const add = db.prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES (?, ?, ?, '', ?, ?)`,
    );
    add.run('u2', 'later', 'Nguyễn Thị Ánh', 'supervisor', 200);
    add.run('u1', 'first', 'Jan Łukasiewicz', 'clinician', 100);
    migrate(db, administrator.version);
    const rows = db.prepare('SELECT id, administrator FROM users ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'u1', administrator: 1 },
      { id: 'u2', administrator: 0 },
    ]);
    expect(() => db.prepare(`UPDATE users SET administrator = 2 WHERE id = 'u2'`).run()).toThrow(/CHECK/);
  });
});
