/**
 * The chart timeline: everything recorded for one client, newest first. Each source is one SELECT in the same
 * shape; a new capability adds its source here.
 */
import type { Db } from '../connection';
import { CONSENT_TYPE_LABELS, type ConsentType } from '../../../shared/domain/consents';
import { INTAKE_SECTIONS, type IntakeSectionId } from '../../../shared/domain/intake';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import { ALERT_KIND_LABELS, type AlertKind } from '../../../shared/domain/alerts';
import { LEVEL_LABELS, type Level } from '../../../shared/domain/levelOfCare';
import { DISCHARGE_TYPE_LABELS, type DischargeType } from '../../../shared/domain/clients';
import { TAPER_CHANGE_LABELS, type TaperChange } from '../../../shared/domain/taper';
import { RECOVERY_PLAN_TITLES, type RecoveryPlanKind } from '../../../shared/domain/recoveryPlans';
import { AFTERCARE_LABELS, CONTACT_RESULT_LABELS, USING_LABELS } from '../../../shared/domain/followUp';
import {
  PHASE_LABELS,
  medicationName,
  type KnownMedication,
  type MedicationPhase,
} from '../../../shared/domain/medications';

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
          printf('%.1f', total(CASE WHEN unit = 'g' AND form IN ('leaf-powder', 'capsules') THEN amount END))
            || '|' || sum(form IN ('extract', 'shot', '7-oh-product')), count(*)
     FROM use_log WHERE client_id = @clientId
     GROUP BY date(taken_at_ms / 1000, 'unixepoch', 'localtime')`,
  `SELECT created_at_ms, 'consent-created', id, type, NULL FROM consents WHERE client_id = @clientId`,
  `SELECT revoked_at_ms, 'consent-revoked', id, type, NULL FROM consents
     WHERE client_id = @clientId AND revoked_at_ms IS NOT NULL`,
  `SELECT ended_at_ms, 'consent-ended', id, type, NULL FROM consents
     WHERE client_id = @clientId AND ended_at_ms IS NOT NULL`,
  // For the suicide-risk screen the band slot carries the clinician's risk level.
  `SELECT administered_at_ms, 'assessment', id,
          instrument_id || '|' || coalesce(band, json_extract(input, '$.record.riskLevel') || '-risk', ''), total
     FROM assessments WHERE client_id = @clientId`,
  `SELECT decided_at_ms, 'level-of-care', id, level || '|' || json_extract(decision, '$.reason'), NULL
     FROM level_of_care_decisions WHERE client_id = @clientId`,
  `SELECT raised_at_ms, 'alert-raised', id, kind, NULL FROM alerts WHERE client_id = @clientId`,
  `SELECT acknowledged_at_ms, 'alert-acknowledged', id, kind, NULL FROM alerts
     WHERE client_id = @clientId AND acknowledged_at_ms IS NOT NULL`,
  // Private SUD counselling notes never appear on the timeline (CLINICAL.md §6).
  `SELECT signed_at_ms, 'note-signed', id, kind || '|' || json_extract(content, '$.format'), NULL FROM notes
     WHERE client_id = @clientId AND signed_at_ms IS NOT NULL AND kind <> 'sud-counselling'`,
  `SELECT created_at_ms, 'plan-version', CAST(version AS TEXT), NULL, version FROM treatment_plan_versions
     WHERE client_id = @clientId`,
  `SELECT recorded_at_ms, 'discharge', discharged_on, discharge_type, NULL FROM client_discharges
     WHERE client_id = @clientId`,
  `SELECT created_at_ms, 'taper-version', CAST(version AS TEXT), change, version FROM taper_versions
     WHERE client_id = @clientId`,
  `SELECT signed_at_ms, 'recovery-plan-signed', id, kind, version FROM recovery_plans
     WHERE client_id = @clientId AND signed_at_ms IS NOT NULL`,
  // Medications (migration 0330): each version is a change; its phase and dose in the detail.
  `SELECT v.recorded_at_ms, 'medication-change', v.medication_id,
          json_extract(v.body, '$.medication') || '|' || coalesce(json_extract(v.body, '$.otherName'), '') || '|' ||
          v.phase || '|' || coalesce(json_extract(v.body, '$.dose'), '') || ' ' || json_extract(v.body, '$.unit'),
          v.version
     FROM medication_versions v JOIN medications m ON m.id = v.medication_id WHERE m.client_id = @clientId`,
  `SELECT signed_at_ms, 'mat-note-signed', id, contact_date, json_extract(content, '$.induction') FROM mat_notes
     WHERE client_id = @clientId AND signed_at_ms IS NOT NULL`,
  `SELECT signed_at_ms, 'discharge-summary-signed', id,
          json_extract(content, '$.written.dischargedOn') || '|' || json_extract(content, '$.written.dischargeType'),
          NULL
     FROM discharge_summaries WHERE client_id = @clientId AND signed_at_ms IS NOT NULL`,
  // Follow-up contacts after discharge (migration 0750): the day asked for, and the result in the detail.
  `SELECT recorded_at_ms, 'follow-up', id, result || '|' || using_status || '|' || aftercare || '|' ||
          readmission_offered || '|' || contacted_on, day
     FROM discharge_follow_ups WHERE client_id = @clientId`,
];

const INSTRUMENT_NAMES: Record<string, string> = {
  cows: 'COWS',
  sows: 'SOWS',
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  auditc: 'AUDIT-C',
  sud: 'SUD checklist',
  'suicide-screen': 'Suicide-risk screen',
};

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
        // Leaf grams only; strong forms are counted as doses, never added into grams (CLINICAL.md §1.5).
        detail: useLogDayDetail(r.a, r.ref),
        area: 'use-log',
        refId: r.ref,
      };
    case 'assessment': {
      const [instrument = '', band = ''] = (r.a ?? '').split('|');
      const score =
        r.b === null
          ? band
            ? `: ${band.replace(/-/g, ' ')}`
            : ''
          : `: ${r.b}${band ? ` (${band.replace(/-/g, ' ')})` : ''}`;
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `${INSTRUMENT_NAMES[instrument] ?? instrument}${score}`,
        detail: '',
        area: 'assessments',
        refId: r.ref,
      };
    }
    case 'level-of-care': {
      const [level = '', ...reason] = (r.a ?? '').split('|');
      const text = reason.join('|');
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `Level of care: ${LEVEL_LABELS[level as Level] ?? level}`,
        detail: text.length > 140 ? `${text.slice(0, 139)}…` : text,
        area: 'level-of-care',
        refId: r.ref,
      };
    }
    case 'alert-raised':
    case 'alert-acknowledged':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `${r.kind === 'alert-raised' ? 'Alert raised' : 'Alert acknowledged'}: ${ALERT_KIND_LABELS[r.a as AlertKind] ?? r.a}`,
        detail: '',
        area: 'alerts',
        refId: r.ref,
      };
    case 'note-signed': {
      const [kind = '', format = ''] = (r.a ?? '').split('|');
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `${kind === 'group-member' ? 'Group note' : 'Progress note'} signed${format && format !== 'group' ? ` (${format.toUpperCase()})` : ''}`,
        detail: '',
        area: 'notes',
        refId: r.ref,
      };
    }
    case 'plan-version':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: r.b === 1 ? 'Treatment plan written' : `Treatment plan revised (version ${r.b ?? ''})`,
        detail: '',
        area: 'plan',
        refId: r.ref,
      };
    case 'discharge':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `Discharged: ${DISCHARGE_TYPE_LABELS[r.a as DischargeType] ?? r.a}`,
        detail: `Discharge date ${r.ref ?? ''}`,
        area: 'profile',
        refId: null,
      };
    case 'taper-version':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `Taper: ${TAPER_CHANGE_LABELS[r.a as TaperChange] ?? r.a}`,
        detail: r.b === 1 ? '' : `Version ${r.b ?? ''}`,
        area: 'taper',
        refId: r.ref,
      };
    case 'discharge-summary-signed': {
      const [on = '', type = ''] = (r.a ?? '').split('|');
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: 'Discharge summary signed',
        detail: `${DISCHARGE_TYPE_LABELS[type as DischargeType] ?? type}, discharged ${on}`,
        area: 'discharge',
        refId: r.ref,
      };
    }
    case 'recovery-plan-signed':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `${RECOVERY_PLAN_TITLES[r.a as RecoveryPlanKind] ?? r.a} signed${r.b === 1 ? '' : ` (version ${r.b ?? ''})`}`,
        detail: '',
        area: 'recovery-plans',
        refId: r.ref,
      };
    case 'medication-change': {
      const [medication = '', otherName = '', phase = '', dose = ''] = (r.a ?? '').split('|');
      const name = medicationName({ medication: medication as KnownMedication, otherName });
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `${r.b === 1 ? 'Medication added' : 'Medication changed'}: ${name}`,
        detail: `${dose.trim()} — ${PHASE_LABELS[phase as MedicationPhase] ?? phase}`.replace(/^ — /, ''),
        area: 'mat',
        refId: r.ref,
      };
    }
    case 'mat-note-signed':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `MAT coordination note signed${r.b === 1 ? ' (induction)' : ''}`,
        detail: `contact ${r.a ?? ''}`,
        area: 'mat',
        refId: r.ref,
      };
    case 'follow-up':
      return followUpEvent(r);
    case 'consent-created':
    case 'consent-revoked':
    case 'consent-ended':
      return {
        atMs: r.at_ms,
        kind: r.kind,
        title: `${CONSENT_EVENT_WORDS[r.kind]}: ${CONSENT_TYPE_LABELS[r.a as ConsentType] ?? r.a}`,
        detail: '',
        area: 'consents',
        refId: r.ref,
      };
  }
}

function followUpEvent(r: TimelineRow): TimelineEvent {
  const [result = '', using = '', aftercare = '', offered = '', on = ''] = (r.a ?? '').split('|');
  const answers =
    result === 'reached'
      ? [
          USING_LABELS[using as keyof typeof USING_LABELS],
          AFTERCARE_LABELS[aftercare as keyof typeof AFTERCARE_LABELS],
        ].filter((w) => w && w !== 'Not asked')
      : [];
  if (offered === '1') answers.push('re-admission offered');
  return {
    atMs: r.at_ms,
    kind: 'follow-up',
    title: `${r.b ?? ''}-day follow-up: ${CONTACT_RESULT_LABELS[result as keyof typeof CONTACT_RESULT_LABELS] ?? result}`,
    detail: [`Contact on ${on}`, ...answers].join('; '),
    area: 'profile',
    refId: r.ref,
  };
}

const CONSENT_EVENT_WORDS = {
  'consent-created': 'Consent recorded',
  'consent-revoked': 'Consent revoked',
  'consent-ended': 'Consent ended: its ending event happened',
} as const;

export function clientTimeline(db: Db, clientId: string, limit: number): TimelineEvent[] {
  const rows = db
    .prepare(`SELECT * FROM (${SOURCES.join(' UNION ALL ')}) ORDER BY at_ms DESC LIMIT @limit`)
    .all({ clientId, limit }) as TimelineRow[];
  return rows.map(describe);
}

function useLogDayDetail(a: string | null, date: string | null): string {
  const [grams = '0.0', strong = '0'] = (a ?? '').split('|');
  const strongDoses = Number(strong);
  const strongText =
    strongDoses > 0 ? ` and ${strongDoses} ${strongDoses === 1 ? 'dose' : 'doses'} of strong products` : '';
  return `${grams} g${strongText} on ${date ?? ''}`;
}
