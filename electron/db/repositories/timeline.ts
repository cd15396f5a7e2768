/**
 * The chart timeline: everything recorded for one client, newest first. Each source is one SELECT in the same
 * shape; a new capability adds its source here.
 */
import type { Db } from '../connection';
import { CONSENT_TYPE_LABELS, type ConsentType } from '../../../shared/domain/consents';
import { INTAKE_SECTIONS, type IntakeSectionId } from '../../../shared/domain/intake';
import type { TimelineEvent } from '../../../shared/domain/timeline';

interface TimelineRow {
  at_ms: number;
  kind: TimelineEvent['kind'];
  ref: string | null;
  a: string | null;
  b: number | null;
}

const SOURCES = [
  `SELECT created_at_ms AS at_ms, 'client-created' AS kind, NULL AS ref, chart_number AS a, NULL AS b
     FROM clients WHERE id = @clientId`,
  `SELECT saved_at_ms, 'intake-section', section, section, NULL FROM intake_sections WHERE client_id = @clientId`,
  // One event per day of logged doses, at the last dose of that day (local time of this computer).
  `SELECT max(taken_at_ms), 'use-log-day', date(taken_at_ms / 1000, 'unixepoch', 'localtime'),
          printf('%.1f', sum(amount_grams)), count(*)
     FROM use_log WHERE client_id = @clientId
     GROUP BY date(taken_at_ms / 1000, 'unixepoch', 'localtime')`,
  `SELECT created_at_ms, 'consent-created', id, type, NULL FROM consents WHERE client_id = @clientId`,
  `SELECT revoked_at_ms, 'consent-revoked', id, type, NULL FROM consents
     WHERE client_id = @clientId AND revoked_at_ms IS NOT NULL`,
];

function describe(r: TimelineRow): TimelineEvent {
  switch (r.kind) {
    case 'client-created':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: 'Client added',
        detail: `Chart ${r.a ?? ''}`,
        area: 'profile',
        refId: null,
      };
    case 'intake-section':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `Intake: ${INTAKE_SECTIONS[r.a as IntakeSectionId]?.title ?? r.a} saved`,
        detail: '',
        area: 'intake',
        refId: r.ref,
      };
    case 'use-log-day':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `Use log: ${r.b ?? 0} ${r.b === 1 ? 'dose' : 'doses'}`,
        detail: `${r.a ?? '0'} g on ${r.ref ?? ''}`,
        area: 'use-log',
        refId: r.ref,
      };
    case 'consent-created':
    case 'consent-revoked':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `${r.kind === 'consent-created' ? 'Consent recorded' : 'Consent revoked'}: ${CONSENT_TYPE_LABELS[r.a as ConsentType] ?? r.a}`,
        detail: '',
        area: 'consents',
        refId: r.ref,
      };
  }
}

export function clientTimeline(db: Db, clientId: string, limit: number): TimelineEvent[] {
  const rows = db
    .prepare(`SELECT * FROM (${SOURCES.join(' UNION ALL ')}) ORDER BY at_ms DESC LIMIT @limit`)
    .all({ clientId, limit }) as TimelineRow[];
  return rows.map(describe);
}
