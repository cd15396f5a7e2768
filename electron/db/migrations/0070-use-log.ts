import type { Migration } from './types';

export const useLog: Migration = {
  version: 70,
  name: 'use-log',
  up(db) {
    db.exec(`
      CREATE TABLE use_log (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        taken_at_ms INTEGER NOT NULL,
        product TEXT NOT NULL,
        form TEXT NOT NULL,
        amount_grams REAL NOT NULL CHECK (amount_grams > 0 AND amount_grams <= 100),
        trigger TEXT,
        symptoms TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        recorded_at_ms INTEGER NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX use_log_by_client ON use_log (client_id, taken_at_ms);
    `);
  },
};
