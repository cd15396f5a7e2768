/**
 * 0710 discharge-summaries: a draft changes freely and may be deleted; signing sets who, when, credentials, hash and
 * the discharge together; a signed summary is refused any change and its deletion; one draft per client.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { dischargeSummaries } from '../../../../electron/db/migrations/0710-discharge-summaries';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

function migrated(): Database.Database {
  const db = databaseBefore(dischargeSummaries);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Ines', 'Halvorsen', 'halvorsen, ines', '1979-08-02', 'female', '2026-11-01',
       'discharged', 1, 1)`,
  ).run();
  db.prepare(
    `INSERT INTO client_discharges (id, client_id, discharged_on, discharge_type, recorded_at_ms, recorded_by)
     VALUES ('d1', 'c1', '2026-11-30', 'completed', 5, 'u1')`,
  ).run();
  migrate(db, dischargeSummaries.version);
  return db;
}

const draft = (db: Database.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO discharge_summaries (id, client_id, content, created_at_ms, created_by, updated_at_ms)
       VALUES (?, 'c1', '{"written":{}}', 1, 'u1', 1)`,
    )
    .run(id);

describe('migration 0710 discharge-summaries', () => {
  it('comes right after the migration before it', () => {
    expect(versionBefore(dischargeSummaries)).toBeGreaterThan(0);
    expect(dischargeSummaries.version).toBe(710);
  });

  it('keeps a signed summary as it was and allows one draft per client', () => {
    const db = migrated();
    expect(schemaVersion(db)).toBe(710);
    draft(db, 's1');
    expect(() => draft(db, 's2')).toThrow(/UNIQUE/);
    db.prepare(
      `UPDATE discharge_summaries SET content = '{"written":{"a":1}}', updated_at_ms = 2 WHERE id = 's1'`,
    ).run();
    // Signing sets every signature column together.
    expect(() => db.prepare(`UPDATE discharge_summaries SET signed_at_ms = 3 WHERE id = 's1'`).run()).toThrow(
      /CHECK/,
    );
    db.prepare(
      `UPDATE discharge_summaries SET signed_at_ms = 3, signed_by = 'u1', signer_credentials = 'LCSW',
         content_hash = 'abc', discharge_id = 'd1' WHERE id = 's1'`,
    ).run();
    expect(() => db.prepare(`UPDATE discharge_summaries SET content = '{}' WHERE id = 's1'`).run()).toThrow(
      /kept as it was/,
    );
    expect(() => db.prepare(`DELETE FROM discharge_summaries WHERE id = 's1'`).run()).toThrow(
      /never deleted/,
    );
    // With the first signed, a new draft may start (a re-admitted client discharged again); a draft may be deleted.
    draft(db, 's2');
    db.prepare(`DELETE FROM discharge_summaries WHERE id = 's2'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM discharge_summaries').get()).toEqual({ n: 1 });
  });
});
