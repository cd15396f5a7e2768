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
  return { ...DEFAULTS, ...stored } as Settings;
}

export function saveSettings(db: Db, settings: Settings): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value));
}
