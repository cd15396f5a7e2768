/** Cross-client worklists: what is waiting for a clinician across the practice. Ids and labels only, no note text. */
import type { Db } from '../connection';
import { listName } from '../../../shared/domain/names';
import { LAST_SERVICE_SQL } from './dischargeSources';

/** The name columns a worklist query selects; `withClientName` makes them "Family, Given" (names.ts). */
interface ClientNameParts {
  client_family: string;
  client_given: string;
}

function withClientName<T extends ClientNameParts>({ client_family, client_given, ...row }: T) {
  return { ...row, client_name: listName({ legalLastName: client_family, legalFirstName: client_given }) };
}

export interface WorkItemRow {
  client_id: string;
  client_name: string;
  chart_number: string;
}

export interface OpenAlertRow extends WorkItemRow {
  id: string;
  kind: string;
  raised_at_ms: number;
}

export function openAlerts(db: Db, limit: number): OpenAlertRow[] {
  return (
    db
      .prepare(
        `SELECT a.id, a.kind, a.raised_at_ms, a.client_id, c.legal_last_name AS client_family, c.legal_first_name AS client_given,
         c.chart_number
       FROM alerts a JOIN clients c ON c.id = a.client_id
       WHERE a.acknowledged_at_ms IS NULL ORDER BY a.raised_at_ms LIMIT ?`,
      )
      .all(limit) as Array<OpenAlertRow & ClientNameParts>
  ).map(withClientName);
}

export interface UnsignedAssessmentRow extends WorkItemRow {
  id: string;
  instrument_id: string;
  administered_at_ms: number;
  total: number | null;
  band: string | null;
  status: string | null;
}

export function unsignedAssessments(db: Db, limit: number): UnsignedAssessmentRow[] {
  return (
    db
      .prepare(
        `SELECT a.id, a.instrument_id, a.administered_at_ms, a.total, a.band, a.status, a.client_id,
         c.legal_last_name AS client_family, c.legal_first_name AS client_given, c.chart_number
       FROM assessments a JOIN clients c ON c.id = a.client_id
       WHERE a.signed_at_ms IS NULL ORDER BY a.administered_at_ms LIMIT ?`,
      )
      .all(limit) as Array<UnsignedAssessmentRow & ClientNameParts>
  ).map(withClientName);
}

export interface PlanReviewRow extends WorkItemRow {
  version: number;
  review_date: string;
}

/** Active clients whose current plan's review date is on or before `today`. */
export function plansDueForReview(db: Db, today: string, limit: number): PlanReviewRow[] {
  return (
    db
      .prepare(
        `SELECT p.client_id, p.version, json_extract(p.plan, '$.reviewDate') AS review_date,
         c.legal_last_name AS client_family, c.legal_first_name AS client_given, c.chart_number
       FROM treatment_plan_versions p JOIN clients c ON c.id = p.client_id
       WHERE c.status = 'active'
         AND p.version = (SELECT max(version) FROM treatment_plan_versions v WHERE v.client_id = p.client_id)
         AND json_extract(p.plan, '$.status') = 'active'
         AND json_extract(p.plan, '$.reviewDate') <= ?
       ORDER BY review_date LIMIT ?`,
      )
      .all(today, limit) as Array<PlanReviewRow & ClientNameParts>
  ).map(withClientName);
}

export interface NoPlanRow extends WorkItemRow {
  admission_date: string;
}

export function activeClientsWithoutPlan(db: Db, limit: number): NoPlanRow[] {
  return (
    db
      .prepare(
        `SELECT c.id AS client_id, c.legal_last_name AS client_family, c.legal_first_name AS client_given, c.chart_number,
         c.admission_date
       FROM clients c
       WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM treatment_plan_versions p WHERE p.client_id = c.id)
       ORDER BY c.admission_date LIMIT ?`,
      )
      .all(limit) as Array<NoPlanRow & ClientNameParts>
  ).map(withClientName);
}

export interface UnsignedNoteRow extends WorkItemRow {
  id: string;
  kind: string;
  session_date: string;
  updated_at_ms: number;
}

/** Drafts of the given author (private SUD counselling drafts included: they are the author's own). */
export function unsignedNotesOf(db: Db, authorId: string, limit: number): UnsignedNoteRow[] {
  return (
    db
      .prepare(
        `SELECT n.id, n.kind, n.session_date, n.updated_at_ms, n.client_id,
         c.legal_last_name AS client_family, c.legal_first_name AS client_given, c.chart_number
       FROM notes n JOIN clients c ON c.id = n.client_id
       WHERE n.signed_at_ms IS NULL AND n.author_id = ? ORDER BY n.session_date LIMIT ?`,
      )
      .all(authorId, limit) as Array<UnsignedNoteRow & ClientNameParts>
  ).map(withClientName);
}

export interface DischargeDueRow extends WorkItemRow {
  status: 'active' | 'on-hold' | 'discharged';
  admission_date: string;
  /** '' when the client has no service. */
  last_service: string;
  discharged_on: string | null;
  has_draft: 0 | 1;
}

/**
 * Clients due a discharge summary: discharged, and their latest discharge has no signed summary; or active or on
 * hold with no service (nor admission, without one) since `considerBefore` ('YYYY-MM-DD').
 */
export function clientsDueDischargeSummary(db: Db, considerBefore: string, limit: number): DischargeDueRow[] {
  return (
    db
      .prepare(
        `SELECT * FROM (
           SELECT c.id AS client_id, c.legal_last_name AS client_family, c.legal_first_name AS client_given,
             c.chart_number, c.status, c.admission_date, ${LAST_SERVICE_SQL} AS last_service,
             d.id AS discharge_id, d.discharged_on,
             EXISTS (SELECT 1 FROM discharge_summaries s WHERE s.client_id = c.id AND s.signed_at_ms IS NULL)
               AS has_draft
           FROM clients c
           LEFT JOIN client_discharges d ON c.status = 'discharged' AND d.id = (
             SELECT id FROM client_discharges WHERE client_id = c.id ORDER BY recorded_at_ms DESC, rowid DESC LIMIT 1)
         ) x
         WHERE (x.status = 'discharged'
             AND NOT EXISTS (SELECT 1 FROM discharge_summaries s WHERE s.discharge_id = x.discharge_id))
           OR (x.status IN ('active', 'on-hold')
             AND (CASE WHEN x.last_service = '' THEN x.admission_date ELSE x.last_service END) < ?)
         ORDER BY CASE WHEN x.last_service = '' THEN coalesce(x.discharged_on, x.admission_date)
           ELSE x.last_service END
         LIMIT ?`,
      )
      .all(considerBefore, limit) as Array<
      DischargeDueRow & ClientNameParts & { discharge_id: string | null }
    >
  ).map(({ discharge_id: _, ...r }) => withClientName(r));
}
