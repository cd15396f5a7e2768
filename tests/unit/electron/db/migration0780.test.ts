/**
 * 0780 client-outcomes: the per-client row the outcome figures read is filled from the records by the migration and
 * kept right by the triggers after every write (assessment saved, amended, signed, deleted; client re-admitted or
 * given to another clinician; discharge recorded). The figures computed from it equal, for many periods and every
 * clinician, the figures computed the slow way the app used before (kept here verbatim as the reference), over a
 * practice with the edge cases (the figures over a database migrated on to 0800, whose episodes of care the reference
 * reads from the pure rules): same-time scores, incomplete ones, scores after the period, discharges on the
 * period's edges, clients discharged and re-admitted, a completed treatment followed by another discharge.
 */
process.env.TZ = 'America/Los_Angeles';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import { clientOutcomes } from '../../../../electron/db/migrations/0780-client-outcomes';
import {
  outcomeFigures,
  outcomeParams,
  type OutcomeParams,
} from '../../../../electron/db/repositories/outcomes';
import { localMidnight } from '../../../../shared/domain/common';
import { addDays } from '../../../../shared/domain/measures';
import { databaseBefore, seedClinician } from '../../../support/migrations';
import type { ClientStatus } from '../../../../shared/domain/clients';
import { currentEpisode, episodeFromMs, type DischargeFact } from '../../../../shared/domain/episode';

/**
 * Every episode of care in a temp table the reference figures read: each client's current episode by the pure rules
 * (shared/domain/episode.ts, migration 0800), and once migrated to 0850 the episodes re-admissions closed, from their
 * recorded history alone (admission, clinician, ending discharge), bounded here in JavaScript: from the local
 * midnight of the admission (every earlier score for the first) to that of the next admission.
 */
function episodeTable(db: Database.Database) {
  db.exec(`DROP TABLE IF EXISTS temp.ref_episode;
    CREATE TEMP TABLE ref_episode (client_id TEXT, clinician_id TEXT, admission_date TEXT, known_from TEXT,
      ended_on TEXT, left_on TEXT, from_ms INTEGER, to_ms INTEGER, ended_by_rowid INTEGER, seq INTEGER);
    DROP TABLE IF EXISTS temp.ref_discharge;
    CREATE TEMP TABLE ref_discharge (id TEXT, type TEXT, discharged_on TEXT, clinician_id TEXT)`);
  const insert = db.prepare('INSERT INTO ref_episode VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const ending = db.prepare('INSERT INTO ref_discharge VALUES (?, ?, ?, ?)');
  const clients = db
    .prepare('SELECT id, admission_date, status, assigned_clinician_id FROM clients')
    .all() as Array<{
    id: string;
    admission_date: string;
    status: ClientStatus;
    assigned_clinician_id: string | null;
  }>;
  const hasHistory =
    db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'closed_episodes'`).get() !== undefined;
  for (const c of clients) {
    const discharges = db
      .prepare(
        `SELECT id, rowid, discharged_on AS dischargedOn, discharge_type AS type, recorded_at_ms AS recordedAtMs
         FROM client_discharges WHERE client_id = ? ORDER BY recorded_at_ms, rowid`,
      )
      .all(c.id) as Array<DischargeFact & { id: string; rowid: number }>;
    const e = currentEpisode({ admissionDate: c.admission_date, status: c.status }, discharges);
    insert.run(
      c.id,
      c.assigned_clinician_id,
      c.admission_date,
      c.admission_date,
      e.endedOn,
      e.leftOn,
      episodeFromMs(e),
      null,
      null,
      0,
    );
    const closed = hasHistory
      ? (db
          .prepare(
            `SELECT e.seq, e.admitted_on, e.known_from, e.clinician_id, e.ended_on, e.left_on, e.ended_by,
               x.rowid AS ended_by_rowid
             FROM closed_episodes e JOIN client_discharges x ON x.id = e.ended_by
             WHERE e.client_id = ? ORDER BY e.seq`,
          )
          .all(c.id) as Array<{
          seq: number;
          admitted_on: string | null;
          known_from: string;
          clinician_id: string | null;
          ended_on: string;
          left_on: string | null;
          ended_by: string;
          ended_by_rowid: number;
        }>)
      : [];
    closed.forEach((h, k) => {
      const next = closed[k + 1]?.admitted_on ?? c.admission_date;
      insert.run(
        c.id,
        h.clinician_id,
        h.admitted_on,
        h.known_from,
        h.ended_on,
        h.left_on,
        h.seq > 1 && h.admitted_on !== null ? localMidnight(h.admitted_on) : null,
        localMidnight(next),
        h.ended_by_rowid,
        h.seq,
      );
    });
    // The discharges that ended an episode, with its clinician: each closed episode's; every one before a
    // back-filled row's (episodes not told apart before 0850); the latest recorded while Discharged. Before 0850
    // (no history yet) every discharge, as the figures counted then, with the client's clinician.
    const backfilled = closed.find((h) => h.admitted_on === null);
    const latest = discharges.at(-1);
    for (const d of discharges) {
      const closing = closed.find((h) => h.ended_by === d.id);
      const clinician = !hasHistory
        ? c.assigned_clinician_id
        : closing
          ? closing.clinician_id
          : backfilled && d.rowid < backfilled.ended_by_rowid
            ? backfilled.clinician_id
            : d === latest && c.status === 'discharged'
              ? c.assigned_clinician_id
              : undefined;
      if (clinician !== undefined) ending.run(d.id, d.type, d.dischargedOn, clinician);
    }
  }
}

/**
 * The figures as the app computed them before 0780, correlated look-ups over the records themselves, per episode of
 * care (`ref_episode`): its admission, end and clinician, and only its scores.
 */
function referenceFigures(db: Database.Database, p: OutcomeParams) {
  episodeTable(db);
  const EPISODE_SCORE = (a: string, e: string) =>
    `${a}.administered_at_ms >= coalesce(${e}.from_ms, -9223372036854775808)
     AND ${a}.administered_at_ms < coalesce(${e}.to_ms, 9223372036854775807)`;
  const IN_CARE = `in_care AS (
    SELECT e.rowid AS eid, e.* FROM ref_episode e
    WHERE (@clinicianId IS NULL OR e.clinician_id = @clinicianId)
      AND e.known_from <= @to AND (e.ended_on IS NULL OR e.ended_on >= @from))`;
  const retention = (days: number) =>
    db
      .prepare(
        `SELECT count(*) AS eligible, coalesce(sum(
             e.left_on IS NULL OR e.left_on >= date(e.admission_date, '+${days} days')), 0) AS count
         FROM ref_episode e
         WHERE (@clinicianId IS NULL OR e.clinician_id = @clinicianId)
           AND e.admission_date BETWEEN @from AND @to
           AND date(e.admission_date, '+${days} days') <= @today`,
      )
      .get(p);
  const response = (instrument: string) => {
    const scored = `FROM assessments x WHERE x.client_id = s.client_id AND x.instrument_id = @instrument
        AND x.status = 'complete' AND x.total IS NOT NULL AND x.administered_at_ms < @toEndMs
        AND ${EPISODE_SCORE('x', 's')}`;
    return db
      .prepare(
        `WITH ${IN_CARE},
         s AS (
           SELECT e.client_id, e.from_ms, e.to_ms FROM in_care e JOIN assessments a ON a.client_id = e.client_id
           WHERE a.instrument_id = @instrument AND a.status = 'complete'
             AND a.total IS NOT NULL AND a.administered_at_ms < @toEndMs AND ${EPISODE_SCORE('a', 'e')}
           GROUP BY e.eid HAVING count(*) >= 2),
         fl AS (
           SELECT (SELECT x.total ${scored} ORDER BY x.administered_at_ms, x.id LIMIT 1) AS first,
             (SELECT x.total ${scored} ORDER BY x.administered_at_ms DESC, x.id DESC LIMIT 1) AS latest
           FROM s)
         SELECT count(*) AS eligible, coalesce(sum(latest * 2 <= first), 0) AS response,
           coalesce(sum(latest < 5), 0) AS remission
         FROM fl WHERE first >= 10`,
      )
      .get({ ...p, instrument });
  };
  const caseload = db
    .prepare(
      `WITH ${IN_CARE}
       SELECT count(DISTINCT client_id) AS clientsInCare, coalesce(sum(admission_date >= @from), 0) AS admissions
       FROM in_care`,
    )
    .get(p) as object;
  const byType = db
    .prepare(
      `SELECT type, count(*) AS n FROM ref_discharge WHERE discharged_on BETWEEN @from AND @to
         AND (@clinicianId IS NULL OR clinician_id IS @clinicianId)
       GROUP BY type`,
    )
    .all(p) as Array<{ type: string; n: number }>;
  const types = [
    'completed',
    'transferred',
    'left-against-advice',
    'administrative',
    'lost-contact',
    'other',
  ];
  return {
    from: p.from,
    to: p.to,
    ...caseload,
    discharges: Object.fromEntries(types.map((t) => [t, byType.find((r) => r.type === t)?.n ?? 0])),
    retention30: retention(30),
    retention90: retention(90),
    measuredOnSchedule: db
      .prepare(
        `WITH ${IN_CARE},
         at_end AS (SELECT * FROM in_care e WHERE e.ended_on IS NULL OR e.ended_on > @to)
         SELECT count(*) AS eligible, coalesce(sum(
             (SELECT count(DISTINCT a.instrument_id) FROM assessments a
              WHERE a.client_id = e.client_id AND a.instrument_id IN ('phq9', 'gad7') AND a.status = 'complete'
                AND date(a.administered_at_ms / 1000, 'unixepoch', 'localtime') > @last30From
                AND a.administered_at_ms < @toEndMs AND ${EPISODE_SCORE('a', 'e')}) = 2), 0) AS count
         FROM at_end e`,
      )
      .get(p),
    phq9: response('phq9'),
    gad7: response('gad7'),
    cowsPeak: db
      .prepare(
        `WITH ${IN_CARE},
         peaks AS (SELECT max(a.total) AS peak FROM assessments a JOIN in_care e ON e.client_id = a.client_id
                   WHERE a.instrument_id = 'cows'
                     AND a.status = 'complete' AND a.total IS NOT NULL
                     AND a.administered_at_ms >= @fromMs AND a.administered_at_ms < @toEndMs
                     AND ${EPISODE_SCORE('a', 'e')}
                   GROUP BY a.client_id),
         ordered AS (SELECT peak, row_number() OVER (ORDER BY peak) AS rn, count(*) OVER () AS n FROM peaks)
         SELECT (SELECT count(*) FROM peaks) AS clients,
           (SELECT avg(peak) FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median`,
      )
      .get(p),
  };
}

/** Each client's row as it should be, recomputed from the records. */
function expectedRows(db: Database.Database) {
  const scored = (i: string) =>
    `FROM assessments a WHERE a.client_id = c.id AND a.instrument_id = '${i}' AND a.status = 'complete' AND a.total IS NOT NULL`;
  const firstLatest = (i: string) => `
    (SELECT count(*) ${scored(i)}) AS ${i}_scores,
    (SELECT a.administered_at_ms ${scored(i)} ORDER BY a.administered_at_ms, a.id LIMIT 1) AS ${i}_first_at_ms,
    (SELECT a.total ${scored(i)} ORDER BY a.administered_at_ms, a.id LIMIT 1) AS ${i}_first,
    (SELECT a.administered_at_ms ${scored(i)} ORDER BY a.administered_at_ms DESC, a.id DESC LIMIT 1) AS ${i}_latest_at_ms,
    (SELECT a.total ${scored(i)} ORDER BY a.administered_at_ms DESC, a.id DESC LIMIT 1) AS ${i}_latest`;
  return db
    .prepare(
      `SELECT c.id AS client_id, c.assigned_clinician_id AS clinician_id, c.admission_date,
         (SELECT min(d.discharged_on) FROM client_discharges d WHERE d.client_id = c.id
            AND d.discharged_on >= c.admission_date) AS ended_on,
         (SELECT min(d.discharged_on) FROM client_discharges d WHERE d.client_id = c.id
            AND d.discharged_on >= c.admission_date AND d.discharge_type <> 'completed') AS left_on,
         ${firstLatest('phq9')}, ${firstLatest('gad7')},
         (SELECT max(a.administered_at_ms) ${scored('auditc')}) AS auditc_latest_at_ms,
         (SELECT max(a.administered_at_ms) ${scored('cows')}) AS cows_latest_at_ms,
         (SELECT max(a.administered_at_ms) ${scored('sows')}) AS sows_latest_at_ms
       FROM clients c ORDER BY c.id`,
    )
    .all();
}

const storedRows = (db: Database.Database) =>
  db.prepare('SELECT * FROM client_outcomes ORDER BY client_id').all();

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

const at = (date: string, hour = 10, minute = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, minute).getTime();
};

const FAMILY = ['Đặng', 'Łukasiewicz', 'O’Brien', 'Nguyễn', 'Haddad', 'Eriksen'];

function addClient(db: Database.Database, id: string, admission: string, clinician: string | null) {
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
       admission_date, status, assigned_clinician_id, created_at_ms, updated_at_ms)
     VALUES (?, ?, 'Ánh', ?, ?, '1984-03-09', 'female', ?, 'active', ?, 1, 1)`,
  ).run(id, `C-${id}`, FAMILY[id.length % FAMILY.length], id, admission, clinician);
}

let discharges = 0;
function discharge(db: Database.Database, clientId: string, on: string, type: string) {
  discharges += 1;
  db.prepare(
    `INSERT INTO client_discharges (id, client_id, discharged_on, discharge_type, recorded_at_ms, recorded_by)
     VALUES (?, ?, ?, ?, ?, 'u1')`,
  ).run(`d${discharges}`, clientId, on, type, discharges);
}

function score(
  db: Database.Database,
  id: string,
  clientId: string,
  instrument: string,
  total: number | null,
  atMs: number,
) {
  db.prepare(
    `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total, administered_at_ms,
       administered_by, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, '1', '{}', ?, ?, ?, 'u1', 1, 1)`,
  ).run(id, clientId, instrument, total === null ? 'incomplete' : 'complete', total, atMs);
}

/**
 * 120 clients of three clinicians (and none), admitted over 2025–2026, with PHQ-9, GAD-7, COWS, SOWS and AUDIT-C
 * scores at random times including local midnights and daylight-saving days, and the hand-made edge cases.
 */
function seedPractice(db: Database.Database) {
  seedClinician(db);
  for (const u of ['u2', 'u3'])
    db.prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
       VALUES (?, ?, 'Ines Nakamura', 'LPC', 'clinician', 1)`,
    ).run(u, u);
  const r = random(780);
  const days = (n: number) => addDays('2025-01-01', n);
  const instruments = ['phq9', 'phq9', 'phq9', 'gad7', 'gad7', 'gad7', 'cows', 'sows', 'auditc'];
  for (let c = 0; c < 120; c += 1) {
    const id = `c${String(c).padStart(3, '0')}`;
    const admitted = r(640);
    addClient(db, id, days(admitted), [null, 'u1', 'u2', 'u3'][r(4)] ?? null);
    const scores = 1 + r(7);
    for (let k = 0; k < scores; k += 1) {
      const instrument = instruments[r(instruments.length)] ?? 'phq9';
      const day = days(admitted - 20 + r(200));
      const time = r(5) === 0 ? at(day, 0) : at(day, r(24), r(60));
      const total = r(8) === 0 ? null : k < 2 ? 8 + r(14) : r(instrument === 'cows' ? 30 : 22);
      score(db, `${id}-a${k}`, id, instrument, total, time);
    }
    const left = r(4);
    if (left > 0)
      discharge(
        db,
        id,
        days(admitted + r(150)),
        ['completed', 'left-against-advice', 'lost-contact'][left - 1]!,
      );
  }
  // Same-time scores: the larger id is the latest, the smaller the first.
  addClient(db, 'tie', '2026-03-01', 'u1');
  score(db, 'tie-b', 'tie', 'phq9', 20, at('2026-03-02'));
  score(db, 'tie-a', 'tie', 'phq9', 12, at('2026-03-02'));
  score(db, 'tie-d', 'tie', 'phq9', 3, at('2026-04-02'));
  score(db, 'tie-c', 'tie', 'phq9', 9, at('2026-04-02'));
  // Discharged, re-admitted: the earlier episode no longer counts.
  addClient(db, 'back', '2025-06-01', 'u2');
  discharge(db, 'back', '2025-07-15', 'left-against-advice');
  db.prepare(`UPDATE clients SET admission_date = '2026-02-01' WHERE id = 'back'`).run();
  score(db, 'back-1', 'back', 'gad7', 15, at('2025-06-02'));
  score(db, 'back-2', 'back', 'gad7', 4, at('2026-02-20'));
  // A completed treatment and then another discharge in the same episode.
  addClient(db, 'twice', '2026-01-10', null);
  discharge(db, 'twice', '2026-01-20', 'completed');
  discharge(db, 'twice', '2026-02-01', 'administrative');
  // Discharged on the first and on the last day of a period; scored at the period's last local midnight.
  addClient(db, 'edge', '2026-03-01', 'u3');
  discharge(db, 'edge', '2026-03-31', 'transferred');
  score(db, 'edge-1', 'edge', 'phq9', 14, at('2026-03-01', 0));
  score(db, 'edge-2', 'edge', 'phq9', 6, at('2026-04-01', 0));
  score(db, 'edge-3', 'edge', 'gad7', 11, at('2026-03-02', 0));
}

const PERIODS: Array<[string, string]> = [
  ['2025-01-01', '2025-12-31'],
  ['2026-01-01', '2026-12-31'],
  ['2025-07-01', '2026-06-30'],
  ['2026-03-01', '2026-03-31'],
  ['2026-03-08', '2026-03-08'],
  ['2026-04-01', '2026-04-30'],
  ['2025-11-01', '2025-11-30'],
  ['2026-02-01', '2026-02-28'],
  ['2024-01-01', '2027-12-31'],
];

const params = (from: string, to: string, clinicianId: string | null, today: string) =>
  outcomeParams({ from, to, clinicianId }, today);

function expectSameFigures(db: Database.Database) {
  for (const [from, to] of PERIODS)
    for (const clinicianId of [null, 'u1', 'u2', 'u3'])
      for (const today of ['2026-04-15', '2026-12-31']) {
        const p = params(from, to, clinicianId, today);
        expect(outcomeFigures(db, p), `${from}…${to} ${clinicianId} ${today}`).toEqual(
          referenceFigures(db, p),
        );
      }
}

describe('migration 0780 client-outcomes', () => {
  it('fills each client’s row from the records as they are', () => {
    const db = databaseBefore(clientOutcomes);
    seedPractice(db);
    migrate(db, clientOutcomes.version);
    expect(storedRows(db)).toHaveLength(124);
    expect(storedRows(db)).toEqual(expectedRows(db));
  });

  it('gives the same figures as the queries over the records, for every period and clinician', () => {
    const db = databaseBefore(clientOutcomes);
    seedPractice(db);
    migrate(db);
    const year = outcomeFigures(db, params('2026-01-01', '2026-12-31', null, '2026-12-31'));
    const all = outcomeFigures(db, params('2024-01-01', '2027-12-31', null, '2026-12-31'));
    // The seeded practice reaches every figure, so the comparison below compares something.
    expect(year.clientsInCare).toBeGreaterThan(20);
    expect(all.phq9.eligible + all.gad7.eligible).toBeGreaterThan(5);
    expect(all.phq9.response + all.gad7.response).toBeGreaterThan(0);
    expect(year.measuredOnSchedule.eligible).toBeGreaterThan(0);
    expect(year.retention30.eligible).toBeGreaterThan(0);
    expect(year.cowsPeak.clients).toBeGreaterThan(0);
    expectSameFigures(db);
  });

  it('stays right after every write, and the figures with it', () => {
    const db = databaseBefore(clientOutcomes);
    migrate(db, clientOutcomes.version);
    seedPractice(db);
    const check = () => expect(storedRows(db)).toEqual(expectedRows(db));
    check();
    // Amended: another time and total; then incomplete; then complete again.
    db.prepare(`UPDATE assessments SET total = 2, administered_at_ms = ? WHERE id = 'tie-a'`).run(
      at('2026-05-01'),
    );
    check();
    db.prepare(`UPDATE assessments SET status = 'incomplete', total = NULL WHERE id = 'edge-2'`).run();
    check();
    db.prepare(`UPDATE assessments SET status = 'complete', total = 1 WHERE id = 'edge-2'`).run();
    check();
    // Signed: nothing counted changes, and the row stays as it was.
    const before = storedRows(db);
    db.prepare(`UPDATE assessments SET signed_at_ms = 5, signed_by = 'u1' WHERE id = 'tie-b'`).run();
    expect(storedRows(db)).toEqual(before);
    // Deleted (an unsigned one).
    db.prepare(`DELETE FROM assessments WHERE id = 'tie-d'`).run();
    check();
    // A new score, a new client, a discharge, a re-admission, a change of clinician.
    score(db, 'back-3', 'back', 'gad7', 1, at('2026-03-20'));
    addClient(db, 'new', '2026-04-01', 'u2');
    score(db, 'new-1', 'new', 'cows', 13, at('2026-04-02'));
    discharge(db, 'new', '2026-04-10', 'lost-contact');
    check();
    db.prepare(
      `UPDATE clients SET admission_date = '2026-04-20', assigned_clinician_id = 'u1' WHERE id = 'new'`,
    ).run();
    check();
    db.prepare(`UPDATE clients SET assigned_clinician_id = NULL WHERE id = 'tie'`).run();
    check();
    // And the figures over the records as written, with the episodes of migration 0800.
    migrate(db);
    expectSameFigures(db);
    // Re-admissions from here on close the earlier episode (migration 0850): moved back from Discharged, and moved
    // forward past a discharge; then a score in the closed episode and a corrected re-admission date.
    db.prepare(`UPDATE clients SET status = 'discharged' WHERE id = 'edge'`).run();
    db.prepare(
      `UPDATE clients SET status = 'active', admission_date = '2026-04-05', assigned_clinician_id = 'u1'
      WHERE id = 'edge'`,
    ).run();
    discharge(db, 'tie', '2026-04-10', 'lost-contact');
    db.prepare(`UPDATE clients SET admission_date = '2026-06-01' WHERE id = 'tie'`).run();
    discharge(db, 'back', '2026-04-30', 'completed');
    db.prepare(
      `UPDATE clients SET admission_date = '2026-05-02', assigned_clinician_id = 'u3' WHERE id = 'back'`,
    ).run();
    score(db, 'edge-4', 'edge', 'phq9', 4, at('2026-03-20'));
    db.prepare(`UPDATE clients SET admission_date = '2026-05-20' WHERE id = 'tie'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM closed_episodes').get()).toEqual({ n: 7 });
    expectSameFigures(db);
  });
});
