import type { Db } from '../connection';
import type { TreatmentPlan, TreatmentPlanInput } from '../../../shared/domain/treatmentPlans';

interface PlanRow {
  client_id: string;
  version: number;
  plan: string;
  created_at_ms: number;
  created_by_name: string | null;
}

const SELECT = `SELECT p.*, u.display_name AS created_by_name FROM treatment_plan_versions p
  LEFT JOIN users u ON u.id = p.created_by`;

const planFromRow = (r: PlanRow): TreatmentPlan => ({
  clientId: r.client_id,
  version: r.version,
  plan: JSON.parse(r.plan) as TreatmentPlanInput,
  createdAtMs: r.created_at_ms,
  createdByName: r.created_by_name,
});

export function currentPlanVersion(db: Db, clientId: string): number {
  const row = db
    .prepare('SELECT max(version) AS v FROM treatment_plan_versions WHERE client_id = ?')
    .get(clientId) as {
    v: number | null;
  };
  return row.v ?? 0;
}

export function insertPlanVersion(
  db: Db,
  clientId: string,
  version: number,
  plan: TreatmentPlanInput,
  userId: string,
  atMs: number,
): void {
  db.prepare(
    'INSERT INTO treatment_plan_versions (client_id, version, plan, created_at_ms, created_by) VALUES (?, ?, ?, ?, ?)',
  ).run(clientId, version, JSON.stringify(plan), atMs, userId);
}

export function getPlanVersion(db: Db, clientId: string, version: number): TreatmentPlan | null {
  const row = db.prepare(`${SELECT} WHERE p.client_id = ? AND p.version = ?`).get(clientId, version) as
    PlanRow | undefined;
  return row ? planFromRow(row) : null;
}

export function listPlanVersions(db: Db, clientId: string): TreatmentPlan[] {
  return (
    db.prepare(`${SELECT} WHERE p.client_id = ? ORDER BY p.version DESC`).all(clientId) as PlanRow[]
  ).map(planFromRow);
}
