/**
 * 0160 disclosures: migrate to the version before it, seed a client with consents, migrate, and check that the
 * consents are kept as they were, that a disclosure is recorded only under a consent of the same client with every
 * element, and that the accounting can be neither changed nor deleted.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { disclosures } from '../../../../electron/db/migrations/0160-disclosures';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

const previous = versionBefore(disclosures);

function seeded(): Database.Database {
  const db = databaseBefore(disclosures);
  seedClinician(db);
  const client = db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES (?, ?, 'Ines', 'Halvorsen', 'halvorsen, ines', '1979-08-02', 'female', '2026-11-01', 'active', 1, 1)`,
  );
  client.run('c1', 'C-000001');
  client.run('c2', 'C-000002');
  const consent = db.prepare(
    `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by)
     VALUES (?, ?, 'sud-counselling-notes', '{"expiryKind":"date"}', 1, 'u1')`,
  );
  consent.run('k1', 'c1');
  consent.run('k2', 'c2');
  return db;
}

const disclose = (db: Database.Database, over: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO disclosures (id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient,
         recipient_address, purpose, what, source_type, source_id, notice_version)
       VALUES (@id, @client_id, @consent_id, 5, @disclosed_by, @recipient, '', @purpose,
         'Progress note, session 2026-11-20', @source_type, 'n1', '2024-rule-statement-1')`,
    )
    .run({
      id: 'd1',
      client_id: 'c1',
      consent_id: 'k1',
      disclosed_by: 'u1',
      recipient: 'Dr. Ilse Verhoeven',
      purpose: 'Continuity of care',
      source_type: 'note',
      ...over,
    });

describe('migration 0160 disclosures', () => {
  it('comes right after the migration before it, in order', () => {
    expect(versionBefore(disclosures)).toBeGreaterThan(0);
    expect(disclosures.version).toBe(160);
    expect(previous).toBe(150);
  });

  it('keeps every consent as it was and starts with an empty accounting', () => {
    const db = seeded();
    const before = db.prepare('SELECT * FROM consents ORDER BY id').all();
    migrate(db, disclosures.version);
    expect(schemaVersion(db)).toBe(160);
    expect(db.prepare('SELECT * FROM consents ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM disclosures').get()).toEqual({ n: 0 });
  });

  it('records a disclosure under a consent of the same client, and refuses any change or deletion', () => {
    const db = seeded();
    migrate(db, disclosures.version);
    disclose(db);
    expect(db.prepare('SELECT recipient, consent_id FROM disclosures').get()).toEqual({
      recipient: 'Dr. Ilse Verhoeven',
      consent_id: 'k1',
    });
    expect(() => disclose(db, { id: 'd2', consent_id: 'k2' })).toThrow(/same client/);
    expect(() => disclose(db, { id: 'd3', recipient: ' ' })).toThrow(/CHECK/);
    expect(() => disclose(db, { id: 'd4', purpose: '' })).toThrow(/CHECK/);
    expect(() => disclose(db, { id: 'd5', source_type: 'letter' })).toThrow(/CHECK/);
    expect(() => disclose(db, { id: 'd6', disclosed_by: 'nobody' })).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE disclosures SET purpose = 'Other'`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`DELETE FROM disclosures`).run()).toThrow(/never deleted/);
    expect(db.prepare('SELECT count(*) AS n FROM disclosures').get()).toEqual({ n: 1 });
  });
});
