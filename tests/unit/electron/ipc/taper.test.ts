/**
 * The taper through the dispatcher over real SQLite: a plan made from the planner, its refusals beside the field,
 * plan versus actual per product form (a strong form flagged, never added in), and every change — hold, rate,
 * restart — a new version with the old ones kept as they were, audited and on the timeline. The database refuses
 * any change or deletion of a version.
 */
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import type { Client } from '../../../../shared/domain/clients';
import type { Chart, TaperView } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aDose } from '../../../support/clients';
import { FakeClock, setUpPractice } from '../../../support/fixtures';

/** Monday 23 November 2026, 1 pm in New York. */
const NOW = new Date(2026, 10, 23, 13, 0).getTime();
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0).getTime();

const aTaper = (over: Record<string, unknown> = {}) => ({
  product: 'Green Maeng Da powder (Riverside Botanicals)',
  form: 'leaf-powder' as const,
  dailyGrams: 8,
  dosesPerDay: 2,
  reductionPercent: 10,
  daysPerStep: 7,
  precisionGrams: 0.1,
  startDate: '2026-11-16',
  ...over,
});

async function setup() {
  const clock = new FakeClock(NOW);
  const { practice } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
  return { practice, dispatch, client, clock };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

function fieldsOf(r: Result<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected an error');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
}

describe('taper', () => {
  it('refuses a plan outside the rules beside the field that breaks them', async () => {
    const { dispatch, client } = await setup();
    const create = (over: Record<string, unknown>) =>
      dispatch('taper.create', { clientId: client.id, taper: aTaper(over) });
    expect(fieldsOf(await create({ reductionPercent: 25 }))['taper.reductionPercent']).toMatch(/10–20 %/);
    expect(fieldsOf(await create({ daysPerStep: 2 }))['taper.daysPerStep']).toMatch(/3–7/);
    expect(fieldsOf(await create({ dailyGrams: 8.05 }))['taper.dailyGrams']).toMatch(/multiple/);
    expect(fieldsOf(await create({ precisionGrams: 0.3 }))['taper.precisionGrams']).toMatch(/precision/);
    expect(fieldsOf(await create({ startDate: '2026-02-30' }))['taper.startDate']).toMatch(/real date/);
    expect(fieldsOf(await create({ startDate: '2025-01-01' }))['taper.startDate']).toMatch(/within/);
    expect(value<TaperView>(await dispatch('taper.get', { clientId: client.id })).versions).toEqual([]);
  });

  it('shows the plan beside the grams of its own form per day; a strong form is flagged, never added in', async () => {
    const { dispatch, client } = await setup();
    value(await dispatch('taper.create', { clientId: client.id, taper: aTaper() }));
    // A week at plan (8 g), one day over it, one day with an extract besides, one day not logged.
    for (let day = 16; day <= 22; day += 1) {
      if (day === 19) continue;
      const grams = day === 18 ? 5 : 4;
      await dispatch('useLog.add', {
        clientId: client.id,
        entry: aDose({ takenAtMs: at(day, 8), amount: grams, unit: 'g' as const }),
      });
      await dispatch('useLog.add', {
        clientId: client.id,
        entry: aDose({ takenAtMs: at(day, 19), amount: 4, unit: 'g' as const }),
      });
    }
    await dispatch('useLog.add', {
      clientId: client.id,
      entry: aDose({
        takenAtMs: at(21, 22),
        form: 'extract',
        product: 'Kratom extract tablets',
        amount: 0.5,
        unit: 'g' as const,
      }),
    });
    const view = value<TaperView>(await dispatch('taper.get', { clientId: client.id }));
    expect(view.today).toBe('2026-11-23');
    expect(view.actual.map((d) => d.date)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    const day = (date: string) => view.actual.find((d) => d.date === date);
    expect(day('2026-11-16')).toMatchObject({
      plannedGrams: 8,
      loggedGrams: 8,
      loggedDoses: 2,
      overPlan: false,
    });
    expect(day('2026-11-18')).toMatchObject({ plannedGrams: 8, loggedGrams: 9, overPlan: true });
    expect(day('2026-11-19')).toMatchObject({ loggedGrams: null, overPlan: false });
    expect(day('2026-11-21')).toMatchObject({ loggedGrams: 8, overPlan: false, strongForm: true });
    expect(day('2026-11-21')?.otherForms).toEqual([
      { form: 'extract', amounts: [{ amount: 0.5, unit: 'g' }], doses: 1, strong: true },
    ]);
    // The second step (7.2 g) starts on the 23rd.
    expect(day('2026-11-23')).toMatchObject({ plannedGrams: 7.2, loggedGrams: null });
  });

  it('keeps every version when a step is held, the rate changed or the taper restarted', async () => {
    const { dispatch, client, practice, clock } = await setup();
    const v1 = value<TaperView>(await dispatch('taper.create', { clientId: client.id, taper: aTaper() }));
    const v1Steps = v1.current?.steps ?? [];
    expect(v1Steps.slice(0, 3).map((s) => [s.date, s.dailyGrams])).toEqual([
      ['2026-11-16', 8],
      ['2026-11-23', 7.2],
      ['2026-11-30', 6.5],
    ]);
    expect(await dispatch('taper.create', { clientId: client.id, taper: aTaper() })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    clock.advance(60_000);
    // Hold today's step (7.2 g, from the 23rd) four more days: every later step moves four days.
    const held = value<TaperView>(
      await dispatch('taper.hold', {
        clientId: client.id,
        baseVersion: 1,
        hold: { days: 4, reason: 'Sweats and poor sleep at 7.2 g' },
      }),
    );
    expect(held.current).toMatchObject({
      version: 2,
      change: 'hold',
      holdDays: 4,
      effectiveDate: '2026-11-23',
    });
    expect(held.current?.steps.slice(0, 3).map((s) => s.date)).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-12-04',
    ]);
    expect(held.current?.steps.length).toBe(v1Steps.length);

    // A stale version is a conflict, not a silent overwrite.
    expect(
      await dispatch('taper.hold', {
        clientId: client.id,
        baseVersion: 1,
        hold: { days: 3, reason: 'Again' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      fieldsOf(
        await dispatch('taper.hold', {
          clientId: client.id,
          baseVersion: 2,
          hold: { days: 30, reason: 'x' },
        }),
      )['hold.days'],
    ).toMatch(/1–14/);

    // Two days later, a faster pace from today's step: 15 % every 5 days.
    clock.advance(2 * 86_400_000);
    practice.touch();
    const rated = value<TaperView>(
      await dispatch('taper.changeRate', {
        clientId: client.id,
        baseVersion: 2,
        rate: { reductionPercent: 15, daysPerStep: 5, reason: 'Doing well; faster pace agreed' },
      }),
    );
    expect(rated.current).toMatchObject({ version: 3, change: 'rate', reductionPercent: 15, daysPerStep: 5 });
    expect(rated.current?.steps.slice(0, 3).map((s) => [s.date, s.dailyGrams])).toEqual([
      ['2026-11-16', 8],
      ['2026-11-23', 7.2],
      ['2026-11-28', 6.2],
    ]);
    expect(
      fieldsOf(
        await dispatch('taper.changeRate', {
          clientId: client.id,
          baseVersion: 3,
          rate: { reductionPercent: 30, daysPerStep: 5, reason: 'Too fast' },
        }),
      )['rate.reductionPercent'],
    ).toMatch(/10–20 %/);

    // Restart from what the client actually takes today.
    clock.advance(60_000);
    const restarted = value<TaperView>(
      await dispatch('taper.restart', {
        clientId: client.id,
        baseVersion: 3,
        restart: {
          dailyGrams: 7.6,
          dosesPerDay: 3,
          reductionPercent: 10,
          daysPerStep: 7,
          reason: 'Went back up',
        },
      }),
    );
    expect(restarted.current).toMatchObject({
      version: 4,
      change: 'restart',
      effectiveDate: '2026-11-25',
      dosesPerDay: 3,
    });
    expect(restarted.current?.steps.slice(0, 3).map((s) => [s.date, s.dailyGrams, s.gramsPerDose])).toEqual([
      ['2026-11-16', 8, 4],
      ['2026-11-23', 7.2, 3.6],
      ['2026-11-25', 7.6, 2.5],
    ]);
    expect(
      fieldsOf(
        await dispatch('taper.restart', {
          clientId: client.id,
          baseVersion: 4,
          restart: { dailyGrams: 7.65, dosesPerDay: 3, reductionPercent: 10, daysPerStep: 7, reason: 'x' },
        }),
      )['restart.dailyGrams'],
    ).toMatch(/multiple/);

    // Every version is kept exactly as it was.
    const all = value<TaperView>(await dispatch('taper.get', { clientId: client.id }));
    expect(all.versions.map((v) => [v.version, v.change])).toEqual([
      [4, 'restart'],
      [3, 'rate'],
      [2, 'hold'],
      [1, 'create'],
    ]);
    expect(all.versions[3]?.steps).toEqual(v1Steps);
    expect(all.versions[2]?.steps).toEqual(held.current?.steps);

    const { db } = practice.session();
    expect(() => db.prepare(`UPDATE taper_versions SET reason = 'edited' WHERE version = 1`).run()).toThrow(
      /kept as it was/,
    );
    expect(() => db.prepare('DELETE FROM taper_versions WHERE version = 2').run()).toThrow(/kept as it was/);

    const actions = listAudit(db, { limit: 50, beforeId: null })
      .filter((a) => a.entity === 'taper')
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'hold', 'change-rate', 'restart', 'view']));

    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    const titles = chart.timeline.filter((e) => e.kind === 'taper-version').map((e) => e.title);
    expect(titles).toEqual([
      'Taper: Restarted from the actual amount',
      'Taper: Rate changed',
      'Taper: Step held',
      'Taper: Taper planned',
    ]);
  });

  it('prints the schedule for the client, audited as a print, not a disclosure', async () => {
    const { dispatch, client, practice } = await setup();
    expect(await dispatch('taper.printPdf', { clientId: client.id, paper: 'letter' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    value(await dispatch('taper.create', { clientId: client.id, taper: aTaper() }));
    const { path } = value<{ path: string }>(
      await dispatch('taper.printPdf', { clientId: client.id, paper: 'a4' }),
    );
    expect(path).toMatch(/taper-schedule-.*-v1-2026-11-23\.pdf$/);
    const { db } = practice.session();
    expect(listAudit(db, { limit: 5, beforeId: null })[0]).toMatchObject({
      action: 'print',
      entity: 'taper',
    });
    expect(db.prepare('SELECT count(*) AS n FROM disclosures').get()).toEqual({ n: 0 });
  });
});
