/**
 * 0800 measure-due: the measures-due worklist decided in SQL (`measure_due`, kept by triggers) gives exactly the pure
 * rules' answer (shared/domain/measures.ts, episode.ts) for random practices: clients admitted, discharged and
 * re-admitted (the same day too), scores at local midnights and on daylight-saving days, withdrawal contacts in the
 * past, the future and malformed drafts, schedules edited or turned off, the writes in any order, and today on
 * month ends. `client_outcomes` holds the same current episode as the pure rules, and the figures compare the
 * episode's first score.
 */
process.env.TZ = 'America/Los_Angeles';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import { measureDue } from '../../../../electron/db/migrations/0800-measure-due';
import { insertClient, insertDischarge } from '../../../../electron/db/repositories/clients';
import { dueTotal, dueWorklist, saveSchedule } from '../../../../electron/db/repositories/measures';
import { outcomeFigures } from '../../../../electron/db/repositories/outcomes';
import type { ClientStatus, DischargeType } from '../../../../shared/domain/clients';
import { daysBetween, localMidnight } from '../../../../shared/domain/common';
import { currentEpisode, episodeFromMs, scoredInEpisode } from '../../../../shared/domain/episode';
import {
  MEASURE_IDS,
  addDays,
  dueMeasures,
  measureFacts,
  scheduleWith,
  type MeasureRule,
} from '../../../../shared/domain/measures';
import { nameSortKey } from '../../../../shared/domain/names';
import { aClient } from '../../../support/clients';
import { seedClinician, versionBefore } from '../../../support/migrations';

/** An empty practice migrated to the latest version and one just before 0800, copied for every run. */
const [TEMPLATE, BEFORE] = [undefined, versionBefore(measureDue)].map((target) => {
  const db = new Database(':memory:');
  migrate(db, target);
  seedClinician(db);
  return db.serialize();
}) as [Buffer, Buffer];

type Instrument = 'phq9' | 'gad7' | 'auditc' | 'cows' | 'sows';

interface ClientModel {
  family: string;
  admitted: string;
  readmitted: string;
  status: ClientStatus;
  discharges: Array<{ on: string; type: DischargeType; sameTime: boolean }>;
  scores: Array<{ instrument: Instrument; atMs: number; complete: boolean; total: number }>;
  contacts: string[];
  schedule: MeasureRule[];
  /** The order of the writes after the client is created: a permutation key per write. */
  order: number[];
}

const BASE = '2026-01-01';
/**
 * Days around the daylight-saving changes of 2026 (Los Angeles 8 March and 1 November; Beirut skips midnight on
 * 29 March and repeats the hour before it on 25 October) and month ends.
 */
const day = fc.oneof(
  fc.integer({ min: -40, max: 420 }).map((n) => addDays(BASE, n)),
  fc.constantFrom(
    '2026-03-07',
    '2026-03-08',
    '2026-03-09',
    '2026-03-28',
    '2026-03-29',
    '2026-03-30',
    '2026-10-24',
    '2026-10-25',
    '2026-10-31',
    '2026-11-01',
    '2026-01-31',
    '2026-02-28',
  ),
);
const time = fc.record({
  on: day,
  hm: fc.constantFrom([0, 0], [0, 30], [1, 59], [2, 30], [12, 0], [23, 0], [23, 59]),
});
const atMs = time.map(({ on, hm }) => {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hm[0], hm[1]).getTime() + 59_999 * Number(hm[1] === 59);
});
const rule = (measure: MeasureRule['measure']) =>
  fc.record({
    measure: fc.constant(measure),
    atIntake: fc.boolean(),
    everyDays: fc.option(fc.constantFrom(7, 14, 28, 30, 31, 90, 365), { nil: null }),
    atWithdrawalContact: fc.boolean(),
  });

const clientModel: fc.Arbitrary<ClientModel> = fc.record({
  family: fc.constantFrom('Đặng', 'Łukasiewicz', 'O’Brien', 'Nguyễn', 'Okafor', 'Ödegaard'),
  admitted: day,
  readmitted: day,
  status: fc.constantFrom<ClientStatus>('active', 'active', 'on-hold', 'discharged'),
  discharges: fc.array(
    fc.record({
      on: day,
      type: fc.constantFrom<DischargeType>('completed', 'lost-contact', 'transferred'),
      sameTime: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  scores: fc.array(
    fc.record({
      instrument: fc.constantFrom<Instrument>('phq9', 'gad7', 'auditc', 'cows', 'sows'),
      atMs,
      complete: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
      total: fc.integer({ min: 0, max: 27 }),
    }),
    { maxLength: 8 },
  ),
  contacts: fc.array(fc.oneof(day, fc.constantFrom('', '2026-3-1', 'next week')), { maxLength: 4 }),
  schedule: fc.subarray([...MEASURE_IDS]).chain((ms) => fc.tuple(...ms.map(rule))),
  order: fc.array(fc.integer(), { minLength: 20, maxLength: 20 }),
});

/** Writes the practice through SQL in a mixed order, so every trigger runs with the others' rows in any state. */
function write(db: Database.Database, clients: readonly ClientModel[]): string[] {
  return clients.map((c, i) => {
    const id = `c${i}`;
    insertClient(
      db,
      id,
      {
        ...aClient({ legalLastName: c.family, legalFirstName: `Ánh${i % 3}`, admissionDate: c.admitted }),
        chartNumber: `C-${i}`,
      },
      1,
    );
    let recorded = 0;
    const writes: Array<() => void> = [
      ...c.scores.map((s, k) => () => {
        db.prepare(
          `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total,
             administered_at_ms, administered_by, created_at_ms, updated_at_ms)
           VALUES (?, ?, ?, '1', '{}', ?, ?, ?, 'u1', 1, 1)`,
        ).run(
          `${id}-s${k}`,
          id,
          s.instrument,
          s.complete ? 'complete' : 'incomplete',
          s.complete ? s.total : null,
          s.atMs,
        );
      }),
      ...c.contacts.map((on, k) => () => {
        db.prepare(
          `INSERT INTO mat_notes (id, client_id, content, contact_date, search_text, author_id, created_at_ms,
             updated_at_ms) VALUES (?, ?, '{}', ?, '', 'u1', 1, 1)`,
        ).run(`${id}-m${k}`, id, on);
      }),
      () => saveSchedule(db, id, c.schedule, 'u1', 1),
    ];
    const ordered = writes
      .map((w, k) => ({ w, key: c.order[k % c.order.length] ?? 0 }))
      .sort((a, b) => a.key - b.key);
    // Discharges in their own order (recorded times rise, some equal), mixed among the other writes.
    const discharges = c.discharges.map((d, k) => () => {
      if (!d.sameTime) recorded += 1;
      insertDischarge(db, {
        id: `${id}-d${k}`,
        clientId: id,
        dischargedOn: d.on,
        type: d.type,
        recordedAtMs: recorded,
        recordedBy: 'u1',
      });
    });
    ordered.forEach(({ w }, k) => {
      w();
      if (k < discharges.length) discharges[k]?.();
    });
    discharges.slice(ordered.length).forEach((d) => d());
    db.prepare(`UPDATE clients SET admission_date = ?, status = ? WHERE id = ?`).run(
      c.readmitted,
      c.status,
      id,
    );
    return id;
  });
}

/** The pure rules over the same records. */
function pureEpisode(c: ClientModel) {
  let recorded = 0;
  const discharges = c.discharges.map((d) => {
    if (!d.sameTime) recorded += 1;
    return { dischargedOn: d.on, type: d.type, recordedAtMs: recorded };
  });
  return currentEpisode({ admissionDate: c.readmitted, status: c.status }, discharges);
}

const bytes = (s: string) => Buffer.from(s, 'utf8');

function pureWorklist(clients: readonly ClientModel[], ids: readonly string[], today: string) {
  const items = clients.flatMap((c, i) => {
    const id = ids[i] ?? '';
    if (c.status !== 'active') return [];
    const episode = pureEpisode(c);
    const records = {
      episode,
      scores: c.scores.filter((s) => s.complete).map((s) => ({ instrumentId: s.instrument, atMs: s.atMs })),
      contacts: c.contacts,
    };
    const sortName = nameSortKey({ legalLastName: c.family, legalFirstName: `Ánh${i % 3}` });
    return dueMeasures(scheduleWith(c.schedule), (m) => measureFacts(m, records, today), today)
      .filter((d) => d.status !== 'upcoming')
      .map((d) => ({ id, sortName, measure: d.measure, dueOn: d.dueOn, reason: d.reason }));
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return items
    .sort(
      (a, b) =>
        cmp(a.dueOn, b.dueOn) ||
        Buffer.compare(bytes(a.sortName), bytes(b.sortName)) ||
        cmp(a.id, b.id) ||
        MEASURE_IDS.indexOf(a.measure) - MEASURE_IDS.indexOf(b.measure),
    )
    .map(({ id, measure, dueOn, reason }) => [id, measure, dueOn, reason]);
}

const TODAYS = fc.oneof(
  day,
  fc.constantFrom(
    '2026-01-31',
    '2026-02-28',
    '2026-03-08',
    '2026-03-31',
    '2026-04-30',
    '2026-11-01',
    '2026-12-31',
  ),
);

/**
 * The zones the property runs in: Los Angeles, and Beirut, where the local midnight of 29 March 2026 does not exist
 * (the day starts at 01:00). Each zone is set for its own block: Node applies a change of `process.env.TZ` to both
 * JavaScript dates and SQLite's 'localtime' at once, and the blocks of a file run one after another.
 */
const ZONES = ['America/Los_Angeles', 'Asia/Beirut'];

describe.each(ZONES)('migration 0800 measure-due in %s', (zone) => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = before;
  });
  it('is in the zone it names, for JavaScript and SQLite alike', () => {
    const db = new Database(':memory:');
    const beirutDay = localMidnight('2026-03-29');
    expect(new Date(beirutDay).getHours()).toBe(zone === 'Asia/Beirut' ? 1 : 0);
    expect(db.prepare(`SELECT datetime(?, 'unixepoch', 'localtime') AS t`).get(beirutDay / 1000)).toEqual({
      t: zone === 'Asia/Beirut' ? '2026-03-29 01:00:00' : '2026-03-29 00:00:00',
    });
    db.close();
  });

  /** The SQL answers against the pure rules' for the practice written in `db`. */
  function expectAsPure(
    db: Database.Database,
    clients: readonly ClientModel[],
    ids: readonly string[],
    todays: string[],
  ) {
    for (const today of todays) {
      const pure = pureWorklist(clients, ids, today);
      expect(
        dueWorklist(db, today, 10_000).map((r) => [r.client_id, r.measure, r.due_on, r.reason]),
        today,
      ).toEqual(pure);
      // The total counts every row, when the worklist gives only the first.
      expect(dueWorklist(db, today, 2)).toHaveLength(Math.min(2, pure.length));
      expect(dueTotal(db, today), today).toEqual({ total: pure.length, more: false });
    }
    // The current episode and its scores, as the pure rules have them.
    clients.forEach((c, i) => {
      const id = ids[i] ?? '';
      const e = pureEpisode(c);
      const phq9 = c.scores
        .map((s, k) => ({ ...s, id: `${id}-s${k}` }))
        .filter((s) => s.instrument === 'phq9' && s.complete && scoredInEpisode(e, s.atMs))
        .sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : 1));
      expect(
        db
          .prepare(
            `SELECT ended_on, left_on, left_after_days, episode_from_ms, phq9_scores, phq9_first, phq9_latest
             FROM client_outcomes WHERE client_id = ?`,
          )
          .get(id),
      ).toEqual({
        ended_on: e.endedOn,
        left_on: e.leftOn,
        left_after_days: e.leftOn === null ? null : daysBetween(e.admittedOn, e.leftOn),
        episode_from_ms: episodeFromMs(e),
        phq9_scores: phq9.length,
        phq9_first: phq9[0]?.total ?? null,
        phq9_latest: phq9.at(-1)?.total ?? null,
      });
    });
  }

  const practices = fc.array(clientModel, { minLength: 1, maxLength: 6 });
  const days = fc.array(TODAYS, { minLength: 1, maxLength: 3 });

  it('decides the worklist exactly as the pure rules, for any practice, write order and day', () => {
    fc.assert(
      fc.property(practices, days, (clients, todays) => {
        const db = new Database(TEMPLATE);
        expectAsPure(db, clients, write(db, clients), todays);
        db.close();
      }),
      { numRuns: 150 },
    );
  });

  it('fills the rows from the records an older version left', () => {
    fc.assert(
      fc.property(practices, days, (clients, todays) => {
        const db = new Database(BEFORE);
        const ids = write(db, clients);
        migrate(db);
        expectAsPure(db, clients, ids, todays);
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});

describe('episodes of care', () => {
  const practice = () => {
    const db = new Database(TEMPLATE);
    const client = (id: string, admitted: string) =>
      insertClient(
        db,
        id,
        { ...aClient({ legalLastName: 'Haddad', admissionDate: admitted }), chartNumber: id },
        1,
      );
    const score = (id: string, clientId: string, instrument: string, total: number, at: number) =>
      db
        .prepare(
          `INSERT INTO assessments (id, client_id, instrument_id, instrument_version, input, status, total,
             administered_at_ms, administered_by, created_at_ms, updated_at_ms)
           VALUES (?, ?, ?, '1', '{}', 'complete', ?, ?, 'u1', 1, 1)`,
        )
        .run(id, clientId, instrument, total, at);
    let recorded = 0;
    const discharge = (clientId: string, on: string) => {
      recorded += 1;
      db.prepare(`UPDATE clients SET status = 'discharged' WHERE id = ?`).run(clientId);
      insertDischarge(db, {
        id: `d${recorded}`,
        clientId,
        dischargedOn: on,
        type: 'lost-contact',
        recordedAtMs: recorded,
        recordedBy: 'u1',
      });
    };
    const readmit = (clientId: string, on: string) =>
      db.prepare(`UPDATE clients SET status = 'active', admission_date = ? WHERE id = ?`).run(on, clientId);
    const due = (today: string) =>
      dueWorklist(db, today, 100).map((r) => `${r.client_id} ${r.measure} ${r.due_on} ${r.reason}`);
    return { db, client, score, discharge, readmit, due };
  };
  const at = (date: string, hour = 10) => localMidnight(date) + hour * 3_600_000;

  it('asks for the intake measures again at a re-admission, and repeats from it', () => {
    const p = practice();
    p.client('a', '2026-01-05');
    p.score('a1', 'a', 'phq9', 18, at('2026-01-05'));
    p.score('a2', 'a', 'gad7', 12, at('2026-01-05'));
    p.score('a3', 'a', 'auditc', 2, at('2026-01-05'));
    expect(p.due('2026-02-04')).toEqual(['a phq9 2026-02-04 interval', 'a gad7 2026-02-04 interval']);
    p.discharge('a', '2026-02-10');
    expect(p.due('2026-06-01')).toEqual([]);
    p.readmit('a', '2026-06-01');
    expect(p.due('2026-06-01')).toEqual([
      'a phq9 2026-06-01 intake',
      'a gad7 2026-06-01 intake',
      'a auditc 2026-06-01 intake',
    ]);
    p.score('a4', 'a', 'phq9', 9, at('2026-06-01'));
    expect(p.due('2026-07-01')).toContain('a phq9 2026-07-01 interval');
  });

  it('counts a same-day re-admission’s whole day in the new episode', () => {
    const p = practice();
    p.client('b', '2026-03-01');
    p.score('b1', 'b', 'phq9', 20, at('2026-03-01'));
    p.score('b2', 'b', 'phq9', 16, at('2026-04-10', 0));
    p.discharge('b', '2026-04-10');
    p.readmit('b', '2026-04-10');
    const row = p.db
      .prepare(
        `SELECT ended_on, episode_from_ms, phq9_first, phq9_scores FROM client_outcomes WHERE client_id = 'b'`,
      )
      .get();
    // The score at 00:00 on the day, before the discharge was recorded, is the new episode's first.
    expect(row).toEqual({
      ended_on: null,
      episode_from_ms: localMidnight('2026-04-10'),
      phq9_first: 16,
      phq9_scores: 1,
    });
    // A client admitted and discharged on one day is in their first episode, ended that day.
    p.client('c', '2026-04-10');
    p.discharge('c', '2026-04-10');
    expect(
      p.db.prepare(`SELECT ended_on, episode_from_ms FROM client_outcomes WHERE client_id = 'c'`).get(),
    ).toEqual({ ended_on: '2026-04-10', episode_from_ms: null });
  });

  it('compares the figures’ response with the first score of the current episode', () => {
    const p = practice();
    p.client('d', '2025-01-05');
    p.score('d1', 'd', 'phq9', 21, at('2025-01-05'));
    p.discharge('d', '2025-03-01');
    p.readmit('d', '2026-02-01');
    p.score('d2', 'd', 'phq9', 12, at('2026-02-01'));
    p.score('d3', 'd', 'phq9', 6, at('2026-03-01'));
    const figures = outcomeFigures(p.db, {
      from: '2026-01-01',
      to: '2026-12-31',
      fromMs: localMidnight('2026-01-01'),
      toEndMs: localMidnight('2027-01-01'),
      last30From: '2026-12-01',
      today: '2026-12-31',
      clinicianId: null,
    });
    // 12 → 6 is a response (50 % lower); against the earlier episode's 21 it would also count 21 → 6, but the
    // episode's first is 12: a first of 10 or more, so eligible, and 6 is not a remission.
    expect(figures.phq9).toEqual({ eligible: 1, response: 1, remission: 0 });
    p.score('d4', 'd', 'phq9', 9, at('2026-04-01'));
    // 12 → 9: no response, where 21 → 9 would have been one.
    expect(
      outcomeFigures(p.db, {
        from: '2026-01-01',
        to: '2026-12-31',
        fromMs: localMidnight('2026-01-01'),
        toEndMs: localMidnight('2027-01-01'),
        last30From: '2026-12-01',
        today: '2026-12-31',
        clinicianId: null,
      }).phq9,
    ).toEqual({ eligible: 1, response: 0, remission: 0 });
  });
});
