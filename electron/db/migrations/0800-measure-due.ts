import type { Migration } from './types';

/**
 * Episodes of care and the measures due in SQL (issue 15).
 *
 * `client_outcomes` counts the current episode (shared/domain/episode.ts): `ended_on` / `left_on` come from the latest
 * recorded discharge of a client who is Discharged (an Active or On hold client's episode is open), and
 * `episode_from_ms` is the local midnight of a re-admitted client's admission date (null in a first episode, where
 * every score counts). The scores' first, latest and count read only the episode's scores. `left_after_days` is the
 * days from admission to `left_on`, for retention.
 *
 * `measure_due` holds each active client's next due date per scheduled measure, the rules of
 * shared/domain/measures.ts in SQL, kept by triggers in the same statement as every write they read (clients,
 * discharges and scores through `client_outcomes`, schedules, MAT notes), so the worklist reads the first rows of an
 * index instead of deciding for every client. Derived data only. Score days are local dates of this computer's zone
 * when the score was saved, as the chart's own rules read them. The due date assumes today is on or after the
 * client's latest withdrawal contact; a row whose latest contact is later than today (`latest_contact_on`) is
 * decided again when read. `base` is the earliest of the intake and repeat dates as 'YYYY-MM-DD|n' (n orders equal
 * dates as the pure rules do: 0 intake, 1 repeat, 2 withdrawal contact).
 */

/** The rule per measure: a stored row replaces the default (CLINICAL.md §1–2; DEFAULT_SCHEDULE, held equal by a test). */
const DEFAULTS = `(SELECT 'phq9' AS measure, 0 AS rank, 1 AS at_intake, 30 AS every_days, 0 AS at_contact
  UNION ALL SELECT 'gad7', 1, 1, 30, 0 UNION ALL SELECT 'auditc', 2, 1, NULL, 0
  UNION ALL SELECT 'withdrawal', 3, 0, NULL, 1)`;

const LOCAL_DAY = (ms: string) => `date((${ms}) / 1000, 'unixepoch', 'localtime')`;

/** This zone's offset in seconds at epoch second `s`. */
const OFFSET_AT = (s: string) => `(unixepoch(datetime(${s}, 'unixepoch', 'localtime')) - (${s}))`;

/**
 * Epoch ms of the local midnight that starts the date `d`, as shared/domain/common.ts `localMidnight` has it in
 * JavaScript (held equal for every zone by the property test). SQLite's `unixepoch(d, 'utc')` alone differs where a
 * daylight-saving change skips or repeats midnight (Asia/Beirut 2026-03-29, Asia/Amman in autumn): a skipped midnight
 * starts the day at the change (the offset before it), and a repeated one at its earlier occurrence.
 */
export const LOCAL_MIDNIGHT_MS = (d: string) => {
  const naive = `unixepoch(${d}, 'utc')`;
  const skipped = `CASE WHEN date(${naive}, 'unixepoch', 'localtime') < ${d}
    THEN unixepoch(${d}) - ${OFFSET_AT(naive)} ELSE ${naive} END`;
  const earlier = `(unixepoch(${d}) - ${OFFSET_AT(`${naive} - 86400`)})`;
  return `1000 * CASE WHEN datetime(${earlier}, 'unixepoch', 'localtime') = ${d} || ' 00:00:00'
    AND ${earlier} < ${skipped} THEN ${earlier} ELSE ${skipped} END`;
};
const DATE_SHAPE = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/** The facts and the rule of each (active client, measure) pair. `clients` filtered by `where`. */
const facts = (where: string) => `
  SELECT c.id AS client_id, m.measure, m.rank, c.sort_name, c.admission_date,
    CASE WHEN s.client_id IS NULL THEN m.at_intake ELSE s.at_intake END AS at_intake,
    CASE WHEN s.client_id IS NULL THEN m.every_days ELSE s.every_days END AS every_days,
    CASE WHEN s.client_id IS NULL THEN m.at_contact ELSE s.at_withdrawal_contact END AS at_contact,
    CASE WHEN o.episode_from_ms IS NOT NULL THEN c.admission_date END AS contacts_from,
    ${LOCAL_DAY(`CASE m.measure WHEN 'phq9' THEN o.phq9_latest_at_ms WHEN 'gad7' THEN o.gad7_latest_at_ms
      WHEN 'auditc' THEN o.auditc_latest_at_ms
      ELSE max(coalesce(o.cows_latest_at_ms, o.sows_latest_at_ms), coalesce(o.sows_latest_at_ms, o.cows_latest_at_ms)) END`)}
      AS last_done_on
  FROM clients c LEFT JOIN client_outcomes o ON o.client_id = c.id CROSS JOIN ${DEFAULTS} m
    LEFT JOIN measure_schedules s ON s.client_id = c.id AND s.measure = m.measure
  WHERE c.status = 'active' AND ${where}`;

/** The latest contact of the episode (on or before `upTo` when given). */
export const latestContact = (f: string, upTo: string | null) => `(SELECT max(n.contact_date) FROM mat_notes n
  WHERE n.client_id = ${f}.client_id AND n.contact_date ${DATE_SHAPE}
    AND n.contact_date >= coalesce(${f}.contacts_from, '')${upTo ? ` AND n.contact_date <= ${upTo}` : ''})`;

/** The withdrawal-contact candidate ('YYYY-MM-DD|2') from a latest contact, or null. */
export const contactDue = (
  f: string,
  latest: string,
) => `CASE WHEN ${f}.at_contact = 1 AND ${latest} IS NOT NULL
  AND (${f}.last_done_on IS NULL OR ${f}.last_done_on < ${latest}) THEN ${latest} || '|2' END`;

/** The earlier of two 'YYYY-MM-DD|n' candidates, either possibly null. */
export const earlier = (a: string, b: string) => `nullif(min(coalesce(${a}, '~'), coalesce(${b}, '~')), '~')`;

export const DUE_ROWS = (where: string) => `
  INSERT INTO measure_due (client_id, measure, rank, sort_name, due_on, reason, base, last_done_on, at_contact,
    contacts_from, latest_contact_on)
  SELECT client_id, measure, rank, sort_name, substr(due, 1, 10),
    CASE substr(due, 12) WHEN '0' THEN 'intake' WHEN '1' THEN 'interval' ELSE 'withdrawal-contact' END,
    base, last_done_on, at_contact, contacts_from, latest_contact_on
  FROM (SELECT *, ${earlier('base', contactDue('f', 'latest_contact_on'))} AS due FROM (
    SELECT *, ${earlier(
      `CASE WHEN at_intake = 1 AND last_done_on IS NULL THEN admission_date || '|0' END`,
      `CASE WHEN every_days IS NOT NULL
         THEN date(coalesce(last_done_on, admission_date), '+' || every_days || ' days') || '|1' END`,
    )} AS base,
      CASE WHEN at_contact = 1 THEN ${latestContact('r', null)} END AS latest_contact_on
    FROM (${facts(where)}) r) f)
  WHERE due IS NOT NULL`;

/** Every due row of the clients decided again (one id, or two when a row moved from one client to another). */
const refreshDue = (...ids: string[]) => `
  DELETE FROM measure_due WHERE client_id IN (${ids.join(', ')});
  ${DUE_ROWS(`c.id IN (${ids.join(', ')})`)};`;

const SCORED = `a.client_id = client_outcomes.client_id AND a.status = 'complete' AND a.total IS NOT NULL
  AND a.administered_at_ms >= coalesce(client_outcomes.episode_from_ms, -9223372036854775808)`;

/** The count, first and latest of an instrument's scores `scored` selects (as `a`), as SET clauses. */
export const firstAndLatest = (instrument: 'phq9' | 'gad7', scored = SCORED) => `
  ${instrument}_scores = (SELECT count(*) FROM assessments a WHERE a.instrument_id = '${instrument}' AND ${scored}),
  (${instrument}_first_at_ms, ${instrument}_first) = (SELECT a.administered_at_ms, a.total FROM assessments a
    WHERE a.instrument_id = '${instrument}' AND ${scored} ORDER BY a.administered_at_ms, a.id LIMIT 1),
  (${instrument}_latest_at_ms, ${instrument}_latest) = (SELECT a.administered_at_ms, a.total FROM assessments a
    WHERE a.instrument_id = '${instrument}' AND ${scored} ORDER BY a.administered_at_ms DESC, a.id DESC LIMIT 1)`;

const latestAt = (instrument: 'auditc' | 'cows' | 'sows') => `
  ${instrument}_latest_at_ms = (SELECT max(a.administered_at_ms) FROM assessments a
    WHERE a.instrument_id = '${instrument}' AND ${SCORED})`;

export const REFRESH_SCORES = `UPDATE client_outcomes SET ${firstAndLatest('phq9')}, ${firstAndLatest('gad7')},
  ${latestAt('auditc')}, ${latestAt('cows')}, ${latestAt('sows')}`;

/** The discharge ending the current episode: the latest recorded, while the client is Discharged. */
const ENDING = `FROM client_discharges d JOIN clients c ON c.id = d.client_id
  WHERE d.client_id = client_outcomes.client_id AND c.status = 'discharged'
  ORDER BY d.recorded_at_ms DESC, d.rowid DESC LIMIT 1`;

/** The current episode from the row's admission date, the client's status and discharges. */
export const EPISODE = `UPDATE client_outcomes SET
  (ended_on, left_on) = (SELECT d.discharged_on, CASE WHEN d.discharge_type <> 'completed' THEN d.discharged_on END
    ${ENDING}),
  episode_from_ms = CASE WHEN EXISTS (SELECT 1 FROM client_discharges p WHERE p.client_id = client_outcomes.client_id
      AND p.discharged_on <= client_outcomes.admission_date AND p.id IS NOT (SELECT d.id ${ENDING}))
    THEN ${LOCAL_MIDNIGHT_MS('client_outcomes.admission_date')} END`;

/** Days from admission to leaving, so retention compares integers instead of dating every client. */
export const LEFT_AFTER = `UPDATE client_outcomes SET
  left_after_days = CAST(julianday(left_on) - julianday(admission_date) AS INTEGER)`;

/** What the due rules read from the row changed. */
const DUE_FACTS_CHANGED = [
  'client_id',
  'admission_date',
  'episode_from_ms',
  'phq9_latest_at_ms',
  'gad7_latest_at_ms',
  'auditc_latest_at_ms',
  'cows_latest_at_ms',
  'sows_latest_at_ms',
]
  .map((c) => `old.${c} IS NOT new.${c}`)
  .join(' OR ');

export const measureDue: Migration = {
  version: 800,
  name: 'measure-due',
  up(db) {
    db.exec(`
      DROP TRIGGER client_outcomes_client_insert;
      DROP TRIGGER client_outcomes_client_update;
      DROP TRIGGER client_outcomes_discharge;
      DROP TRIGGER client_outcomes_assessment_insert;
      DROP TRIGGER client_outcomes_assessment_update;
      DROP TRIGGER client_outcomes_assessment_delete;
      ALTER TABLE client_outcomes ADD COLUMN episode_from_ms INTEGER;
      ALTER TABLE client_outcomes ADD COLUMN left_after_days INTEGER;
      ${EPISODE};
      ${LEFT_AFTER};
      ${REFRESH_SCORES};

      CREATE TABLE measure_due (
        client_id TEXT NOT NULL,
        measure TEXT NOT NULL,
        rank INTEGER NOT NULL,
        sort_name TEXT NOT NULL,
        due_on TEXT NOT NULL,
        reason TEXT NOT NULL,
        base TEXT,
        last_done_on TEXT,
        at_contact INTEGER NOT NULL,
        contacts_from TEXT,
        latest_contact_on TEXT,
        PRIMARY KEY (client_id, measure)
      ) STRICT, WITHOUT ROWID;
      ${DUE_ROWS('1')};
      CREATE INDEX measure_due_by_date ON measure_due (due_on, sort_name, client_id, rank, latest_contact_on);
      CREATE INDEX measure_due_by_contact ON measure_due (latest_contact_on) WHERE latest_contact_on IS NOT NULL;

      CREATE TRIGGER client_outcomes_client_insert AFTER INSERT ON clients BEGIN
        INSERT INTO client_outcomes (client_id, clinician_id, admission_date)
          VALUES (new.id, new.assigned_clinician_id, new.admission_date);
      END;
      CREATE TRIGGER client_outcomes_client_update
        AFTER UPDATE OF id, admission_date, assigned_clinician_id, status ON clients BEGIN
        UPDATE client_outcomes SET client_id = new.id, clinician_id = new.assigned_clinician_id,
          admission_date = new.admission_date WHERE client_id = old.id;
        ${EPISODE} WHERE client_id = new.id;
        ${LEFT_AFTER} WHERE client_id = new.id;
        ${REFRESH_SCORES} WHERE client_id = new.id;
      END;
      CREATE TRIGGER client_outcomes_discharge AFTER INSERT ON client_discharges BEGIN
        ${EPISODE} WHERE client_id = new.client_id;
        ${LEFT_AFTER} WHERE client_id = new.client_id;
        ${REFRESH_SCORES} WHERE client_id = new.client_id;
      END;
      CREATE TRIGGER client_outcomes_assessment_insert AFTER INSERT ON assessments BEGIN
        ${REFRESH_SCORES} WHERE client_id = new.client_id;
      END;
      CREATE TRIGGER client_outcomes_assessment_update
        AFTER UPDATE OF client_id, instrument_id, status, total, administered_at_ms ON assessments BEGIN
        ${REFRESH_SCORES} WHERE client_id IN (old.client_id, new.client_id);
      END;
      CREATE TRIGGER client_outcomes_assessment_delete AFTER DELETE ON assessments BEGIN
        ${REFRESH_SCORES} WHERE client_id = old.client_id;
      END;

      CREATE TRIGGER measure_due_outcomes_insert AFTER INSERT ON client_outcomes BEGIN
        ${refreshDue('new.client_id')}
      END;
      CREATE TRIGGER measure_due_outcomes_update AFTER UPDATE ON client_outcomes WHEN ${DUE_FACTS_CHANGED} BEGIN
        ${refreshDue('old.client_id', 'new.client_id')}
      END;
      CREATE TRIGGER measure_due_client_delete AFTER DELETE ON clients BEGIN
        DELETE FROM measure_due WHERE client_id = old.id;
      END;
      CREATE TRIGGER measure_due_client AFTER UPDATE OF sort_name, status, admission_date ON clients BEGIN
        ${refreshDue('new.id')}
      END;
      CREATE TRIGGER measure_due_schedule_insert AFTER INSERT ON measure_schedules BEGIN
        ${refreshDue('new.client_id')}
      END;
      CREATE TRIGGER measure_due_schedule_update AFTER UPDATE ON measure_schedules BEGIN
        ${refreshDue('old.client_id', 'new.client_id')}
      END;
      CREATE TRIGGER measure_due_schedule_delete AFTER DELETE ON measure_schedules BEGIN
        ${refreshDue('old.client_id')}
      END;
      CREATE TRIGGER measure_due_contact_insert AFTER INSERT ON mat_notes BEGIN
        ${refreshDue('new.client_id')}
      END;
      CREATE TRIGGER measure_due_contact_update AFTER UPDATE OF client_id, contact_date ON mat_notes BEGIN
        ${refreshDue('old.client_id', 'new.client_id')}
      END;
      CREATE TRIGGER measure_due_contact_delete AFTER DELETE ON mat_notes BEGIN
        ${refreshDue('old.client_id')}
      END;
    `);
  },
};
