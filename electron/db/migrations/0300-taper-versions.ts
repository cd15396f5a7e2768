import type { Migration } from './types';

/**
 * The taper (CLINICAL.md §1.5) as versions: each new taper, held step, rate change or restart adds a row holding
 * the whole schedule; earlier versions stay exactly as they were, so what was planned for any day stays readable.
 * The database refuses any change or deletion of a version.
 */
export const taperVersions: Migration = {
  version: 300,
  name: 'taper-versions',
  up(db) {
    db.exec(`
      CREATE TABLE taper_versions (
        client_id TEXT NOT NULL REFERENCES clients (id),
        version INTEGER NOT NULL CHECK (version > 0),
        change TEXT NOT NULL CHECK (change IN ('create', 'hold', 'rate', 'restart')),
        effective_date TEXT NOT NULL CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        product TEXT NOT NULL CHECK (length(trim(product)) > 0),
        form TEXT NOT NULL,
        doses_per_day INTEGER NOT NULL CHECK (doses_per_day BETWEEN 1 AND 12),
        reduction_percent REAL NOT NULL CHECK (reduction_percent BETWEEN 10 AND 20),
        days_per_step INTEGER NOT NULL CHECK (days_per_step BETWEEN 3 AND 7),
        precision_grams REAL NOT NULL CHECK (precision_grams IN (0.01, 0.05, 0.1, 0.2, 0.5, 1)),
        hold_days INTEGER CHECK (hold_days IS NULL OR hold_days BETWEEN 1 AND 14),
        reason TEXT NOT NULL DEFAULT '',
        steps TEXT NOT NULL CHECK (json_valid(steps) AND json_array_length(steps) > 0),
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (client_id, version)
      ) STRICT;
      CREATE TRIGGER taper_versions_no_update BEFORE UPDATE ON taper_versions
        BEGIN SELECT RAISE(ABORT, 'a taper version is kept as it was: save a new version'); END;
      CREATE TRIGGER taper_versions_no_delete BEFORE DELETE ON taper_versions
        BEGIN SELECT RAISE(ABORT, 'a taper version is kept as it was: save a new version'); END;
    `);
  },
};
