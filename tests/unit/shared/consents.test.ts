import { describe, expect, it } from 'vitest';
import { consentStatus, type Consent, type ConsentInput } from '../../../shared/domain/consents';

const TODAY = '2026-11-23';

function consent(
  over: Partial<ConsentInput> = {},
  revokedOn: string | null = null,
  endedOn: string | null = null,
): Pick<Consent, 'consent' | 'revocation' | 'endEvent'> {
  return {
    consent: {
      type: 'single-disclosure',
      patientName: 'Theodora Quillon-Marsh',
      disclosingParty: 'Saltmarsh Recovery Partners',
      informationDescription: 'Attendance dates, November 2026',
      recipient: 'Dr. Odalys Fenwick',
      recipientAddress: '',
      purpose: 'Coordination of care',
      revocationRightExplained: true,
      howToRevoke: 'In writing to the clinic',
      expiryKind: 'date',
      expiryDate: '2027-05-01',
      expiryEvent: '',
      signedBy: 'patient',
      signerName: 'Theodora Quillon-Marsh',
      representativeAuthority: '',
      signedOn: '2026-11-20',
      redisclosureStatementIncluded: false,
      refusalConsequencesExplained: false,
      ...over,
    },
    revocation:
      revokedOn === null
        ? null
        : { revokedOn, receivedHow: 'in-writing', note: '', recordedAtMs: 0, recordedBy: 'user-1' },
    endEvent: endedOn === null ? null : { happenedOn: endedOn, recordedAtMs: 0, recordedBy: 'user-1' },
  };
}

describe('consentStatus', () => {
  it('is active before its expiry date and on the expiry date itself', () => {
    expect(consentStatus(consent(), TODAY)).toBe('active');
    expect(consentStatus(consent({ expiryDate: TODAY }), TODAY)).toBe('active');
  });

  it('is expired from the day after the expiry date', () => {
    expect(consentStatus(consent({ expiryDate: '2026-11-22' }), TODAY)).toBe('expired');
  });

  it('is revoked from the day of revocation, and revoked wins over expired', () => {
    expect(consentStatus(consent({}, TODAY), TODAY)).toBe('revoked');
    expect(consentStatus(consent({}, '2026-11-21'), TODAY)).toBe('revoked');
    expect(consentStatus(consent({ expiryDate: '2026-11-22' }, '2026-11-21'), TODAY)).toBe('revoked');
  });

  it('is not yet revoked by a revocation dated in the future', () => {
    expect(consentStatus(consent({}, '2026-11-24'), TODAY)).toBe('active');
  });

  describe('a consent that ends on an event', () => {
    const event = {
      expiryKind: 'event',
      expiryDate: null,
      expiryEvent: 'Discharge from the programme',
    } as const;

    it('stays active until its ending event is recorded, however long that takes', () => {
      expect(consentStatus(consent(event), TODAY)).toBe('active');
      expect(consentStatus(consent(event), '2099-01-01')).toBe('active');
    });

    it('is expired, not revoked, from the day the ending event happened', () => {
      expect(consentStatus(consent(event, null, '2026-11-22'), TODAY)).toBe('expired');
      expect(consentStatus(consent(event, null, TODAY), TODAY)).toBe('expired');
      // Recorded ahead of a clock that is a day behind: not expired before that day.
      expect(consentStatus(consent(event, null, '2026-11-24'), TODAY)).toBe('active');
    });

    it('is revoked when the patient revokes it, whether or not the event happened later', () => {
      expect(consentStatus(consent(event, TODAY), TODAY)).toBe('revoked');
      expect(consentStatus(consent(event, '2026-11-21', '2026-11-22'), TODAY)).toBe('revoked');
    });

    it('ignores an ending event on a consent that ends on a date', () => {
      expect(consentStatus(consent({}, null, '2026-11-22'), TODAY)).toBe('active');
    });
  });

  it('compares calendar dates, not instants: no time zone can shift the last day', () => {
    expect(consentStatus(consent({ expiryDate: '2026-12-31' }), '2026-12-31')).toBe('active');
    expect(consentStatus(consent({ expiryDate: '2026-12-31' }), '2027-01-01')).toBe('expired');
  });
});
