import type { Migration } from './types';

/**
 * The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE, and each row carries a
 * SHA-256 chained over the previous row so a removed or edited row is detected by `verify`.
 */
export const auditLog: Migration = {
  version: 30,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        user_id TEXT REFERENCES users (id),
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
      CREATE INDEX audit_log_user ON audit_log (user_id, at_ms);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `);
  },
};
