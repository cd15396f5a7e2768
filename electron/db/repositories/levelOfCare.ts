import type { Db } from '../connection';
import type {
  CriteriaLevel,
  Criterion,
  LevelOfCareDecision,
  LevelOfCareDecisionInput,
} from '../../../shared/domain/levelOfCare';

interface DecisionRow {
  id: string;
  client_id: string;
  suggested: CriteriaLevel | null;
  decision: string;
  criteria: string;
  decided_at_ms: number;
  decided_by_name: string | null;
}

export function insertDecision(
  db: Db,
  id: string,
  clientId: string,
  decision: LevelOfCareDecisionInput,
  suggested: CriteriaLevel | null,
  criteria: readonly Criterion[],
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO level_of_care_decisions (id, client_id, level, suggested, decision, criteria, decided_at_ms, decided_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    clientId,
    decision.level,
    suggested,
    JSON.stringify(decision),
    JSON.stringify(criteria),
    atMs,
    userId,
  );
}

export function listDecisions(db: Db, clientId: string): LevelOfCareDecision[] {
  const rows = db
    .prepare(
      `SELECT d.*, u.display_name AS decided_by_name FROM level_of_care_decisions d
       LEFT JOIN users u ON u.id = d.decided_by WHERE d.client_id = ? ORDER BY d.decided_at_ms DESC`,
    )
    .all(clientId) as DecisionRow[];
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    decision: JSON.parse(r.decision) as LevelOfCareDecisionInput,
    suggested: r.suggested,
    criteria: JSON.parse(r.criteria) as Criterion[],
    decidedAtMs: r.decided_at_ms,
    decidedByName: r.decided_by_name,
  }));
}
