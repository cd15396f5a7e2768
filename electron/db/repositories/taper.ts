/** Taper versions (append-only) and the use-log rows plan versus actual reads. */
import type { Db } from '../connection';
import type { ProductForm } from '../../../shared/domain/intake';
import type { TaperChange, TaperVersion } from '../../../shared/domain/taper';
import type { DoseUnit, UseLogEntry } from '../../../shared/domain/useLog';
import type { TaperStep } from '../../../shared/taper';

interface TaperVersionRow {
  client_id: string;
  version: number;
  change: TaperChange;
  effective_date: string;
  product: string;
  form: ProductForm;
  doses_per_day: number;
  reduction_percent: number;
  days_per_step: number;
  precision_grams: number;
  hold_days: number | null;
  reason: string;
  steps: string;
  created_at_ms: number;
  created_by_name: string | null;
}

const SELECT = `SELECT t.*, u.display_name AS created_by_name FROM taper_versions t
  LEFT JOIN users u ON u.id = t.created_by`;

const versionFromRow = (r: TaperVersionRow): TaperVersion => ({
  clientId: r.client_id,
  version: r.version,
  change: r.change,
  effectiveDate: r.effective_date,
  product: r.product,
  form: r.form,
  dosesPerDay: r.doses_per_day,
  reductionPercent: r.reduction_percent,
  daysPerStep: r.days_per_step,
  precisionGrams: r.precision_grams,
  holdDays: r.hold_days,
  reason: r.reason,
  steps: JSON.parse(r.steps) as TaperStep[],
  createdAtMs: r.created_at_ms,
  createdByName: r.created_by_name,
});

export type NewTaperVersion = Omit<TaperVersion, 'createdAtMs' | 'createdByName'>;

export function insertTaperVersion(db: Db, v: NewTaperVersion, userId: string, atMs: number): void {
  db.prepare(
    `INSERT INTO taper_versions (client_id, version, change, effective_date, product, form, doses_per_day,
       reduction_percent, days_per_step, precision_grams, hold_days, reason, steps, created_at_ms, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.clientId,
    v.version,
    v.change,
    v.effectiveDate,
    v.product,
    v.form,
    v.dosesPerDay,
    v.reductionPercent,
    v.daysPerStep,
    v.precisionGrams,
    v.holdDays,
    v.reason,
    JSON.stringify(v.steps),
    atMs,
    userId,
  );
}

export function currentTaperVersion(db: Db, clientId: string): number {
  const row = db
    .prepare('SELECT max(version) AS v FROM taper_versions WHERE client_id = ?')
    .get(clientId) as { v: number | null };
  return row.v ?? 0;
}

/** Every version, newest first. */
export function listTaperVersions(db: Db, clientId: string): TaperVersion[] {
  return (
    db.prepare(`${SELECT} WHERE t.client_id = ? ORDER BY t.version DESC`).all(clientId) as TaperVersionRow[]
  ).map(versionFromRow);
}

/**
 * The client's logged doses from `fromMs` on, every form, with the fields plan versus actual needs. Read here
 * rather than through the use-log summary so the taper keeps its own per-form reading.
 */
export function useLogSince(
  db: Db,
  clientId: string,
  fromMs: number,
): Pick<UseLogEntry, 'takenAtMs' | 'amount' | 'unit' | 'form'>[] {
  return (
    db
      .prepare(
        `SELECT taken_at_ms, amount, unit, form FROM use_log
         WHERE client_id = ? AND taken_at_ms >= ? ORDER BY taken_at_ms`,
      )
      .all(clientId, fromMs) as Array<{
      taken_at_ms: number;
      amount: number;
      unit: DoseUnit;
      form: ProductForm;
    }>
  ).map((r) => ({ takenAtMs: r.taken_at_ms, amount: r.amount, unit: r.unit, form: r.form }));
}
