import type { Migration } from './types';

/**
 * Relapse-prevention, safety and aftercare plans (CLINICAL.md §5) as numbered versions per client and kind. A version
 * is a draft until signed; the database refuses any change to, or deletion of, a signed version, and a new version
 * number that is not the next one. At most one draft per client and kind. Signing sets who, when and the content's
 * SHA-256 together, once.
 */
export const recoveryPlans: Migration = {
  version: 500,
  name: 'recovery-plans',
  up(db) {
    db.exec(`
      CREATE TABLE recovery_plans (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        kind TEXT NOT NULL CHECK (kind IN ('relapse-prevention', 'safety', 'aftercare')),
        version INTEGER NOT NULL CHECK (version > 0),
        content TEXT NOT NULL CHECK (json_valid(content) AND json_extract(content, '$.kind') = kind),
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at_ms INTEGER NOT NULL,
        signed_at_ms INTEGER,
        signed_by TEXT REFERENCES users (id),
        content_hash TEXT,
        CHECK ((signed_at_ms IS NULL) = (signed_by IS NULL) AND (signed_at_ms IS NULL) = (content_hash IS NULL)),
        UNIQUE (client_id, kind, version)
      ) STRICT;
      CREATE UNIQUE INDEX recovery_plans_one_draft ON recovery_plans (client_id, kind) WHERE signed_at_ms IS NULL;
      CREATE TRIGGER recovery_plans_next_version BEFORE INSERT ON recovery_plans
        WHEN NEW.version <> coalesce(
          (SELECT max(version) FROM recovery_plans WHERE client_id = NEW.client_id AND kind = NEW.kind), 0) + 1
        BEGIN SELECT RAISE(ABORT, 'a plan version follows the last one'); END;
      CREATE TRIGGER recovery_plans_signed_kept BEFORE UPDATE ON recovery_plans WHEN OLD.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed plan version is kept as it was: start a new version'); END;
      CREATE TRIGGER recovery_plans_same_identity BEFORE UPDATE OF id, client_id, kind, version, created_at_ms,
        created_by ON recovery_plans
        BEGIN SELECT RAISE(ABORT, 'a plan version keeps its client, kind and number'); END;
      CREATE TRIGGER recovery_plans_signed_not_deleted BEFORE DELETE ON recovery_plans
        WHEN OLD.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed plan version is never deleted'); END;
    `);
  },
};
