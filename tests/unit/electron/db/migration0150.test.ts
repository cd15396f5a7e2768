/**
 * 0150 consent-end-event: migrate to the version before it, seed consents, migrate, and check that every consent
 * is kept as it was, with no ending event, and that an ending event is recorded once, only on an event-based
 * consent, by a known user.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { consentEndEvent } from '../../../../electron/db/migrations/0150-consent-end-event';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

const previous = versionBefore(consentEndEvent);

function seeded(): Database.Database {
  const db = databaseBefore(consentEndEvent);
  seedClinician(db);
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Ines', 'Halvorsen', 'halvorsen, ines', '1979-08-02', 'female', '2026-11-01',
       'active', 1, 1)`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by, revoked_on, revoked_how,
       revoked_note, revoked_at_ms, revoked_by) VALUES (?, 'c1', 'single-disclosure', ?, 1, 'u1', ?, ?, ?, ?, ?)`,
  );
  const body = (expiryKind: 'date' | 'event') =>
    JSON.stringify({ expiryKind, expiryEvent: expiryKind === 'event' ? 'Discharge' : '' });
  insert.run('by-event', body('event'), null, null, null, null, null);
  insert.run('by-date', body('date'), null, null, null, null, null);
  insert.run('revoked', body('event'), '2026-11-10', 'in-writing', 'Letter', 5, 'u1');
  return db;
}

const end = (db: Database.Database, id: string, on = '2026-11-20', by = 'u1') =>
  db.prepare(`UPDATE consents SET ended_on = ?, ended_at_ms = 9, ended_by = ? WHERE id = ?`).run(on, by, id);

describe('migration 0150 consent-end-event', () => {
  it('comes right after the migration before it, in order', () => {
    expect(versionBefore(consentEndEvent)).toBeGreaterThan(0);
    expect(consentEndEvent.version).toBe(150);
    expect(previous).toBeLessThan(150);
  });

  it('keeps every consent as it was, with no ending event recorded', () => {
    const db = seeded();
    const before = db.prepare('SELECT * FROM consents ORDER BY id').all();
    migrate(db, consentEndEvent.version);
    expect(schemaVersion(db)).toBe(150);
    const after = db.prepare('SELECT * FROM consents ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(after.map(({ ended_on, ended_at_ms, ended_by, ...rest }) => rest)).toEqual(before);
    expect(after.every((r) => r.ended_on === null && r.ended_at_ms === null && r.ended_by === null)).toBe(
      true,
    );
  });

  it('records an ending event once, only on a consent that ends on an event, by a known user', () => {
    const db = seeded();
    migrate(db, consentEndEvent.version);
    end(db, 'by-event');
    expect(db.prepare(`SELECT ended_on, ended_by FROM consents WHERE id = 'by-event'`).get()).toEqual({
      ended_on: '2026-11-20',
      ended_by: 'u1',
    });
    expect(() => end(db, 'by-event', '2026-11-21')).toThrow(/recorded once/);
    expect(() => end(db, 'by-date')).toThrow(/ends on an event/);
    expect(() => end(db, 'revoked', '20 Nov 2026')).toThrow(/CHECK/);
    expect(() => end(db, 'revoked', '2026-11-20', 'nobody')).toThrow(/FOREIGN KEY/);
    // The revocation columns are untouched by the new triggers, and consents are still never deleted.
    db.prepare(`UPDATE consents SET revoked_note = 'Letter, signed' WHERE id = 'revoked'`).run();
    expect(() => db.prepare(`DELETE FROM consents WHERE id = 'by-date'`).run()).toThrow(/never deleted/);
  });
});
