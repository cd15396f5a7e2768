/**
 * The practice's outcome figures (issue 15 item 3; definitions in shared/domain/outcomes.ts), as aggregate SELECTs
 * so nothing per client leaves SQLite. They read `client_outcomes` (migration 0780), one narrow row per client kept
 * by triggers, so every per-client figure is one pass over it; a period that ends before a client's latest score
 * reads that client's scores through the `assessments_scored` index instead. Scores count when complete with a
 * total. Each figure counts episodes of care (shared/domain/episode.ts): the current one of every client
 * (`client_outcomes`) and those a re-admission closed (`closed_episodes`, migration 0850), each with its own
 * admission, discharge, clinician and scores, so a closed period's figures stay what they were after a re-admission.
 * Score times are compared with the local midnights of the period's days (this computer's zone), like the timeline's
 * use-log days.
 */
import type { Db } from '../connection';
import { localMidnight } from '../../../shared/domain/common';
import { DISCHARGE_TYPES, type DischargeType } from '../../../shared/domain/clients';
import { addDays } from '../../../shared/domain/measures';
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

/** The parameters of a period and clinician, with `today` for retention, in this computer's zone. */
export function outcomeParams(
  q: { from: string; to: string; clinicianId: string | null },
  today: string,
): OutcomeParams {
  return {
    from: q.from,
    to: q.to,
    fromMs: localMidnight(q.from),
    toEndMs: localMidnight(addDays(q.to, 1)),
    last30From: addDays(q.to, -30),
    today,
    clinicianId: q.clinicianId,
  };
}

/** Every episode: the current ones, and the closed ones (which end at the local midnight of the next admission). */
const PHQ_GAD = ['phq9', 'gad7']
  .flatMap((i) => ['scores', 'first_at_ms', 'first', 'latest_at_ms', 'latest'].map((c) => `${i}_${c}`))
  .join(', ');
const CURRENT = `(SELECT client_id, clinician_id, admission_date, admission_date AS known_from, ended_on,
    left_after_days, episode_from_ms, NULL AS episode_to_ms, ${PHQ_GAD} FROM client_outcomes)`;
const CLOSED = `(SELECT client_id, clinician_id, admitted_on AS admission_date, known_from, ended_on,
    left_after_days, from_ms AS episode_from_ms, to_ms AS episode_to_ms, ${PHQ_GAD} FROM closed_episodes)`;
/** For a scan. A join looks each source up by its key instead (a join into the compound would index it first). */
const EPISODES = `(SELECT * FROM ${CURRENT} UNION ALL SELECT * FROM ${CLOSED})`;

/** The episode's scores (shared/domain/episode.ts): all before a first episode's end, a re-admission's from its day. */
const IN_EPISODE = `a.administered_at_ms >= coalesce(o.episode_from_ms, -9223372036854775808)
  AND a.administered_at_ms < coalesce(o.episode_to_ms, 9223372036854775807)`;

const SCORED = (instrument: string) => `FROM assessments a WHERE a.instrument_id = '${instrument}'
  AND a.client_id = o.client_id AND a.status = 'complete' AND a.total IS NOT NULL AND a.administered_at_ms < @toEndMs
  AND ${IN_EPISODE}`;

/**
 * The latest score by the period's end of a client with two or more by then and a first of 10 or more, else null.
 * From the row when the period ends after the latest score; otherwise from the scores before the end.
 */
const latestOfEligible = (i: 'phq9' | 'gad7') => `CASE
    WHEN o.${i}_first_at_ms IS NULL OR o.${i}_first_at_ms >= @toEndMs OR o.${i}_first < 10 THEN NULL
    WHEN o.${i}_latest_at_ms < @toEndMs THEN CASE WHEN o.${i}_scores >= 2 THEN o.${i}_latest END
    WHEN (SELECT count(*) FROM (SELECT 1 ${SCORED(i)} LIMIT 2)) = 2
      THEN (SELECT a.total ${SCORED(i)} ORDER BY a.administered_at_ms DESC, a.id DESC LIMIT 1)
  END`;

/** A score in the period's last 30 days: [@last30Ms, @toEndMs). */
const measuredRecently = (i: 'phq9' | 'gad7') => `CASE
    WHEN o.${i}_latest_at_ms IS NULL OR o.${i}_latest_at_ms < @last30Ms THEN 0
    WHEN o.${i}_latest_at_ms < @toEndMs THEN 1
    ELSE EXISTS (SELECT 1 ${SCORED(i)} AND a.administered_at_ms >= @last30Ms)
  END`;

/**
 * Episodes of the chosen clinician (or all) admitted by the period's end and not discharged before its start. An
 * episode closed before version 0850 has no admission date on record: it counts from the earliest day on record.
 */
const IN_CARE = `(@clinicianId IS NULL OR o.clinician_id = @clinicianId) AND o.known_from <= @to
  AND (o.ended_on IS NULL OR o.ended_on >= @from)`;

/**
 * Retention at N days: of the clients admitted in the period at least N days ago (all of them in care), those with
 * no discharge other than a completed treatment within N days of admission. "Admitted at least N days ago" is
 * `admission_date <= today − N days`; the days to leaving are kept on the row (`left_after_days`, migration 0800).
 */
const retained = (days: number) => `
  coalesce(sum(o.admission_date >= @from AND o.admission_date <= @admittedBy${days}), 0) AS retention${days}Eligible,
  coalesce(sum(o.admission_date >= @from AND o.admission_date <= @admittedBy${days}
    AND (o.left_after_days IS NULL OR o.left_after_days >= ${days})), 0) AS retention${days}Count`;

interface CareRow {
  clientsInCare: number;
  admissions: number;
  retention30Eligible: number;
  retention30Count: number;
  retention90Eligible: number;
  retention90Count: number;
  atEnd: number;
  measured: number;
  phq9Eligible: number;
  phq9Response: number;
  phq9Remission: number;
  gad7Eligible: number;
  gad7Response: number;
  gad7Remission: number;
}

/**
 * Every per-client figure in one pass over the clients in care. The `LIMIT -1` keeps the CTE from being flattened
 * into the aggregate, which would evaluate each client's latest score once per sum that reads it.
 */
function care(
  db: Db,
  p: OutcomeParams & { last30Ms: number; admittedBy30: string; admittedBy90: string },
): CareRow {
  const response = (i: 'phq9' | 'gad7') => `
    count(${i}_latest) AS ${i}Eligible, coalesce(sum(${i}_latest * 2 <= ${i}_first), 0) AS ${i}Response,
    coalesce(sum(${i}_latest < 5), 0) AS ${i}Remission`;
  return db
    .prepare(
      `WITH in_care AS (
         SELECT o.client_id, o.admission_date, o.left_after_days, o.phq9_first, o.gad7_first,
           ${latestOfEligible('phq9')} AS phq9_latest, ${latestOfEligible('gad7')} AS gad7_latest,
           o.ended_on IS NULL OR o.ended_on > @to AS at_end,
           CASE WHEN o.ended_on IS NULL OR o.ended_on > @to
             THEN ${measuredRecently('phq9')} AND ${measuredRecently('gad7')} ELSE 0 END AS measured
         FROM ${EPISODES} o WHERE ${IN_CARE}
         LIMIT -1)
       SELECT count(DISTINCT o.client_id) AS clientsInCare, coalesce(sum(o.admission_date >= @from), 0) AS admissions,
         ${retained(30)}, ${retained(90)},
         coalesce(sum(at_end), 0) AS atEnd, coalesce(sum(measured), 0) AS measured,
         ${response('phq9')}, ${response('gad7')}
       FROM in_care o`,
    )
    .get(p) as CareRow;
}

export function outcomeFigures(db: Db, p: OutcomeParams): Omit<OutcomeFigures, 'clinicianName'> {
  const c = care(db, {
    ...p,
    last30Ms: localMidnight(addDays(p.last30From, 1)),
    admittedBy30: addDays(p.today, -30),
    admittedBy90: addDays(p.today, -90),
  });
  // The discharges that ended an episode, each with the clinician of that episode: a closed episode's (1), the
  // current episode's while the client is Discharged (3); a correction recorded in the same episode (a signed summary
  // saying otherwise) stands for the discharge it corrects. Before version 0850 episodes were not told apart, so every
  // discharge before the one ending a client's earlier episodes counts, with that row's clinician (2).
  const byType = db
    .prepare(
      `SELECT type, count(*) AS n FROM (
         SELECT d.discharge_type AS type,
           CASE WHEN e.ended_by IS NOT NULL THEN e.clinician_id
             WHEN bx.rowid > d.rowid THEN b.clinician_id
             ELSE (SELECT o.clinician_id FROM client_outcomes o WHERE o.client_id = d.client_id) END AS clinician_id,
           e.ended_by IS NOT NULL OR bx.rowid > d.rowid
             OR d.id = (SELECT x.id FROM client_discharges x JOIN clients c ON c.id = x.client_id
               WHERE x.client_id = d.client_id AND c.status = 'discharged'
               ORDER BY x.recorded_at_ms DESC, x.rowid DESC LIMIT 1) AS ended
         FROM client_discharges d
           LEFT JOIN closed_episodes e ON e.ended_by = d.id
           LEFT JOIN closed_episodes b ON b.client_id = d.client_id AND b.admitted_on IS NULL
           LEFT JOIN client_discharges bx ON bx.id = b.ended_by
         WHERE d.discharged_on BETWEEN @from AND @to)
       WHERE ended AND (@clinicianId IS NULL OR clinician_id IS @clinicianId)
       GROUP BY type`,
    )
    .all(p) as Array<{ type: DischargeType; n: number }>;
  const discharges = Object.fromEntries(
    DISCHARGE_TYPES.map((t) => [t, byType.find((r) => r.type === t)?.n ?? 0]),
  ) as Record<DischargeType, number>;
  // Each client's highest COWS in the period (of the episodes in care; they never overlap).
  const cows = db
    .prepare(
      `WITH scored AS (
         SELECT a.client_id, a.total, a.administered_at_ms FROM assessments a
         WHERE a.instrument_id = 'cows' AND a.status = 'complete' AND a.total IS NOT NULL
           AND a.administered_at_ms >= @fromMs AND a.administered_at_ms < @toEndMs),
       in_episode AS (
         ${[CURRENT, CLOSED]
           .map(
             (
               source,
             ) => `SELECT a.client_id, a.total FROM scored a JOIN ${source} o ON o.client_id = a.client_id
               WHERE ${IN_EPISODE} AND ${IN_CARE}`,
           )
           .join(' UNION ALL ')}),
       peaks AS (SELECT max(total) AS peak FROM in_episode GROUP BY client_id),
       ordered AS (SELECT peak, row_number() OVER (ORDER BY peak) AS rn, count(*) OVER () AS n FROM peaks)
       SELECT (SELECT count(*) FROM peaks) AS clients,
         (SELECT avg(peak) FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median`,
    )
    .get(p) as { clients: number; median: number | null };
  return {
    from: p.from,
    to: p.to,
    clientsInCare: c.clientsInCare,
    admissions: c.admissions,
    discharges,
    retention30: { eligible: c.retention30Eligible, count: c.retention30Count },
    retention90: { eligible: c.retention90Eligible, count: c.retention90Count },
    measuredOnSchedule: { eligible: c.atEnd, count: c.measured },
    phq9: { eligible: c.phq9Eligible, response: c.phq9Response, remission: c.phq9Remission },
    gad7: { eligible: c.gad7Eligible, response: c.gad7Response, remission: c.gad7Remission },
    cowsPeak: cows,
  };
}
