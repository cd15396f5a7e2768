import type { AuditEntry } from '../../shared/domain/identity';

const ENTITY: Record<string, string> = {
  practice: 'practice',
  user: 'staff account',
  session: 'session',
  settings: 'settings',
  'clinic-profile': 'clinic profile',
  'recovery-key': 'recovery key',
};

const ACTION: Record<string, string> = {
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
};

/** Audit rows in plain words. They carry no clinical text, only what was done to which kind of record. */
export function describeAudit(e: AuditEntry): string {
  const entity = ENTITY[e.entity] ?? e.entity;
  const action = ACTION[e.action] ?? e.action;
  if (e.entity === 'session') return e.action === 'unlock-failed' ? 'Failed unlock attempt' : action;
  return `${action} ${entity}`;
}
