/**
 * 0520 plan disclosures: the accounting is rebuilt to also take printed plans; every row is kept exactly, and the
 * guards (same client's consent, never changed, never deleted) hold as before.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { planDisclosures } from '../../../../electron/db/migrations/0520-plan-disclosures';
import { databaseBefore, seedClinician } from '../../../support/migrations';

function seeded(): Database.Database {
  const db = databaseBefore(planDisclosures);
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
     VALUES (?, ?, 'tpo', '{"expiryKind":"date"}', 1, 'u1')`,
  );
  consent.run('k1', 'c1');
  consent.run('k2', 'c2');
  disclose(db, { id: 'd1', source_type: 'note' });
  disclose(db, { id: 'd2', source_type: 'note', disclosed_at_ms: 9 });
  return db;
}

function disclose(db: Database.Database, over: Record<string, unknown>) {
  return db
    .prepare(
      `INSERT INTO disclosures (id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient,
         recipient_address, purpose, what, source_type, source_id, notice_version)
       VALUES (@id, @client_id, @consent_id, @disclosed_at_ms, 'u1', @recipient, '', 'Care', 'What',
         @source_type, 'n1', '2024-rule-statement-1')`,
    )
    .run({ client_id: 'c1', consent_id: 'k1', disclosed_at_ms: 5, recipient: 'Dr. Ilse Verhoeven', ...over });
}

describe('migration 0520 plan disclosures', () => {
  it('keeps every disclosure exactly, in order', () => {
    expect(planDisclosures.version).toBe(520);
    const db = seeded();
    const before = db.prepare('SELECT rowid, * FROM disclosures ORDER BY rowid').all();
    migrate(db, planDisclosures.version);
    expect(schemaVersion(db)).toBe(520);
    expect(db.prepare('SELECT rowid, * FROM disclosures ORDER BY rowid').all()).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps a guard another migration added, whatever it is', () => {
    const db = seeded();
    db.exec(`CREATE TRIGGER disclosures_guard_from_elsewhere BEFORE INSERT ON disclosures
      WHEN NEW.recipient = 'Nobody' BEGIN SELECT RAISE(ABORT, 'guard from elsewhere'); END;`);
    migrate(db, planDisclosures.version);
    expect(() => disclose(db, { id: 'd9', source_type: 'recovery-plan', recipient: 'Nobody' })).toThrow(
      /guard from elsewhere/,
    );
  });

  it('takes printed plans and keeps every guard', () => {
    const db = seeded();
    migrate(db, planDisclosures.version);
    disclose(db, { id: 'd3', source_type: 'recovery-plan' });
    expect(() => disclose(db, { id: 'd4', source_type: 'letter' })).toThrow(/CHECK/);
    expect(() => disclose(db, { id: 'd5', source_type: 'note', consent_id: 'k2' })).toThrow(/same client/);
    expect(() => db.prepare(`UPDATE disclosures SET purpose = 'Other'`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`DELETE FROM disclosures`).run()).toThrow(/never deleted/);
    expect(db.prepare('SELECT count(*) AS n FROM disclosures').get()).toEqual({ n: 3 });
    expect(
      (
        db
          .prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'disclosures' ORDER BY name`)
          .all() as Array<{ name: string }>
      ).map((r) => r.name),
    ).toEqual([
      'disclosures',
      'disclosures_by_client',
      'disclosures_consent_of_client',
      'disclosures_no_delete',
      'disclosures_no_update',
      'disclosures_single_use',
      'sqlite_autoindex_disclosures_1',
    ]);
  });
});
