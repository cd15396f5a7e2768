import { firstAndLatest, LOCAL_MIDNIGHT_MS } from './0800-measure-due';
import type { Migration } from './types';

/**
 * Episodes of care kept as history (issue 15). Re-admitting a client moves their admission date to the re-admission,
 * and `client_outcomes` (0780, 0800) counts only the current episode, so before this a closed period's figures
 * changed after a re-admission: the earlier episode's admission, retention and scores were gone.
 *
 * `closed_episodes` keeps one row per episode a re-admission closed, written in the same statement as the
 * re-admission by a trigger on `clients`: the admission date it had, the clinician it had, and the discharge that
 * ended it (the latest recorded discharge dated from that admission to the re-admission, not already ending an
 * earlier row). Those columns are history, refused in SQL if changed; the row is never deleted (a client with a
 * discharge cannot be deleted either).
 *
 * A re-admission is what shared/domain/episode.ts calls one: the client is moved from Discharged to Active or On
 * hold, or their admission date is moved forward past a discharge, while not Discharged.
 *
 * The other columns are derived, kept by triggers like `client_outcomes`: the episode's scores are those from the
 * local midnight of its admission (every earlier score, for a client's first episode) to the local midnight of the
 * next admission, the next closed row's or the client's own; the next admission follows a correction of the
 * re-admission date. `left_after_days` is the days from admission to leaving, a completed treatment not counting.
 *
 * Clients re-admitted before this version: their earlier admission dates were overwritten and are not on record. Each
 * gets one closed row (seq 1) for everything before their current episode, with no admission date, ended by the
 * latest of those discharges, and `known_from`, the earliest day on record (the record's creation, first score or
 * first discharge); the figures count it in care from that day, with its discharges and scores, and never as an
 * admission. (For every other row `known_from` is the admission date.)
 *
 * The admission date of a client with a closed episode never moves before the discharge that closed the latest one,
 * whatever their status (a trigger refuses it; the app says so beside the field first): moved before it, the episodes
 * would overlap and a closed period's figures change. INSERT OR REPLACE of a closed row is refused too.
 */

const SCORED = `a.client_id = closed_episodes.client_id AND a.status = 'complete' AND a.total IS NOT NULL
  AND a.administered_at_ms >= coalesce(closed_episodes.from_ms, -9223372036854775808)
  AND a.administered_at_ms < closed_episodes.to_ms`;

/** The derived columns of the rows `where` selects, in dependency order. */
export const refreshClosed = (where: string) => `
  UPDATE closed_episodes SET
    next_admitted_on = coalesce(
      (SELECT n.admitted_on FROM closed_episodes n WHERE n.client_id = closed_episodes.client_id
         AND n.seq = closed_episodes.seq + 1),
      (SELECT c.admission_date FROM clients c WHERE c.id = closed_episodes.client_id)),
    from_ms = CASE WHEN admitted_on IS NOT NULL AND seq > 1 THEN ${LOCAL_MIDNIGHT_MS('admitted_on')} END,
    left_after_days = CAST(julianday(left_on) - julianday(admitted_on) AS INTEGER)
  WHERE ${where};
  UPDATE closed_episodes SET to_ms = ${LOCAL_MIDNIGHT_MS('next_admitted_on')} WHERE ${where};
  ${refreshScores(where)}`;

const refreshScores = (where: string) =>
  `UPDATE closed_episodes SET ${firstAndLatest('phq9', SCORED)}, ${firstAndLatest('gad7', SCORED)} WHERE ${where};`;

/** A discharge recorded after the one ending the client's latest closed episode (all of them, with none). */
const NOT_YET_ENDING = (client: string) => `d.rowid > coalesce((SELECT max(x.rowid) FROM closed_episodes e
  JOIN client_discharges x ON x.id = e.ended_by WHERE e.client_id = ${client}), 0)`;

/** The discharge ending the episode a re-admission closes (old.* the client before, new.* after). */
const ENDING_DISCHARGE = `FROM client_discharges d WHERE d.client_id = old.id
  AND d.discharged_on >= old.admission_date AND d.discharged_on <= new.admission_date AND ${NOT_YET_ENDING('old.id')}`;

const HISTORY_COLUMNS = [
  'client_id',
  'seq',
  'admitted_on',
  'clinician_id',
  'ended_by',
  'ended_on',
  'left_on',
  'known_from',
  'closed_at_ms',
];

/** The local day of epoch ms. */
const DAY = (ms: string) => `date((${ms}) / 1000, 'unixepoch', 'localtime')`;

/**
 * The earliest day on record of a client re-admitted before this version (the figures count their earlier episode in
 * care from it, since its admission date was not kept): the record's creation, first score or first discharge.
 */
const KNOWN_FROM = (client: string) => `min(
  (SELECT ${DAY('c.created_at_ms')} FROM clients c WHERE c.id = ${client}),
  coalesce((SELECT ${DAY('min(a.administered_at_ms)')} FROM assessments a WHERE a.client_id = ${client}), '9999'),
  coalesce((SELECT min(x.discharged_on) FROM client_discharges x WHERE x.client_id = ${client}), '9999'))`;

export const closedEpisodes: Migration = {
  version: 850,
  name: 'closed-episodes',
  up(db) {
    db.exec(`
      CREATE TABLE closed_episodes (
        client_id TEXT NOT NULL REFERENCES clients (id),
        seq INTEGER NOT NULL,
        admitted_on TEXT,
        clinician_id TEXT,
        ended_by TEXT NOT NULL REFERENCES client_discharges (id),
        ended_on TEXT NOT NULL,
        left_on TEXT,
        known_from TEXT NOT NULL,
        closed_at_ms INTEGER NOT NULL,
        next_admitted_on TEXT NOT NULL DEFAULT '',
        from_ms INTEGER,
        to_ms INTEGER NOT NULL DEFAULT 0,
        left_after_days INTEGER,
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
        PRIMARY KEY (client_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX closed_episodes_by_discharge ON closed_episodes (ended_by);

      INSERT INTO closed_episodes (client_id, seq, admitted_on, clinician_id, ended_by, ended_on, left_on,
          known_from, closed_at_ms)
        SELECT o.client_id, 1, NULL, o.clinician_id, d.id, d.discharged_on,
          CASE WHEN d.discharge_type <> 'completed' THEN d.discharged_on END, ${KNOWN_FROM('o.client_id')},
          1000 * unixepoch()
        FROM client_outcomes o JOIN client_discharges d ON d.id = (
          SELECT p.id FROM client_discharges p JOIN clients c ON c.id = p.client_id
          WHERE p.client_id = o.client_id AND p.discharged_on <= c.admission_date
            AND p.id IS NOT (SELECT e.id FROM client_discharges e WHERE e.client_id = o.client_id
              AND c.status = 'discharged' ORDER BY e.recorded_at_ms DESC, e.rowid DESC LIMIT 1)
          ORDER BY p.recorded_at_ms DESC, p.rowid DESC LIMIT 1)
        WHERE o.episode_from_ms IS NOT NULL;
      ${refreshClosed('1')}

      CREATE TRIGGER closed_episodes_readmission AFTER UPDATE OF admission_date, status ON clients
        WHEN new.status <> 'discharged' AND (old.status = 'discharged' OR new.admission_date > old.admission_date)
          AND EXISTS (SELECT 1 ${ENDING_DISCHARGE}) BEGIN
        INSERT INTO closed_episodes (client_id, seq, admitted_on, clinician_id, ended_by, ended_on, left_on,
            known_from, closed_at_ms)
          SELECT old.id, coalesce((SELECT max(seq) FROM closed_episodes WHERE client_id = old.id), 0) + 1,
            old.admission_date, old.assigned_clinician_id, d.id, d.discharged_on,
            CASE WHEN d.discharge_type <> 'completed' THEN d.discharged_on END, old.admission_date,
            new.updated_at_ms
          ${ENDING_DISCHARGE} ORDER BY d.recorded_at_ms DESC, d.rowid DESC LIMIT 1;
        ${refreshClosed('client_id = new.id')}
      END;
      CREATE TRIGGER closed_episodes_admission AFTER UPDATE OF admission_date ON clients BEGIN
        ${refreshClosed('client_id = new.id')}
      END;
      CREATE TRIGGER closed_episodes_assessment_insert AFTER INSERT ON assessments BEGIN
        ${refreshScores('client_id = new.client_id')}
      END;
      CREATE TRIGGER closed_episodes_assessment_update
        AFTER UPDATE OF client_id, instrument_id, status, total, administered_at_ms ON assessments BEGIN
        ${refreshScores('client_id IN (old.client_id, new.client_id)')}
      END;
      CREATE TRIGGER closed_episodes_assessment_delete AFTER DELETE ON assessments BEGIN
        ${refreshScores('client_id = old.client_id')}
      END;
      CREATE TRIGGER closed_episodes_no_update BEFORE UPDATE OF ${HISTORY_COLUMNS.join(', ')} ON closed_episodes
        BEGIN SELECT RAISE(ABORT, 'a closed episode of care is never changed'); END;
      CREATE TRIGGER closed_episodes_no_delete BEFORE DELETE ON closed_episodes
        BEGIN SELECT RAISE(ABORT, 'a closed episode of care is never deleted'); END;
      -- INSERT OR REPLACE deletes without the delete trigger (recursive triggers are off): refused here.
      CREATE TRIGGER closed_episodes_no_replace BEFORE INSERT ON closed_episodes
        WHEN EXISTS (SELECT 1 FROM closed_episodes WHERE client_id = new.client_id AND seq = new.seq)
        BEGIN SELECT RAISE(ABORT, 'a closed episode of care is never replaced'); END;
      -- Whatever the status, the admission date stays on or after the discharge that closed the episode before.
      CREATE TRIGGER closed_episodes_admission_bound BEFORE UPDATE OF admission_date ON clients
        WHEN new.admission_date < (SELECT e.ended_on FROM closed_episodes e WHERE e.client_id = new.id
          ORDER BY e.seq DESC LIMIT 1)
        BEGIN SELECT RAISE(ABORT, 'the admission date is before the discharge that closed the earlier episode'); END;
    `);
  },
};
