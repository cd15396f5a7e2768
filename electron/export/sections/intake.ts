/** The intake interview: every saved answer as one row of intake.csv (section, field, value). */
import { getIntake } from '../../db/repositories/intake';
import type { CsvValue } from '../csv';
import { counted, type ExportSection } from '../types';

/** Nested answers flattened to dotted field names; lists joined with "; ". */
export function flatten(value: unknown, prefix = ''): Array<[string, CsvValue]> {
  if (value === null || value === undefined) return [[prefix, null]];
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return [[prefix, value.join('; ')]];
    return value.flatMap((v, i) => flatten(v, `${prefix}[${i}]`));
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value as CsvValue]];
}

export const intakeSection: ExportSection = {
  id: 'intake',
  label: 'Intake',
  collect({ db, client }) {
    const intake = getIntake(db, client.id);
    const rows: Array<[string, string, CsvValue]> = [];
    for (const [section, data] of Object.entries(intake.sections)) {
      if (data === null) continue;
      for (const [field, value] of flatten(data)) rows.push([section, field, value]);
    }
    const saved = Object.values(intake.sections).filter((s) => s !== null).length;
    return {
      resources: [],
      tables: [
        {
          file: 'csv/intake.csv',
          description:
            'The intake interview: one row per answer (section, field, value); unsaved sections are absent.',
          columns: ['section', 'field', 'value'],
          rows,
        },
      ],
      pdfs: [],
      summary: saved ? `intake (${counted(saved, 'section')})` : 'no intake saved',
    };
  },
};
