import type { Db } from '../connection';
import type { ClinicProfile } from '../../../shared/domain/identity';

interface ClinicProfileRow {
  name: string;
  address: string;
  phone: string;
  updated_at_ms: number;
}

export function getClinic(db: Db): ClinicProfile | null {
  const row = db
    .prepare('SELECT name, address, phone, updated_at_ms FROM clinic_profile WHERE id = 1')
    .get() as ClinicProfileRow | undefined;
  return row ? { name: row.name, address: row.address, phone: row.phone } : null;
}

export function saveClinic(db: Db, profile: ClinicProfile, atMs: number): void {
  db.prepare(
    `INSERT INTO clinic_profile (id, name, address, phone, updated_at_ms) VALUES (1, @name, @address, @phone, @atMs)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
       updated_at_ms = excluded.updated_at_ms`,
  ).run({ ...profile, atMs });
}
