/**
 * The practice's outcome figures (issue 15 item 3; definitions in shared/domain/outcomes.ts), each one aggregate
 * SELECT over the clients in care for the period, so nothing per client leaves SQLite. Local dates of scores use
 * this computer's zone, like the timeline's use-log days.
 */
import type { Db } from '../connection';
import { DISCHARGE_TYPES, type DischargeType } from '../../../shared/domain/clients';
import type { OutcomeFigures } from '../../../shared/domain/outcomes';

export interface OutcomeParams {
  from: string;
  to: string;
  /** Epoch ms of the start of `from` and of the day after `to`, local time. */
  fromMs: number;
  toEndMs: number;
  /** `to` less 30 days, for "measured in the last 30 days". */
  last30From: string;
  today: string;
  clinicianId: string | null;
}

/** Clients of the chosen clinician (or all) admitted by the period's end and not discharged before its start. */
const IN_CARE = `in_care AS (
  SELECT c.id, c.admission_date FROM clients c
  WHERE (@clinicianId IS NULL OR c.assigned_clinician_id = @clinicianId)
    AND c.admission_date <= @to
    AND NOT EXISTS (SELECT 1 FROM client_discharges d WHERE d.client_id = c.id
                    AND d.discharged_on >= c.admission_date AND d.discharged_on < @from))`;

function retention(db: Db, p: OutcomeParams, days: number): { eligible: number; count: number } {
  return db
    .prepare(
      `SELECT count(*) AS eligible, coalesce(sum(NOT EXISTS (
           SELECT 1 FROM client_discharges d WHERE d.client_id = c.id AND d.discharge_type <> 'completed'
             AND d.discharged_on >= c.admission_date AND d.discharged_on < date(c.admission_date, '+${days} days'))), 0)
         AS count
       FROM clients c
       WHERE (@clinicianId IS NULL OR c.assigned_clinician_id = @clinicianId)
         AND c.admission_date BETWEEN @from AND @to
         AND date(c.admission_date, '+${days} days') <= @today`,
    )
    .get(p) as { eligible: number; count: number };
}

/**
 * First and latest score per client by the (client, instrument, time) index: one grouped pass for the count, then
 * two indexed look-ups per client with two or more scores (window functions over the whole table were far slower).
 */
function response(db: Db, p: OutcomeParams, instrument: 'phq9' | 'gad7') {
  const scored = `FROM assessments x WHERE x.client_id = s.client_id AND x.instrument_id = @instrument
      AND x.status = 'complete' AND x.total IS NOT NULL AND x.administered_at_ms < @toEndMs`;
  return db
    .prepare(
      `WITH ${IN_CARE},
       s AS (
         SELECT a.client_id FROM assessments a
         WHERE a.client_id IN (SELECT id FROM in_care) AND a.instrument_id = @instrument AND a.status = 'complete' AND a.total IS NOT NULL
           AND a.administered_at_ms < @toEndMs
         GROUP BY a.client_id HAVING count(*) >= 2),
       fl AS (
         SELECT (SELECT x.total ${scored} ORDER BY x.administered_at_ms, x.id LIMIT 1) AS first,
           (SELECT x.total ${scored} ORDER BY x.administered_at_ms DESC, x.id DESC LIMIT 1) AS latest
         FROM s)
       SELECT count(*) AS eligible, coalesce(sum(latest * 2 <= first), 0) AS response,
         coalesce(sum(latest < 5), 0) AS remission
       FROM fl WHERE first >= 10`,
    )
    .get({ ...p, instrument }) as { eligible: number; response: number; remission: number };
}

export function outcomeFigures(db: Db, p: OutcomeParams): Omit<OutcomeFigures, 'clinicianName'> {
  const caseload = db
    .prepare(
      `WITH ${IN_CARE}
       SELECT count(*) AS clientsInCare, coalesce(sum(admission_date >= @from), 0) AS admissions FROM in_care`,
    )
    .get(p) as { clientsInCare: number; admissions: number };
  const byType = db
    .prepare(
      `SELECT d.discharge_type AS type, count(*) AS n FROM client_discharges d JOIN clients c ON c.id = d.client_id
       WHERE d.discharged_on BETWEEN @from AND @to
         AND (@clinicianId IS NULL OR c.assigned_clinician_id = @clinicianId)
       GROUP BY d.discharge_type`,
    )
    .all(p) as Array<{ type: DischargeType; n: number }>;
  const discharges = Object.fromEntries(
    DISCHARGE_TYPES.map((t) => [t, byType.find((r) => r.type === t)?.n ?? 0]),
  ) as Record<DischargeType, number>;
  // In care at the period's end: not discharged by then. Measured: a PHQ-9 and a GAD-7 in its last 30 days.
  const measured = db
    .prepare(
      `WITH ${IN_CARE},
       at_end AS (SELECT ic.id FROM in_care ic WHERE NOT EXISTS (SELECT 1 FROM client_discharges d
                  WHERE d.client_id = ic.id AND d.discharged_on >= ic.admission_date AND d.discharged_on <= @to))
       SELECT count(*) AS eligible, coalesce(sum(
           (SELECT count(DISTINCT a.instrument_id) FROM assessments a
            WHERE a.client_id = e.id AND a.instrument_id IN ('phq9', 'gad7') AND a.status = 'complete'
              AND date(a.administered_at_ms / 1000, 'unixepoch', 'localtime') > @last30From
              AND a.administered_at_ms < @toEndMs) = 2), 0) AS count
       FROM at_end e`,
    )
    .get(p) as { eligible: number; count: number };
  const cows = db
    .prepare(
      `WITH ${IN_CARE},
       peaks AS (SELECT max(a.total) AS peak FROM assessments a
                 WHERE a.client_id IN (SELECT id FROM in_care) AND a.instrument_id = 'cows' AND a.status = 'complete' AND a.total IS NOT NULL
                   AND a.administered_at_ms >= @fromMs AND a.administered_at_ms < @toEndMs
                 GROUP BY a.client_id),
       ordered AS (SELECT peak, row_number() OVER (ORDER BY peak) AS rn, count(*) OVER () AS n FROM peaks)
       SELECT (SELECT count(*) FROM peaks) AS clients,
         (SELECT avg(peak) FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median`,
    )
    .get(p) as { clients: number; median: number | null };
  return {
    from: p.from,
    to: p.to,
    ...caseload,
    discharges,
    retention30: retention(db, p, 30),
    retention90: retention(db, p, 90),
    measuredOnSchedule: measured,
    phq9: response(db, p, 'phq9'),
    gad7: response(db, p, 'gad7'),
    cowsPeak: cows,
  };
}
