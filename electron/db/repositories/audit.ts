/**
 * The audit log: who did what to which record, when. Never clinical text: actions and entity names are fixed
 * identifiers, record ids are opaque. Rows are hash-chained; `verifyAuditChain` recomputes the chain.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../connection';
import type { AuditEntry } from '../../../shared/domain/identity';
import { listName } from '../../../shared/domain/names';

export interface AuditEvent {
  atMs: number;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
}

interface AuditRow {
  id: number;
  at_ms: number;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

function rowHash(id: number, prevHash: string, e: AuditEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([id, prevHash, e.atMs, e.userId, e.action, e.entity, e.entityId]))
    .digest('hex');
}

/** Appends one row. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, event: AuditEvent): number {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const id = (last?.id ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  db.prepare(
    `INSERT INTO audit_log (id, at_ms, user_id, action, entity, entity_id, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    event.atMs,
    event.userId,
    event.action,
    event.entity,
    event.entityId,
    prevHash,
    rowHash(id, prevHash, event),
  );
  return id;
}

/**
 * The client an audit row is about, from its entity and id: rows name records, never people, so the name is looked
 * up when the log is read (and follows a later correction of the name).
 */
const AUDIT_CLIENT_ID = `CASE
    WHEN a.entity IN ('client', 'chart', 'intake', 'use-log-list', 'consent-list', 'disclosure-list',
                      'treatment-plan', 'measures', 'measure-schedule') OR a.entity GLOB 'intake-*' THEN a.entity_id
    WHEN a.entity = 'use-log' THEN (SELECT client_id FROM use_log WHERE id = a.entity_id)
    WHEN a.entity = 'consent' THEN (SELECT client_id FROM consents WHERE id = a.entity_id)
    WHEN a.entity = 'assessment' THEN (SELECT client_id FROM assessments WHERE id = a.entity_id)
    WHEN a.entity = 'alert' THEN (SELECT client_id FROM alerts WHERE id = a.entity_id)
    WHEN a.entity = 'note' THEN (SELECT client_id FROM notes WHERE id = a.entity_id)
    WHEN a.entity = 'level-of-care' THEN (SELECT client_id FROM level_of_care_decisions WHERE id = a.entity_id)
    WHEN a.entity = 'follow-up' THEN (SELECT client_id FROM discharge_follow_ups WHERE id = a.entity_id)
  END`;

/**
 * Audit rows, newest first. The log itself holds ids only; `withClientNames` looks up the client each row is about
 * for a screen that shows them (Overview's recent activity, Settings' log), never for anything stored or exported.
 */
export function listAudit(
  db: Db,
  options: { limit: number; beforeId: number | null; withClientNames?: boolean },
): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.at_ms, a.user_id, a.action, a.entity, a.entity_id, u.display_name,
         c.legal_first_name, c.legal_last_name
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       LEFT JOIN clients c ON c.id = ${AUDIT_CLIENT_ID}
       WHERE (? IS NULL OR a.id < ?)
       ORDER BY a.id DESC LIMIT ?`,
    )
    .all(options.beforeId, options.beforeId, options.limit) as Array<
    AuditRow & {
      display_name: string | null;
      legal_first_name: string | null;
      legal_last_name: string | null;
    }
  >;
  return rows.map((r) => ({
    id: r.id,
    atMs: r.at_ms,
    userId: r.user_id,
    userName: r.display_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    clientName:
      !options.withClientNames || r.legal_first_name === null || r.legal_last_name === null
        ? null
        : listName({ legalFirstName: r.legal_first_name, legalLastName: r.legal_last_name }),
  }));
}

export interface AuditVerification {
  rows: number;
  ok: boolean;
  /** The first row whose hash or link does not match, when the chain is broken. */
  firstBadId: number | null;
}

export function verifyAuditChain(db: Db): AuditVerification {
  let prevHash = GENESIS;
  let expectedId = 1;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows += 1;
    const event: AuditEvent = {
      atMs: r.at_ms,
      userId: r.user_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
    };
    if (r.id !== expectedId || r.prev_hash !== prevHash || r.hash !== rowHash(r.id, prevHash, event)) {
      return { rows, ok: false, firstBadId: r.id };
    }
    prevHash = r.hash;
    expectedId += 1;
  }
  return { rows, ok: true, firstBadId: null };
}

/**
 * The chain's anchor, kept outside the database (with the keyring and in every backup's recovery kit): how many
 * rows the log had and the hash of the last one. With the database key one could drop the triggers, cut the tail
 * and re-hash; a copy of the anchor elsewhere shows it, because the row at `rows` must still carry `lastHash`.
 */
export interface AuditAnchor {
  rows: number;
  lastHash: string;
}

export function auditAnchor(db: Db): AuditAnchor {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  return { rows: last?.id ?? 0, lastHash: last?.hash ?? GENESIS };
}

/** The audit rows after `afterId`: how many, when the first and last were written, and how many per entity. */
export interface AuditSince {
  changes: number;
  firstAtMs: number | null;
  lastAtMs: number | null;
  byEntity: Record<string, number>;
}

/** Audit actions that change no record: what a restore sets aside is counted without them. */
const READ_ONLY_ACTIONS = ['view', 'unlock', 'unlock-failed', 'lock', 'idle-lock', 'backup'] as const;

export function auditSince(db: Db, afterId: number): AuditSince {
  // Only what changed a record counts: reading a chart, unlocking, locking or taking a backup loses nothing.
  const changed = `id > ? AND action NOT IN (${READ_ONLY_ACTIONS.map(() => '?').join(', ')})`;
  const span = db
    .prepare(`SELECT count(*) AS n, min(at_ms) AS first, max(at_ms) AS last FROM audit_log WHERE ${changed}`)
    .get(afterId, ...READ_ONLY_ACTIONS) as { n: number; first: number | null; last: number | null };
  const rows = db
    .prepare(`SELECT entity, count(*) AS n FROM audit_log WHERE ${changed} GROUP BY entity ORDER BY entity`)
    .all(afterId, ...READ_ONLY_ACTIONS) as Array<{ entity: string; n: number }>;
  return {
    changes: span.n,
    firstAtMs: span.first,
    lastAtMs: span.last,
    byEntity: Object.fromEntries(rows.map((r) => [r.entity, r.n])),
  };
}

/**
 * A stable id for the practice: the start of the hash of its first audit row (written at setup, with the first
 * account's random id, and never changed or removed). Backups and restores keep it; another practice never has it.
 */
export function practiceId(db: Db): string {
  const first = db.prepare('SELECT hash FROM audit_log WHERE id = 1').get() as { hash: string } | undefined;
  if (!first) throw new Error('The practice has no audit log yet.');
  return first.hash.slice(0, 16);
}

export type AnchorCheck = 'matches' | 'no-anchor' | 'rows-missing' | 'hash-differs';

/** Compares the log with an anchor written earlier: the log may have grown since, never shrunk or changed. */
export function checkAuditAnchor(db: Db, anchor: AuditAnchor | null | undefined): AnchorCheck {
  if (!anchor) return 'no-anchor';
  if (anchor.rows === 0) return 'matches';
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor.rows) as
    { hash: string } | undefined;
  if (!row) return 'rows-missing';
  return row.hash === anchor.lastHash ? 'matches' : 'hash-differs';
}

/**
 * The triggers that make history append-only or keep signed rows as signed; `verify` reports any that are missing.
 * Every trigger that refuses an UPDATE or DELETE belongs here: a test reads them from the migrated schema.
 */
export const PROTECTING_TRIGGERS = [
  'audit_log_no_update',
  'audit_log_no_delete',
  'notes_signed_immutable',
  'notes_signed_no_delete',
  'note_addenda_no_update',
  'note_addenda_no_delete',
  'group_sessions_signed_immutable',
  'group_sessions_signed_no_delete',
  'assessments_signed_no_update',
  'assessments_signed_no_delete',
  'level_of_care_no_update',
  'level_of_care_no_delete',
  'treatment_plan_versions_no_update',
  'treatment_plan_versions_no_delete',
  'consents_no_delete',
  'alerts_no_delete',
  'disclosures_no_update',
  'disclosures_no_delete',
  'notes_draft_integrity',
  'alerts_acknowledged_once',
  'alerts_finding_fixed',
  'alerts_safety_plan_signed_own',
  'consents_end_event_once',
  'consents_end_event_kind',
  'client_discharges_no_update',
  'client_discharges_no_delete',
  'taper_versions_no_update',
  'taper_versions_no_delete',
  'medications_no_update',
  'medications_no_delete',
  'medication_versions_no_update',
  'medication_versions_no_delete',
  'mat_notes_signed_immutable',
  'mat_notes_signed_no_delete',
  'mat_notes_signed_whole',
  'mat_note_addenda_no_update',
  'mat_note_addenda_no_delete',
  'paws_checkins_no_update',
  'paws_checkins_no_delete',
  'recovery_plans_signed_kept',
  'recovery_plans_same_identity',
  'recovery_plans_signed_not_deleted',
  'discharge_summaries_signed_kept',
  'discharge_summaries_same_identity',
  'discharge_summaries_signed_not_deleted',
  'discharge_follow_ups_no_update',
  'discharge_follow_ups_no_delete',
  'disclosures_consent_in_force',
  'clinic_wording_no_update',
  'clinic_wording_no_delete',
  // Not refusing, but required: they keep client_outcomes (migration 0780) in step with the records. A table rebuilt
  // by a later migration drops its triggers; without these the outcome figures and the measures due go quietly wrong.
  'client_outcomes_client_insert',
  'client_outcomes_client_update',
  'client_outcomes_client_delete',
  'client_outcomes_discharge',
  'client_outcomes_assessment_insert',
  'client_outcomes_assessment_update',
  'client_outcomes_assessment_delete',
  // And measure_due (migration 0800): the measures-due worklist reads only it.
  'measure_due_outcomes_insert',
  'measure_due_outcomes_update',
  'measure_due_client',
  'measure_due_client_delete',
  'measure_due_schedule_insert',
  'measure_due_schedule_update',
  'measure_due_schedule_delete',
  'measure_due_contact_insert',
  'measure_due_contact_update',
  'measure_due_contact_delete',
  // Closed episodes of care (migration 0850): the history is refused if changed; the rest keep its figures.
  'closed_episodes_no_update',
  'closed_episodes_no_delete',
  'closed_episodes_no_replace',
  'closed_episodes_admission_bound',
  'closed_episodes_readmission',
  'closed_episodes_admission',
  'closed_episodes_assessment_insert',
  'closed_episodes_assessment_update',
  'closed_episodes_assessment_delete',
] as const;

export function missingProtectingTriggers(db: Db): string[] {
  const present = new Set(
    (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`).all() as Array<{ name: string }>
    ).map((r) => r.name),
  );
  return PROTECTING_TRIGGERS.filter((t) => !present.has(t));
}
