import type { Migration } from './types';

/**
 * Vital signs with each withdrawal rating (issue 10; seed 003: clonidine lowers blood pressure). Columns on the
 * assessment, each empty or within a physiologically possible range (the same ranges as shared/domain/vitals.ts),
 * so a typo cannot reach the record whatever the code above does. Existing ratings have none (NULL). Adding a
 * column changes no row, so signed assessments stay as they were signed.
 */
export const withdrawalVitals: Migration = {
  version: 350,
  name: 'withdrawal-vitals',
  up(db) {
    db.exec(`
      ALTER TABLE assessments ADD COLUMN systolic INTEGER CHECK (systolic IS NULL OR systolic BETWEEN 50 AND 260);
      ALTER TABLE assessments ADD COLUMN diastolic INTEGER
        CHECK (diastolic IS NULL OR (diastolic BETWEEN 20 AND 160 AND diastolic < systolic));
      ALTER TABLE assessments ADD COLUMN heart_rate INTEGER
        CHECK (heart_rate IS NULL OR heart_rate BETWEEN 20 AND 250);
      ALTER TABLE assessments ADD COLUMN temperature_c REAL
        CHECK (temperature_c IS NULL OR temperature_c BETWEEN 30 AND 43);
    `);
  },
};
