import type { Migration } from './types';

/**
 * What the practice's outcome figures and the due-measures worklist read about each client, kept in one narrow row
 * per client so the figures are a single pass over 50,000 short rows instead of several look-ups per client (issue
 * 15 item 3). Derived data only: SQLite triggers keep it in the same statement as every write to clients,
 * discharges and assessments (save, amend, sign, delete), so no code path can forget it, and the backfill below
 * fills it from the records as they are.
 *
 * - The care episode: `ended_on` is the earliest discharge on or after the current admission date, `left_on` the
 *   earliest such discharge that was not a completed treatment (retention counts a completed treatment as retained).
 * - Scores count as the figures always have: complete with a total. Per PHQ-9 and GAD-7 the number of scores and
 *   the first and latest (by time, then id), with their totals; for the other measured instruments the time of the
 *   latest. A period that ends before a client's latest score reads the scores themselves through the partial index
 *   `assessments_scored` (instrument, client, time, id, total); the COWS peaks of a period read the same scores in
 *   time order (`assessments_scored_by_time`). Discharges by type in a period read `client_discharges_by_date`.
 */
const SCORED = `a.client_id = client_outcomes.client_id AND a.status = 'complete' AND a.total IS NOT NULL`;

const firstAndLatest = (instrument: 'phq9' | 'gad7') => `
  ${instrument}_scores = (SELECT count(*) FROM assessments a WHERE a.instrument_id = '${instrument}' AND ${SCORED}),
  (${instrument}_first_at_ms, ${instrument}_first) = (SELECT a.administered_at_ms, a.total FROM assessments a
    WHERE a.instrument_id = '${instrument}' AND ${SCORED} ORDER BY a.administered_at_ms, a.id LIMIT 1),
  (${instrument}_latest_at_ms, ${instrument}_latest) = (SELECT a.administered_at_ms, a.total FROM assessments a
    WHERE a.instrument_id = '${instrument}' AND ${SCORED} ORDER BY a.administered_at_ms DESC, a.id DESC LIMIT 1)`;

const latestAt = (instrument: 'auditc' | 'cows' | 'sows') => `
  ${instrument}_latest_at_ms = (SELECT max(a.administered_at_ms) FROM assessments a
    WHERE a.instrument_id = '${instrument}' AND ${SCORED})`;

const REFRESH_SCORES = `UPDATE client_outcomes SET ${firstAndLatest('phq9')}, ${firstAndLatest('gad7')},
  ${latestAt('auditc')}, ${latestAt('cows')}, ${latestAt('sows')}`;

/** The current episode's end, from the row's admission date. */
const EPISODE = `
  ended_on = (SELECT min(d.discharged_on) FROM client_discharges d
    WHERE d.client_id = client_outcomes.client_id AND d.discharged_on >= client_outcomes.admission_date),
  left_on = (SELECT min(d.discharged_on) FROM client_discharges d
    WHERE d.client_id = client_outcomes.client_id AND d.discharged_on >= client_outcomes.admission_date
      AND d.discharge_type <> 'completed')`;

export const clientOutcomes: Migration = {
  version: 780,
  name: 'client-outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE client_outcomes (
        client_id TEXT PRIMARY KEY,
        clinician_id TEXT,
        admission_date TEXT NOT NULL,
        ended_on TEXT,
        left_on TEXT,
        phq9_scores INTEGER NOT NULL DEFAULT 0,
        phq9_first_at_ms INTEGER,
        phq9_first INTEGER,
        phq9_latest_at_ms INTEGER,
        phq9_latest INTEGER,
        gad7_scores INTEGER NOT NULL DEFAULT 0,
        gad7_first_at_ms INTEGER,
        gad7_first INTEGER,
        gad7_latest_at_ms INTEGER,
        gad7_latest INTEGER,
        auditc_latest_at_ms INTEGER,
        cows_latest_at_ms INTEGER,
        sows_latest_at_ms INTEGER
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assessments_scored ON assessments (instrument_id, client_id, administered_at_ms, id, total)
        WHERE status = 'complete' AND total IS NOT NULL;
      CREATE INDEX assessments_scored_by_time ON assessments (instrument_id, administered_at_ms, client_id, total)
        WHERE status = 'complete' AND total IS NOT NULL;
      CREATE INDEX client_discharges_by_date ON client_discharges (discharged_on, discharge_type, client_id);

      INSERT INTO client_outcomes (client_id, clinician_id, admission_date)
        SELECT id, assigned_clinician_id, admission_date FROM clients;
      UPDATE client_outcomes SET ${EPISODE};
      ${REFRESH_SCORES};

      CREATE TRIGGER client_outcomes_client_insert AFTER INSERT ON clients BEGIN
        INSERT INTO client_outcomes (client_id, clinician_id, admission_date)
          VALUES (new.id, new.assigned_clinician_id, new.admission_date);
      END;
      CREATE TRIGGER client_outcomes_client_update AFTER UPDATE OF id, admission_date, assigned_clinician_id ON clients
      BEGIN
        UPDATE client_outcomes SET client_id = new.id, clinician_id = new.assigned_clinician_id,
          admission_date = new.admission_date WHERE client_id = old.id;
        UPDATE client_outcomes SET ${EPISODE} WHERE client_id = new.id;
      END;
      CREATE TRIGGER client_outcomes_client_delete AFTER DELETE ON clients BEGIN
        DELETE FROM client_outcomes WHERE client_id = old.id;
      END;
      CREATE TRIGGER client_outcomes_discharge AFTER INSERT ON client_discharges BEGIN
        UPDATE client_outcomes SET ${EPISODE} WHERE client_id = new.client_id;
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
    `);
  },
};
