import type { Db } from '../connection';
import {
  INTAKE_SECTIONS,
  type Intake,
  type IntakeSectionId,
  type IntakeSectionSave,
} from '../../../shared/domain/intake';

interface IntakeRow {
  section: IntakeSectionId;
  data: string;
  saved_at_ms: number;
}

export function getIntake(db: Db, clientId: string): Intake {
  const rows = db
    .prepare('SELECT section, data, saved_at_ms FROM intake_sections WHERE client_id = ?')
    .all(clientId) as IntakeRow[];
  const intake: Intake = {
    clientId,
    sections: {
      kratom: null,
      substances: null,
      medical: null,
      psychiatric: null,
      pregnancy: null,
      social: null,
      reasons: null,
    },
    savedAtMs: {},
  };
  for (const r of rows) {
    // Stored data was checked on the way in; parsing again guards against a row written by an older schema.
    const parsed = INTAKE_SECTIONS[r.section].schema.safeParse(JSON.parse(r.data));
    if (!parsed.success) continue;
    (intake.sections as Record<IntakeSectionId, unknown>)[r.section] = parsed.data;
    intake.savedAtMs[r.section] = r.saved_at_ms;
  }
  return intake;
}

export function saveIntakeSection(
  db: Db,
  clientId: string,
  save: IntakeSectionSave,
  userId: string,
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO intake_sections (client_id, section, data, saved_at_ms, saved_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (client_id, section) DO UPDATE SET data = excluded.data, saved_at_ms = excluded.saved_at_ms,
       saved_by = excluded.saved_by`,
  ).run(clientId, save.section, JSON.stringify(save.data), atMs, userId);
}
