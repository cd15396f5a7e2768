/**
 * A consent that ends on an event: recording that the event happened expires it (not a revocation), everywhere its
 * status is read, including the check that lets a private SUD counselling note be printed.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import { insertConsent } from '../../../../electron/db/repositories/consents';
import type { Client } from '../../../../shared/domain/clients';
import { consentStatus, type Consent } from '../../../../shared/domain/consents';
import { emptyNoteContent, type Note } from '../../../../shared/domain/notes';
import type { Chart } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { aClinician, FakeClock, setUpPractice } from '../../../support/fixtures';

const TODAY = '2026-11-23';
const byEvent = {
  expiryKind: 'event',
  expiryDate: null,
  expiryEvent: 'Discharge from the programme',
} as const;

async function setup() {
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 18, 0));
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
  return { practice, user, dispatch, client };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

function fieldsOf(r: Result<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected an error');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
}

describe('consents.recordEndEvent', () => {
  it('expires an event-based consent from the date the event happened, audited, without revoking it', async () => {
    const { dispatch, client, practice, user } = await setup();
    const consent = value<Consent>(
      await dispatch('consents.create', { clientId: client.id, consent: aConsent(byEvent) }),
    );
    expect(consentStatus(consent, TODAY)).toBe('active');
    const record = (happenedOn: string) =>
      dispatch('consents.recordEndEvent', { id: consent.id, endEvent: { happenedOn } });
    expect(fieldsOf(await record('2026-11-24'))['endEvent.happenedOn']).toMatch(/future/);
    expect(fieldsOf(await record('2026-11-19'))['endEvent.happenedOn']).toMatch(
      /before the consent was signed/,
    );
    expect(fieldsOf(await record('2026-02-30'))['endEvent.happenedOn']).toMatch(/real date/);

    const ended = value<Consent>(await record('2026-11-22'));
    expect(ended.endEvent).toEqual({
      happenedOn: '2026-11-22',
      recordedAtMs: Date.UTC(2026, 10, 23, 18),
      recordedBy: user.id,
    });
    expect(ended.revocation).toBeNull();
    expect(consentStatus(ended, TODAY)).toBe('expired');
    const [listed] = value<Consent[]>(await dispatch('consents.list', { clientId: client.id }));
    expect(listed && consentStatus(listed, TODAY)).toBe('expired');
    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.consents.map((c) => consentStatus(c, TODAY))).toEqual(['expired']);

    expect(await record('2026-11-22')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const revoke = await dispatch('consents.revoke', {
      id: consent.id,
      revocation: { revokedOn: TODAY, receivedHow: 'in-writing', note: '' },
    });
    expect(revoke).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const audit = listAudit(practice.session().db, { limit: 20, beforeId: null });
    expect(audit.filter((a) => a.action === 'record-end-event').map((a) => a.entityId)).toEqual([consent.id]);
    expect(audit.some((a) => a.action === 'revoke')).toBe(false);
    expect(JSON.stringify(audit)).not.toContain('Discharge');

    const after = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(
      after.timeline
        .filter((e) => e.refId === consent.id)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['consent-created', 'consent-ended']);
  });

  it('is refused for a consent that ends on a date, one that was revoked, and one that does not exist', async () => {
    const { dispatch, client } = await setup();
    const byDate = value<Consent>(
      await dispatch('consents.create', { clientId: client.id, consent: aConsent() }),
    );
    const revoked = value<Consent>(
      await dispatch('consents.create', { clientId: client.id, consent: aConsent(byEvent) }),
    );
    value(
      await dispatch('consents.revoke', {
        id: revoked.id,
        revocation: { revokedOn: TODAY, receivedHow: 'verbally', note: '' },
      }),
    );
    const endEvent = { happenedOn: TODAY };
    expect(await dispatch('consents.recordEndEvent', { id: byDate.id, endEvent })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/ends on a date/) },
    });
    expect(await dispatch('consents.recordEndEvent', { id: revoked.id, endEvent })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/revoked/) },
    });
    expect(await dispatch('consents.recordEndEvent', { id: 'no-such-consent', endEvent })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('stops a private SUD counselling note being printed once the consent for them has ended', async () => {
    const { dispatch, client } = await setup();
    const note = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'sud-counselling',
        content: {
          ...emptyNoteContent('soap', TODAY),
          risk: {
            suicidalIdeation: 'denied',
            homicidalIdeation: 'denied',
            redFlagsObserved: false,
            note: '',
          },
          sections: { subjective: 'Private reflection' },
        },
      }),
    );
    // Only a signed note is disclosed.
    value(await dispatch('notes.sign', { id: note.id, passphrase: aClinician().passphrase }));
    const consent = value<Consent>(
      await dispatch('consents.create', {
        clientId: client.id,
        consent: aConsent({ type: 'sud-counselling-notes', ...byEvent }),
      }),
    );
    const print = () =>
      dispatch('notes.printPdf', {
        id: note.id,
        paper: 'a4',
        disclosure: {
          consentId: consent.id,
          recipient: consent.consent.recipient,
          recipientAddress: consent.consent.recipientAddress,
          purpose: consent.consent.purpose,
        },
      });
    expect(value<{ path: string }>(await print()).path).toMatch(/\.pdf$/);
    value(await dispatch('consents.recordEndEvent', { id: consent.id, endEvent: { happenedOn: TODAY } }));
    expect(fieldsOf(await print())['disclosure.consentId']).toMatch(/expired/);
  });
});

describe('a consent that ends at discharge', () => {
  const atDischarge = { expiryKind: 'discharge', expiryDate: null, expiryEvent: '' } as const;
  const asInput = (c: Client) => {
    const { id: _i, assignedClinicianName: _n, createdAtMs: _c, updatedAtMs: _u, discharge: _d, ...rest } = c;
    return { ...rest, discharge: null };
  };
  const discharge = (dispatch: Dispatch, client: Client, dischargedOn: string) =>
    dispatch('clients.update', {
      id: client.id,
      client: { ...asInput(client), status: 'discharged', discharge: { dischargedOn, type: 'completed' } },
    });

  it('is ended by a discharge dated before its signing, on the day it was signed', async () => {
    const { dispatch, client } = await setup();
    const before = value<Consent>(
      await dispatch('consents.create', {
        clientId: client.id,
        consent: aConsent({ ...atDischarge, signedOn: '2026-11-19' }),
      }),
    );
    const after = value<Consent>(
      await dispatch('consents.create', {
        clientId: client.id,
        consent: aConsent({ ...atDischarge, signedOn: '2026-11-22' }),
      }),
    );
    value(await discharge(dispatch, client, '2026-11-20'));
    const ended = Object.fromEntries(
      value<Consent[]>(await dispatch('consents.list', { clientId: client.id })).map((c) => [c.id, c]),
    );
    expect(ended[before.id]?.endEvent?.happenedOn).toBe('2026-11-20');
    expect(ended[after.id]?.endEvent?.happenedOn).toBe('2026-11-22');
    for (const c of Object.values(ended)) expect(consentStatus(c, TODAY)).toBe('expired');
  });

  it('is refused for a client already discharged, beside the expiry, with a plain message', async () => {
    const { dispatch, client } = await setup();
    value(await discharge(dispatch, client, '2026-11-20'));
    const r = await dispatch('consents.create', { clientId: client.id, consent: aConsent(atDischarge) });
    expect(fieldsOf(r)).toEqual({
      'consent.expiryKind':
        'This client is already discharged, so a consent that ends at discharge would never end. Choose an expiry date or another event.',
    });
    expect(value<Consent[]>(await dispatch('consents.list', { clientId: client.id }))).toEqual([]);
  });

  it('can be ended by hand once the client is discharged, if one stayed active, and not before', async () => {
    const { dispatch, client, practice, user } = await setup();
    const recordEnd = (id: string) =>
      dispatch('consents.recordEndEvent', { id, endEvent: { happenedOn: TODAY } });
    const open = value<Consent>(
      await dispatch('consents.create', { clientId: client.id, consent: aConsent(atDischarge) }),
    );
    expect(await recordEnd(open.id)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/the discharge records it/) },
    });
    value(await discharge(dispatch, client, '2026-11-21'));
    // One left active by an older version of the app (its discharge skipped consents signed after the date).
    insertConsent(practice.session().db, 'stayed-open', client.id, aConsent(atDischarge), user.id, 1);
    const ended = value<Consent>(await recordEnd('stayed-open'));
    expect(ended.endEvent?.happenedOn).toBe(TODAY);
    expect(consentStatus(ended, TODAY)).toBe('expired');
  });
});
