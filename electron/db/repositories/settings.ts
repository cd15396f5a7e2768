import type { Db } from '../connection';
import { IDLE_LOCK_DEFAULT_MINUTES, type Settings } from '../../../shared/domain/identity';

interface SettingRow {
  key: string;
  value: string;
}

const DEFAULTS: Settings = { idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES };

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as SettingRow[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { idleLockMinutes: (stored.idleLockMinutes as number | undefined) ?? DEFAULTS.idleLockMinutes };
}

/** The optional second backup folder (an external drive), or '' when none is chosen. */
export function getSecondBackupDir(db: Db): string {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'secondBackupDir'`).get() as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : '';
}

export function saveSecondBackupDir(db: Db, dir: string): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES ('secondBackupDir', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(JSON.stringify(dir));
}

export function saveSettings(db: Db, settings: Settings): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value));
}
