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
  systolic: number | null;
  diastolic: number | null;
  heart_rate: number | null;
  temperature_c: number | null;
}

const SELECT = `SELECT a.*, u.display_name AS administered_by_name, s.display_name AS signed_by_name
  FROM assessments a LEFT JOIN users u ON u.id = a.administered_by LEFT JOIN users s ON s.id = a.signed_by`;

/** The vital signs live in their own columns (migration 0350, with range checks), not in the answers' JSON. */
function inputFromRow(r: AssessmentRow): AssessmentInput {
  const input = AssessmentInputSchema.parse(JSON.parse(r.input));
  if (input.instrumentId === 'suicide-screen') return input;
  const taken = r.systolic !== null || r.heart_rate !== null || r.temperature_c !== null;
  return {
    ...input,
    vitals: taken
      ? {
          systolic: r.systolic,
          diastolic: r.diastolic,
          heartRate: r.heart_rate,
          temperatureC: r.temperature_c,
        }
      : null,
  };
}

/** The answers' JSON without the vitals, and the vitals as column values. */
function split(input: AssessmentInput): { json: string; vitals: Array<number | null> } {
  if (input.instrumentId === 'suicide-screen')
    return { json: JSON.stringify(input), vitals: [null, null, null, null] };
  const { vitals, ...rest } = input;
  return {
    json: JSON.stringify(rest),
    vitals: [
      vitals?.systolic ?? null,
      vitals?.diastolic ?? null,
      vitals?.heartRate ?? null,
      vitals?.temperatureC ?? null,
    ],
  };
}

const assessmentFromRow = (r: AssessmentRow): Assessment => ({
  id: r.id,
  clientId: r.client_id,
  instrumentVersion: r.instrument_version,
  input: inputFromRow(r),
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
  const { json, vitals } = split(w.input);
  db.prepare(
    `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total, band, flags,
       administered_at_ms, administered_by, created_at_ms, updated_at_ms, systolic, diastolic, heart_rate,
       temperature_c)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    clientId,
    w.input.instrumentId,
    w.version,
    json,
    w.score?.status ?? null,
    w.score?.total ?? null,
    w.score?.band ?? null,
    JSON.stringify(w.score?.flags ?? w.flags),
    w.input.administeredAtMs,
    userId,
    atMs,
    atMs,
    ...vitals,
  );
}

export function updateAssessment(db: Db, id: string, w: AssessmentWrite, atMs: number): void {
  const { json, vitals } = split(w.input);
  db.prepare(
    `UPDATE assessments SET input = ?, instrument_version = ?, status = ?, total = ?, band = ?, flags = ?,
       administered_at_ms = ?, updated_at_ms = ?, systolic = ?, diastolic = ?, heart_rate = ?, temperature_c = ?
     WHERE id = ?`,
  ).run(
    json,
    w.version,
    w.score?.status ?? null,
    w.score?.total ?? null,
    w.score?.band ?? null,
    JSON.stringify(w.score?.flags ?? w.flags),
    w.input.administeredAtMs,
    atMs,
    ...vitals,
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

/** A client's scores, oldest first (exported for the benchmark's raw baseline). */
export const CLIENT_ASSESSMENTS_SQL = `${SELECT} WHERE a.client_id = ? ORDER BY a.administered_at_ms, a.created_at_ms`;

export function listAssessments(db: Db, clientId: string): Assessment[] {
  return (db.prepare(CLIENT_ASSESSMENTS_SQL).all(clientId) as AssessmentRow[]).map(assessmentFromRow);
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
