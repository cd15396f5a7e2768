/**
 * 0770 disclosures-consent-in-force: after it, the database refuses a disclosure under a consent that is revoked or
 * whose ending event is recorded, still takes one under a consent in force or at the client's own request, and keeps
 * the older guards (same client, single use, history never changed).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { disclosuresConsentInForce } from '../../../../electron/db/migrations/0770-disclosures-consent-in-force';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

function seeded(): Database.Database {
  const db = databaseBefore(disclosuresConsentInForce);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Siobhán', 'O’Brien', 'o’brien, siobhán', '1984-03-09', 'female', '2026-11-01',
       'active', 1, 1)`,
  ).run();
  const consent = db.prepare(
    `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by) VALUES (?, 'c1', ?, ?, 1, 'u1')`,
  );
  consent.run('open', 'tpo', '{"expiryKind":"date"}');
  consent.run('once', 'single-disclosure', '{"expiryKind":"date"}');
  consent.run('revoked', 'tpo', '{"expiryKind":"date"}');
  consent.run('ended', 'tpo', '{"expiryKind":"discharge"}');
  return db;
}

const disclose = (db: Database.Database, id: string, consentId: string | null) =>
  db
    .prepare(
      `INSERT INTO disclosures (id, client_id, basis, consent_id, disclosed_at_ms, disclosed_by, recipient,
         recipient_address, purpose, what, source_type, source_id, notice_version)
       VALUES (?, 'c1', ?, ?, 9, 'u1', 'Dr. Ilse Verhoeven', '', 'Continuity of care', 'Record export', 'export',
         'x1', '2024-rule-statement-1')`,
    )
    .run(id, consentId ? 'consent' : 'client-request', consentId);

describe('migration 0770 disclosures-consent-in-force', () => {
  it('comes right after the migration before it', () => {
    expect(versionBefore(disclosuresConsentInForce)).toBeGreaterThan(0);
    expect(disclosuresConsentInForce.version).toBe(770);
  });

  it('refuses a disclosure under a revoked or ended consent; takes one under a consent in force', () => {
    const db = seeded();
    const revoke = () =>
      db
        .prepare(
          `UPDATE consents SET revoked_on = '2026-11-20', revoked_how = 'in-writing', revoked_note = '',
             revoked_at_ms = 9, revoked_by = 'u1' WHERE id = 'revoked'`,
        )
        .run();
    revoke();
    db.prepare(
      `UPDATE consents SET ended_on = '2026-11-21', ended_at_ms = 9, ended_by = 'u1' WHERE id = 'ended'`,
    ).run();
    migrate(db, disclosuresConsentInForce.version);
    expect(schemaVersion(db)).toBe(770);
    expect(() => disclose(db, 'd1', 'revoked')).toThrow(/revoked or ended consent cannot be used/);
    expect(() => disclose(db, 'd2', 'ended')).toThrow(/revoked or ended consent cannot be used/);
    disclose(db, 'd3', 'open');
    disclose(db, 'd4', null);
    disclose(db, 'd5', 'once');
    expect(() => disclose(db, 'd6', 'once')).toThrow(/already been used/);
    expect(() => db.prepare(`DELETE FROM disclosures WHERE id = 'd3'`).run()).toThrow(/never deleted/);
    expect(
      (db.prepare('SELECT id FROM disclosures ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id),
    ).toEqual(['d3', 'd4', 'd5']);
  });

  it('keeps every trigger the accounting had before it', () => {
    const db = seeded();
    const triggers = () =>
      (
        db
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'disclosures' ORDER BY name`,
          )
          .all() as Array<{ name: string }>
      ).map((r) => r.name);
    const before = triggers();
    migrate(db, disclosuresConsentInForce.version);
    expect(triggers()).toEqual([...before, 'disclosures_consent_in_force'].sort());
    expect(before).toEqual(
      expect.arrayContaining([
        'disclosures_consent_of_client',
        'disclosures_single_use',
        'disclosures_no_update',
      ]),
    );
  });
});
