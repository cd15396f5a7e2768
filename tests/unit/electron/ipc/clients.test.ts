import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import { insertClient } from '../../../../electron/db/repositories/clients';
import { insertUseLogEntry } from '../../../../electron/db/repositories/useLog';
import type { UseLogEntry } from '../../../../shared/domain/useLog';
import type { Client } from '../../../../shared/domain/clients';
import type { Chart } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent, aDose } from '../../../support/clients';
import { FakeClock, setUpPractice } from '../../../support/fixtures';

async function practiceWithDispatch() {
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

function fieldsOf(r: Result<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected an error');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
}

describe('clients', () => {
  it('keeps the language for documents and the interpreter need, and refuses a language it has no catalogue for', async () => {
    const { dispatch } = await practiceWithDispatch();
    const anh = value<Client>(
      await dispatch('clients.create', {
        client: aClient({
          legalFirstName: 'Thị Ánh',
          legalLastName: 'Nguyễn',
          nameOrder: 'family-first',
          documentLanguage: 'es',
          interpreterNeeded: true,
        }),
      }),
    );
    expect(anh).toMatchObject({ documentLanguage: 'es', interpreterNeeded: true });
    const { id: _id, assignedClinicianName: _a, createdAtMs: _c, updatedAtMs: _u, ...input } = anh;
    const updated = value<Client>(
      await dispatch('clients.update', {
        id: anh.id,
        client: { ...input, discharge: null, documentLanguage: 'en', interpreterNeeded: false },
      }),
    );
    expect(updated).toMatchObject({ documentLanguage: 'en', interpreterNeeded: false });
    const refused = await dispatch('clients.create', { client: { ...aClient(), documentLanguage: 'fr' } });
    expect(fieldsOf(refused)['client.documentLanguage']).toBe('Choose English or Spanish.');
  });

  it('re-admits a discharged client only with a re-admission date on or after the discharge, beside the field', async () => {
    const { dispatch } = await practiceWithDispatch();
    const base = aClient({
      legalFirstName: 'Łucja',
      legalLastName: 'Łukasiewicz',
      admissionDate: '2026-06-01',
    });
    const saved = value<Client>(await dispatch('clients.create', { client: base }));
    const update = (over: Partial<typeof base>) =>
      dispatch('clients.update', { id: saved.id, client: { ...base, ...over } });
    value(
      await update({ status: 'discharged', discharge: { dischargedOn: '2026-10-01', type: 'lost-contact' } }),
    );
    const before = value<Client>(await dispatch('clients.get', { id: saved.id }));
    for (const status of ['active', 'on-hold'] as const) {
      for (const admissionDate of ['2026-06-01', '2026-09-30']) {
        const refused = await update({ status, admissionDate, discharge: null });
        expect(fieldsOf(refused)['client.admissionDate'], `${status} ${admissionDate}`).toBe(
          'To re-admit the client, give the date they came back to care as the admission date: on or after their discharge on Oct 1, 2026.',
        );
      }
    }
    // Refused saves change nothing; an edit that keeps the client Discharged keeps the old date.
    expect(value<Client>(await dispatch('clients.get', { id: saved.id }))).toEqual(before);
    value(await update({ status: 'discharged', discharge: null, preferredName: 'Łucja' }));
    const back = value<Client>(
      await update({ status: 'on-hold', admissionDate: '2026-10-01', discharge: null }),
    );
    expect(back).toMatchObject({ status: 'on-hold', admissionDate: '2026-10-01' });
    // Once re-admitted, the admission date is corrected freely on or after the discharge; before it, the episode
    // would overlap the one the discharge ended (migration 0850 keeps that one as history).
    value(await update({ status: 'active', admissionDate: '2026-10-02', discharge: null }));
    value(await update({ status: 'active', admissionDate: '2026-10-01', discharge: null }));
    const overlapping = await update({ status: 'active', admissionDate: '2026-09-15', discharge: null });
    expect(fieldsOf(overlapping)['client.admissionDate']).toBe(
      'Give an admission date on or after Oct 1, 2026: the discharge that day ended the client’s earlier episode of care.',
    );
    expect(value<Client>(await dispatch('clients.get', { id: saved.id })).admissionDate).toBe('2026-10-01');
    // Discharged again, the admission date still stays after the discharge that closed the first episode.
    value(
      await update({
        status: 'discharged',
        admissionDate: '2026-10-01',
        discharge: { dischargedOn: '2026-11-01', type: 'completed' },
      }),
    );
    const stillDischarged = await update({
      status: 'discharged',
      admissionDate: '2026-07-01',
      discharge: null,
    });
    expect(fieldsOf(stillDischarged)['client.admissionDate']).toBe(
      'Give an admission date on or after Oct 1, 2026: the discharge that day ended the client’s earlier episode of care.',
    );
  });

  it('creates a client with a generated chart number, keeps accents, and audits the create and each chart view', async () => {
    const { dispatch, practice, user } = await practiceWithDispatch();
    const jose = value<Client>(
      await dispatch('clients.create', {
        client: aClient({
          legalFirstName: 'José',
          legalLastName: 'Núñez',
          preferredName: '',
          assignedClinicianId: user.id,
        }),
      }),
    );
    expect(jose.chartNumber).toBe('C-000001');
    expect(jose.assignedClinicianName).toBe(user.displayName);
    const second = value<Client>(await dispatch('clients.create', { client: aClient() }));
    expect(second.chartNumber).toBe('C-000002');
    value(await dispatch('clients.chart', { id: jose.id }));
    const audit = listAudit(practice.session().db, { limit: 10, beforeId: null });
    expect(
      audit.map(
        (a) =>
          `${a.action}:${a.entity}:${a.entityId === jose.id ? 'jose' : a.entityId === second.id ? '2' : '-'}`,
      ),
    ).toEqual(expect.arrayContaining(['create:client:jose', 'create:client:2', 'view:chart:jose']));
    // Audit rows carry ids, never names.
    expect(JSON.stringify(audit)).not.toContain('Núñez');
  });

  it('refuses invalid input with the field named, and loses nothing already saved', async () => {
    const { dispatch } = await practiceWithDispatch();
    const other = value<Client>(
      await dispatch('clients.create', { client: aClient({ legalFirstName: 'Other' }) }),
    );
    const saved = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ dateOfBirth: '2030-01-01' }, 'client.dateOfBirth', /future/],
      [{ dateOfBirth: '2026-02-30' }, 'client.dateOfBirth', /real date/],
      [{ legalLastName: 'x'.repeat(10 * 1024 * 1024) }, 'client.legalLastName', /at most 100/],
      [{ legalFirstName: '   ' }, 'client.legalFirstName', /required/],
      [{ email: 'not-an-email' }, 'client.email', /not an email/],
      [{ admissionDate: '2026-12-25' }, 'client.admissionDate', /future/],
      [{ chartNumber: other.chartNumber.toLowerCase() }, 'client.chartNumber', /another client/],
      [{ assignedClinicianId: 'no-such-user' }, 'client.assignedClinicianId', /clinician/],
    ];
    for (const [over, path, message] of cases) {
      const r = await dispatch('clients.update', { id: saved.id, client: aClient(over as never) });
      expect(fieldsOf(r)[path], path).toMatch(message);
    }
    expect(value<Client>(await dispatch('clients.get', { id: saved.id }))).toEqual(saved);
  });

  it('saves intake in parts, derives risk flags, and refuses impossible numbers', async () => {
    const { dispatch } = await practiceWithDispatch();
    const c = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const kratom = {
      productForms: ['leaf-powder', 'extract'],
      productNotes: '',
      gramsPerDose: 2,
      dosesPerDay: 5,
      yearsOfUse: 3,
      lastDoseAtMs: Date.UTC(2026, 10, 23, 8, 0),
      wakesInWithdrawal: true,
      dosesOvernight: null,
      withdrawalDerailedQuitting: null,
      priorQuitAttempts: '',
    };
    const bad = await dispatch('intake.saveSection', {
      clientId: c.id,
      save: { section: 'kratom', data: { ...kratom, dosesPerDay: 200, gramsPerDose: -1 } },
    });
    expect(fieldsOf(bad)).toMatchObject({
      'save.data.dosesPerDay': expect.stringMatching(/at most 50/),
      'save.data.gramsPerDose': expect.stringMatching(/negative/),
    });
    value(
      await dispatch('intake.saveSection', { clientId: c.id, save: { section: 'kratom', data: kratom } }),
    );
    value(
      await dispatch('intake.saveSection', {
        clientId: c.id,
        save: {
          section: 'psychiatric',
          data: { depression: true, panic: null, trauma: null, suicidalThoughts: true, notes: '' },
        },
      }),
    );
    const chart = value<Chart>(await dispatch('clients.chart', { id: c.id }));
    expect(Object.keys(chart.intake.savedAtMs).sort()).toEqual(['kratom', 'psychiatric']);
    expect(chart.intake.sections.medical).toBeNull();
    expect(chart.openAlerts.map((a) => a.kind)).toEqual(['intake-suicidal-thoughts']);
    expect(chart.riskFlags.map((f) => `${f.severity}:${f.id}`)).toEqual(
      expect.arrayContaining([
        'caution:suicidal-thoughts',
        'caution:many-daily-doses',
        'caution:potent-products',
        'caution:night-withdrawal',
        'caution:psychiatric-history',
      ]),
    );
    // Issue 8 item 2: with an extract among the forms, 2 g × 5 is not "About 10 g a day" of leaf.
    expect(chart.riskFlags.map((f) => f.id)).not.toContain('high-daily-amount');
  });

  it('logs doses, refusing negative, huge and future amounts, and shows days on the timeline', async () => {
    const { dispatch, clock } = await practiceWithDispatch();
    const c = value<Client>(await dispatch('clients.create', { client: aClient() }));
    expect(
      fieldsOf(await dispatch('useLog.add', { clientId: c.id, entry: aDose({ amount: -2 }) })),
    ).toHaveProperty('entry.amount');
    expect(
      fieldsOf(await dispatch('useLog.add', { clientId: c.id, entry: aDose({ amount: 200 }) }))[
        'entry.amount'
      ],
    ).toMatch(/at most 100/);
    expect(
      fieldsOf(
        await dispatch('useLog.add', {
          clientId: c.id,
          entry: aDose({ takenAtMs: clock.now() + 3_600_000 }),
        }),
      )['entry.takenAtMs'],
    ).toMatch(/future/);
    for (const day of [20, 21, 22]) {
      for (const hour of [9, 14, 20]) {
        value(
          await dispatch('useLog.add', {
            clientId: c.id,
            entry: aDose({ takenAtMs: Date.UTC(2026, 10, day, hour) }),
          }),
        );
      }
    }
    const chart = value<Chart>(await dispatch('clients.chart', { id: c.id }));
    expect(chart.useLogEntries).toBe(9);
    expect(chart.timeline.filter((e) => e.kind === 'use-log-day').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a consent without its recipient, naming the field; records and revokes a valid one', async () => {
    const { dispatch } = await practiceWithDispatch();
    const c = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const missing = await dispatch('consents.create', {
      clientId: c.id,
      consent: aConsent({ recipient: '' }),
    });
    expect(fieldsOf(missing)['consent.recipient']).toMatch(/Recipient \(name or class\) is required/);
    const tpo = await dispatch('consents.create', { clientId: c.id, consent: aConsent({ type: 'tpo' }) });
    expect(Object.keys(fieldsOf(tpo)).sort()).toEqual([
      'consent.redisclosureStatementIncluded',
      'consent.refusalConsequencesExplained',
    ]);
    const noRevokeRight = await dispatch('consents.create', {
      clientId: c.id,
      consent: aConsent({
        revocationRightExplained: false,
        expiryKind: 'event',
        expiryDate: null,
        expiryEvent: '',
      }),
    });
    expect(Object.keys(fieldsOf(noRevokeRight)).sort()).toEqual([
      'consent.expiryEvent',
      'consent.revocationRightExplained',
    ]);

    const consent = value<{ id: string }>(
      await dispatch('consents.create', { clientId: c.id, consent: aConsent() }),
    );
    const early = await dispatch('consents.revoke', {
      id: consent.id,
      revocation: { revokedOn: '2026-11-01', receivedHow: 'in-writing', note: '' },
    });
    expect(fieldsOf(early)['revocation.revokedOn']).toMatch(/before the consent was signed/);
    const revoked = value<{ revocation: { revokedOn: string } | null }>(
      await dispatch('consents.revoke', {
        id: consent.id,
        revocation: { revokedOn: '2026-11-22', receivedHow: 'in-writing', note: 'Letter received' },
      }),
    );
    expect(revoked.revocation?.revokedOn).toBe('2026-11-22');
    const again = await dispatch('consents.revoke', {
      id: consent.id,
      revocation: { revokedOn: '2026-11-23', receivedHow: 'verbally', note: '' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const chart = value<Chart>(await dispatch('clients.chart', { id: c.id }));
    expect(chart.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['consent-created', 'consent-revoked']),
    );
  });

  it('refuses a dose or a last dose before the date of birth or more than two years back, beside the field', async () => {
    const { dispatch, clock } = await practiceWithDispatch();
    const c = value<Client>(
      await dispatch('clients.create', { client: aClient({ dateOfBirth: '1960-05-01' }) }),
    );
    const young = value<Client>(
      await dispatch('clients.create', { client: aClient({ dateOfBirth: '2025-06-01' }) }),
    );
    const in1970 = Date.UTC(1970, 0, 1, 12);
    const threeYearsAgo = clock.now() - 3 * 365 * 86_400_000;
    const add = async (clientId: string, takenAtMs: number) =>
      fieldsOf(await dispatch('useLog.add', { clientId, entry: aDose({ takenAtMs }) }))['entry.takenAtMs'];
    expect(await add(c.id, in1970)).toBe('A dose must be within the past 2 years: check the year.');
    expect(await add(c.id, threeYearsAgo)).toMatch(/within the past 2 years/);
    expect(await add(c.id, -8.64e15)).toMatch(/date of birth/);
    expect(await add(young.id, Date.UTC(2025, 3, 1))).toBe(
      "A dose cannot be before the client's date of birth: check the year.",
    );
    // A paper diary a few weeks old is fine.
    const saved = value<UseLogEntry>(
      await dispatch('useLog.add', {
        clientId: c.id,
        entry: aDose({ takenAtMs: clock.now() - 40 * 86_400_000 }),
      }),
    );
    const edit = await dispatch('useLog.update', { id: saved.id, entry: aDose({ takenAtMs: in1970 }) });
    expect(fieldsOf(edit)['entry.takenAtMs']).toMatch(/2 years/);
    expect(value<UseLogEntry[]>(await dispatch('useLog.list', { clientId: c.id }))).toEqual([saved]);

    const kratom = (lastDoseAtMs: number) => ({
      productForms: ['leaf-powder'],
      productNotes: '',
      gramsPerDose: 2,
      dosesPerDay: 3,
      yearsOfUse: 1,
      lastDoseAtMs,
      wakesInWithdrawal: null,
      dosesOvernight: null,
      withdrawalDerailedQuitting: null,
      priorQuitAttempts: '',
    });
    const last = async (clientId: string, ms: number) =>
      fieldsOf(
        await dispatch('intake.saveSection', { clientId, save: { section: 'kratom', data: kratom(ms) } }),
      )['save.data.lastDoseAtMs'];
    expect(await last(c.id, in1970)).toBe('The last dose must be within the past 2 years: check the year.');
    expect(await last(young.id, Date.UTC(2025, 0, 1))).toMatch(
      /^The last dose cannot be before .*date of birth/,
    );
    expect(await last(c.id, clock.now() + 3_600_000)).toMatch(/future/);
    value(
      await dispatch('intake.saveSection', {
        clientId: c.id,
        save: { section: 'kratom', data: kratom(clock.now() - 12 * 3_600_000) },
      }),
    );
  });

  it('still lists, charts, summarises and deletes doses saved with impossible times before they were checked', async () => {
    const { dispatch, practice, user } = await practiceWithDispatch();
    const c = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const db = practice.session().db;
    const bad = [Date.UTC(1970, 0, 1, 12), -8.64e15, -9_007_199_254_740_991];
    bad.forEach((takenAtMs, i) =>
      insertUseLogEntry(db, `bad-${i}`, c.id, aDose({ takenAtMs }), user.id, practice.clock.now()),
    );
    value(await dispatch('useLog.add', { clientId: c.id, entry: aDose() }));
    expect(value<UseLogEntry[]>(await dispatch('useLog.list', { clientId: c.id }))).toHaveLength(4);
    expect(value<Chart>(await dispatch('clients.chart', { id: c.id })).useLogEntries).toBe(4);
    value(await dispatch('levelOfCare.get', { clientId: c.id }));
    for (const i of [0, 1, 2]) value(await dispatch('useLog.delete', { id: `bad-${i}` }));
    expect(value<UseLogEntry[]>(await dispatch('useLog.list', { clientId: c.id }))).toHaveLength(1);
  });

  it('audits each read of intake, the use log and the consents as a view of that client, with no clinical text', async () => {
    const { dispatch, practice } = await practiceWithDispatch();
    const c = value<Client>(await dispatch('clients.create', { client: aClient() }));
    value(await dispatch('useLog.add', { clientId: c.id, entry: aDose({ note: 'Quokka evening dose' }) }));
    value(await dispatch('intake.get', { clientId: c.id }));
    value(await dispatch('useLog.list', { clientId: c.id }));
    value(await dispatch('consents.list', { clientId: c.id }));
    const audit = listAudit(practice.session().db, { limit: 10, beforeId: null });
    const views = audit.filter((a) => a.action === 'view').map((a) => `${a.entity}:${a.entityId}`);
    expect(views.sort()).toEqual([`consent-list:${c.id}`, `intake:${c.id}`, `use-log-list:${c.id}`]);
    expect(JSON.stringify(audit)).not.toMatch(/Quokka|Montoya/);
    // A read of a client that is not there is refused and writes nothing.
    const before = listAudit(practice.session().db, { limit: 50, beforeId: null }).length;
    expect(await dispatch('useLog.list', { clientId: 'no-such-client' })).toMatchObject({ ok: false });
    expect(listAudit(practice.session().db, { limit: 50, beforeId: null })).toHaveLength(before);
  });

  it('keeps generating free chart numbers after a 19-digit one and long hand-typed ones', async () => {
    const { dispatch, practice } = await practiceWithDispatch();
    const first = value<Client>(await dispatch('clients.create', { client: aClient() }));
    expect(first.chartNumber).toBe('C-000001');
    // The longest a clinician can type: 18 digits, far past 2^53.
    const typed = value<Client>(
      await dispatch('clients.create', { client: aClient({ chartNumber: 'C-900719925474099312' }) }),
    );
    expect(typed.chartNumber).toBe('C-900719925474099312');
    // 19 digits, as an older record or an import could hold.
    insertClient(
      practice.session().db,
      'imported-client',
      { ...aClient(), chartNumber: 'C-9223372036854775807' },
      practice.clock.now(),
    );
    const numbers = [];
    for (let i = 0; i < 3; i++) {
      numbers.push(value<Client>(await dispatch('clients.create', { client: aClient() })).chartNumber);
    }
    expect(numbers).toEqual(['C-000002', 'C-000003', 'C-000004']);
    expect(value<{ chartNumber: string }>(await dispatch('clients.nextChartNumber', {}))).toEqual({
      chartNumber: 'C-000005',
    });
  });

  it('steps over a hand-typed number where the sequence arrives, and counts numbers up to 15 digits', async () => {
    const { dispatch } = await practiceWithDispatch();
    value(await dispatch('clients.create', { client: aClient({ chartNumber: 'C-999999999999999' }) }));
    value(await dispatch('clients.create', { client: aClient({ chartNumber: 'C-1000000000000000' }) }));
    const next = value<Client>(await dispatch('clients.create', { client: aClient() }));
    expect(next.chartNumber).toBe('C-1000000000000001');
    const after = value<Client>(await dispatch('clients.create', { client: aClient() }));
    expect(after.chartNumber).toBe('C-1000000000000002');
  });
});
