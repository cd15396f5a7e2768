import type { Migration } from './types';

/**
 * Red-flag alerts. One alert per source and kind (an edited draft does not raise it twice); never deleted; the
 * acknowledgement can be written once and not changed.
 */
export const alerts: Migration = {
  version: 110,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        kind TEXT NOT NULL CHECK (kind IN ('phq9-item9', 'suicide-screen-high', 'red-flag-symptom', 'intake-suicidal-thoughts')),
        symptoms TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(symptoms)),
        detail TEXT NOT NULL DEFAULT '',
        source_type TEXT NOT NULL,
        source_id TEXT,
        raised_at_ms INTEGER NOT NULL,
        raised_by TEXT NOT NULL REFERENCES users (id),
        acknowledged_at_ms INTEGER,
        acknowledged_by TEXT REFERENCES users (id),
        acknowledgement TEXT CHECK (acknowledgement IS NULL OR json_valid(acknowledgement))
      ) STRICT;
      CREATE INDEX alerts_by_client ON alerts (client_id, acknowledged_at_ms, raised_at_ms);
      CREATE UNIQUE INDEX alerts_one_per_source ON alerts (source_type, source_id, kind) WHERE source_id IS NOT NULL;
      CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts
        BEGIN SELECT RAISE(ABORT, 'alerts are never deleted'); END;
      CREATE TRIGGER alerts_acknowledged_once BEFORE UPDATE ON alerts WHEN old.acknowledged_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'an acknowledged alert cannot be changed'); END;
    `);
  },
};
