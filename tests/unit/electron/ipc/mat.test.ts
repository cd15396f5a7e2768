/**
 * Medication coordination (issue 10 items 1–2): medication history kept whole, MAT notes signed and immutable like
 * session notes, found by the note search, vital signs refused outside their ranges, the prescriber's summary only
 * as a disclosure under a consent that names them, with its accounting row and a PDF checked by poppler and qpdf.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { revokeConsent } from '../../../../electron/db/repositories/consents';
import type { Assessment, AssessmentInput } from '../../../../shared/domain/assessments';
import type { Client } from '../../../../shared/domain/clients';
import type { Consent, ConsentInput } from '../../../../shared/domain/consents';
import type { Disclosure } from '../../../../shared/domain/disclosures';
import { emptyMatNoteContent, type MatNote, type MatNoteContent } from '../../../../shared/domain/matNotes';
import type { Medication, MedicationInput } from '../../../../shared/domain/medications';
import { PART2_NOTICE_SHORT } from '../../../../shared/domain/part2';
import type { Vitals } from '../../../../shared/domain/vitals';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { FakeClock, aClinician, setUpPractice } from '../../../support/fixtures';

const NOW = Date.UTC(2026, 11, 2, 18, 0);
const HOUR = 3_600_000;
const PASS = aClinician().passphrase;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

function fieldsOf(r: Result<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected an error');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
}

const aMedication = (over: Partial<MedicationInput> = {}): MedicationInput => ({
  medication: 'buprenorphine-naloxone',
  otherName: '',
  formulation: 'sublingual film',
  dose: 4,
  unit: 'mg',
  schedule: 'first dose in clinic, then as directed',
  prescriber: 'Dr. Ilse Verhoeven',
  pharmacy: 'Alder Street Pharmacy',
  phase: 'induction',
  startDate: '2026-12-02',
  stopDate: '',
  changeNote: '',
  opioidHistory: 'yes',
  ...over,
});

const cows = (over: Partial<AssessmentInput> = {}, vitals: Vitals | null = null): AssessmentInput =>
  ({
    instrumentId: 'cows',
    answers: [2, 2, 1, 2, 2, 1, 2, 1, 2, 2, 0],
    context: { sex: null, underMedicalSupervision: null },
    lastDoseAtMs: NOW - 20 * HOUR,
    timePoint: null,
    vitals,
    administeredAtMs: NOW - 3 * HOUR,
    notes: '',
    ...over,
  }) as AssessmentInput;

async function setup() {
  const clock = new FakeClock(NOW);
  const { practice } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(
    await dispatch('clients.create', {
      client: aClient({ legalFirstName: 'Thị Ánh', legalLastName: 'Nguyễn', preferredName: '' }),
    }),
  );
  const db = practice.session().db;
  const rating = async (input: AssessmentInput) =>
    value<Assessment>(
      await dispatch('assessments.save', { clientId: client.id, id: null, assessment: input }),
    );
  const content = (over: Partial<MatNoteContent> = {}): MatNoteContent => ({
    ...emptyMatNoteContent('2026-12-02', 'Buprenorphine-naloxone 4 mg film'),
    adherence: 'as-prescribed',
    craving: 6,
    plan: 'Second 4 mg dose if COWS stays above 8; review tomorrow with Dr. Verhoeven.',
    ...over,
  });
  const matNote = async (over: Partial<MatNoteContent> = {}) =>
    value<MatNote>(await dispatch('matNotes.create', { clientId: client.id, content: content(over) }));
  const consent = async (over: Partial<ConsentInput> = {}) =>
    value<Consent>(await dispatch('consents.create', { clientId: client.id, consent: aConsent(over) }));
  return { practice, clock, dispatch, client, db, rating, matNote, consent, content };
}

describe('medications', () => {
  it('keeps every change as a version, newest first, and the database refuses changing or deleting one', async () => {
    const { dispatch, client, db } = await setup();
    const first = value<Medication>(
      await dispatch('medications.save', {
        clientId: client.id,
        id: null,
        baseVersion: 0,
        medication: aMedication(),
      }),
    );
    const second = value<Medication>(
      await dispatch('medications.save', {
        clientId: client.id,
        id: first.id,
        baseVersion: 1,
        medication: aMedication({
          dose: 8,
          phase: 'stabilisation',
          changeNote: 'Dr. Verhoeven raised to 8 mg',
        }),
      }),
    );
    const third = value<Medication>(
      await dispatch('medications.save', {
        clientId: client.id,
        id: first.id,
        baseVersion: 2,
        medication: aMedication({ dose: 12, phase: 'maintenance' }),
      }),
    );
    expect(second.history).toHaveLength(2);
    expect(third.history.map((v) => [v.version, v.medication.dose, v.medication.phase])).toEqual([
      [3, 12, 'maintenance'],
      [2, 8, 'stabilisation'],
      [1, 4, 'induction'],
    ]);
    expect(third.current.version).toBe(3);
    // A save over a version that is no longer the latest is refused, not merged.
    const stale = await dispatch('medications.save', {
      clientId: client.id,
      id: first.id,
      baseVersion: 1,
      medication: aMedication({ dose: 2 }),
    });
    expect(stale.ok).toBe(false);
    expect(() => db.prepare('UPDATE medication_versions SET body = ? WHERE version = 1').run('{}')).toThrow(
      /history/,
    );
    expect(() => db.prepare('DELETE FROM medication_versions').run()).toThrow(/history/);
    expect(() => db.prepare('DELETE FROM medications').run()).toThrow(/history/);
    const listed = value<Medication[]>(await dispatch('medications.list', { clientId: client.id }));
    expect(listed[0]?.history).toHaveLength(3);
  });

  it('refuses a stop before the start and "other" without a name, beside the field', async () => {
    const { dispatch, client } = await setup();
    const r = await dispatch('medications.save', {
      clientId: client.id,
      id: null,
      baseVersion: 0,
      medication: aMedication({ medication: 'other', startDate: '2026-12-02', stopDate: '2026-11-30' }),
    });
    expect(fieldsOf(r)).toMatchObject({
      'medication.otherName': 'Name the medication.',
      'medication.stopDate': 'The stop date cannot be before the start date.',
    });
  });
});

describe('vital signs with a withdrawal rating', () => {
  it('keeps vitals in range and refuses each impossible value beside its field', async () => {
    const { dispatch, client, rating, db } = await setup();
    const saved = await rating(
      cows({}, { systolic: 142, diastolic: 91, heartRate: 104, temperatureC: 37.4 }),
    );
    expect(saved.input.instrumentId === 'cows' && saved.input.vitals).toEqual({
      systolic: 142,
      diastolic: 91,
      heartRate: 104,
      temperatureC: 37.4,
    });
    const bad = await dispatch('assessments.save', {
      clientId: client.id,
      id: null,
      assessment: cows({}, { systolic: 1200, diastolic: 80, heartRate: 8, temperatureC: 47 }),
    });
    expect(fieldsOf(bad)).toEqual({
      'assessment.vitals.systolic': 'Systolic blood pressure must be between 50 and 260 mmHg.',
      'assessment.vitals.heartRate': 'Heart rate must be between 20 and 250 beats/min.',
      'assessment.vitals.temperatureC': 'Temperature must be between 30 and 43 °C.',
    });
    const inverted = await dispatch('assessments.save', {
      clientId: client.id,
      id: null,
      assessment: cows({}, { systolic: 80, diastolic: 120, heartRate: null, temperatureC: null }),
    });
    expect(fieldsOf(inverted)).toEqual({
      'assessment.vitals.diastolic': 'The diastolic pressure must be lower than the systolic.',
    });
    const half = await dispatch('assessments.save', {
      clientId: client.id,
      id: null,
      assessment: cows({}, { systolic: 120, diastolic: null, heartRate: null, temperatureC: null }),
    });
    expect(Object.keys(fieldsOf(half))).toEqual(['assessment.vitals.diastolic']);
    // The database holds the same ranges, whatever the code above it does.
    expect(() => db.prepare('UPDATE assessments SET heart_rate = 400 WHERE id = ?').run(saved.id)).toThrow(
      /CHECK/,
    );
  });
});

describe('MAT coordination notes', () => {
  it('signs with the passphrase; the database then refuses UPDATE and DELETE; addenda amend it', async () => {
    const { dispatch, db, matNote, clock } = await setup();
    const note = await matNote();
    const wrong = await dispatch('matNotes.sign', { id: note.id, passphrase: 'not my passphrase' });
    expect(wrong.ok).toBe(false);
    expect(value<MatNote>(await dispatch('matNotes.get', { id: note.id })).signedAtMs).toBeNull();
    clock.advance(60_000);
    const signed = value<MatNote>(await dispatch('matNotes.sign', { id: note.id, passphrase: PASS }));
    expect(signed.signedAtMs).toBe(NOW + 60_000);
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(() => db.prepare("UPDATE mat_notes SET content = json_set(content, '$.plan', 'x')").run()).toThrow(
      /signed MAT note cannot be changed/,
    );
    expect(() => db.prepare('UPDATE mat_notes SET updated_at_ms = 1').run()).toThrow(/signed MAT note/);
    expect(() => db.prepare('DELETE FROM mat_notes').run()).toThrow(/signed MAT note cannot be deleted/);
    const save = await dispatch('matNotes.saveDraft', {
      id: note.id,
      content: { ...note.content, plan: 'changed' },
      expectedUpdatedAtMs: signed.updatedAtMs,
    });
    expect(save.ok).toBe(false);
    const amended = value<MatNote>(
      await dispatch('matNotes.addAddendum', {
        id: note.id,
        addendum: { text: 'Pharmacy confirmed the 8 mg films were collected on 3 Dec.' },
        passphrase: PASS,
      }),
    );
    expect(amended.addenda).toHaveLength(1);
    expect(() => db.prepare('DELETE FROM mat_note_addenda').run()).toThrow(/addendum cannot be deleted/);
    expect(value(await dispatch('matNotes.verify', { id: note.id }))).toEqual({
      signed: true,
      intact: true,
      addendaIntact: true,
    });
  });

  it('puts a signed note and each medication change on the timeline, never a draft', async () => {
    const { dispatch, client, matNote } = await setup();
    const med = value<Medication>(
      await dispatch('medications.save', {
        clientId: client.id,
        id: null,
        baseVersion: 0,
        medication: aMedication(),
      }),
    );
    value(
      await dispatch('medications.save', {
        clientId: client.id,
        id: med.id,
        baseVersion: 1,
        medication: aMedication({ dose: 8, phase: 'stabilisation' }),
      }),
    );
    const signed = await matNote({ induction: false });
    await matNote();
    value(await dispatch('matNotes.sign', { id: signed.id, passphrase: PASS }));
    const chart = value<{ timeline: Array<{ kind: string; title: string; area: string }> }>(
      await dispatch('clients.chart', { id: client.id }),
    );
    const mat = chart.timeline.filter((e) => e.area === 'mat').map((e) => e.title);
    expect(mat.sort()).toEqual([
      'MAT coordination note signed',
      'Medication added: Buprenorphine-naloxone',
      'Medication changed: Buprenorphine-naloxone',
    ]);
  });

  it('is found by the note search, its addenda too', async () => {
    const { dispatch, client, matNote } = await setup();
    const note = await matNote({ sideEffects: 'Mild constipation and a headache on day two' });
    const hits = value<Array<{ noteId: string; kind: string }>>(
      await dispatch('notes.search', {
        query: 'constipation',
        clientId: client.id,
        fromDate: null,
        toDate: null,
        kinds: [],
        limit: 20,
      }),
    );
    expect(hits).toEqual([expect.objectContaining({ noteId: note.id, kind: 'mat' })]);
    const onlyProgress = value<unknown[]>(
      await dispatch('notes.search', {
        query: 'constipation',
        clientId: null,
        fromDate: null,
        toDate: null,
        kinds: ['progress'],
        limit: 20,
      }),
    );
    expect(onlyProgress).toEqual([]);
  });

  it('at induction links ratings before, at 30 min and at 2 h, and freezes them (with vitals) when signed', async () => {
    const { dispatch, rating, matNote, db } = await setup();
    const before = await rating(
      cows(
        { timePoint: 'before-first-dose', administeredAtMs: NOW - 3 * HOUR },
        {
          systolic: 138,
          diastolic: 88,
          heartRate: 102,
          temperatureC: 37.3,
        },
      ),
    );
    const at30 = await rating(cows({ timePoint: '30-min', administeredAtMs: NOW - 2.5 * HOUR }));
    const note = await matNote({ induction: true, ratingIds: [before.id, at30.id] });
    const refused = await dispatch('matNotes.sign', { id: note.id, passphrase: PASS });
    expect(fieldsOf(refused)['content.ratingIds']).toMatch(/missing: 2 h after/);
    const at2h = await rating(
      cows({
        timePoint: '2-h',
        administeredAtMs: NOW - 1 * HOUR,
        answers: [1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0],
      }),
    );
    const saved = value<MatNote>(
      await dispatch('matNotes.saveDraft', {
        id: note.id,
        content: { ...note.content, ratingIds: [at2h.id, before.id, at30.id] },
        expectedUpdatedAtMs: note.updatedAtMs,
      }),
    );
    const signed = value<MatNote>(await dispatch('matNotes.sign', { id: saved.id, passphrase: PASS }));
    expect(signed.ratings.map((r) => r.timePoint)).toEqual(['before-first-dose', '30-min', '2-h']);
    expect(signed.ratings[0]?.vitals).toEqual({
      systolic: 138,
      diastolic: 88,
      heartRate: 102,
      temperatureC: 37.3,
    });
    // A later change to a (draft) rating does not change what the signed note shows.
    value(
      await dispatch('assessments.save', {
        clientId: signed.clientId,
        id: at2h.id,
        assessment: cows({ timePoint: '2-h', answers: [4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5] }),
      }),
    );
    const again = value<MatNote>(await dispatch('matNotes.get', { id: note.id }));
    expect(again.ratings[2]?.total).toBe(signed.ratings[2]?.total);
    expect(db.prepare('SELECT count(*) AS n FROM mat_notes WHERE signed_snapshot IS NOT NULL').get()).toEqual(
      { n: 1 },
    );
  });

  it("refuses a rating that is not this client's", async () => {
    const { dispatch, client, content } = await setup();
    const r = await dispatch('matNotes.create', {
      clientId: client.id,
      content: content({ ratingIds: ['nope'] }),
    });
    expect(Object.keys(fieldsOf(r))).toEqual(['content.ratingIds']);
  });
});

describe("the prescriber's coordination summary", () => {
  async function signedWithMedication() {
    const s = await setup();
    value(
      await s.dispatch('medications.save', {
        clientId: s.client.id,
        id: null,
        baseVersion: 0,
        medication: aMedication(),
      }),
    );
    value(
      await s.dispatch('medications.save', {
        clientId: s.client.id,
        id: null,
        baseVersion: 0,
        medication: aMedication({
          medication: 'clonidine',
          dose: 0.1,
          phase: 'maintenance',
          formulation: 'tablet',
        }),
      }),
    );
    const note = await s.matNote({
      uds: { mitragynine: 'positive', fentanyl: 'negative' },
      udsCollectedOn: '2026-12-02',
    });
    value(await s.dispatch('matNotes.sign', { id: note.id, passphrase: PASS }));
    const count = () => (s.db.prepare('SELECT count(*) AS n FROM disclosures').get() as { n: number }).n;
    return { ...s, note, count };
  }
  const request = (consentId: string, prescriber = 'Dr. Ilse Verhoeven') => ({
    consentId,
    prescriber,
    recipientAddress: '4 Pine St, Eugene, OR',
    purpose: 'Coordination of buprenorphine prescribing',
  });

  it('is refused under a consent that does not name the prescriber, and nothing is accounted', async () => {
    const { dispatch, note, consent, count } = await signedWithMedication();
    const clinicOnly = await consent({ recipient: 'Cascade Family Medicine' });
    const r = await dispatch('matNotes.printSummary', {
      id: note.id,
      paper: 'letter',
      disclosure: request(clinicOnly.id),
    });
    expect(fieldsOf(r)['disclosure.consentId']).toMatch(/does not name Dr\. Ilse Verhoeven/);
    const named = await consent();
    const stranger = await dispatch('matNotes.printSummary', {
      id: note.id,
      paper: 'letter',
      disclosure: request(named.id, 'Dr. Someone Else'),
    });
    expect(Object.keys(fieldsOf(stranger))).toEqual(['disclosure.prescriber']);
    value(
      await dispatch('consents.revoke', {
        id: named.id,
        revocation: { revokedOn: '2026-12-01', receivedHow: 'in-writing', note: '' },
      }),
    );
    const revoked = await dispatch('matNotes.printSummary', {
      id: note.id,
      paper: 'letter',
      disclosure: request(named.id),
    });
    expect(fieldsOf(revoked)['disclosure.consentId']).toMatch(/revoked/);
    expect(count()).toBe(0);
  });

  it('prints under a consent naming the prescriber, writes the accounting row, and the PDF passes poppler and qpdf', async () => {
    const { dispatch, note, consent, count, client } = await signedWithMedication();
    const named = await consent({ recipient: 'Dr. Ilse Verhoeven, Cascade Family Medicine' });
    const { path } = value<{ path: string }>(
      await dispatch('matNotes.printSummary', {
        id: note.id,
        paper: 'letter',
        disclosure: request(named.id, 'dr. ilse verhoeven'),
      }),
    );
    expect(count()).toBe(1);
    const [row] = value<Disclosure[]>(await dispatch('disclosures.list', { clientId: client.id }));
    expect(row).toMatchObject({
      consentId: named.id,
      recipient: 'dr. ilse verhoeven',
      sourceId: note.id,
      purpose: 'Coordination of buprenorphine prescribing',
    });
    expect(row?.what).toMatch(/MAT coordination summary/);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\syes\s+yes\s+(yes|no)\s/);
    expect(execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors/,
    );
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('MAT coordination summary');
    expect(text).toContain('Nguyễn');
    expect(text).toContain('Buprenorphine-naloxone');
    expect(text).toMatch(/Clonidine lowers blood pressure/);
    expect(text).toMatch(/Mitragynine \(kratom\): Positive/);
    expect(text).toMatch(/Fentanyl: Negative/);
    expect(text).toContain('Disclosed under consent');
    expect(text).toContain(PART2_NOTICE_SHORT);
    expect(text.replace(/\s+/g, ' ')).toContain('(42 CFR part 2). These rules prohibit you');
  });

  it('checks the consent up front as every disclosure does: its purpose, its type, a used single disclosure', async () => {
    const { dispatch, note, consent, count } = await signedWithMedication();
    const print = (disclosure: ReturnType<typeof request>) =>
      dispatch('matNotes.printSummary', { id: note.id, paper: 'letter', disclosure });
    const single = await consent();
    const otherPurpose = await print({ ...request(single.id), purpose: 'Employment screening' });
    expect(fieldsOf(otherPurpose)['disclosure.purpose']).toMatch(/the one the consent names/);
    const otherAddress = await print({ ...request(single.id), recipientAddress: '9 Elm St, Salem, OR' });
    expect(fieldsOf(otherAddress)['disclosure.recipientAddress']).toMatch(/the one the consent names/);
    const counselling = await consent({ type: 'sud-counselling-notes' });
    expect(fieldsOf(await print(request(counselling.id)))['disclosure.consentId']).toMatch(
      /covers only those notes/,
    );
    expect(count()).toBe(0);
    value(await print(request(single.id)));
    expect(count()).toBe(1);
    expect(fieldsOf(await print(request(single.id)))['disclosure.consentId']).toMatch(/already been used/);
    expect(count()).toBe(1);
  });

  it('records nothing and keeps no copy when the consent is revoked while the summary is made', async () => {
    const { dispatch, note, consent, count, db, practice } = await signedWithMedication();
    const named = await consent({ recipient: 'Dr. Ilse Verhoeven, Cascade Family Medicine' });
    // The handler checks the consent before its first await (the render); the revocation lands while it renders.
    const printing = dispatch('matNotes.printSummary', {
      id: note.id,
      paper: 'letter',
      disclosure: request(named.id),
    });
    const { user } = practice.session();
    revokeConsent(
      db,
      named.id,
      { revokedOn: '2026-12-02', receivedHow: 'in-writing', note: '' },
      user.id,
      NOW,
    );
    expect(await printing).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^The consent changed while the summary was being made, so nothing was disclosed and no copy was kept\. That consent is revoked/,
        ),
      },
    });
    expect(count()).toBe(0);
    expect(fs.existsSync(practice.documentsDir) ? fs.readdirSync(practice.documentsDir) : []).toEqual([]);
  });

  it('is refused for a draft', async () => {
    const { dispatch, matNote, consent } = await signedWithMedication();
    const draft = await matNote();
    const named = await consent();
    const r = await dispatch('matNotes.printSummary', {
      id: draft.id,
      paper: 'a4',
      disclosure: request(named.id),
    });
    expect(r.ok).toBe(false);
  });
});

describe('post-acute check-ins', () => {
  it('are kept as recorded, oldest first, and refuse scores outside 0–10', async () => {
    const { dispatch, client, db } = await setup();
    for (const [date, sleep] of [
      ['2026-11-30', 4],
      ['2026-11-16', 2],
    ] as const) {
      value(
        await dispatch('paws.add', {
          clientId: client.id,
          checkin: { checkinDate: date, sleep, mood: 5, craving: 6, energy: 3, note: '' },
        }),
      );
    }
    const list = value<Array<{ checkinDate: string }>>(await dispatch('paws.list', { clientId: client.id }));
    expect(list.map((c) => c.checkinDate)).toEqual(['2026-11-16', '2026-11-30']);
    const bad = await dispatch('paws.add', {
      clientId: client.id,
      checkin: { checkinDate: '2026-12-01', sleep: 11, mood: 5, craving: -1, energy: 3, note: '' },
    });
    expect(Object.keys(fieldsOf(bad)).sort()).toEqual(['checkin.craving', 'checkin.sleep']);
    expect(() => db.prepare('DELETE FROM paws_checkins').run()).toThrow(/kept as recorded/);
  });
});
