/**
 * System events that lock the practice, and how long each waits for the page's unsaved words first. Policy:
 * screen lock waits the usual bound; sleep and shutdown or log-off wait briefly, since the system does not wait for
 * long (Windows gives an app a few seconds at `session-end`, and a quit that never comes must not lose words: the
 * page's words are flushed, the database committed with synchronous=FULL, and the practice locked).
 */
export const PAGE_FLUSH_TIMEOUT_MS = 4_000;
export const SUSPEND_FLUSH_TIMEOUT_MS = 500;

export type LockingEvent = 'lock-screen' | 'suspend' | 'shutdown' | 'session-end';

/** The events main listens to (powerMonitor for the first three, the window's `session-end` on Windows). */
export const LOCKING_EVENTS: Readonly<Record<LockingEvent, number>> = {
  'lock-screen': PAGE_FLUSH_TIMEOUT_MS,
  suspend: SUSPEND_FLUSH_TIMEOUT_MS,
  shutdown: SUSPEND_FLUSH_TIMEOUT_MS,
  'session-end': SUSPEND_FLUSH_TIMEOUT_MS,
};

/** Every file the app creates is owner-only from its first byte (the folder is shared with nobody). */
export const OWNER_ONLY_UMASK = 0o077;

/** How often main checks whether the daily backup is due while the practice stays unlocked. */
export const BACKUP_CHECK_MS = 60 * 60_000;
