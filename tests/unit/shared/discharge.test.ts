import { describe, expect, it } from 'vitest';
import { consentsEndedByDischarge, dischargeOnSave } from '../../../shared/domain/discharge';
import { aConsent } from '../../support/clients';

const TODAY = '2026-11-23';
const save = (
  status: 'active' | 'on-hold' | 'discharged',
  discharge: { dischargedOn: string; type: 'completed' } | null,
) => ({
  status,
  discharge,
  admissionDate: '2026-11-01',
});

describe('the discharged-status rule', () => {
  it('asks for a date and a type whenever the status becomes Discharged, for a new client too', () => {
    for (const previous of ['active', 'on-hold', null] as const) {
      expect(dischargeOnSave(previous, save('discharged', null), TODAY).problem?.field).toBe(
        'discharge.dischargedOn',
      );
    }
  });

  it('accepts a date and type between admission and today', () => {
    const d = { dischargedOn: '2026-11-20', type: 'completed' } as const;
    expect(dischargeOnSave('active', save('discharged', d), TODAY)).toEqual({ discharge: d, problem: null });
    expect(
      dischargeOnSave('active', save('discharged', { ...d, dischargedOn: TODAY }), TODAY).problem,
    ).toBeNull();
    expect(
      dischargeOnSave('active', save('discharged', { ...d, dischargedOn: '2026-11-01' }), TODAY).problem,
    ).toBeNull();
  });

  it('refuses a discharge date in the future or before admission', () => {
    const d = { dischargedOn: '2026-11-24', type: 'completed' } as const;
    expect(dischargeOnSave('active', save('discharged', d), TODAY).problem?.message).toMatch(/future/);
    expect(
      dischargeOnSave('active', save('discharged', { ...d, dischargedOn: '2026-10-31' }), TODAY).problem
        ?.message,
    ).toMatch(/before the admission/);
  });

  it('needs nothing when the status stays Discharged or is anything else', () => {
    expect(dischargeOnSave('discharged', save('discharged', null), TODAY)).toEqual({
      discharge: null,
      problem: null,
    });
    expect(dischargeOnSave('active', save('on-hold', null), TODAY)).toEqual({
      discharge: null,
      problem: null,
    });
    expect(dischargeOnSave('discharged', save('active', null), TODAY)).toEqual({
      discharge: null,
      problem: null,
    });
  });
});

describe('consents ended by a discharge', () => {
  const consent = (
    id: string,
    over: Parameters<typeof aConsent>[0],
    extra: { revoked?: boolean; ended?: boolean } = {},
  ) => ({
    id,
    consent: aConsent({ expiryKind: 'event', expiryDate: null, signedOn: '2026-11-05', ...over }),
    revocation: extra.revoked
      ? {
          revokedOn: '2026-11-10',
          receivedHow: 'in-writing' as const,
          note: '',
          recordedAtMs: 1,
          recordedBy: 'u',
        }
      : null,
    endEvent: extra.ended ? { happenedOn: '2026-11-10', recordedAtMs: 1, recordedBy: 'u' } : null,
  });

  it('ends every consent whose end is the discharge and still in force, whatever its signing date', () => {
    const atDischarge = { expiryKind: 'discharge', expiryEvent: '' } as const;
    const list = [
      consent('a', atDischarge),
      // Moved to "at discharge" by migration 0700, keeping its words.
      consent('b', { expiryKind: 'discharge', expiryEvent: 'until the client is discharged' }),
      consent('c', { expiryEvent: 'End of probation' }),
      consent('d', { expiryKind: 'date', expiryDate: '2027-01-01', expiryEvent: '' }),
      consent('e', atDischarge, { revoked: true }),
      consent('f', atDischarge, { ended: true }),
      consent('g', { ...atDischarge, signedOn: '2026-11-21' }),
      // Words alone no longer end a consent: the end is the structured choice.
      consent('h', { expiryEvent: 'Discharge from the programme' }),
    ];
    // g was signed after the discharge date (a backdated summary): it ends too, on the day it was signed.
    expect(consentsEndedByDischarge(list, '2026-11-20')).toEqual([
      { id: 'a', endedOn: '2026-11-20' },
      { id: 'b', endedOn: '2026-11-20' },
      { id: 'g', endedOn: '2026-11-21' },
    ]);
  });
});
