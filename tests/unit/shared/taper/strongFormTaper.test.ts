/**
 * A taper is never built on an extract, shot or 7-OH product (CLINICAL.md §1.5, §3): the input schema refuses it
 * beside the product form, and main refuses it as well — a new taper, and any change to a version made before the
 * rule. A strong form logged during a leaf taper is still only flagged (the day is what happened).
 */
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { insertTaperVersion } from '../../../../electron/db/repositories/taper';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { Client } from '../../../../shared/domain/clients';
import { POTENT_FORMS } from '../../../../shared/domain/intake';
import { STRONG_FORM_TAPER_REFUSAL, TaperCreateSchema } from '../../../../shared/domain/taper';
import type { TaperView } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { planTaper } from '../../../../shared/taper';
import { aClient } from '../../../support/clients';
import { FakeClock, setUpPractice } from '../../../support/fixtures';

const NOW = new Date(2026, 10, 23, 13, 0).getTime();

const aTaper = (form: string) => ({
  product: 'Kratom extract tablets',
  form,
  dailyGrams: 2,
  dosesPerDay: 2,
  reductionPercent: 10,
  daysPerStep: 7,
  precisionGrams: 0.1,
  startDate: '2026-11-23',
});

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function setup() {
  const { practice } = await setUpPractice({ clock: new FakeClock(NOW) });
  const dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
  return { practice, dispatch, client };
}

describe('a taper of a strong form', () => {
  it('is refused by the schema beside the product form, for each strong form; leaf and capsules pass', () => {
    for (const form of POTENT_FORMS) {
      const r = TaperCreateSchema.safeParse(aTaper(form));
      expect(r.success, form).toBe(false);
      expect(r.error?.issues).toEqual([
        expect.objectContaining({ path: ['form'], message: STRONG_FORM_TAPER_REFUSAL }),
      ]);
    }
    for (const form of ['leaf-powder', 'capsules'])
      expect(TaperCreateSchema.safeParse(aTaper(form)).success).toBe(true);
    expect(STRONG_FORM_TAPER_REFUSAL).toMatch(/medically supported detox/);
  });

  it('is refused by main: nothing is saved, the message is beside taper.form', async () => {
    const { dispatch, client } = await setup();
    const r = await dispatch('taper.create', { clientId: client.id, taper: aTaper('shot') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toEqual([{ path: 'taper.form', message: STRONG_FORM_TAPER_REFUSAL }]);
    expect(value<TaperView>(await dispatch('taper.get', { clientId: client.id })).versions).toEqual([]);
  });

  it('a version made before the rule cannot be held, re-rated or restarted', async () => {
    const { practice, dispatch, client } = await setup();
    const { db, user } = practice.session();
    insertTaperVersion(
      db,
      {
        clientId: client.id,
        version: 1,
        change: 'create',
        effectiveDate: '2026-11-16',
        product: 'Kratom extract tablets',
        form: 'extract',
        dosesPerDay: 2,
        reductionPercent: 10,
        daysPerStep: 7,
        precisionGrams: 0.1,
        holdDays: null,
        reason: '',
        steps: planTaper({ ...aTaper('extract'), startDate: '2026-11-16' }).steps,
      },
      user.id,
      NOW - 7 * 86_400_000,
    );
    const changes = [
      dispatch('taper.hold', { clientId: client.id, baseVersion: 1, hold: { days: 3, reason: 'Aches' } }),
      dispatch('taper.changeRate', {
        clientId: client.id,
        baseVersion: 1,
        rate: { reductionPercent: 10, daysPerStep: 5, reason: 'Faster' },
      }),
      dispatch('taper.restart', {
        clientId: client.id,
        baseVersion: 1,
        restart: { dailyGrams: 1.8, dosesPerDay: 2, reductionPercent: 10, daysPerStep: 7, reason: 'Again' },
      }),
    ];
    for (const r of await Promise.all(changes)) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe(STRONG_FORM_TAPER_REFUSAL);
    }
    expect(value<TaperView>(await dispatch('taper.get', { clientId: client.id })).versions).toHaveLength(1);
  });
});
