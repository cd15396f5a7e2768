/**
 * Migrations are history: append-only, in this explicit order, each applied with its user_version bump inside one
 * transaction. Editing an applied migration is never right; add a new one.
 */
import type Database from 'better-sqlite3';
import { clinicProfile } from './0010-clinic-profile';
import { users } from './0020-users';
import { auditLog } from './0030-audit-log';
import { settings } from './0040-settings';
import { clients } from './0050-clients';
import { intake } from './0060-intake';
import { useLog } from './0070-use-log';
import { consents } from './0080-consents';
import { assessments } from './0090-assessments';
import { levelOfCare } from './0100-level-of-care';
import { alerts } from './0110-alerts';
import { treatmentPlans } from './0120-treatment-plans';
import { notes } from './0130-notes';
import { notesIntegrity } from './0140-notes-integrity';
import { consentEndEvent } from './0150-consent-end-event';
import { disclosures } from './0160-disclosures';
import { useLogUnits } from './0170-use-log-units';
import { levelOfCareLevels } from './0180-level-of-care-levels';
import { groupCovered } from './0200-group-covered';
import { alertFindings } from './0210-alert-findings';
import { singleDisclosure } from './0220-single-disclosure';
import { clientNames } from './0240-client-names';
import { clientDischarges } from './0250-client-discharges';
import { taperVersions } from './0300-taper-versions';
import { medications } from './0330-medications';
import { matNotes } from './0340-mat-notes';
import { withdrawalVitals } from './0350-withdrawal-vitals';
import { pawsCheckins } from './0360-paws-checkins';
import { administrator } from './0400-administrator';
import { recoveryPlans } from './0500-recovery-plans';
import { alertSafetyPlan } from './0510-alert-safety-plan';
import { planDisclosures } from './0520-plan-disclosures';
import { recordExports } from './0600-record-exports';
import { consentEndAtDischarge } from './0700-consent-end-at-discharge';
import { dischargeSummaries } from './0710-discharge-summaries';
import { measureSchedules } from './0740-measure-schedules';
import { dischargeFollowUps } from './0750-discharge-follow-ups';
import { disclosuresConsentInForce } from './0770-disclosures-consent-in-force';
import { clientOutcomes } from './0780-client-outcomes';
import { clientLanguage } from './0790-client-language';
import { measureDue } from './0800-measure-due';
import { wordingHistory } from './0810-wording-history';
import { noteSearchKeys } from './0840-note-search-keys';
import { closedEpisodes } from './0850-closed-episodes';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  clinicProfile,
  users,
  auditLog,
  settings,
  clients,
  intake,
  useLog,
  consents,
  assessments,
  levelOfCare,
  alerts,
  treatmentPlans,
  notes,
  notesIntegrity,
  consentEndEvent,
  disclosures,
  useLogUnits,
  levelOfCareLevels,
  groupCovered,
  alertFindings,
  singleDisclosure,
  clientNames,
  clientDischarges,
  taperVersions,
  medications,
  matNotes,
  withdrawalVitals,
  pawsCheckins,
  administrator,
  recoveryPlans,
  alertSafetyPlan,
  planDisclosures,
  recordExports,
  consentEndAtDischarge,
  dischargeSummaries,
  measureSchedules,
  dischargeFollowUps,
  disclosuresConsentInForce,
  clientOutcomes,
  clientLanguage,
  measureDue,
  wordingHistory,
  noteSearchKeys,
  closedEpisodes,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

assertMonotonic(MIGRATIONS);

function assertMonotonic(list: readonly Migration[]): void {
  let previous = 0;
  for (const m of list) {
    if (m.version <= previous) throw new Error(`migration ${m.name} is out of order`);
    previous = m.version;
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema up to `target` (the latest by default). Returns the versions applied. */
export function migrate(db: Database.Database, target: number = LATEST_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION)
    throw new Error(`schema ${current} is newer than this app (${LATEST_VERSION})`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
