/** The baseline use log: every dose with time, product, form, amount, trigger and symptoms. */
import { listUseLog } from '../../db/repositories/useLog';
import { instant } from '../fhir';
import { counted, type ExportSection } from '../types';

export const useLogSection: ExportSection = {
  id: 'use-log',
  label: 'Use log',
  collect({ db, client }) {
    const entries = listUseLog(db, client.id);
    return {
      resources: [],
      tables: [
        {
          file: 'csv/use-log.csv',
          description:
            'The baseline use log: one row per dose (UTC time, product, form, grams, trigger, symptoms, note).',
          columns: [
            'taken_at_utc',
            'product',
            'form',
            'amount',
            'unit',
            'trigger',
            'symptoms_between_doses',
            'note',
          ],
          rows: entries.map((e) => [
            instant(e.takenAtMs),
            e.product,
            e.form,
            e.amount,
            e.unit,
            e.trigger,
            e.symptomsBetweenDoses,
            e.note,
          ]),
        },
      ],
      pdfs: [],
      summary: counted(entries.length, 'use-log entry', 'use-log entries'),
    };
  },
};
