/**
 * Errors cross the process boundary as values, never as thrown exceptions with stacks. Every code has a message a
 * clinician can act on; `field` names the form field at fault so the renderer can show the message beside it.
 */
export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'NEEDS_SETUP',
  'ALREADY_SET_UP',
  'LOCKED',
  'WRONG_PASSPHRASE',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DB_MISSING',
  'DB_EMPTY',
  'DB_TRUNCATED',
  'DB_UNREADABLE',
  'DB_CORRUPT',
  'DB_NEWER_VERSION',
  'DB_NOT_CLEARLEAF',
  'DB_READ_ONLY',
  'DISK_FULL',
  /** keyring.json is cut off or edited: open with the recovery key, which takes a kit from a backup. */
  'KEYRING_DAMAGED',
  /** keyring.json is gone while the database is there: the same way out. */
  'KEYRING_MISSING',
  'NO_RECOVERY_KIT',
  'KIT_UNREADABLE',
  /** A backup failed its check after writing and was discarded. */
  'BACKUP_UNVERIFIED',
  /** Restore over a healthy database from the lock screen: only an administrator, from Settings. */
  'RESTORE_REFUSED',
  /** No application on this computer could open a file main wrote (e.g. no PDF viewer). */
  'NO_APPLICATION',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** The input fields at fault (dotted paths), each with its own message, so a form can show it beside the field. */
  fields: Array<{ path: string; message: string }>;
  /** For TOO_MANY_ATTEMPTS: how long until the next attempt is accepted. */
  retryAfterMs: number | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
