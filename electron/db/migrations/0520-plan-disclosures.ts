import type { Migration } from './types';

const NOTE_ONLY = "CHECK (source_type IN ('note'))";
const NOTE_OR_PLAN = "CHECK (source_type IN ('note', 'recovery-plan'))";

/**
 * The accounting of disclosures also records printed relapse-prevention, safety and aftercare plans. SQLite cannot
 * widen a CHECK, so the table is rebuilt from its own definition with only that CHECK widened: same columns in the
 * same order, every row copied as it was, and every index and guard the table has (whichever migrations added
 * them) created again from its stored SQL.
 */
export const planDisclosures: Migration = {
  version: 520,
  name: 'plan-disclosures',
  up(db) {
    const table = db
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'disclosures'`)
      .get() as { sql: string } | undefined;
    if (!table || !table.sql.includes(NOTE_ONLY)) {
      throw new Error('disclosures.source_type is not the CHECK this migration widens');
    }
    const extras = (
      db
        .prepare(
          `SELECT sql FROM sqlite_master WHERE tbl_name = 'disclosures' AND type IN ('index', 'trigger')
             AND sql IS NOT NULL ORDER BY type, name`,
        )
        .all() as Array<{ sql: string }>
    ).map((r) => r.sql);
    const next = table.sql
      .replace(/^CREATE TABLE\s+"?disclosures"?/, 'CREATE TABLE disclosures_next')
      .replace(NOTE_ONLY, NOTE_OR_PLAN);
    db.exec(next);
    db.exec('INSERT INTO disclosures_next SELECT * FROM disclosures ORDER BY rowid');
    db.exec('DROP TABLE disclosures');
    db.exec('ALTER TABLE disclosures_next RENAME TO disclosures');
    for (const sql of extras) db.exec(sql);
  },
};
