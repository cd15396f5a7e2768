/** Medications and their versions: rows are only ever added (the database refuses changes and deletions). */
import type { Db } from '../connection';
import {
  MedicationInputSchema,
  type Medication,
  type MedicationInput,
  type MedicationVersion,
} from '../../../shared/domain/medications';

interface VersionRow {
  medication_id: string;
  client_id: string;
  version: number;
  body: string;
  recorded_at_ms: number;
  recorded_by_name: string | null;
}

const versionFromRow = (r: VersionRow): MedicationVersion => ({
  version: r.version,
  medication: MedicationInputSchema.parse(JSON.parse(r.body)),
  recordedAtMs: r.recorded_at_ms,
  recordedByName: r.recorded_by_name,
});

const SELECT = `SELECT v.*, m.client_id, u.display_name AS recorded_by_name
  FROM medication_versions v JOIN medications m ON m.id = v.medication_id
  LEFT JOIN users u ON u.id = v.recorded_by`;

export function insertMedication(db: Db, id: string, clientId: string, userId: string, atMs: number): void {
  db.prepare('INSERT INTO medications (id, client_id, created_at_ms, created_by) VALUES (?, ?, ?, ?)').run(
    id,
    clientId,
    atMs,
    userId,
  );
}

export function insertMedicationVersion(
  db: Db,
  medicationId: string,
  version: number,
  m: MedicationInput,
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO medication_versions (medication_id, version, body, phase, recorded_at_ms, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(medicationId, version, JSON.stringify(m), m.phase, atMs, userId);
}

function group(rows: VersionRow[]): Medication[] {
  const byId = new Map<string, { clientId: string; history: MedicationVersion[] }>();
  for (const r of rows) {
    const entry = byId.get(r.medication_id) ?? { clientId: r.client_id, history: [] };
    entry.history.push(versionFromRow(r));
    byId.set(r.medication_id, entry);
  }
  return [...byId.entries()].flatMap(([id, { clientId, history }]) => {
    const [current] = history;
    return current ? [{ id, clientId, current, history }] : [];
  });
}

export function getMedication(db: Db, id: string): Medication | null {
  const rows = db
    .prepare(`${SELECT} WHERE v.medication_id = ? ORDER BY v.version DESC`)
    .all(id) as VersionRow[];
  return group(rows)[0] ?? null;
}

export function medicationClientId(db: Db, id: string): string | null {
  const row = db.prepare('SELECT client_id FROM medications WHERE id = ?').get(id) as
    { client_id: string } | undefined;
  return row?.client_id ?? null;
}

/** This client's medications, each with its history newest first; the list ordered by the latest change. */
export function listMedications(db: Db, clientId: string): Medication[] {
  const rows = db
    .prepare(`${SELECT} WHERE m.client_id = ? ORDER BY v.medication_id, v.version DESC`)
    .all(clientId) as VersionRow[];
  return group(rows).sort((a, b) => b.current.recordedAtMs - a.current.recordedAtMs);
}
