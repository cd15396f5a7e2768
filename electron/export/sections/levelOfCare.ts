/** Level-of-care decisions: the level chosen, the reason, the six dimension ratings and what was suggested. */
import { listDecisions } from '../../db/repositories/levelOfCare';
import { instant } from '../fhir';
import { counted, type ExportSection } from '../types';

export const levelOfCareSection: ExportSection = {
  id: 'level-of-care',
  label: 'Level of care',
  collect({ db, client }) {
    const decisions = listDecisions(db, client.id);
    return {
      resources: [],
      tables: [
        {
          file: 'csv/level-of-care.csv',
          description:
            'Level-of-care decisions: one row per decision with the level chosen, the reason, the criteria-based suggestion and the dimension ratings (JSON).',
          columns: [
            'decision_id',
            'decided_at_utc',
            'decided_by',
            'level',
            'suggested',
            'reason',
            'dimension_ratings',
          ],
          rows: decisions.map((d) => [
            d.id,
            instant(d.decidedAtMs),
            d.decidedByName,
            d.decision.level,
            d.suggested,
            d.decision.reason,
            JSON.stringify(d.decision.dimensionRatings),
          ]),
        },
      ],
      pdfs: [],
      summary: counted(decisions.length, 'level-of-care decision'),
    };
  },
};
