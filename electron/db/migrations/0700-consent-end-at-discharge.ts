import type { Migration } from './types';

/**
 * A consent's end becomes structured (issue 11, item 5): a date, "when the client is discharged", or another event
 * in words. Until now the discharge ended every event-based consent whose words named it; those consents move to
 * "at discharge", keeping their words, so the discharge ends exactly the consents it ended before. Consents whose
 * ending was already recorded move too (their end stays as recorded). The ending-event rule of 0150 now admits
 * both kinds of event.
 */
/** The words the app read as "the discharge" until this migration (kept here: a migration is history). */
const WORDED_DISCHARGE = /\bdischarg/iu;

export const consentEndAtDischarge: Migration = {
  version: 700,
  name: 'consent-end-at-discharge',
  up(db) {
    const worded = db
      .prepare(
        `SELECT id, json_extract(body, '$.expiryEvent') AS event FROM consents
         WHERE json_extract(body, '$.expiryKind') = 'event'`,
      )
      .all() as Array<{ id: string; event: string | null }>;
    const move = db.prepare(
      `UPDATE consents SET body = json_set(body, '$.expiryKind', 'discharge') WHERE id = ?`,
    );
    for (const c of worded) if (WORDED_DISCHARGE.test(c.event ?? '')) move.run(c.id);
    db.exec(`
      DROP TRIGGER consents_end_event_kind;
      CREATE TRIGGER consents_end_event_kind BEFORE UPDATE OF ended_on ON consents
        WHEN NEW.ended_on IS NOT NULL AND json_extract(NEW.body, '$.expiryKind') NOT IN ('event', 'discharge')
        BEGIN SELECT RAISE(ABORT, 'only a consent that ends on an event has an ending event'); END;
    `);
  },
};
