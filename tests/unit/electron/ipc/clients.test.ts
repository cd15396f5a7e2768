import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
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
        'caution:high-daily-amount',
        'caution:potent-products',
        'caution:night-withdrawal',
        'caution:psychiatric-history',
      ]),
    );
  });

  it('logs doses, refusing negative, huge and future amounts, and shows days on the timeline', async () => {
    const { dispatch, clock } = await practiceWithDispatch();
    const c = value<Client>(await dispatch('clients.create', { client: aClient() }));
    expect(
      fieldsOf(await dispatch('useLog.add', { clientId: c.id, entry: aDose({ amountGrams: -2 }) })),
    ).toHaveProperty('entry.amountGrams');
    expect(
      fieldsOf(await dispatch('useLog.add', { clientId: c.id, entry: aDose({ amountGrams: 200 }) }))[
        'entry.amountGrams'
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
});
