import type { AuditEntry } from '../../shared/domain/identity';

const ENTITY: Record<string, string> = {
  practice: 'practice',
  user: 'staff account',
  session: 'session',
  settings: 'settings',
  'clinic-profile': 'clinic profile',
  'recovery-key': 'recovery key',
  client: 'client record',
  chart: 'chart',
  'use-log': 'use log entry',
  consent: 'consent',
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
  delete: 'Deleted',
  revoke: 'Revoked',
  'export-plaintext': 'Exported a plaintext copy of',
};

/** Audit rows in plain words. They carry no clinical text, only what was done to which kind of record. */
export function describeAudit(e: AuditEntry): string {
  const entity = ENTITY[e.entity] ?? e.entity;
  const action = ACTION[e.action] ?? e.action;
  if (e.entity === 'session') return e.action === 'unlock-failed' ? 'Failed unlock attempt' : action;
  if (e.entity.startsWith('intake-')) return `${action} intake (${e.entity.slice('intake-'.length)})`;
  return `${action} ${entity}`;
}
