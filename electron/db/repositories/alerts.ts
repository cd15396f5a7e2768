import type { Db } from '../connection';
import type { Acknowledgement, Alert, AlertKind, RedFlagSymptom } from '../../../shared/domain/alerts';

interface AlertRow {
  id: string;
  client_id: string;
  kind: AlertKind;
  symptoms: string;
  detail: string;
  source_type: string;
  source_id: string | null;
  raised_at_ms: number;
  raised_by_name: string | null;
  acknowledged_at_ms: number | null;
  acknowledged_by_name: string | null;
  acknowledgement: string | null;
  safety_plan_id: string | null;
  safety_plan_version: number | null;
}

const SELECT = `SELECT a.*, r.display_name AS raised_by_name, k.display_name AS acknowledged_by_name,
    p.version AS safety_plan_version
  FROM alerts a LEFT JOIN users r ON r.id = a.raised_by LEFT JOIN users k ON k.id = a.acknowledged_by
  LEFT JOIN recovery_plans p ON p.id = a.safety_plan_id`;

const alertFromRow = (r: AlertRow): Alert => ({
  id: r.id,
  clientId: r.client_id,
  kind: r.kind,
  symptoms: JSON.parse(r.symptoms) as RedFlagSymptom[],
  detail: r.detail,
  sourceType: r.source_type,
  sourceId: r.source_id,
  raisedAtMs: r.raised_at_ms,
  raisedByName: r.raised_by_name,
  acknowledgement:
    r.acknowledged_at_ms !== null && r.acknowledgement
      ? {
          ...(JSON.parse(r.acknowledgement) as Acknowledgement),
          atMs: r.acknowledged_at_ms,
          byName: r.acknowledged_by_name,
          safetyPlan:
            r.safety_plan_id !== null && r.safety_plan_version !== null
              ? { id: r.safety_plan_id, version: r.safety_plan_version }
              : null,
        }
      : null,
});

export interface NewAlert {
  id: string;
  clientId: string;
  kind: AlertKind;
  symptoms: readonly RedFlagSymptom[];
  detail: string;
  sourceType: string;
  sourceId: string | null;
}

/** Raises an alert unless this source already raised one of this kind. Returns whether a new alert was raised. */
export function raiseAlert(db: Db, a: NewAlert, userId: string, atMs: number): boolean {
  return (
    db
      .prepare(
        `INSERT INTO alerts (id, client_id, kind, symptoms, detail, source_type, source_id, raised_at_ms, raised_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_type, source_id, kind) WHERE source_id IS NOT NULL DO NOTHING`,
      )
      .run(
        a.id,
        a.clientId,
        a.kind,
        JSON.stringify(a.symptoms),
        a.detail,
        a.sourceType,
        a.sourceId,
        atMs,
        userId,
      ).changes === 1
  );
}

export function acknowledgeAlert(
  db: Db,
  id: string,
  ack: Acknowledgement,
  userId: string,
  atMs: number,
  safetyPlanId: string | null = null,
): boolean {
  return (
    db
      .prepare(
        `UPDATE alerts SET acknowledged_at_ms = ?, acknowledged_by = ?, acknowledgement = ?, safety_plan_id = ?
         WHERE id = ? AND acknowledged_at_ms IS NULL`,
      )
      .run(atMs, userId, JSON.stringify(ack), safetyPlanId, id).changes === 1
  );
}

export function getAlert(db: Db, id: string): Alert | null {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AlertRow | undefined;
  return row ? alertFromRow(row) : null;
}

export function listAlerts(db: Db, clientId: string): Alert[] {
  return (
    db.prepare(`${SELECT} WHERE a.client_id = ? ORDER BY a.raised_at_ms DESC`).all(clientId) as AlertRow[]
  ).map(alertFromRow);
}
