/**
 * An aftercare plan starts from what the record already holds (issue 11, CLINICAL.md §5): the next appointment from
 * the latest signed progress note and from the signed relapse-prevention plan, that plan itself, progress on the
 * treatment plan's goals, the urgent red flags and the crisis numbers with the clinic's own. Each source is one
 * function over the repositories; a source the record gains later (medications, prescriber and pharmacy once a
 * medications table exists) is one more entry in AFTERCARE_SOURCES. Sources fill only what they know; the
 * clinician completes and edits the rest before signing.
 */
import { crisisNumbersText, emptyAftercare, type AftercareContent } from '../../shared/domain/recoveryPlans';
import { PLAN_ITEM_STATUS_LABELS } from '../../shared/domain/treatmentPlans';
import type { Db } from '../db/connection';
import { signedNoteNextAppointments } from '../db/repositories/aftercareSources';
import { getClinic } from '../db/repositories/clinic';
import { latestSignedRecoveryPlanRow, recoveryPlanFromRow } from '../db/repositories/recoveryPlans';
import { listPlanVersions } from '../db/repositories/treatmentPlans';

export type AftercareSource = (db: Db, clientId: string) => Partial<AftercareContent>;

const relapsePlanSource: AftercareSource = (db, clientId) => {
  const row = latestSignedRecoveryPlanRow(db, clientId, 'relapse-prevention');
  return row ? { relapsePreventionPlanId: row.id } : {};
};

const nextAppointmentsSource: AftercareSource = (db, clientId) => {
  const lines: string[] = [];
  const [note] = signedNoteNextAppointments(db, clientId, 1);
  if (note) lines.push(`${note.nextAppointment} (from the session of ${note.sessionDate})`);
  const rp = latestSignedRecoveryPlanRow(db, clientId, 'relapse-prevention');
  if (rp) {
    const content = recoveryPlanFromRow(rp).content;
    const next = content.kind === 'relapse-prevention' ? content.plan.nextAppointment : '';
    if (next.trim() !== '' && !lines.some((l) => l.startsWith(next.trim()))) {
      lines.push(`${next.trim()} (from the relapse-prevention plan)`);
    }
  }
  return lines.length ? { nextAppointments: lines.join('\n') } : {};
};

const goalProgressSource: AftercareSource = (db, clientId) => {
  const [current] = listPlanVersions(db, clientId);
  if (!current) return {};
  const goals = current.plan.problems.flatMap((p) => p.goals);
  if (goals.length === 0) return {};
  return {
    statusAtDischarge: [
      'Progress on the treatment-plan goals:',
      ...goals.map((g) => `• ${g.text}: ${PLAN_ITEM_STATUS_LABELS[g.status].toLowerCase()}`),
    ].join('\n'),
  };
};

const crisisNumbersSource: AftercareSource = (db) => {
  const clinic = getClinic(db);
  return clinic ? { crisisNumbers: crisisNumbersText(clinic.name, clinic.phone) } : {};
};

/** In order; a later source's value for a field replaces an earlier one's. */
export const AFTERCARE_SOURCES: readonly AftercareSource[] = [
  goalProgressSource,
  nextAppointmentsSource,
  relapsePlanSource,
  crisisNumbersSource,
];

export function aftercarePrefill(
  db: Db,
  clientId: string,
  sources: readonly AftercareSource[] = AFTERCARE_SOURCES,
): AftercareContent {
  return sources.reduce<AftercareContent>(
    (acc, source) => ({ ...acc, ...source(db, clientId) }),
    emptyAftercare(),
  );
}
