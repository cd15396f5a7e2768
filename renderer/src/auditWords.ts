import type { AuditEntry } from '../../shared/domain/identity';

export const ENTITY_WORDS: Record<string, string> = {
  practice: 'practice',
  user: 'staff account',
  session: 'session',
  settings: 'settings',
  'clinic-profile': 'clinic profile',
  'recovery-key': 'recovery key',
  client: 'client record',
  chart: 'chart',
  'use-log': 'use log entry',
  'use-log-list': 'use log',
  intake: 'intake',
  consent: 'consent',
  'consent-list': 'consents',
  assessment: 'assessment',
  'level-of-care': 'level-of-care decision',
  alert: 'red-flag alert',
  'treatment-plan': 'treatment plan',
  note: 'note',
  'group-session': 'group session',
  'disclosure-list': 'accounting of disclosures',
  taper: 'taper schedule',
  'recovery-plan': 'relapse-prevention, safety or aftercare plan',
  'discharge-summary': 'discharge summary',
  'attendance-sheet': 'group attendance sheet (internal)',
  medication: 'medication',
  'mat-note': 'MAT coordination note',
  'paws-checkin': 'post-acute check-in',
  keyring: 'keyring (matched to the staff accounts)',
  measures: 'scored measures and response',
  'measure-schedule': 'schedule of scored measures',
  'follow-up': 'follow-up contact after discharge',
  outcomes: 'practice outcome figures (aggregate)',
  wording: 'wording of client documents',
};

export const ACTION_WORDS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  unlock: 'Unlocked',
  'unlock-failed': 'Wrong passphrase for',
  lock: 'Locked',
  'idle-lock': 'Locked after idle time',
  recover: 'Reset passphrase with the recovery key for',
  'change-passphrase': 'Changed the passphrase of',
  regenerate: 'Replaced',
  backup: 'Backed up',
  restore: 'Restored from backup',
  view: 'Viewed',
  delete: 'Deleted',
  revoke: 'Revoked',
  'record-end-event': 'Recorded the ending event of',
  'export-plaintext': 'Exported a plaintext copy of',
  revise: 'Revised',
  sign: 'Signed',
  cosign: 'Co-signed',
  addendum: 'Added a signed addendum to',
  print: 'Printed',
  raise: 'Raised',
  acknowledge: 'Acknowledged',
  decide: 'Recorded',
  discharge: 'Recorded the discharge in',
  hold: 'Held a step of the',
  'change-rate': 'Changed the rate of the',
  restart: 'Restarted the',
  'add-attendee': 'Added a late attendee to',
  'print-for-group-record': "Printed for the group's record the",
  'print-for-supervision': 'Printed for clinical supervision the',
  export: 'Exported',
  'set-role': 'Set the role of',
  reconcile: 'Repaired',
};

/** Audit rows in plain words. They carry no clinical text, only what was done to which kind of record. */
export function describeAudit(e: AuditEntry): string {
  const entity = ENTITY_WORDS[e.entity] ?? e.entity;
  const action = ACTION_WORDS[e.action] ?? e.action;
  if (e.entity === 'session') return e.action === 'unlock-failed' ? 'Failed unlock attempt' : action;
  if (e.entity.startsWith('intake-')) return `${action} intake (${e.entity.slice('intake-'.length)})`;
  return `${action} ${entity}`;
}
