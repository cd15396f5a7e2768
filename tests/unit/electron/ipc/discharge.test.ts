/**
 * The discharged-status rule through the real handlers (issue 9, item 6; CLINICAL.md §5): Discharged is set only
 * with a date and a type, is recorded on the timeline and in the audit log, and ends the consents whose ending
 * event is the discharge. A refused save changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import type { Client } from '../../../../shared/domain/clients';
import type { Consent } from '../../../../shared/domain/consents';
import type { Chart } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
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

const input = (c: Client) => {
  const { id: _i, assignedClinicianName: _n, createdAtMs: _c, updatedAtMs: _u, discharge: _d, ...rest } = c;
  return { ...rest, discharge: null };
};

describe('setting a client to Discharged', () => {
  it('is refused without a date and a type, beside the field, and nothing changes', async () => {
    const { dispatch, practice } = await practiceWithDispatch();
    const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const silent = await dispatch('clients.update', {
      id: client.id,
      client: { ...input(client), status: 'discharged' },
    });
    expect(fieldsOf(silent)).toEqual({
      'client.discharge.dischargedOn': 'A client is discharged with a discharge date and how they left care.',
    });
    const noType = await dispatch('clients.update', {
      id: client.id,
      client: { ...input(client), status: 'discharged', discharge: { dischargedOn: '2026-11-20', type: '' } },
    });
    expect(Object.keys(fieldsOf(noType))).toEqual(['client.discharge.type']);
    const future = await dispatch('clients.update', {
      id: client.id,
      client: {
        ...input(client),
        status: 'discharged',
        discharge: { dischargedOn: '2026-12-01', type: 'completed' },
      },
    });
    expect(fieldsOf(future)).toEqual({
      'client.discharge.dischargedOn': 'The discharge date cannot be in the future.',
    });
    const beforeAdmission = await dispatch('clients.update', {
      id: client.id,
      client: {
        ...input(client),
        status: 'discharged',
        discharge: { dischargedOn: '2026-10-01', type: 'completed' },
      },
    });
    expect(fieldsOf(beforeAdmission)).toEqual({
      'client.discharge.dischargedOn': 'The discharge date is before the admission date.',
    });
    // A new client cannot be created discharged without them either.
    expect(
      fieldsOf(await dispatch('clients.create', { client: aClient({ status: 'discharged' }) })),
    ).toHaveProperty(['client.discharge.dischargedOn']);
    const after = value<Client>(await dispatch('clients.get', { id: client.id }));
    expect(after.status).toBe('active');
    expect(after.discharge).toBeNull();
    const actions = listAudit(practice.session().db, { limit: 50, beforeId: null }).map((a) => a.action);
    expect(actions).not.toContain('discharge');
  });

  it('records the date and type on the timeline, audits it, and ends consents whose end is the discharge', async () => {
    const { dispatch, practice } = await practiceWithDispatch();
    const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const consent = async (over: Parameters<typeof aConsent>[0]) =>
      value<Consent>(await dispatch('consents.create', { clientId: client.id, consent: aConsent(over) }));
    const byEvent = { expiryKind: 'event', expiryDate: null } as const;
    const atDischarge = await consent({ expiryKind: 'discharge', expiryDate: null, expiryEvent: '' });
    const otherEvent = await consent({ ...byEvent, expiryEvent: 'End of the court order' });
    const byDate = await consent({});
    const revoked = await consent({ expiryKind: 'discharge', expiryDate: null, expiryEvent: '' });
    value(
      await dispatch('consents.revoke', {
        id: revoked.id,
        revocation: { revokedOn: '2026-11-21', receivedHow: 'in-writing', note: '' },
      }),
    );

    const saved = value<Client>(
      await dispatch('clients.update', {
        id: client.id,
        client: {
          ...input(client),
          status: 'discharged',
          discharge: { dischargedOn: '2026-11-22', type: 'left-against-advice' },
        },
      }),
    );
    expect(saved.status).toBe('discharged');
    expect(saved.discharge).toMatchObject({ dischargedOn: '2026-11-22', type: 'left-against-advice' });

    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    const event = chart.timeline.find((e) => e.kind === 'discharge');
    expect(event).toMatchObject({
      title: 'Discharged: Left against advice',
      detail: 'Discharge date 2026-11-22',
    });
    const ended = Object.fromEntries(chart.consents.map((c) => [c.id, c.endEvent?.happenedOn ?? null]));
    expect(ended).toEqual({
      [atDischarge.id]: '2026-11-22',
      [otherEvent.id]: null,
      [byDate.id]: null,
      [revoked.id]: null,
    });
    expect(chart.timeline.some((e) => e.kind === 'consent-ended' && e.refId === atDischarge.id)).toBe(true);

    const audit = listAudit(practice.session().db, { limit: 50, beforeId: null });
    expect(audit.map((a) => `${a.action}:${a.entity}:${a.entityId}`)).toEqual(
      expect.arrayContaining([`discharge:client:${client.id}`, `record-end-event:consent:${atDischarge.id}`]),
    );

    // Recent activity names the client of each row about them; the log read for anything else does not.
    expect(audit.every((a) => a.clientName === null)).toBe(true);
    const shown = listAudit(practice.session().db, { limit: 50, beforeId: null, withClientNames: true });
    const named = shown.filter((a) => a.action === 'discharge' || a.action === 'record-end-event');
    expect(named.map((a) => a.clientName)).toEqual(['Montoya-Brandt, Araceli', 'Montoya-Brandt, Araceli']);

    // Editing a discharged client's details again records no second discharge.
    value(
      await dispatch('clients.update', {
        id: client.id,
        client: { ...input(saved), phone: '(541) 555-0199' },
      }),
    );
    const again = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(again.timeline.filter((e) => e.kind === 'discharge')).toHaveLength(1);
    expect(again.client.discharge?.type).toBe('left-against-advice');
  });
});
