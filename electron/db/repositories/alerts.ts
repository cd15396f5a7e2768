import type { Db } from '../connection';
import {
  alertFinding,
  type Acknowledgement,
  type Alert,
  type AlertFinding,
  type AlertKind,
  type RedFlagSymptom,
} from '../../../shared/domain/alerts';

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
  finding: AlertFinding;
  repeat_of: string | null;
  repeat_raised_at_ms: number | null;
  repeat_source_type: string | null;
  repeat_acknowledged_at_ms: number | null;
  safety_plan_id: string | null;
  safety_plan_version: number | null;
}

const SELECT = `SELECT a.*, r.display_name AS raised_by_name, k.display_name AS acknowledged_by_name,
    p.raised_at_ms AS repeat_raised_at_ms, p.source_type AS repeat_source_type,
    p.acknowledged_at_ms AS repeat_acknowledged_at_ms, sp.version AS safety_plan_version
  FROM alerts a LEFT JOIN users r ON r.id = a.raised_by LEFT JOIN users k ON k.id = a.acknowledged_by
  LEFT JOIN alerts p ON p.id = a.repeat_of
  LEFT JOIN recovery_plans sp ON sp.id = a.safety_plan_id`;

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
  finding: r.finding,
  repeatOf:
    r.repeat_of !== null && r.repeat_raised_at_ms !== null
      ? {
          id: r.repeat_of,
          raisedAtMs: r.repeat_raised_at_ms,
          sourceType: r.repeat_source_type ?? '',
          acknowledgedAtMs: r.repeat_acknowledged_at_ms,
        }
      : null,
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
  /** A session note's alerts: which of its findings this one is (one alert per note and finding). */
  noteFinding?: 'suicidal-ideation' | 'homicidal-ideation' | 'red-flags' | null;
}

/** Midnight at the start of the local day of `atMs`. */
function startOfLocalDay(atMs: number): number {
  const d = new Date(atMs);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * The alert a new one repeats: the newest of this client with the same finding raised the same local day that is
 * still open or was acknowledged that day. Null when there is none.
 */
export function repeatedAlertId(
  db: Db,
  clientId: string,
  finding: AlertFinding,
  atMs: number,
): string | null {
  const since = startOfLocalDay(atMs);
  const row = db
    .prepare(
      `SELECT id FROM alerts
       WHERE client_id = ? AND finding = ? AND raised_at_ms >= ? AND raised_at_ms <= ?
         AND (acknowledged_at_ms IS NULL OR acknowledged_at_ms >= ?)
       ORDER BY raised_at_ms DESC, rowid DESC LIMIT 1`,
    )
    .get(clientId, finding, since, atMs, since) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Raises an alert unless this source already raised one of this kind and finding. Returns whether a new alert was
 * raised. One for the same client and finding raised earlier the same day (open, or acknowledged that day) is
 * linked as the one it repeats.
 */
export function raiseAlert(db: Db, a: NewAlert, userId: string, atMs: number): boolean {
  const finding = alertFinding({ kind: a.kind, symptoms: a.symptoms, noteFinding: a.noteFinding ?? null });
  if (
    a.sourceId !== null &&
    db
      .prepare('SELECT 1 FROM alerts WHERE source_type = ? AND source_id = ? AND kind = ? AND finding = ?')
      .get(a.sourceType, a.sourceId, a.kind, finding)
  ) {
    return false;
  }
  const repeatOf = repeatedAlertId(db, a.clientId, finding, atMs);
  return (
    db
      .prepare(
        `INSERT INTO alerts (id, client_id, kind, symptoms, detail, source_type, source_id, raised_at_ms, raised_by,
           finding, repeat_of)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_type, source_id, kind, finding) WHERE source_id IS NOT NULL DO NOTHING`,
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
        finding,
        repeatOf,
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
