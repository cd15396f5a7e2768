/**
 * Due measures, response at a glance and follow-up after discharge through the real handlers and SQLite
 * (issue 15 items 1, 2 and 4): a client becomes due, the measure is given and the worklist clears; a schedule
 * changed for one client; a discharged client's 7-day follow-up is recorded, audited and on the timeline.
 */
process.env.TZ = 'America/Los_Angeles';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { dueTotal } from '../../../../electron/db/repositories/measures';
import type { Client, ClientInput } from '../../../../shared/domain/clients';
import { DEFAULT_SCHEDULE } from '../../../../shared/domain/measures';
import { emptyMatNoteContent } from '../../../../shared/domain/matNotes';
import type { Chart } from '../../../../shared/ipc/contract';
import type { ClientMeasures, DueMeasures, FollowUpWorklist } from '../../../../shared/ipc/channels/outcomes';
import type { Result } from '../../../../shared/ipc/result';
import { aClient } from '../../../support/clients';
import { FakeClock, setUpPractice } from '../../../support/fixtures';

async function practiceWithDispatch() {
  // 10:00 on Monday 23 November 2026 in Los Angeles.
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 18, 0));
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  return { practice, user, clock, dispatch };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const DAY = 86_400_000;

async function give(
  dispatch: Dispatch,
  clientId: string,
  instrumentId: string,
  answers: number[],
  atMs: number,
) {
  value(
    await dispatch('assessments.save', {
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
    }),
  );
}

const phq9 = (total: number) =>
  [3, 3, 3, 3, 3, 3, 3, 3, 0].map((_, i) => Math.min(3, Math.max(0, total - i * 3)));

describe('due measures', () => {
  it('lists a new client as due at intake, and clears each measure as it is given', async () => {
    const { dispatch, clock } = await practiceWithDispatch();
    const client = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalLastName: 'Łukasiewicz', admissionDate: '2026-11-23' }),
      }),
    );
    const due = async () =>
      value<DueMeasures>(await dispatch('measures.due', {})).items.filter((i) => i.clientId === client.id);
    expect((await due()).map((i) => [i.measure, i.reason, i.status])).toEqual([
      ['phq9', 'intake', 'due-today'],
      ['gad7', 'intake', 'due-today'],
      ['auditc', 'intake', 'due-today'],
    ]);
    expect((await due())[0]?.clientName).toBe('Łukasiewicz, Araceli');

    await give(dispatch, client.id, 'phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0], clock.now() - 1000);
    expect((await due()).map((i) => i.measure)).toEqual(['gad7', 'auditc']);

    const measures = value<ClientMeasures>(await dispatch('measures.forClient', { clientId: client.id }));
    expect(measures.due.find((d) => d.measure === 'phq9')).toEqual({
      measure: 'phq9',
      dueOn: '2026-12-23',
      reason: 'interval',
      status: 'upcoming',
    });

    // A client whose last PHQ-9 was 30 calendar days ago is due again today (and GAD-7, never given, overdue).
    const earlier = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalLastName: 'Ávila', admissionDate: '2026-10-24' }),
      }),
    );
    await give(dispatch, earlier.id, 'phq9', phq9(12), new Date(2026, 9, 24, 23, 30).getTime());
    await give(dispatch, earlier.id, 'auditc', [1, 0, 0], new Date(2026, 9, 24, 23, 40).getTime());
    const all = value<DueMeasures>(await dispatch('measures.due', {})).items;
    expect(
      all.filter((i) => i.clientId === earlier.id).map((i) => [i.measure, i.reason, i.dueOn, i.status]),
    ).toEqual([
      ['gad7', 'intake', '2026-10-24', 'overdue'],
      ['phq9', 'interval', '2026-11-23', 'due-today'],
    ]);
    // Most overdue first across the practice.
    expect(all[0]?.clientId).toBe(earlier.id);
  });

  it('lists the first 200 measures due and says how many are due in all', async () => {
    const { dispatch, practice } = await practiceWithDispatch();
    // Three intake measures each (PHQ-9, GAD-7, AUDIT-C): 70 clients, 210 measures due.
    for (let n = 0; n < 70; n += 1)
      value(
        await dispatch('clients.create', {
          client: aClient({ legalLastName: `Nguyễn ${n}`, admissionDate: '2026-11-20' }),
        }),
      );
    const due = value<DueMeasures>(await dispatch('measures.due', {}));
    expect([due.items.length, due.total, due.more]).toEqual([200, 210, false]);
    // Past the count's limit the worklist says "more than" rather than reading every row.
    const { db } = practice.session();
    expect(dueTotal(db, '2026-11-23', 210)).toEqual({ total: 210, more: false });
    expect(dueTotal(db, '2026-11-23', 209)).toEqual({ total: 209, more: true });
  });

  it('orders clients due on one day by the list’s collation, and never drops one whose outcome row is missing', async () => {
    const { dispatch, practice } = await practiceWithDispatch();
    const names = ['Okafor', 'O’Brien', 'Zapata', 'Łukasiewicz', 'Lopez', 'Đặng', 'Dorsey'];
    for (const legalLastName of names)
      value(
        await dispatch('clients.create', { client: aClient({ legalLastName, admissionDate: '2026-11-23' }) }),
      );
    const order = async () => [
      ...new Set(
        value<DueMeasures>(await dispatch('measures.due', {})).items.map((i) => i.clientName.split(',')[0]),
      ),
    ];
    expect(await order()).toEqual(['Đặng', 'Dorsey', 'Lopez', 'Łukasiewicz', 'O’Brien', 'Okafor', 'Zapata']);
    // A derived row lost (a later migration that rebuilt a table without its triggers): the due rows stay.
    practice.session().db.prepare('DELETE FROM client_outcomes').run();
    expect(await order()).toHaveLength(names.length);
  });

  it('follows a schedule changed for one client, and asks for COWS or SOWS after a withdrawal contact', async () => {
    const { dispatch, clock } = await practiceWithDispatch();
    const a = value<Client>(
      await dispatch('clients.create', { client: aClient({ legalLastName: 'Nguyễn' }) }),
    );
    const b = value<Client>(
      await dispatch('clients.create', { client: aClient({ legalLastName: 'O’Brien' }) }),
    );
    const schedule = DEFAULT_SCHEDULE.map((r) =>
      r.measure === 'auditc' ? { ...r, atIntake: false } : r.measure === 'phq9' ? { ...r, everyDays: 14 } : r,
    );
    const saved = value<ClientMeasures>(
      await dispatch('measures.saveSchedule', { clientId: a.id, schedule }),
    );
    expect(saved.schedule).toEqual(schedule);
    const measuresOf = async (id: string) =>
      value<DueMeasures>(await dispatch('measures.due', {}))
        .items.filter((i) => i.clientId === id)
        .map((i) => i.measure);
    expect(await measuresOf(a.id)).toEqual(['phq9', 'gad7']);
    expect(await measuresOf(b.id)).toEqual(['phq9', 'gad7', 'auditc']);

    // A MAT coordination contact today is a withdrawal contact: COWS or SOWS is due until one is given.
    value(await dispatch('matNotes.create', { clientId: a.id, content: emptyMatNoteContent('2026-11-23') }));
    expect(await measuresOf(a.id)).toEqual(['phq9', 'gad7', 'withdrawal']);
    await give(dispatch, a.id, 'cows', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], clock.now() - 1000);
    expect(await measuresOf(a.id)).toEqual(['phq9', 'gad7']);
  });
});

describe('response at a glance', () => {
  it('gives first, latest, change, response and remission, days in care and sessions', async () => {
    const { dispatch, clock } = await practiceWithDispatch();
    const client = value<Client>(
      await dispatch('clients.create', { client: aClient({ admissionDate: '2026-11-02' }) }),
    );
    await give(dispatch, client.id, 'phq9', phq9(18), clock.now() - 20 * DAY);
    await give(dispatch, client.id, 'phq9', phq9(11), clock.now() - 10 * DAY);
    await give(dispatch, client.id, 'phq9', phq9(4), clock.now() - DAY);
    await give(dispatch, client.id, 'gad7', [2, 2, 2, 2, 2, 1, 1], clock.now() - 20 * DAY);
    await give(dispatch, client.id, 'gad7', [2, 2, 2, 2, 2, 1, 1], clock.now() - 10 * DAY);
    await give(dispatch, client.id, 'gad7', [2, 2, 2, 2, 2, 1, 2], clock.now() - DAY);
    const { glance } = value<ClientMeasures>(await dispatch('measures.forClient', { clientId: client.id }));
    expect(glance.daysInCare).toBe(21);
    expect(glance.instruments.map((g) => [g.instrumentId, g.first.total, g.latest.total, g.change])).toEqual([
      ['phq9', 18, 4, -14],
      ['gad7', 12, 13, 1],
    ]);
    expect(glance.instruments[0]).toMatchObject({ response: true, remission: true, notImproving: false });
    expect(glance.instruments[1]).toMatchObject({ response: false, remission: false, notImproving: true });
    expect([glance.sessionsAttended, glance.sessionsPlanned]).toEqual([0, 0]);
  });
});

describe('episodes of care', () => {
  it('starts again at a same-day re-admission: intake measures due, the glance from the new episode’s first score', async () => {
    const { dispatch, clock, practice, user } = await practiceWithDispatch();
    const client = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalLastName: 'O’Brien', admissionDate: '2026-09-01' }),
      }),
    );
    await give(dispatch, client.id, 'phq9', phq9(22), clock.now() - 80 * DAY);
    await give(dispatch, client.id, 'phq9', phq9(14), clock.now() - 60 * DAY);
    const {
      id: _i,
      assignedClinicianName: _n,
      createdAtMs: _c,
      updatedAtMs: _u,
      discharge: _d,
      ...rest
    } = client;
    const save = async (changes: Partial<ClientInput>) =>
      value(await dispatch('clients.update', { id: client.id, client: { ...rest, ...changes } }));
    await save({
      status: 'discharged',
      discharge: { dischargedOn: '2026-11-23', type: 'left-against-advice' },
    });
    // Back the same day: a new episode from 23 November.
    await save({ status: 'active', admissionDate: '2026-11-23', discharge: null });
    const due = async () =>
      value<DueMeasures>(await dispatch('measures.due', {}))
        .items.filter((i) => i.clientId === client.id)
        .map((i) => [i.measure, i.reason, i.dueOn]);
    expect(await due()).toEqual([
      ['phq9', 'intake', '2026-11-23'],
      ['gad7', 'intake', '2026-11-23'],
      ['auditc', 'intake', '2026-11-23'],
    ]);
    await give(dispatch, client.id, 'phq9', phq9(12), clock.now() - 60_000);
    await give(dispatch, client.id, 'phq9', phq9(11), clock.now() - 30_000);
    // Signed sessions of the earlier episode (up to the discharge day) leave the glance; the new one's count.
    const note = practice.session().db.prepare(
      `INSERT INTO notes (id, client_id, kind, content, session_date, search_text, author_id, created_at_ms,
         updated_at_ms, signed_at_ms, signed_by) VALUES (?, ?, 'progress', '{}', ?, '', ?, 0, 0, ?, ?)`,
    );
    for (const [id, on, signed] of [
      ['n1', '2026-09-15', true],
      ['n2', '2026-11-22', true],
      ['n3', '2026-11-23', true],
      ['n4', '2026-11-23', false],
    ] as const)
      note.run(id, client.id, on, user.id, signed ? clock.now() : null, signed ? user.id : null);
    expect((await due()).map(([m]) => m)).toEqual(['gad7', 'auditc']);
    const { glance, due: chartDue } = value<ClientMeasures>(
      await dispatch('measures.forClient', { clientId: client.id }),
    );
    // Compared with 12, the episode's first, not 22 from the earlier episode.
    expect(glance.instruments.map((g) => [g.instrumentId, g.count, g.first.total, g.latest.total])).toEqual([
      ['phq9', 2, 12, 11],
    ]);
    expect(glance.instruments[0]).toMatchObject({ response: false, remission: false });
    expect([glance.sessionsAttended, glance.sessionsPlanned, glance.daysInCare]).toEqual([1, 1, 0]);
    // The earlier episode is kept with its own scores (migration 0850), and this is the second.
    expect(glance.episode).toEqual({ number: 2, since: '2026-11-23' });
    expect(glance.earlierEpisodes).toEqual([
      {
        admittedOn: '2026-09-01',
        dischargedOn: '2026-11-23',
        dischargeType: 'left-against-advice',
        phq9: { first: 22, latest: 14, count: 2 },
        gad7: null,
      },
    ]);
    expect(chartDue.find((d) => d.measure === 'phq9')).toMatchObject({
      dueOn: '2026-12-23',
      reason: 'interval',
    });
  });
});

describe('follow-up after discharge', () => {
  const reached = {
    contactedOn: '2026-11-23',
    result: 'reached' as const,
    using: 'not-using' as const,
    aftercare: 'engaged' as const,
    readmissionOffered: true,
    note: 'Attending SMART Recovery twice a week.',
  };

  it('lists the 7-day contact, records it on the timeline and the audit log, and takes it off the list', async () => {
    const { dispatch } = await practiceWithDispatch();
    const client = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalLastName: 'Đặng', admissionDate: '2026-10-01' }),
      }),
    );
    const {
      id: _id,
      assignedClinicianName: _n,
      createdAtMs: _c,
      updatedAtMs: _u,
      discharge: _d,
      ...rest
    } = client;
    value(
      await dispatch('clients.update', {
        id: client.id,
        client: {
          ...rest,
          status: 'discharged',
          discharge: { dischargedOn: '2026-11-16', type: 'completed' },
        },
      }),
    );
    const list = value<FollowUpWorklist>(await dispatch('followUps.due', {}));
    expect(list.with90Days).toBe(false);
    expect(list.items.map((i) => [i.clientName, i.day, i.dueOn, i.status, i.phone])).toEqual([
      ['Đặng, Araceli', 7, '2026-11-23', 'due-today', '(541) 555-0110'],
    ]);
    const item = list.items[0]!;

    // A client who was not reached cannot have said whether they are using.
    const refused = await dispatch('followUps.record', {
      clientId: client.id,
      dischargeId: item.dischargeId,
      day: 7,
      outcome: { ...reached, result: 'not-reached' },
    });
    expect(refused.ok).toBe(false);
    const future = await dispatch('followUps.record', {
      clientId: client.id,
      dischargeId: item.dischargeId,
      day: 7,
      outcome: { ...reached, contactedOn: '2026-11-24' },
    });
    expect(future).toMatchObject({ ok: false, error: { fields: [{ path: 'outcome.contactedOn' }] } });

    const { id } = value<{ id: string }>(
      await dispatch('followUps.record', {
        clientId: client.id,
        dischargeId: item.dischargeId,
        day: 7,
        outcome: reached,
      }),
    );
    expect(value<FollowUpWorklist>(await dispatch('followUps.due', {})).items).toEqual([]);

    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.timeline.find((e) => e.kind === 'follow-up')).toMatchObject({
      title: '7-day follow-up: Reached',
      detail: 'Contact on 2026-11-23; Not using; Engaged in aftercare; re-admission offered',
      refId: id,
    });
    const audit = value<
      Array<{ action: string; entity: string; entityId: string | null; clientName: string | null }>
    >(await dispatch('audit.list', { limit: 20, beforeId: null }));
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'create',
        entity: 'follow-up',
        entityId: id,
        clientName: 'Đặng, Araceli',
      }),
    );
    const measures = value<ClientMeasures>(await dispatch('measures.forClient', { clientId: client.id }));
    expect(measures.followUps.map((f) => [f.day, f.result, f.readmissionOffered])).toEqual([
      [7, 'reached', true],
    ]);
    expect(measures.due).toEqual([]);
    expect(measures.glance.daysInCare).toBe(46);
  });

  it('asks for a 90-day contact once an administrator turns it on', async () => {
    const { dispatch } = await practiceWithDispatch();
    const client = value<Client>(
      await dispatch('clients.create', { client: aClient({ admissionDate: '2026-06-01' }) }),
    );
    const {
      id: _id,
      assignedClinicianName: _n,
      createdAtMs: _c,
      updatedAtMs: _u,
      discharge: _d,
      ...rest
    } = client;
    value(
      await dispatch('clients.update', {
        id: client.id,
        client: {
          ...rest,
          status: 'discharged',
          discharge: { dischargedOn: '2026-08-25', type: 'transferred' },
        },
      }),
    );
    const days = async () =>
      value<FollowUpWorklist>(await dispatch('followUps.due', {})).items.map((i) => i.day);
    expect(await days()).toEqual([7, 30]);
    value(await dispatch('followUps.saveSettings', { with90Days: true }));
    expect(await days()).toEqual([7, 30, 90]);
  });
});
