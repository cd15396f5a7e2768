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
    db.prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u1', 'ana', 'Ana Ruiz', 'LPC', 'clinician', 1)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u2', 'ANA', 'Ana Two', '', 'clinician', 1)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u3', 'bo', 'Bo', '', 'admin', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('0030 audit-log: keeps users, rows are append-only and chained', () => {
    const db = freshDb();
    migrate(db, 20);
    db.prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u1', 'ana', 'Ana Ruiz', 'LPC', 'clinician', 1)`,
    ).run();
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

  const seedUser = (db: Database.Database) =>
    db
      .prepare(
        `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u1', 'ana', 'Ana Ruiz', 'LPC', 'clinician', 1)`,
      )
      .run();
  const seedClient = (db: Database.Database) =>
    db
      .prepare(
        `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
           admission_date, status, created_at_ms, updated_at_ms)
         VALUES ('c1', 'C-000001', 'José', 'Núñez', 'nunez, jose', '1990-01-01', 'male', '2026-11-01', 'active', 1, 1)`,
      )
      .run();

  it('0050 clients: keeps settings, indexes names for search, checks status and sex', () => {
    const db = freshDb();
    migrate(db, 40);
    db.prepare(`INSERT INTO settings VALUES ('idleLockMinutes', '5')`).run();
    migrate(db, 50);
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '5' });
    seedClient(db);
    expect(
      db.prepare(`SELECT client_id FROM client_search WHERE client_search MATCH '"nun"*'`).get(),
    ).toEqual({
      client_id: 'c1',
    });
    db.prepare(`UPDATE clients SET legal_last_name = 'Ortiz' WHERE id = 'c1'`).run();
    expect(
      db.prepare(`SELECT count(*) AS n FROM client_search WHERE client_search MATCH 'nunez'`).get(),
    ).toEqual({ n: 0 });
    expect(() => db.prepare(`UPDATE clients SET status = 'gone' WHERE id = 'c1'`).run()).toThrow(/CHECK/);
  });

  it('0060 intake: keeps clients, one JSON row per section', () => {
    const db = freshDb();
    migrate(db, 50);
    seedUser(db);
    seedClient(db);
    migrate(db, 60);
    expect(db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });
    db.prepare(`INSERT INTO intake_sections VALUES ('c1', 'kratom', '{"dosesPerDay":4}', 1, 'u1')`).run();
    expect(() =>
      db.prepare(`INSERT INTO intake_sections VALUES ('c1', 'hobbies', '{}', 1, 'u1')`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO intake_sections VALUES ('c1', 'medical', 'not json', 1, 'u1')`).run(),
    ).toThrow(/CHECK/);
  });

  it('0070 use-log: keeps intake, refuses non-positive and huge amounts', () => {
    const db = freshDb();
    migrate(db, 60);
    seedUser(db);
    seedClient(db);
    db.prepare(`INSERT INTO intake_sections VALUES ('c1', 'kratom', '{}', 1, 'u1')`).run();
    migrate(db, 70);
    expect(db.prepare('SELECT count(*) AS n FROM intake_sections').get()).toEqual({ n: 1 });
    const insert = db.prepare(
      `INSERT INTO use_log (id, client_id, taken_at_ms, product, form, amount_grams, recorded_at_ms, recorded_by)
       VALUES (?, 'c1', 1, 'powder', 'leaf-powder', ?, 1, 'u1')`,
    );
    insert.run('d1', 3.5);
    expect(() => insert.run('d2', -1)).toThrow(/CHECK/);
    expect(() => insert.run('d3', 250)).toThrow(/CHECK/);
  });

  it('0080 consents: keeps the use log, never deletes a consent', () => {
    const db = freshDb();
    migrate(db, 70);
    seedUser(db);
    seedClient(db);
    db.prepare(
      `INSERT INTO use_log (id, client_id, taken_at_ms, product, form, amount_grams, recorded_at_ms, recorded_by)
       VALUES ('d1', 'c1', 1, 'powder', 'leaf-powder', 2, 1, 'u1')`,
    ).run();
    migrate(db, 80);
    expect(db.prepare('SELECT count(*) AS n FROM use_log').get()).toEqual({ n: 1 });
    db.prepare(
      `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by) VALUES ('k1', 'c1', 'tpo', '{}', 1, 'u1')`,
    ).run();
    expect(() => db.prepare(`DELETE FROM consents`).run()).toThrow(/never deleted/);
  });

  it('0090 assessments: keeps consents; a signed row cannot change or be deleted, a draft can', () => {
    const db = freshDb();
    migrate(db, 80);
    seedUser(db);
    seedClient(db);
    db.prepare(
      `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by) VALUES ('k1', 'c1', 'tpo', '{}', 1, 'u1')`,
    ).run();
    migrate(db, 90);
    expect(db.prepare('SELECT count(*) AS n FROM consents').get()).toEqual({ n: 1 });
    const insert = db.prepare(
      `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total, band,
         administered_at_ms, administered_by, created_at_ms, updated_at_ms, signed_at_ms, signed_by)
       VALUES (?, 'c1', 'gad7', '1', '{}', 'complete', 7, 'mild', 1, 'u1', 1, 1, ?, ?)`,
    );
    insert.run('draft', null, null);
    insert.run('signed', 5, 'u1');
    db.prepare(`UPDATE assessments SET total = 8 WHERE id = 'draft'`).run();
    db.prepare(`DELETE FROM assessments WHERE id = 'draft'`).run();
    expect(() => db.prepare(`UPDATE assessments SET total = 8 WHERE id = 'signed'`).run()).toThrow(/signed/);
    expect(() => db.prepare(`DELETE FROM assessments WHERE id = 'signed'`).run()).toThrow(/signed/);
  });

  it('0100 level-of-care: keeps assessments; decisions are append-only', () => {
    const db = freshDb();
    migrate(db, 90);
    seedUser(db);
    seedClient(db);
    db.prepare(
      `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, administered_at_ms,
         administered_by, created_at_ms, updated_at_ms) VALUES ('a1', 'c1', 'cows', '1', '{}', 1, 'u1', 1, 1)`,
    ).run();
    migrate(db, 100);
    expect(db.prepare('SELECT count(*) AS n FROM assessments').get()).toEqual({ n: 1 });
    db.prepare(
      `INSERT INTO level_of_care_decisions VALUES ('d1', 'c1', 'detox', 'detox', '{}', '[]', 1, 'u1')`,
    ).run();
    expect(() => db.prepare(`UPDATE level_of_care_decisions SET level = 'taper'`).run()).toThrow(/record/);
    expect(() => db.prepare(`DELETE FROM level_of_care_decisions`).run()).toThrow(/record/);
  });

  it('0110 alerts: keeps decisions; one alert per source and kind; acknowledged once; never deleted', () => {
    const db = freshDb();
    migrate(db, 100);
    seedUser(db);
    seedClient(db);
    db.prepare(
      `INSERT INTO level_of_care_decisions VALUES ('d1', 'c1', 'detox', 'detox', '{}', '[]', 1, 'u1')`,
    ).run();
    migrate(db, 110);
    expect(db.prepare('SELECT count(*) AS n FROM level_of_care_decisions').get()).toEqual({ n: 1 });
    const raise = db.prepare(
      `INSERT INTO alerts (id, client_id, kind, source_type, source_id, raised_at_ms, raised_by)
       VALUES (?, 'c1', 'phq9-item9', 'assessment', 'a1', 1, 'u1') ON CONFLICT DO NOTHING`,
    );
    expect(raise.run('x1').changes).toBe(1);
    expect(raise.run('x2').changes).toBe(0);
    db.prepare(
      `UPDATE alerts SET acknowledged_at_ms = 2, acknowledged_by = 'u1', acknowledgement = '{}'`,
    ).run();
    expect(() => db.prepare(`UPDATE alerts SET acknowledgement = '{"x":1}'`).run()).toThrow(/acknowledged/);
    expect(() => db.prepare(`DELETE FROM alerts`).run()).toThrow(/never deleted/);
  });

  it('0120 treatment-plans: keeps alerts; plan versions are never changed or removed', () => {
    const db = freshDb();
    migrate(db, 110);
    seedUser(db);
    seedClient(db);
    db.prepare(
      `INSERT INTO alerts (id, client_id, kind, source_type, source_id, raised_at_ms, raised_by)
       VALUES ('x1', 'c1', 'phq9-item9', 'assessment', 'a1', 1, 'u1')`,
    ).run();
    migrate(db, 120);
    expect(db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual({ n: 1 });
    db.prepare(`INSERT INTO treatment_plan_versions VALUES ('c1', 1, '{}', 1, 'u1')`).run();
    expect(() =>
      db.prepare(`INSERT INTO treatment_plan_versions VALUES ('c1', 1, '{}', 2, 'u1')`).run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare(`UPDATE treatment_plan_versions SET plan = '[]'`).run()).toThrow(/new version/);
    expect(() => db.prepare(`DELETE FROM treatment_plan_versions`).run()).toThrow(/new version/);
  });

  it('0130 notes: keeps plans; search follows drafts; a signed note only takes a co-signature, once', () => {
    const db = freshDb();
    migrate(db, 120);
    seedUser(db);
    seedClient(db);
    db.prepare(`INSERT INTO treatment_plan_versions VALUES ('c1', 1, '{}', 1, 'u1')`).run();
    migrate(db, 130);
    expect(db.prepare('SELECT count(*) AS n FROM treatment_plan_versions').get()).toEqual({ n: 1 });
    db.prepare(
      `INSERT INTO notes (id, client_id, kind, content, session_date, search_text, author_id, created_at_ms, updated_at_ms)
       VALUES ('n1', 'c1', 'progress', '{}', '2026-11-23', 'urge surfing at work', 'u1', 1, 1)`,
    ).run();
    const hits = (q: string) =>
      (db.prepare(`SELECT count(*) AS n FROM note_search WHERE note_search MATCH ?`).get(q) as { n: number })
        .n;
    expect(hits('surfing')).toBe(1);
    db.prepare(`UPDATE notes SET search_text = 'breathing exercise' WHERE id = 'n1'`).run();
    expect([hits('surfing'), hits('breathing')]).toEqual([0, 1]);
    db.prepare(
      `UPDATE notes SET signed_at_ms = 5, signed_by = 'u1', content_hash = 'h' WHERE id = 'n1'`,
    ).run();
    expect(() => db.prepare(`UPDATE notes SET search_text = 'x' WHERE id = 'n1'`).run()).toThrow(
      /signed note/,
    );
    db.prepare(`UPDATE notes SET cosigned_at_ms = 6, cosigned_by = 'u1' WHERE id = 'n1'`).run();
    expect(() => db.prepare(`UPDATE notes SET cosigned_at_ms = 7 WHERE id = 'n1'`).run()).toThrow(
      /signed note/,
    );
    db.prepare(`INSERT INTO note_addenda VALUES ('d1', 'n1', 'addendum about sleep', 8, 'u1', 'h2')`).run();
    expect(hits('sleep')).toBe(1);
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
