/**
 * 0600 record exports: migrate to the version before it, seed an accounting with a note disclosure, migrate, and
 * check that the row is kept as it was (now with the basis 'consent'), that an export at the client's own request
 * needs no consent while a consent basis still needs one of the same client, and that the accounting still can be
 * neither changed nor deleted.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { recordExports } from '../../../../electron/db/migrations/0600-record-exports';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

const previous = versionBefore(recordExports);

function seeded(): Database.Database {
  const db = databaseBefore(recordExports);
  seedClinician(db);
  const client = db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES (?, ?, 'Łucja', 'Đặng', 'dang, lucja', '1983-02-11', 'female', '2026-11-01', 'active', 1, 1)`,
  );
  client.run('c1', 'C-000001');
  client.run('c2', 'C-000002');
  const consent = db.prepare(
    `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by)
     VALUES (?, ?, 'tpo', '{"expiryKind":"date"}', 1, 'u1')`,
  );
  consent.run('k1', 'c1');
  consent.run('k2', 'c2');
  db.prepare(
    `INSERT INTO disclosures (id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient,
       recipient_address, purpose, what, source_type, source_id, notice_version)
     VALUES ('d0', 'c1', 'k1', 5, 'u1', 'Dr. Ilse Verhoeven', '4 Pine St', 'Continuity of care',
       'Progress note, session 2026-11-20', 'note', 'n1', '2024-rule-statement-1')`,
  ).run();
  return db;
}

const disclose = (db: Database.Database, over: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO disclosures (id, client_id, basis, consent_id, disclosed_at_ms, disclosed_by, recipient,
         recipient_address, purpose, what, source_type, source_id, notice_version)
       VALUES (@id, @client_id, @basis, @consent_id, 9, 'u1', 'Siobhán O’Brien', '', 'Transfer of care',
         'Record export', @source_type, 'x1', '2024-rule-statement-1')`,
    )
    .run({ id: 'd1', client_id: 'c1', basis: 'consent', consent_id: 'k1', source_type: 'export', ...over });

describe('migration 0600 record exports', () => {
  it('comes after the migration before it, in order', () => {
    expect(versionBefore(recordExports)).toBeGreaterThan(0);
    expect(recordExports.version).toBe(600);
    expect(previous).toBeLessThan(600);
  });

  it('keeps every disclosure as it was, made under its consent', () => {
    const db = seeded();
    const before = db.prepare('SELECT * FROM disclosures').get() as Record<string, unknown>;
    migrate(db, recordExports.version);
    expect(schemaVersion(db)).toBe(600);
    expect(db.prepare('SELECT * FROM disclosures').all()).toEqual([{ ...before, basis: 'consent' }]);
  });

  it('records an export under a consent, or at the client’s own request without one', () => {
    const db = seeded();
    migrate(db, recordExports.version);
    disclose(db);
    disclose(db, { id: 'd2', basis: 'client-request', consent_id: null });
    expect(
      db.prepare(`SELECT id, basis, consent_id FROM disclosures WHERE id <> 'd0' ORDER BY id`).all(),
    ).toEqual([
      { id: 'd1', basis: 'consent', consent_id: 'k1' },
      { id: 'd2', basis: 'client-request', consent_id: null },
    ]);
  });

  it('refuses a consent basis with no consent, an own request with one, and another client’s consent', () => {
    const db = seeded();
    migrate(db, recordExports.version);
    expect(() => disclose(db, { consent_id: null })).toThrow(/CHECK/);
    expect(() => disclose(db, { basis: 'client-request' })).toThrow(/CHECK/);
    expect(() => disclose(db, { basis: 'nobody-asked', consent_id: null })).toThrow(/CHECK/);
    expect(() => disclose(db, { consent_id: 'k2' })).toThrow(/consent of the same client/);
    expect(() => disclose(db, { source_type: ' ' })).toThrow(/CHECK/);
  });

  it('keeps migration 0220’s rule: a single-disclosure consent carries one disclosure', () => {
    const db = seeded();
    migrate(db, recordExports.version);
    db.prepare(
      `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by)
       VALUES ('k3', 'c1', 'single-disclosure', '{"expiryKind":"date"}', 1, 'u1')`,
    ).run();
    disclose(db, { id: 'd3', consent_id: 'k3' });
    expect(() => disclose(db, { id: 'd4', consent_id: 'k3' })).toThrow(/already been used/);
  });

  it('still refuses any change or deletion of the accounting', () => {
    const db = seeded();
    migrate(db, recordExports.version);
    expect(() => db.prepare(`UPDATE disclosures SET purpose = 'x'`).run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM disclosures').run()).toThrow(/never deleted/);
  });
});
