/**
 * When the full health check runs. Policy (README: "Health check"):
 * - At every unlock the cheap check runs: header, application_id, user_version, core tables and a bounded sample
 *   (connection.ts). Its cost does not grow with the file, so the idle lock does not bring back a 10 s wait.
 * - The full check (quick_check, every page) runs at unlock when the last session did not close cleanly (the
 *   in-use marker is still there after a crash, power cut or kill), when no full check has passed in the last 7
 *   days, and when none is on record. It also runs on every backup written (the copy is checked page by page, and
 *   VACUUM INTO reads every page of the source, failing on a damaged one), before a restore (the backup and the
 *   restored copy), and on demand (`verify`, Settings and the CLI).
 * - A failed check of either depth refuses to open the database and changes nothing: the damaged file is never
 *   deleted; the lock screen offers the newest verified backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../security/keyring';

export const FULL_CHECK_EVERY_MS = 7 * 86_400_000;

export const inUseMarker = (dataDir: string) => path.join(dataDir, 'clearleaf.db.in-use');
const healthFile = (dataDir: string) => path.join(dataDir, 'health.json');

export function lastFullCheckAtMs(dataDir: string): number | null {
  try {
    const v = (JSON.parse(fs.readFileSync(healthFile(dataDir), 'utf8')) as { lastFullCheckAtMs?: unknown })
      .lastFullCheckAtMs;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

export function recordFullCheck(dataDir: string, atMs: number): void {
  writeFileAtomic(healthFile(dataDir), JSON.stringify({ lastFullCheckAtMs: atMs }));
}

export function forgetFullCheck(dataDir: string): void {
  fs.rmSync(healthFile(dataDir), { force: true });
}

export function needsFullCheck(input: {
  uncleanShutdown: boolean;
  lastFullCheckAtMs: number | null;
  nowMs: number;
}): boolean {
  if (input.uncleanShutdown || input.lastFullCheckAtMs === null) return true;
  // A clock set back makes the last check look in the future: check rather than trust it.
  const age = input.nowMs - input.lastFullCheckAtMs;
  return age < 0 || age >= FULL_CHECK_EVERY_MS;
}

export function fullCheckDue(dataDir: string, nowMs: number): boolean {
  return needsFullCheck({
    uncleanShutdown: fs.existsSync(inUseMarker(dataDir)),
    lastFullCheckAtMs: lastFullCheckAtMs(dataDir),
    nowMs,
  });
}

/** Marks the database in use; removed at a clean close. Still there at the next start means it did not close. */
export function markInUse(dataDir: string): void {
  fs.writeFileSync(inUseMarker(dataDir), '', { mode: 0o600 });
}

export function markClosedCleanly(dataDir: string): void {
  fs.rmSync(inUseMarker(dataDir), { force: true });
}
