import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { Alert } from '../../../../shared/domain/alerts';
import type { z } from 'zod';
import type {
  Assessment,
  AssessmentInput,
  ScoredAssessmentInputSchema,
} from '../../../../shared/domain/assessments';
import type { Client } from '../../../../shared/domain/clients';
import type { Chart, LevelOfCareView } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aDose } from '../../../support/clients';
import { aClinician, FakeClock, setUpPractice } from '../../../support/fixtures';

const NOW = Date.UTC(2026, 10, 23, 18, 0);

async function setup() {
  const clock = new FakeClock(NOW);
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
  return { practice, user, clock, dispatch, client };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

const scored = (
  instrumentId: 'cows' | 'sows' | 'phq9' | 'gad7' | 'auditc' | 'sud',
  answers: Array<number | boolean | null>,
  over: Partial<z.infer<typeof ScoredAssessmentInputSchema>> = {},
): AssessmentInput => ({
  instrumentId,
  answers,
  context: { sex: null, underMedicalSupervision: null },
  lastDoseAtMs: null,
  timePoint: null,
  // A SUD checklist is always for a named substance (issue 8 item 5).
  sud:
    instrumentId === 'sud'
      ? { substance: 'kratom', substanceName: '', remission: null, severityBeforeRemission: null }
      : null,
  vitals: null,
  administeredAtMs: NOW - 60_000,
  notes: '',
  ...over,
});

describe('assessments', () => {
  it('scores on the server from the raw answers and keeps them exactly as given', async () => {
    const { dispatch, client } = await setup();
    const a = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0]),
      }),
    );
    expect(a.score).toEqual({ status: 'complete', total: 12, band: 'moderate', flags: [] });
    const timeline = value<Chart>(await dispatch('clients.chart', { id: client.id })).timeline;
    expect(timeline.find((e) => e.kind === 'assessment')).toMatchObject({
      title: 'PHQ-9: 12 (moderate)',
      area: 'assessments',
    });
    expect(a.input).toMatchObject({ instrumentId: 'phq9', answers: [2, 2, 2, 2, 1, 1, 2, 0, 0] });
    expect(a.instrumentVersion).toBe('1');
    const gad = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('gad7', [1, 1, 1, 2, 2, 0, 0]),
      }),
    );
    expect(gad.score).toMatchObject({ total: 7, band: 'mild' });
    const partial = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('gad7', [1, null, 1, 2, 2, 0, 0]),
      }),
    );
    expect(partial.score).toMatchObject({ status: 'incomplete', total: null, band: null });
  });

  it('refuses a value outside an item set with an error on the answers, saving nothing', async () => {
    const { dispatch, client } = await setup();
    const r = await dispatch('assessments.save', {
      clientId: client.id,
      id: null,
      assessment: scored('cows', [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'assessment.answers' }] },
    });
    expect(value<Assessment[]>(await dispatch('assessments.list', { clientId: client.id }))).toEqual([]);
  });

  it('raises a suicide-risk alert for PHQ-9 item 9 above 0, once, that stays until acknowledged with an action', async () => {
    const { dispatch, client } = await setup();
    const first = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]),
      }),
    );
    expect(first.score?.flags).toEqual(['suicide-risk']);
    // Editing the draft does not raise it twice.
    value(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: first.id,
        assessment: scored('phq9', [1, 0, 0, 0, 0, 0, 0, 0, 2]),
      }),
    );
    let chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.openAlerts.map((a) => a.kind)).toEqual(['phq9-item9']);
    const alert = chart.openAlerts[0] as Alert;
    const noAction = await dispatch('alerts.acknowledge', {
      id: alert.id,
      acknowledgement: { actions: [], note: '' },
    });
    expect(noAction).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    value(
      await dispatch('alerts.acknowledge', {
        id: alert.id,
        acknowledgement: {
          actions: ['supervisor-consulted', 'crisis-line-988'],
          note: 'Supervisor consulted; 988 card given.',
        },
      }),
    );
    chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.openAlerts).toEqual([]);
    const all = value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }));
    expect(all[0]?.acknowledgement?.actions).toEqual(['supervisor-consulted', 'crisis-line-988']);
    expect(
      await dispatch('alerts.acknowledge', {
        id: alert.id,
        acknowledgement: { actions: ['other'], note: 'again' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('requires a high level when the suicide screen rule fires, and raises an alert', async () => {
    const { dispatch, client } = await setup();
    const answers = { responses: { 'passive-wish': 'past-3-months', plan: 'past-3-months' } } as const;
    const low = await dispatch('assessments.save', {
      clientId: client.id,
      id: null,
      assessment: {
        instrumentId: 'suicide-screen',
        record: { answers, riskLevel: 'low', rationale: '' },
        administeredAtMs: NOW,
        notes: '',
      },
    });
    expect(low).toMatchObject({ ok: false, error: { fields: [{ path: 'assessment.record.riskLevel' }] } });
    value(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: {
          instrumentId: 'suicide-screen',
          record: { answers, riskLevel: 'high', rationale: 'Plan within 3 months' },
          administeredAtMs: NOW,
          notes: '',
        },
      }),
    );
    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.openAlerts.map((a) => a.kind)).toEqual(['suicide-screen-high']);
    expect(chart.timeline.find((e) => e.kind === 'assessment')?.title).toBe('Suicide-risk screen: high risk');
  });

  it('raises a red-flag alert for recent suicidal thoughts on a screen that is not high risk', async () => {
    const { dispatch, client } = await setup();
    const save = (timing: 'past-3-months' | 'earlier') =>
      dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: {
          instrumentId: 'suicide-screen',
          record: {
            answers: { responses: { 'passive-wish': timing, 'active-thoughts': 'no' } },
            riskLevel: 'moderate',
            rationale: 'Passive wish, no intent or plan',
          },
          administeredAtMs: NOW,
          notes: '',
        },
      });
    value(await save('earlier'));
    let chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.openAlerts).toEqual([]);

    value(await save('past-3-months'));
    chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.openAlerts).toMatchObject([
      {
        kind: 'red-flag-symptom',
        symptoms: ['suicidal-thoughts'],
        detail: 'Suicide-risk screen: suicidal thoughts in the past 3 months',
      },
    ]);
  });

  it('raises a new intake alert each time suicidal thoughts are reported, not on every save', async () => {
    const { dispatch, client } = await setup();
    const psychiatric = (suicidalThoughts: boolean | null, notes = '') =>
      dispatch('intake.saveSection', {
        clientId: client.id,
        save: {
          section: 'psychiatric',
          data: { depression: null, panic: null, trauma: null, suicidalThoughts, notes },
        },
      });
    const alerts = async () => value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }));

    value(await psychiatric(true));
    const [first] = await alerts();
    value(
      await dispatch('alerts.acknowledge', {
        id: first!.id,
        acknowledgement: { actions: ['crisis-line-988'], note: '988 card given at intake.' },
      }),
    );
    value(await psychiatric(true, 'Thoughts last month, none now.'));
    expect((await alerts()).length).toBe(1);

    value(await psychiatric(false));
    value(await psychiatric(true, 'Thoughts have come back.'));
    const all = await alerts();
    expect(all.map((a) => [a.kind, a.acknowledgement === null])).toEqual(
      expect.arrayContaining([
        ['intake-suicidal-thoughts', true],
        ['intake-suicidal-thoughts', false],
      ]),
    );
    expect(all.length).toBe(2);
  });

  it('signs with the passphrase; a signed assessment cannot change, be deleted, or be updated in SQL', async () => {
    const { dispatch, client, practice, clock } = await setup();
    const a = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('gad7', [1, 1, 1, 1, 1, 1, 1]),
      }),
    );
    expect(
      await dispatch('assessments.sign', { id: a.id, passphrase: 'wrong passphrase here' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    clock.advance(10_000);
    const signed = value<Assessment>(
      await dispatch('assessments.sign', { id: a.id, passphrase: aClinician().passphrase }),
    );
    expect(signed.signedByName).toBe(aClinician().displayName);
    expect(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: a.id,
        assessment: scored('gad7', [0, 0, 0, 0, 0, 0, 0]),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await dispatch('assessments.delete', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const { db } = practice.session();
    expect(() => db.prepare('UPDATE assessments SET total = 0 WHERE id = ?').run(a.id)).toThrow(/signed/);
    expect(() => db.prepare('DELETE FROM assessments WHERE id = ?').run(a.id)).toThrow(/signed/);
  });

  it('shows level-of-care criteria from the record and keeps the decision with its reason and ratings', async () => {
    const { dispatch, client } = await setup();
    value(
      await dispatch('intake.saveSection', {
        clientId: client.id,
        save: {
          section: 'kratom',
          data: {
            productForms: ['shot'],
            productNotes: '',
            gramsPerDose: 2,
            dosesPerDay: 6,
            yearsOfUse: 4,
            lastDoseAtMs: null,
            wakesInWithdrawal: true,
            dosesOvernight: false,
            withdrawalDerailedQuitting: true,
            priorQuitAttempts: 'Two attempts, stopped by day 2',
          },
        },
      }),
    );
    const view = value<LevelOfCareView>(await dispatch('levelOfCare.get', { clientId: client.id }));
    const state = (id: string) => view.criteria.find((c) => c.id === id)?.state;
    expect(state('detox-many-doses')).toBe('met');
    // A shot's grams are not leaf grams (issue 8 item 2): 2 g × 6 of shots is not "over 5 g a day" of leaf.
    expect(state('detox-high-amount')).toBe('unknown');
    expect(state('detox-potent')).toBe('met');
    expect(state('caution-doses')).toBe('met');
    expect(state('taper-moderate-use')).toBe('not-met');
    // Detox is met, but the residential criteria are the clinician's and unanswered: no level is suggested yet.
    expect(view.suggested).toBeNull();
    const missingReason = await dispatch('levelOfCare.decide', {
      clientId: client.id,
      decision: { level: 'detox', reason: '', judgements: {}, dimensionRatings: {} },
    });
    expect(missingReason).toMatchObject({ ok: false, error: { fields: [{ path: 'decision.reason' }] } });
    const review = {
      'intoxication-withdrawal': { rating: 3, note: 'Wakes in withdrawal' },
      biomedical: { rating: 1, note: '' },
      'emotional-behavioural-cognitive': { rating: 1, note: '' },
      'readiness-to-change': { rating: 2, note: '' },
      'relapse-continued-use': { rating: 3, note: '' },
      'recovery-environment': { rating: null, note: 'Not discussed yet: partner present in session' },
    } as const;
    // Issue 9 item 8: never on an empty review; each dimension rated, or not rated with the reason.
    const unrated = await dispatch('levelOfCare.decide', {
      clientId: client.id,
      decision: { level: 'detox', reason: 'Shots, six a day.', judgements: {}, dimensionRatings: {} },
    });
    expect(unrated).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'decision.dimensionRatings' }] },
    });
    const noReason = await dispatch('levelOfCare.decide', {
      clientId: client.id,
      decision: {
        level: 'detox',
        reason: 'Shots, six a day.',
        judgements: {},
        dimensionRatings: { ...review, 'recovery-environment': { rating: null, note: '' } },
      },
    });
    expect(noReason).toMatchObject({ ok: false, error: { message: /Recovery environment/ } });
    value(
      await dispatch('levelOfCare.decide', {
        clientId: client.id,
        decision: {
          level: 'detox',
          reason: 'Six doses a day of shots, waking in withdrawal; two failed attempts.',
          judgements: { 'taper-support': false },
          dimensionRatings: review,
        },
      }),
    );
    const timeline = value<Chart>(await dispatch('clients.chart', { id: client.id })).timeline;
    expect(timeline.find((e) => e.kind === 'level-of-care')).toMatchObject({
      title: 'Level of care: Medically supported detox',
      detail: 'Six doses a day of shots, waking in withdrawal; two failed attempts.',
    });
    const after = value<LevelOfCareView>(await dispatch('levelOfCare.get', { clientId: client.id }));
    expect(after.decisions[0]?.decision.reason).toMatch(/Six doses/);
    expect(after.decisions[0]?.criteria.length).toBe(view.criteria.length);
  });

  it('raises an alert for a red-flag symptom and for suicidal thoughts reported at intake', async () => {
    const { dispatch, client } = await setup();
    value(
      await dispatch('alerts.recordRedFlag', {
        clientId: client.id,
        record: { symptoms: ['chest-pain', 'fainting'], observedAtMs: NOW - 1000, note: 'During session' },
      }),
    );
    value(
      await dispatch('intake.saveSection', {
        clientId: client.id,
        save: {
          section: 'psychiatric',
          data: { depression: null, panic: null, trauma: null, suicidalThoughts: true, notes: '' },
        },
      }),
    );
    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.openAlerts.map((a) => a.kind).sort()).toEqual([
      'intake-suicidal-thoughts',
      'red-flag-symptom',
    ]);
    expect(chart.openAlerts.find((a) => a.kind === 'red-flag-symptom')?.detail).toMatch(
      /Chest pain, Fainting/,
    );
  });

  it('scores AUDIT-C with the sex on the client record, never the one the form sent (issue 8 item 8)', async () => {
    const { dispatch, client } = await setup();
    // The client record says female: 3 points is positive (threshold 3), though the form claims male (4).
    const a = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('auditc', [1, 1, 1], { context: { sex: 'male', underMedicalSupervision: null } }),
      }),
    );
    expect(a.score).toMatchObject({ total: 3, band: 'positive', flags: [] });
    expect(a.input.instrumentId !== 'suicide-screen' && a.input.context.sex).toBe('female');
    // No sex on the record: the lower threshold, flagged, whatever the form says.
    const other = value<Client>(
      await dispatch('clients.create', { client: aClient({ legalFirstName: 'Łucja', sex: 'not-recorded' }) }),
    );
    const b = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: other.id,
        id: null,
        assessment: scored('auditc', [1, 1, 1], { context: { sex: 'male', underMedicalSupervision: null } }),
      }),
    );
    expect(b.score).toMatchObject({ band: 'positive', flags: ['sex-not-recorded'] });
    expect(b.input.instrumentId !== 'suicide-screen' && b.input.context.sex).toBeNull();
  });

  it('keeps the substance a SUD checklist was for, and refuses one without (issue 8 item 5)', async () => {
    const { dispatch, client } = await setup();
    const noSubstance = await dispatch('assessments.save', {
      clientId: client.id,
      id: null,
      assessment: scored(
        'sud',
        Array.from({ length: 11 }, () => false),
        { sud: null },
      ),
    });
    expect(noSubstance).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'assessment.sud.substance' }] },
    });
    const details = {
      substance: 'opioids',
      substanceName: 'oxycodone',
      remission: 'early',
      severityBeforeRemission: 'moderate-severe',
    } as const;
    const a = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored(
          'sud',
          Array.from({ length: 11 }, () => false),
          { sud: details },
        ),
      }),
    );
    expect(a.input.instrumentId).toBe('sud');
    expect(a.input.instrumentId !== 'suicide-screen' && a.input.sud).toEqual(details);
    // Details sent with another instrument are not kept.
    const phq = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0], { sud: details }),
      }),
    );
    expect(phq.input.instrumentId !== 'suicide-screen' && phq.input.sud).toBeNull();
  });

  it('reads strong products from the use log and an open suicide-risk alert into level of care', async () => {
    const { dispatch, client } = await setup();
    value(
      await dispatch('intake.saveSection', {
        clientId: client.id,
        save: {
          section: 'kratom',
          data: {
            productForms: ['leaf-powder'],
            productNotes: '',
            gramsPerDose: 2,
            dosesPerDay: 2,
            yearsOfUse: 1,
            lastDoseAtMs: null,
            wakesInWithdrawal: false,
            dosesOvernight: false,
            withdrawalDerailedQuitting: false,
            priorQuitAttempts: '',
          },
        },
      }),
    );
    for (const day of [20, 21, 22]) {
      for (const hour of [9, 19]) {
        value(
          await dispatch('useLog.add', {
            clientId: client.id,
            entry: aDose({
              takenAtMs: Date.UTC(2026, 10, day, hour),
              product: 'Extract shot',
              form: 'shot',
              amount: 15,
              unit: 'ml',
            }),
          }),
        );
      }
    }
    const before = value<LevelOfCareView>(await dispatch('levelOfCare.get', { clientId: client.id }));
    const state = (v: LevelOfCareView, id: string) => v.criteria.find((c) => c.id === id)?.state;
    expect(state(before, 'detox-potent')).toBe('met');
    expect(before.criteria.find((c) => c.id === 'detox-potent')?.evidence).toBe(
      'Intake: Leaf powder. Use log: Liquid shot',
    );
    expect(state(before, 'taper-measurable')).toBe('not-met');
    expect(before.suggested).not.toBe('taper');
    expect(state(before, 'detox-psychiatric')).toBe('unknown');
    value(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]),
      }),
    );
    const after = value<LevelOfCareView>(await dispatch('levelOfCare.get', { clientId: client.id }));
    expect(state(after, 'detox-psychiatric')).toBe('met');
    expect(after.criteria.find((c) => c.id === 'detox-psychiatric')?.evidence).toMatch(/Open alert: PHQ-9/);
    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.riskFlags.map((f) => f.id)).toContain('potent-products-logged');
  });

  it('records outpatient, intensive outpatient and partial hospitalisation decisions (issue 8 item 9)', async () => {
    const { dispatch, client } = await setup();
    const review = Object.fromEntries(
      [
        'intoxication-withdrawal',
        'biomedical',
        'emotional-behavioural-cognitive',
        'readiness-to-change',
        'relapse-continued-use',
        'recovery-environment',
      ].map((id) => [id, { rating: 1, note: '' }]),
    );
    for (const level of ['outpatient', 'intensive-outpatient', 'partial-hospitalisation'] as const) {
      value(
        await dispatch('levelOfCare.decide', {
          clientId: client.id,
          decision: {
            level,
            reason: 'Stable at home; needs structure.',
            judgements: {},
            dimensionRatings: review,
          },
        }),
      );
    }
    const view = value<LevelOfCareView>(await dispatch('levelOfCare.get', { clientId: client.id }));
    expect(view.decisions.map((d) => d.decision.level).sort()).toEqual([
      'intensive-outpatient',
      'outpatient',
      'partial-hospitalisation',
    ]);
    // A blank intake: nothing was suggested, and the decision keeps that.
    expect(view.decisions.every((d) => d.suggested === null)).toBe(true);
    const timeline = value<Chart>(await dispatch('clients.chart', { id: client.id })).timeline;
    expect(timeline.map((e) => e.title)).toContain('Level of care: Partial hospitalisation');
  });
});
