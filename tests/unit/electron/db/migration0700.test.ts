/**
 * 0700 consent-end-at-discharge: consents whose ending event was worded as the discharge move to the structured
 * "at discharge", keeping their words; other event-based and date-based consents are kept as they were; an ending
 * event can then be recorded on both kinds of event, never on a date-based consent.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { consentEndAtDischarge } from '../../../../electron/db/migrations/0700-consent-end-at-discharge';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

function seeded(): Database.Database {
  const db = databaseBefore(consentEndAtDischarge);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Ines', 'Halvorsen', 'halvorsen, ines', '1979-08-02', 'female', '2026-11-01',
       'active', 1, 1)`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by) VALUES (?, 'c1', 'tpo', ?, 1, 'u1')`,
  );
  const body = (expiryKind: string, expiryEvent: string) => JSON.stringify({ expiryKind, expiryEvent });
  insert.run('worded', body('event', 'Discharge from the programme'));
  insert.run('until', body('event', 'until the client is DISCHARGED'));
  insert.run('probation', body('event', 'End of probation'));
  insert.run('dated', body('date', ''));
  return db;
}

const kinds = (db: Database.Database) =>
  Object.fromEntries(
    (
      db.prepare(`SELECT id, body FROM consents ORDER BY id`).all() as Array<{ id: string; body: string }>
    ).map((r) => [r.id, JSON.parse(r.body) as { expiryKind: string; expiryEvent: string }]),
  );

describe('migration 0700 consent-end-at-discharge', () => {
  it('comes right after the migration before it', () => {
    expect(versionBefore(consentEndAtDischarge)).toBeGreaterThan(0);
    expect(consentEndAtDischarge.version).toBe(700);
  });

  it('moves consents worded as the discharge to "at discharge", keeping their words, and nothing else', () => {
    const db = seeded();
    migrate(db, consentEndAtDischarge.version);
    expect(schemaVersion(db)).toBe(700);
    expect(kinds(db)).toEqual({
      worded: { expiryKind: 'discharge', expiryEvent: 'Discharge from the programme' },
      until: { expiryKind: 'discharge', expiryEvent: 'until the client is DISCHARGED' },
      probation: { expiryKind: 'event', expiryEvent: 'End of probation' },
      dated: { expiryKind: 'date', expiryEvent: '' },
    });
  });

  it('records an ending event on either kind of event, once, never on a date-based consent', () => {
    const db = seeded();
    migrate(db, consentEndAtDischarge.version);
    const end = (id: string) =>
      db
        .prepare(`UPDATE consents SET ended_on = '2026-11-20', ended_at_ms = 9, ended_by = 'u1' WHERE id = ?`)
        .run(id);
    end('worded');
    end('probation');
    expect(() => end('dated')).toThrow(/only a consent that ends on an event/);
    expect(() => end('worded')).toThrow(/recorded once/);
  });
});
