/**
 * 0510 alert safety plan: existing alerts (acknowledged or not) are kept as they were with no link; an acknowledgement
 * can link only a signed safety plan of the alert's own client, and not change it after.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { alertSafetyPlan } from '../../../../electron/db/migrations/0510-alert-safety-plan';
import { databaseBefore, seedClinician } from '../../../support/migrations';

function seeded(): Database.Database {
  const db = databaseBefore(alertSafetyPlan);
  seedClinician(db);
  const client = db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES (?, ?, 'Ines', 'Halvorsen', 'halvorsen, ines', '1979-08-02', 'female', '2026-11-01', 'active', 1, 1)`,
  );
  client.run('c1', 'C-000001');
  client.run('c2', 'C-000002');
  const alert = db.prepare(
    `INSERT INTO alerts (id, client_id, kind, source_type, source_id, raised_at_ms, raised_by, acknowledged_at_ms,
       acknowledged_by, acknowledgement)
     VALUES (?, ?, 'phq9-item9', 'assessment', ?, 1, 'u1', ?, ?, ?)`,
  );
  alert.run('a1', 'c1', 's1', null, null, null);
  alert.run('a2', 'c1', 's2', 2, 'u1', '{"actions":["safety-plan"],"note":"Reviewed"}');
  alert.run('a3', 'c2', 's3', null, null, null);
  const plan = db.prepare(
    `INSERT INTO recovery_plans (id, client_id, kind, version, content, created_at_ms, created_by, updated_at_ms,
       signed_at_ms, signed_by, content_hash)
     VALUES (?, ?, ?, ?, json_object('kind', ?, 'plan', json_object()), 1, 'u1', 1, ?, ?, ?)`,
  );
  plan.run('sp1', 'c1', 'safety', 1, 'safety', 3, 'u1', 'h');
  plan.run('sp2', 'c1', 'safety', 2, 'safety', null, null, null);
  plan.run('rp1', 'c1', 'relapse-prevention', 1, 'relapse-prevention', 3, 'u1', 'h');
  return db;
}

const ack = (db: Database.Database, alertId: string, planId: string) =>
  db
    .prepare(
      `UPDATE alerts SET acknowledged_at_ms = 5, acknowledged_by = 'u1',
         acknowledgement = '{"actions":["safety-plan"],"note":"Made"}', safety_plan_id = ? WHERE id = ?`,
    )
    .run(planId, alertId);

describe('migration 0510 alert safety plan', () => {
  it('keeps every alert as it was, with no link', () => {
    expect(alertSafetyPlan.version).toBe(510);
    const db = seeded();
    const before = db.prepare('SELECT * FROM alerts ORDER BY id').all() as Array<Record<string, unknown>>;
    migrate(db, alertSafetyPlan.version);
    expect(schemaVersion(db)).toBe(510);
    expect(db.prepare('SELECT * FROM alerts ORDER BY id').all()).toEqual(
      before.map((a) => ({ ...a, safety_plan_id: null })),
    );
  });

  it('links only a signed safety plan of the same client, once', () => {
    const db = seeded();
    migrate(db, alertSafetyPlan.version);
    expect(() => ack(db, 'a1', 'sp2')).toThrow(/signed safety plan of its own client/);
    expect(() => ack(db, 'a1', 'rp1')).toThrow(/signed safety plan of its own client/);
    expect(() => ack(db, 'a3', 'sp1')).toThrow(/signed safety plan of its own client/);
    ack(db, 'a1', 'sp1');
    expect(db.prepare(`SELECT safety_plan_id FROM alerts WHERE id = 'a1'`).get()).toEqual({
      safety_plan_id: 'sp1',
    });
    expect(() => db.prepare(`UPDATE alerts SET safety_plan_id = NULL WHERE id = 'a1'`).run()).toThrow(
      /cannot be changed/,
    );
  });
});
