import type { Db } from '../connection';
import type { ProductForm } from '../../../shared/domain/intake';
import type { DoseUnit, Trigger, UseLogEntry, UseLogInput } from '../../../shared/domain/useLog';

interface UseLogRow {
  id: string;
  client_id: string;
  taken_at_ms: number;
  product: string;
  form: ProductForm;
  amount: number;
  unit: DoseUnit;
  trigger: Trigger | null;
  symptoms: string;
  note: string;
  recorded_at_ms: number;
  recorded_by: string;
}

const entryFromRow = (r: UseLogRow): UseLogEntry => ({
  id: r.id,
  clientId: r.client_id,
  takenAtMs: r.taken_at_ms,
  product: r.product,
  form: r.form,
  amount: r.amount,
  unit: r.unit,
  trigger: r.trigger,
  symptomsBetweenDoses: r.symptoms,
  note: r.note,
  recordedAtMs: r.recorded_at_ms,
  recordedBy: r.recorded_by,
});

export function insertUseLogEntry(
  db: Db,
  id: string,
  clientId: string,
  e: UseLogInput,
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO use_log (id, client_id, taken_at_ms, product, form, amount, unit, trigger, symptoms, note,
       recorded_at_ms, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    clientId,
    e.takenAtMs,
    e.product,
    e.form,
    e.amount,
    e.unit,
    e.trigger,
    e.symptomsBetweenDoses,
    e.note,
    atMs,
    userId,
  );
}

export function updateUseLogEntry(db: Db, id: string, e: UseLogInput): boolean {
  return (
    db
      .prepare(
        `UPDATE use_log SET taken_at_ms = ?, product = ?, form = ?, amount = ?, unit = ?, trigger = ?, symptoms = ?, note = ?
         WHERE id = ?`,
      )
      .run(e.takenAtMs, e.product, e.form, e.amount, e.unit, e.trigger, e.symptomsBetweenDoses, e.note, id)
      .changes === 1
  );
}

export function deleteUseLogEntry(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM use_log WHERE id = ?').run(id).changes === 1;
}

export function getUseLogEntry(db: Db, id: string): UseLogEntry | null {
  const row = db.prepare('SELECT * FROM use_log WHERE id = ?').get(id) as UseLogRow | undefined;
  return row ? entryFromRow(row) : null;
}

export function listUseLog(db: Db, clientId: string): UseLogEntry[] {
  return (
    db.prepare('SELECT * FROM use_log WHERE client_id = ? ORDER BY taken_at_ms').all(clientId) as UseLogRow[]
  ).map(entryFromRow);
}

export function countUseLog(db: Db, clientId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM use_log WHERE client_id = ?').get(clientId) as { n: number })
    .n;
}

/** The product forms this client's log holds, each once. */
export function loggedForms(db: Db, clientId: string): ProductForm[] {
  return (
    db.prepare('SELECT DISTINCT form FROM use_log WHERE client_id = ?').all(clientId) as Array<{
      form: ProductForm;
    }>
  ).map((r) => r.form);
}
