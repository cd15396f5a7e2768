import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../../electron/db/migrations';
import { appendAudit, verifyAuditChain } from '../../../../electron/db/repositories/audit';

/** Each migration: migrate to N−1, seed rows, migrate to N, check the rows and the new schema. */
const freshDb = () => new Database(':memory:');

const tables = (db: Database.Database) =>
  (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);

describe('migrations', () => {
  it('are numbered in tens, strictly increasing, and end at LATEST_VERSION', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  it('applies all, each with its user_version, and is idempotent', () => {
    const db = freshDb();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
  });

  it('refuses a schema newer than the app', () => {
    const db = freshDb();
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });

  it('rolls a failing migration back whole, leaving user_version where it was', () => {
    const db = freshDb();
    migrate(db, 10);
    db.exec('CREATE TABLE users (x TEXT) STRICT'); // makes 0020 fail half-way
    expect(() => migrate(db, 20)).toThrow();
    expect(schemaVersion(db)).toBe(10);
  });

  it('0010 clinic-profile: one row only', () => {
    const db = freshDb();
    migrate(db, 10);
    db.prepare(`INSERT INTO clinic_profile VALUES (1, 'Clinic', 'Addr', '555', 1)`).run();
    expect(() => db.prepare(`INSERT INTO clinic_profile VALUES (2, 'B', 'C', 'D', 1)`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`INSERT INTO clinic_profile VALUES (1, 2, 'C', 'D', 'x')`).run()).toThrow();
  });

  it('0020 users: keeps the clinic row, usernames unique regardless of case, roles checked', () => {
    const db = freshDb();
    migrate(db, 10);
    db.prepare(`INSERT INTO clinic_profile VALUES (1, 'Clinic', 'Addr', '555', 1)`).run();
    migrate(db, 20);
    expect(db.prepare('SELECT name FROM clinic_profile').get()).toEqual({ name: 'Clinic' });
    db.prepare(`INSERT INTO users VALUES ('u1', 'ana', 'Ana Ruiz', 'LPC', 'clinician', 1)`).run();
    expect(() =>
      db.prepare(`INSERT INTO users VALUES ('u2', 'ANA', 'Ana Two', '', 'clinician', 1)`).run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO users VALUES ('u3', 'bo', 'Bo', '', 'admin', 1)`).run()).toThrow(
      /CHECK/,
    );
  });

  it('0030 audit-log: keeps users, rows are append-only and chained', () => {
    const db = freshDb();
    migrate(db, 20);
    db.prepare(`INSERT INTO users VALUES ('u1', 'ana', 'Ana Ruiz', 'LPC', 'clinician', 1)`).run();
    migrate(db, 30);
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    appendAudit(db, { atMs: 1, userId: 'u1', action: 'create', entity: 'user', entityId: 'u1' });
    appendAudit(db, { atMs: 2, userId: 'u1', action: 'unlock', entity: 'session', entityId: null });
    expect(verifyAuditChain(db)).toEqual({ rows: 2, ok: true, firstBadId: null });
    expect(() => db.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });

  it('0040 settings: keeps the audit log, stores key-value pairs', () => {
    const db = freshDb();
    migrate(db, 30);
    appendAudit(db, { atMs: 1, userId: null, action: 'create', entity: 'practice', entityId: null });
    migrate(db, 40);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(tables(db)).toContain('settings');
    db.prepare(`INSERT INTO settings VALUES ('idleLockMinutes', '5')`).run();
    expect(() => db.prepare(`INSERT INTO settings VALUES ('idleLockMinutes', '6')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
  });

  it('detects an audit row changed behind the triggers', () => {
    const db = freshDb();
    migrate(db);
    appendAudit(db, { atMs: 1, userId: null, action: 'create', entity: 'practice', entityId: null });
    appendAudit(db, { atMs: 2, userId: null, action: 'backup', entity: 'practice', entityId: null });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET action = 'restore' WHERE id = 2`).run();
    expect(verifyAuditChain(db)).toEqual({ rows: 2, ok: false, firstBadId: 2 });
  });
});
