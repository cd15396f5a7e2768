/** Urgent red-flag and risk alerts (CLINICAL.md §4): when raised, why, and what was done. */
import { listAlerts } from '../../db/repositories/alerts';
import { instant } from '../fhir';
import { counted, type ExportSection } from '../types';

export const alertsSection: ExportSection = {
  id: 'alerts',
  label: 'Alerts',
  collect({ db, client }) {
    const alerts = listAlerts(db, client.id);
    return {
      resources: [],
      tables: [
        {
          file: 'csv/alerts.csv',
          description:
            'Urgent alerts: one row per alert with its kind, symptoms, detail and the acknowledgement (actions taken, note).',
          columns: [
            'alert_id',
            'kind',
            'symptoms',
            'detail',
            'source_type',
            'raised_at_utc',
            'raised_by',
            'acknowledged_at_utc',
            'acknowledged_by',
            'actions',
            'acknowledgement_note',
          ],
          rows: alerts.map((a) => [
            a.id,
            a.kind,
            a.symptoms.join(';'),
            a.detail,
            a.sourceType,
            instant(a.raisedAtMs),
            a.raisedByName,
            a.acknowledgement ? instant(a.acknowledgement.atMs) : null,
            a.acknowledgement?.byName ?? null,
            a.acknowledgement?.actions.join(';') ?? null,
            a.acknowledgement?.note ?? null,
          ]),
        },
      ],
      pdfs: [],
      summary: counted(alerts.length, 'alert'),
    };
  },
};
