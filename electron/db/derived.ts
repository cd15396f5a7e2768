/**
 * The derived tables (issue 15): `client_outcomes` (0780, 0800), the derived columns of `closed_episodes` (0850) and
 * `measure_due` (0800). Triggers keep them in step with the records in the same statement as every write, so they are
 * never rebuilt in use. Two things can still leave them wrong, and both are handled here:
 *
 * - A stored local date or local midnight is that of the computer's time zone when the row was written. A practice
 *   that moves zone, or a backup restored on a computer in another, would keep the old zone's days. The zone the rows
 *   were computed in is kept in `settings` (`derivedZone`); opening the practice in another zone computes them again
 *   (`rebuildDerivedIfZoneChanged`, seconds at 50,000 clients, only when the zone changed).
 * - A damaged trigger or a bug. `verify` computes every derived row again from the records and reports each table
 *   whose stored rows differ (`derivedDifferences`).
 *
 * The recomputation runs the migrations' own SQL into TEMP tables of the same shape, which shadow the stored ones for
 * unqualified names (the SQL reads `client_outcomes` and `closed_episodes` and writes `measure_due`), so it works on a
 * read-only connection and compares with `main.*` by EXCEPT both ways.
 */
import type Database from 'better-sqlite3';
import { DUE_ROWS, EPISODE, LEFT_AFTER, REFRESH_SCORES } from './migrations/0800-measure-due';
import { refreshClosed } from './migrations/0850-closed-episodes';

export const DERIVED_TABLES = ['client_outcomes', 'closed_episodes', 'measure_due'] as const;
export type DerivedTable = (typeof DERIVED_TABLES)[number];

/** The primary (history) columns of `closed_episodes`: copied, never computed. */
const CLOSED_HISTORY =
  'client_id, seq, admitted_on, clinician_id, ended_by, ended_on, left_on, known_from, closed_at_ms';

const DERIVED_ZONE = 'derivedZone';

/**
 * This process's time zone, which SQLite's 'localtime' follows: its name, or where the system gives none (an unknown
 * TZ), its winter and summer offsets.
 */
export function currentZone(): string {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone as string | undefined;
  if (name) return name;
  const offset = (month: number) => new Date(2026, month, 1).getTimezoneOffset();
  return `offsets ${offset(0)} ${offset(6)}`;
}

function dropTemp(db: Database.Database) {
  for (const t of DERIVED_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${t}`);
}

/** Every derived row computed again from the records, into TEMP tables named as the stored ones. */
function recompute(db: Database.Database) {
  dropTemp(db);
  for (const t of DERIVED_TABLES) {
    const { sql } = db
      .prepare(`SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?`)
      .get(t) as {
      sql: string;
    };
    // Foreign keys name main tables, which a TEMP table cannot reference.
    db.exec(sql.replace(/^CREATE TABLE /, 'CREATE TEMP TABLE ').replace(/ REFERENCES \w+ \(\w+\)/g, ''));
  }
  db.exec(`
    INSERT INTO temp.client_outcomes (client_id, clinician_id, admission_date)
      SELECT id, assigned_clinician_id, admission_date FROM main.clients;
    ${EPISODE};
    ${LEFT_AFTER};
    ${REFRESH_SCORES};
    INSERT INTO temp.closed_episodes (${CLOSED_HISTORY}) SELECT ${CLOSED_HISTORY} FROM main.closed_episodes;
    ${refreshClosed('1')}
    ${DUE_ROWS('1')};
  `);
}

function differs(db: Database.Database, t: DerivedTable): boolean {
  const one = (a: string, b: string) =>
    db.prepare(`SELECT EXISTS (SELECT * FROM ${a}.${t} EXCEPT SELECT * FROM ${b}.${t}) AS d`).get() as {
      d: number;
    };
  return one('main', 'temp').d === 1 || one('temp', 'main').d === 1;
}

/** The derived tables whose stored rows differ from the records computed again (none when all is well). */
export function derivedDifferences(db: Database.Database): DerivedTable[] {
  // `query_only` (the CLI's verify) refuses TEMP tables too; what is written here is TEMP tables alone.
  const queryOnly = db.pragma('query_only', { simple: true }) === 1;
  if (queryOnly) db.pragma('query_only = OFF');
  try {
    recompute(db);
    return DERIVED_TABLES.filter((t) => differs(db, t));
  } finally {
    dropTemp(db);
    if (queryOnly) db.pragma('query_only = ON');
  }
}

/**
 * Replaces every stored derived row that differs with the one computed again, in one transaction. The outcome rows
 * are updated in place (their triggers refresh the due rows of the clients changed), then the due rows replaced
 * whole. Returns the tables that differed.
 */
export function rebuildDerived(db: Database.Database): DerivedTable[] {
  return db.transaction(() => {
    try {
      recompute(db);
      const changed = DERIVED_TABLES.filter((t) => differs(db, t));
      if (changed.includes('client_outcomes')) {
        db.exec(`
          DELETE FROM main.client_outcomes WHERE client_id NOT IN (SELECT client_id FROM temp.client_outcomes);
          INSERT OR REPLACE INTO main.client_outcomes SELECT * FROM temp.client_outcomes
            WHERE client_id IN (SELECT client_id FROM (
              SELECT * FROM temp.client_outcomes EXCEPT SELECT * FROM main.client_outcomes));`);
      }
      if (changed.includes('closed_episodes')) {
        const derived = (
          db.prepare(`SELECT name FROM pragma_table_info('closed_episodes')`).all() as Array<{ name: string }>
        )
          .map((c) => c.name)
          .filter((c) => !CLOSED_HISTORY.split(', ').includes(c));
        db.exec(`
          UPDATE main.closed_episodes SET (${derived.join(', ')}) = (
            SELECT ${derived.map((c) => `t.${c}`).join(', ')} FROM temp.closed_episodes t
            WHERE t.client_id = main.closed_episodes.client_id AND t.seq = main.closed_episodes.seq)`);
      }
      db.exec(`DELETE FROM main.measure_due; INSERT INTO main.measure_due SELECT * FROM temp.measure_due;`);
      return changed;
    } finally {
      dropTemp(db);
    }
  })();
}

/** The zone the derived rows were computed in, or null before any was recorded. */
function storedZone(db: Database.Database): string | null {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(DERIVED_ZONE) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : null;
}

const isZoneName = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * For a process that works on the practice rather than for this computer (the command line, perhaps run with another
 * TZ): takes the zone the derived rows were computed in, so that what it compares and writes is in that zone and
 * it never moves the practice to its own. Returns the zone taken, or null when it already was the process's.
 */
export function adoptPracticeZone(db: Database.Database): string | null {
  const stored = storedZone(db);
  if (stored === null || stored === currentZone() || !isZoneName(stored)) return null;
  process.env.TZ = stored;
  return stored;
}

/**
 * At open: computes the derived rows again when this computer's zone is not the one they were computed in, and keeps
 * the zone. Returns the tables rebuilt (empty when the zone is the same: nothing is read).
 */
export function rebuildDerivedIfZoneChanged(db: Database.Database, zone = currentZone()): DerivedTable[] {
  const stored = storedZone(db);
  if (stored === zone) return [];
  return db.transaction(() => {
    // A database from before this check: its rows were computed in the zone it is opened in, as far as is known.
    const rebuilt = stored === null ? [] : rebuildDerived(db);
    db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)`).run(
      DERIVED_ZONE,
      JSON.stringify(zone),
    );
    return rebuilt;
  })();
}
