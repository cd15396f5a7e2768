import type { Migration } from './types';

/**
 * Alerts by finding (CLINICAL.md §4; issues 8 and 9): each alert says what it is about (suicide risk, homicidal
 * ideation, red flags), so a note raises one alert per finding — from a saved draft on — and an alert for the same
 * client and finding raised the same day as an open or just-acknowledged one links to it as a repeat. Existing
 * alerts get their finding from their kind, symptoms and (for notes) their detail; none is a repeat.
 */
export const alertFindings: Migration = {
  version: 210,
  name: 'alert-findings',
  up(db) {
    db.exec(`
      ALTER TABLE alerts ADD COLUMN finding TEXT NOT NULL DEFAULT 'red-flags'
        CHECK (finding IN ('suicide-risk', 'homicidal-ideation', 'red-flags'));
      ALTER TABLE alerts ADD COLUMN repeat_of TEXT REFERENCES alerts (id);
      DROP TRIGGER alerts_acknowledged_once;
      UPDATE alerts SET finding = CASE
        WHEN kind <> 'red-flag-symptom' THEN 'suicide-risk'
        WHEN source_type = 'note' AND detail LIKE '%suicidal%' THEN 'suicide-risk'
        WHEN source_type = 'note' AND detail LIKE '%homicidal%' THEN 'homicidal-ideation'
        WHEN EXISTS (SELECT 1 FROM json_each(alerts.symptoms) s
                     WHERE s.value IN ('suicidal-thoughts', 'self-harm-urges')) THEN 'suicide-risk'
        ELSE 'red-flags' END;
      CREATE TRIGGER alerts_acknowledged_once BEFORE UPDATE ON alerts WHEN old.acknowledged_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'an acknowledged alert cannot be changed'); END;
      CREATE TRIGGER alerts_finding_fixed BEFORE UPDATE OF finding, repeat_of ON alerts
        BEGIN SELECT RAISE(ABORT, 'the finding of an alert and what it repeats are fixed'); END;
      DROP INDEX alerts_one_per_source;
      CREATE UNIQUE INDEX alerts_one_per_source ON alerts (source_type, source_id, kind, finding)
        WHERE source_id IS NOT NULL;
      CREATE INDEX alerts_by_finding ON alerts (client_id, finding, raised_at_ms);
    `);
  },
};
