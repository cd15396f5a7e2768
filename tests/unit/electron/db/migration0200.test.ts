/**
 * 0200 group-covered, 0210 alert-findings and 0220 single-disclosure: migrate to the version before each, seed
 * rows, migrate, and check the rows are kept and the new rules hold.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../electron/db/migrations';
import { groupCovered } from '../../../../electron/db/migrations/0200-group-covered';
import { alertFindings } from '../../../../electron/db/migrations/0210-alert-findings';
import { singleDisclosure } from '../../../../electron/db/migrations/0220-single-disclosure';

const before = (m: { version: number }) =>
  MIGRATIONS[MIGRATIONS.findIndex((x) => x.version === m.version) - 1]!.version;

function seeded(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
     VALUES ('u1', 'wren', 'Wren Okafor', 'LCSW', 'clinician', 1)`,
  ).run();
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, created_at_ms, updated_at_ms)
     VALUES ('c1', 'C-000001', 'Minh', 'Đặng', 'dang, minh', '1979-08-02', 'male', '2026-11-01', 'active', 1, 1)`,
  ).run();
  return db;
}

describe('migrations 0200–0220', () => {
  it('are in order, after 0180', () => {
    expect([groupCovered, alertFindings, singleDisclosure].map((m) => m.version)).toEqual([200, 210, 220]);
    expect(before(groupCovered)).toBe(180);
  });

  it('0200 keeps groups and gives them an empty "what the group covered"', () => {
    const db = seeded(before(groupCovered));
    db.prepare(
      `INSERT INTO group_sessions (id, group_name, topic, session_date, start_time, end_time, modality, interventions,
         facilitators, created_at_ms, created_by)
       VALUES ('g1', 'Skills', 'Urges', '2026-11-23', '17:00', '18:00', 'in-person', '[]', '["u1"]', 1, 'u1')`,
    ).run();
    migrate(db, groupCovered.version);
    expect(db.prepare('SELECT topic, covered FROM group_sessions').get()).toEqual({
      topic: 'Urges',
      covered: '',
    });
  });

  it('0210 gives existing alerts their finding, keeps acknowledged ones fixed, and one alert per source and finding', () => {
    const db = seeded(before(alertFindings));
    const insert = db.prepare(
      `INSERT INTO alerts (id, client_id, kind, symptoms, detail, source_type, source_id, raised_at_ms, raised_by)
       VALUES (?, 'c1', ?, ?, ?, ?, ?, 1, 'u1')`,
    );
    insert.run('a1', 'phq9-item9', '[]', '', 'assessment', 's1');
    insert.run('a2', 'red-flag-symptom', '["seizure"]', '', 'red-flag', 'r1');
    insert.run('a3', 'red-flag-symptom', '["self-harm-urges"]', '', 'red-flag', 'r2');
    insert.run('a4', 'red-flag-symptom', '[]', 'Session note: homicidal ideation', 'note', 'n1');
    db.prepare(
      `UPDATE alerts SET acknowledged_at_ms = 2, acknowledged_by = 'u1', acknowledgement = '{}' WHERE id = 'a2'`,
    ).run();
    migrate(db, alertFindings.version);
    expect(db.prepare('SELECT id, finding, repeat_of FROM alerts ORDER BY id').all()).toEqual([
      { id: 'a1', finding: 'suicide-risk', repeat_of: null },
      { id: 'a2', finding: 'red-flags', repeat_of: null },
      { id: 'a3', finding: 'suicide-risk', repeat_of: null },
      { id: 'a4', finding: 'homicidal-ideation', repeat_of: null },
    ]);
    expect(() => db.prepare(`UPDATE alerts SET detail = 'x' WHERE id = 'a2'`).run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare(`UPDATE alerts SET finding = 'red-flags' WHERE id = 'a1'`).run()).toThrow(
      /fixed/,
    );
    // The same note may raise a second alert for another finding, never twice the same one.
    db.prepare(
      `INSERT INTO alerts (id, client_id, kind, source_type, source_id, raised_at_ms, raised_by, finding)
       VALUES ('a5', 'c1', 'red-flag-symptom', 'note', 'n1', 3, 'u1', 'red-flags')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO alerts (id, client_id, kind, source_type, source_id, raised_at_ms, raised_by, finding)
           VALUES ('a6', 'c1', 'red-flag-symptom', 'note', 'n1', 4, 'u1', 'red-flags')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('0220 refuses a second disclosure under a single-disclosure consent, not under others', () => {
    const db = seeded(before(singleDisclosure));
    const consent = db.prepare(
      `INSERT INTO consents (id, client_id, type, body, created_at_ms, created_by) VALUES (?, 'c1', ?, '{}', 1, 'u1')`,
    );
    consent.run('single', 'single-disclosure');
    consent.run('tpo', 'tpo');
    const disclose = db.prepare(
      `INSERT INTO disclosures (id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient,
         recipient_address, purpose, what, source_type, source_id, notice_version)
       VALUES (?, 'c1', ?, 5, 'u1', 'Dr. Ilse Verhoeven', '', 'Care', 'Progress note', 'note', 'n1',
         '2024-rule-statement-1')`,
    );
    disclose.run('d1', 'single');
    disclose.run('t1', 'tpo');
    migrate(db, singleDisclosure.version);
    expect(() => disclose.run('d2', 'single')).toThrow(/already been used/);
    disclose.run('t2', 'tpo');
    expect(db.prepare('SELECT count(*) AS n FROM disclosures').get()).toEqual({ n: 3 });
  });
});
