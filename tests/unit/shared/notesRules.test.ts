/**
 * The pure rules behind notes, disclosures and alerts (issues 8 and 9): a new note's default times, when a session
 * ends, the sign-before-end rule, a note's risk findings, which consent may carry which note, a used
 * single-disclosure consent, the recipient and purpose bound to the consent, and what an alert is about.
 */
import { describe, expect, it } from 'vitest';
import { alertFinding } from '../../../shared/domain/alerts';
import type { Consent } from '../../../shared/domain/consents';
import {
  consentPermitsNote,
  consentUsableFor,
  consentUsedUp,
  disclosureOutsideConsent,
} from '../../../shared/domain/disclosures';
import {
  defaultSessionTimes,
  emptyNoteContent,
  noteRiskFindings,
  sessionEndLocal,
  signingProblems,
  type NoteContent,
} from '../../../shared/domain/notes';
import { aConsent } from '../../support/clients';

const at = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).getTime();

const content = (over: Partial<NoteContent> = {}): NoteContent => ({
  ...emptyNoteContent('soap', '2026-11-23'),
  risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
  ...over,
});

const consent = (over: Partial<Consent> = {}): Consent => ({
  id: 'k1',
  clientId: 'c1',
  consent: aConsent(),
  createdAtMs: 0,
  createdBy: 'u1',
  revocation: null,
  endEvent: null,
  firstDisclosedAtMs: null,
  ...over,
});

describe('a new note’s session times', () => {
  it('are the 50 minutes ending now, rounded down to 5 minutes, never 09:00', () => {
    expect(defaultSessionTimes(at(2026, 11, 23, 14, 37))).toEqual({
      sessionDate: '2026-11-23',
      startTime: '13:45',
      endTime: '14:35',
    });
  });
  it('are the 90 minutes ending now for a group, never a fixed evening slot', () => {
    expect(defaultSessionTimes(at(2026, 11, 23, 11, 4), 90)).toEqual({
      sessionDate: '2026-11-23',
      startTime: '09:30',
      endTime: '11:00',
    });
  });
  it('start the day before just after midnight', () => {
    expect(defaultSessionTimes(at(2026, 11, 24, 0, 20))).toEqual({
      sessionDate: '2026-11-23',
      startTime: '23:30',
      endTime: '00:20',
    });
  });
});

describe('signing before the session has ended (issue 9 item 4)', () => {
  it('knows when a session ends, the next day when it crosses midnight', () => {
    expect(sessionEndLocal(content({ startTime: '17:00', endTime: '18:30' }))).toBe('2026-11-23T18:30');
    expect(sessionEndLocal(content({ startTime: '23:30', endTime: '00:15' }))).toBe('2026-11-24T00:15');
    expect(
      sessionEndLocal(content({ sessionDate: '2026-12-31', startTime: '23:30', endTime: '00:15' })),
    ).toBe('2027-01-01T00:15');
    expect(sessionEndLocal(content({ endTime: '' }))).toBeNull();
  });
  it('refuses on the end time until the session has ended, and not after', () => {
    const c = content({ startTime: '17:00', endTime: '18:30' });
    expect(signingProblems(c, at(2026, 11, 23, 18, 29))).toEqual([
      {
        path: 'content.endTime',
        message: 'The session has not ended yet (it ends at 18:30). Sign the note once it has ended.',
      },
    ]);
    expect(signingProblems(c, at(2026, 11, 23, 18, 30))).toEqual([]);
    // Without the time now (a draft's own checks), only the fields are checked.
    expect(signingProblems(c)).toEqual([]);
  });
});

describe('a note’s risk findings (issue 8 item 4)', () => {
  it('gives one finding each for suicidal ideation, homicidal ideation and red flags, in words', () => {
    expect(noteRiskFindings(content().risk)).toEqual([]);
    expect(
      noteRiskFindings({
        suicidalIdeation: 'passive',
        homicidalIdeation: 'present',
        redFlagsObserved: true,
        note: '',
      }),
    ).toEqual([
      {
        finding: 'suicidal-ideation',
        suicidal: true,
        detail: 'Session note: suicidal ideation (passive thoughts)',
      },
      { finding: 'homicidal-ideation', suicidal: false, detail: 'Session note: homicidal ideation' },
      { finding: 'red-flags', suicidal: false, detail: 'Session note: red flags observed' },
    ]);
  });
  it('names what each alert is about, whatever raised it', () => {
    expect(alertFinding({ kind: 'phq9-item9', symptoms: [] })).toBe('suicide-risk');
    expect(alertFinding({ kind: 'red-flag-symptom', symptoms: ['seizure'] })).toBe('red-flags');
    expect(alertFinding({ kind: 'red-flag-symptom', symptoms: ['seizure', 'self-harm-urges'] })).toBe(
      'suicide-risk',
    );
    expect(alertFinding({ kind: 'red-flag-symptom', symptoms: [], noteFinding: 'homicidal-ideation' })).toBe(
      'homicidal-ideation',
    );
  });
});

describe('consents and disclosures (issue 8 item 6, issue 9 item 5)', () => {
  it('lets a consent for SUD counselling notes carry only those notes, and those notes only it', () => {
    expect(consentPermitsNote('sud-counselling-notes', 'sud-counselling')).toBe(true);
    expect(consentPermitsNote('sud-counselling-notes', 'progress')).toBe(false);
    expect(consentPermitsNote('sud-counselling-notes', 'group-member')).toBe(false);
    expect(consentPermitsNote('tpo', 'progress')).toBe(true);
    expect(consentPermitsNote('single-disclosure', 'sud-counselling')).toBe(false);
  });
  it('uses up a single-disclosure consent with its one disclosure, never another type', () => {
    expect(consentUsedUp(consent())).toBe(false);
    expect(consentUsedUp(consent({ firstDisclosedAtMs: 5 }))).toBe(true);
    expect(consentUsableFor(consent({ firstDisclosedAtMs: 5 }), 'progress', '2026-11-23')).toBe(false);
    const tpo = consent({
      consent: aConsent({
        type: 'tpo',
        redisclosureStatementIncluded: true,
        refusalConsequencesExplained: true,
      }),
      firstDisclosedAtMs: 5,
    });
    expect(consentUsedUp(tpo)).toBe(false);
    expect(consentUsableFor(tpo, 'progress', '2026-11-23')).toBe(true);
  });
  it('binds the recipient, purpose and named address to the consent', () => {
    const c = aConsent();
    const request = {
      consentId: 'k1',
      recipient: c.recipient,
      recipientAddress: c.recipientAddress,
      purpose: c.purpose,
    };
    expect(disclosureOutsideConsent(request, c)).toEqual([]);
    expect(
      disclosureOutsideConsent({ ...request, recipient: 'County Probation', purpose: 'Court' }, c).map(
        (p) => p.path,
      ),
    ).toEqual(['disclosure.recipient', 'disclosure.purpose']);
    // With no address in the consent, the clinician may give one.
    expect(
      disclosureOutsideConsent({ ...request, recipientAddress: '1 Elm St' }, { ...c, recipientAddress: '' }),
    ).toEqual([]);
  });
});
