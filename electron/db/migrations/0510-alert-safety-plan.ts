import type { Migration } from './types';

/**
 * An acknowledgement of a suicide-risk alert that says "safety plan made or reviewed" names the signed safety-plan
 * version it made or reviewed. The link is written with the acknowledgement (and, like it, never changed after):
 * only a signed safety plan of the alert's own client can be linked.
 */
export const alertSafetyPlan: Migration = {
  version: 510,
  name: 'alert-safety-plan',
  up(db) {
    db.exec(`
      ALTER TABLE alerts ADD COLUMN safety_plan_id TEXT REFERENCES recovery_plans (id);
      CREATE TRIGGER alerts_safety_plan_signed_own BEFORE UPDATE OF safety_plan_id ON alerts
        WHEN NEW.safety_plan_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM recovery_plans p WHERE p.id = NEW.safety_plan_id AND p.client_id = NEW.client_id
            AND p.kind = 'safety' AND p.signed_at_ms IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'an alert links a signed safety plan of its own client'); END;
    `);
  },
};
