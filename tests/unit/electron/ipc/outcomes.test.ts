/**
 * The practice's outcomes through the real handlers and SQLite (issue 15 items 3 and 5): each figure counted by its
 * definition, the clinician filter, and the PDF and CSV for a funder: aggregate, no client named, small cells
 * suppressed with a complement.
 */
process.env.TZ = 'America/Los_Angeles';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { Client } from '../../../../shared/domain/clients';
import type { OutcomeFigures } from '../../../../shared/domain/outcomes';
import type { Result } from '../../../../shared/ipc/result';
import { aClient } from '../../../support/clients';
import { FakeClock, setUpPractice } from '../../../support/fixtures';
import { checkPdf, flat } from '../../../support/pdfChecks';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const at = (date: string, hour = 10) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).getTime();
};
/** PHQ-9 answers adding up to `total` (item 9 stays 0). */
const phq9 = (total: number) =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((i) => Math.min(3, Math.max(0, total - i * 3))).concat(0);
const FAMILY = ['Ávila', 'Brennan', 'Chowdhury', 'Đặng', 'Eriksen', 'Fofanah', 'Gąsior', 'Haddad'];

async function seeded() {
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 18, 0));
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const give = (clientId: string, instrumentId: string, answers: number[], atMs: number) =>
    dispatch('assessments.save', {
      clientId,
      id: null,
      assessment: {
        instrumentId,
        answers,
        context: { sex: 'female', underMedicalSupervision: null },
        lastDoseAtMs: null,
        timePoint: null,
        administeredAtMs: atMs,
        notes: '',
      },
    }).then(value);
  const make = async (i: number, over: Parameters<typeof aClient>[0] = {}) =>
    value<Client>(
      await dispatch('clients.create', {
        client: aClient({
          legalLastName: `${FAMILY[i % FAMILY.length]}-${i}`,
          admissionDate: '2026-09-01',
          ...over,
        }),
      }),
    );
  const discharge = async (c: Client, dischargedOn: string, type: string) => {
    const { id: _i, assignedClinicianName: _n, createdAtMs: _c, updatedAtMs: _u, discharge: _d, ...rest } = c;
    value(
      await dispatch('clients.update', {
        id: c.id,
        client: { ...rest, status: 'discharged', discharge: { dischargedOn, type } },
      }),
    );
  };
  // 12 improving (theirs: the signed-in clinician's), 12 not, 3 who left against advice in two weeks, 1 completed.
  const all: Client[] = [];
  for (let i = 0; i < 12; i += 1) {
    const c = await make(i, { assignedClinicianId: user.id });
    await give(c.id, 'phq9', phq9(18), at('2026-09-02'));
    await give(c.id, 'phq9', phq9(4), at('2026-11-20'));
    await give(c.id, 'gad7', [1, 1, 1, 1, 0, 0, 0], at('2026-11-20'));
    all.push(c);
  }
  for (let i = 12; i < 24; i += 1) {
    const c = await make(i);
    await give(c.id, 'phq9', phq9(12), at('2026-09-02'));
    await give(c.id, 'phq9', phq9(10), at('2026-11-20'));
    all.push(c);
  }
  for (let i = 24; i < 27; i += 1) await discharge(await make(i), '2026-09-15', 'left-against-advice');
  await discharge(await make(27), '2026-11-10', 'completed');
  // COWS peaks of 8, 10, 12, 20 and 4 (the first client also had a lower rating): answers within each item's set.
  const cows: Record<number, number[]> = {
    4: [4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    8: [4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    10: [4, 4, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    12: [4, 4, 3, 1, 0, 0, 0, 0, 0, 0, 0],
    20: [4, 4, 5, 5, 2, 0, 0, 0, 0, 0, 0],
  };
  for (const [i, peak] of [8, 10, 12, 20, 4].entries())
    await give(all[i]!.id, 'cows', cows[peak]!, at('2026-09-03'));
  await give(all[0]!.id, 'cows', cows[4]!, at('2026-09-04'));
  return { dispatch, user, practice };
}

const query = { from: '2026-09-01', to: '2026-11-23', clinicianId: null };

describe('practice outcomes', () => {
  it('counts each figure by its definition, and for one clinician', async () => {
    const { dispatch, user } = await seeded();
    const f = value<OutcomeFigures>(await dispatch('outcomes.practice', { query }));
    expect(f).toMatchObject({
      clinicianName: null,
      clientsInCare: 28,
      admissions: 28,
      discharges: {
        completed: 1,
        transferred: 0,
        'left-against-advice': 3,
        administrative: 0,
        'lost-contact': 0,
        other: 0,
      },
      retention30: { eligible: 28, count: 25 },
      // Admitted 1 September: 90 days have not passed by 23 November.
      retention90: { eligible: 0, count: 0 },
      measuredOnSchedule: { eligible: 24, count: 12 },
      phq9: { eligible: 24, response: 12, remission: 12 },
      gad7: { eligible: 0, response: 0, remission: 0 },
      cowsPeak: { clients: 5, median: 10 },
    });
    const mine = value<OutcomeFigures>(
      await dispatch('outcomes.practice', { query: { ...query, clinicianId: user.id } }),
    );
    expect(mine).toMatchObject({
      clinicianName: user.displayName,
      clientsInCare: 12,
      phq9: { eligible: 12, response: 12, remission: 12 },
      cowsPeak: { clients: 5, median: 10 },
    });
    // A period before anyone was admitted has no one in it.
    const before = value<OutcomeFigures>(
      await dispatch('outcomes.practice', {
        query: { from: '2026-06-01', to: '2026-06-30', clinicianId: null },
      }),
    );
    expect([before.clientsInCare, before.admissions, before.cowsPeak.median]).toEqual([0, 0, null]);
    expect(await dispatch('outcomes.practice', { query: { ...query, to: '2026-08-01' } })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'query.to' }] },
    });
  });

  it('writes a CSV and a PDF that name no client and suppress every count of 1 to 10', async () => {
    const { dispatch } = await seeded();
    const { path: csvPath } = value<{ path: string }>(await dispatch('outcomes.exportCsv', { query }));
    const csv = fs.readFileSync(csvPath, 'utf8');
    const rows = csv
      .trim()
      .split('\r\n')
      .map((l) => l.split('","').map((c) => c.replace(/^"|"$/g, '')));
    const byMeasure = Object.fromEntries(rows.map(([, measure, v]) => [measure, v] as const).reverse());
    const phq = Object.fromEntries(rows.filter((r) => r[0] === 'PHQ-9').map(([, m, v]) => [m, v]));
    const gad = Object.fromEntries(rows.filter((r) => r[0] === 'GAD-7').map(([, m, v]) => [m, v]));
    expect(rows[0]).toEqual(['Section', 'Measure', 'Value']);
    expect(byMeasure['Clients in care']).toBe('28');
    // Four discharges: the total is small, so it and every non-zero type are hidden.
    expect(byMeasure['All discharges']).toBe('suppressed (1–10)');
    expect(byMeasure['Left against advice']).toBe('suppressed (1–10)');
    expect(byMeasure['Completed treatment'] ?? byMeasure.Completed).toBe('suppressed (1–10)');
    expect(byMeasure.Transferred).toBe('0');
    // 25 of 28 retained: the 3 not retained could be read off, so the rate is hidden; the 28 counted is shown.
    expect(byMeasure['Retained at 30 days']).toBe('suppressed (1–10)');
    expect(byMeasure['Retained at 30 days: clients counted']).toBe('28');
    expect(phq['Response (50 % or more lower)']).toBe('50 %');
    expect(phq['Remission (under 5)']).toBe('50 %');
    expect(gad['Response (50 % or more lower)']).toBe('no eligible clients');
    expect(byMeasure['Median COWS peak']).toBe('suppressed (1–10)');
    for (const family of FAMILY) expect(csv).not.toContain(family);

    const { path: pdfPath } = value<{ path: string }>(
      await dispatch('outcomes.printPdf', { query, paper: 'letter' }),
    );
    const { text, pages } = checkPdf(pdfPath, 'practice-outcomes.pdf');
    const t = flat(text);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(t).toContain('Practice outcomes');
    expect(t).toContain('From 2026-09-01 · To 2026-11-23 · Clinician All clinicians');
    expect(t).toContain('Aggregate figures — no client is named');
    expect(t).toMatch(/Measured on schedule \(PHQ-9 and GAD-7 in the last 30 days\) 24 50 %/);
    expect(t).toContain('Left against advice suppressed');
    for (const family of FAMILY) expect(t).not.toContain(family);

    const audit = value<Array<{ action: string; entity: string }>>(
      await dispatch('audit.list', { limit: 5, beforeId: null }),
    );
    expect(audit.slice(0, 2).map((a) => `${a.action} ${a.entity}`)).toEqual([
      'print outcomes',
      'export outcomes',
    ]);
  });
});
