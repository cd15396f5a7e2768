import type { Migration } from './types';

/**
 * A dose's amount in its own unit (issue 8 item 2). Until now every dose was grams; a liquid shot or extract is
 * often known only by its volume or as a count of bottles, so the amount column is renamed and a unit added:
 * 'g' for every existing row (that is what they were entered as), 'ml' or 'bottles' only for the liquid, potent
 * forms. The 100 ceiling of the old column stays (a smaller one per unit is checked by the app).
 */
export const useLogUnits: Migration = {
  version: 170,
  name: 'use-log-units',
  up(db) {
    db.exec(`
      ALTER TABLE use_log RENAME COLUMN amount_grams TO amount;
      ALTER TABLE use_log ADD COLUMN unit TEXT NOT NULL DEFAULT 'g'
        CHECK (unit = 'g' OR (unit IN ('ml', 'bottles') AND form IN ('extract', 'shot', '7-oh-product')));
    `);
  },
};
