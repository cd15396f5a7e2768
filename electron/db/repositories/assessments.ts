import type { Db } from '../connection';
import {
  AssessmentInputSchema,
  type Assessment,
  type AssessmentInput,
} from '../../../shared/domain/assessments';
import type { InstrumentScore } from '../../../shared/instruments';

interface AssessmentRow {
  id: string;
  client_id: string;
  instrument_id: string;
  instrument_version: string;
  input: string;
  status: InstrumentScore['status'] | null;
  total: number | null;
  band: InstrumentScore['band'];
  flags: string;
  administered_at_ms: number;
  administered_by: string;
  administered_by_name: string | null;
  created_at_ms: number;
  updated_at_ms: number;
  signed_at_ms: number | null;
  signed_by_name: string | null;
}

const SELECT = `SELECT a.*, u.display_name AS administered_by_name, s.display_name AS signed_by_name
  FROM assessments a LEFT JOIN users u ON u.id = a.administered_by LEFT JOIN users s ON s.id = a.signed_by`;

const assessmentFromRow = (r: AssessmentRow): Assessment => ({
  id: r.id,
  clientId: r.client_id,
  instrumentVersion: r.instrument_version,
  input: AssessmentInputSchema.parse(JSON.parse(r.input)),
  score:
    r.status === null
      ? null
      : {
          status: r.status,
          total: r.total,
          band: r.band,
          flags: JSON.parse(r.flags) as InstrumentScore['flags'],
        },
  administeredBy: r.administered_by,
  administeredByName: r.administered_by_name,
  createdAtMs: r.created_at_ms,
  updatedAtMs: r.updated_at_ms,
  signedAtMs: r.signed_at_ms,
  signedByName: r.signed_by_name,
});

export interface AssessmentWrite {
  input: AssessmentInput;
  version: string;
  score: InstrumentScore | null;
  /** Flags of unscored instruments (the suicide-risk screen), stored alongside for display. */
  flags: readonly string[];
}

export function insertAssessment(
  db: Db,
  id: string,
  clientId: string,
  w: AssessmentWrite,
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total, band, flags,
       administered_at_ms, administered_by, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    clientId,
    w.input.instrumentId,
    w.version,
    JSON.stringify(w.input),
    w.score?.status ?? null,
    w.score?.total ?? null,
    w.score?.band ?? null,
    JSON.stringify(w.score?.flags ?? w.flags),
    w.input.administeredAtMs,
    userId,
    atMs,
    atMs,
  );
}

export function updateAssessment(db: Db, id: string, w: AssessmentWrite, atMs: number): void {
  db.prepare(
    `UPDATE assessments SET input = ?, instrument_version = ?, status = ?, total = ?, band = ?, flags = ?,
       administered_at_ms = ?, updated_at_ms = ? WHERE id = ?`,
  ).run(
    JSON.stringify(w.input),
    w.version,
    w.score?.status ?? null,
    w.score?.total ?? null,
    w.score?.band ?? null,
    JSON.stringify(w.score?.flags ?? w.flags),
    w.input.administeredAtMs,
    atMs,
    id,
  );
}

export function signAssessment(db: Db, id: string, userId: string, atMs: number): void {
  db.prepare('UPDATE assessments SET signed_at_ms = ?, signed_by = ? WHERE id = ?').run(atMs, userId, id);
}

export function deleteAssessment(db: Db, id: string): void {
  db.prepare('DELETE FROM assessments WHERE id = ?').run(id);
}

export function getAssessment(db: Db, id: string): Assessment | null {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AssessmentRow | undefined;
  return row ? assessmentFromRow(row) : null;
}

export function listAssessments(db: Db, clientId: string): Assessment[] {
  return (
    db
      .prepare(`${SELECT} WHERE a.client_id = ? ORDER BY a.administered_at_ms, a.created_at_ms`)
      .all(clientId) as AssessmentRow[]
  ).map(assessmentFromRow);
}

/** The latest complete total of one instrument for a client, or null. */
export function latestTotal(
  db: Db,
  clientId: string,
  instrumentId: string,
): { total: number | null; band: string | null } | null {
  const row = db
    .prepare(
      `SELECT total, band FROM assessments WHERE client_id = ? AND instrument_id = ? AND status = 'complete'
       ORDER BY administered_at_ms DESC LIMIT 1`,
    )
    .get(clientId, instrumentId) as { total: number | null; band: string | null } | undefined;
  return row ?? null;
}
