/**
 * The export's sections for medications, MAT coordination (with withdrawal vital signs and post-acute check-ins),
 * the taper and the relapse-prevention, safety and aftercare plans (issue 11 item 6): each checked in a real export
 * against the official FHIR R4 schema and the project's own Bundle checks, its CSV headers, its PDFs with qpdf,
 * pdffonts and pdftotext — and drafts never leaving.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleProblems } from '../../../../electron/export/bundleChecks';
import { README_FILE } from '../../../../electron/export/readme';
import { choosableSections, runRecordExport } from '../../../../electron/export/recordExport';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { FhirResource } from '../../../../electron/export/types';
import type { Practice } from '../../../../electron/practice/practice';
import type { Assessment, AssessmentInput } from '../../../../shared/domain/assessments';
import type { Client } from '../../../../shared/domain/clients';
import type { Consent } from '../../../../shared/domain/consents';
import { emptyMatNoteContent, type MatNote } from '../../../../shared/domain/matNotes';
import type { Medication, MedicationInput } from '../../../../shared/domain/medications';
import { PART2_NOTICE_SHORT } from '../../../../shared/domain/part2';
import { clientOwnRecipient, type RecordExportRequest } from '../../../../shared/domain/recordExport';
import type { RecoveryPlan, RecoveryPlanContent } from '../../../../shared/domain/recoveryPlans';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent, aDose } from '../../../support/clients';
import { fhirSchemaValidator, filesUnder } from '../../../support/exportChecks';
import { checkPdf, flat } from '../../../support/pdfChecks';
import { aClinician, FakeClock, setUpPractice, tempDir } from '../../../support/fixtures';
import { aRelapsePreventionPlan, aSafetyPlan, anAftercarePlan } from '../../../support/recoveryPlans';

const NOW = Date.UTC(2026, 11, 2, 18, 0);
const HOUR = 3_600_000;
const PASS = aClinician().passphrase;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
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

interface Made {
  practice: Practice;
  dispatch: Dispatch;
  client: Client;
  consent: Consent;
  rpV2: RecoveryPlan;
  signedMat: MatNote;
  draftMat: MatNote;
  clonidine: Medication;
}

async function chart(): Promise<Made> {
  const clock = new FakeClock(NOW);
  const { practice } = await setUpPractice({ clock });
  const dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(
    await dispatch('clients.create', {
      client: aClient({
        legalFirstName: 'Thị Ánh',
        legalLastName: 'Nguyễn',
        nameOrder: 'family-first',
        preferredName: '',
      }),
    }),
  );
  const saveMed = async (m: MedicationInput, id: string | null = null, baseVersion = 0) =>
    value<Medication>(
      await dispatch('medications.save', { clientId: client.id, id, baseVersion, medication: m }),
    );
  await saveMed(aMedication());
  const clonidine1 = await saveMed(
    aMedication({ medication: 'clonidine', dose: 0.1, formulation: 'tablet', phase: 'maintenance' }),
  );
  const clonidine = await saveMed(
    aMedication({
      medication: 'clonidine',
      dose: 0.2,
      formulation: 'tablet',
      phase: 'maintenance',
      changeNote: 'Raised by Dr. Verhoeven for restlessness',
    }),
    clonidine1.id,
    1,
  );
  await saveMed(
    aMedication({
      medication: 'loperamide',
      dose: 2,
      phase: 'stopped',
      startDate: '2026-11-20',
      stopDate: '2026-12-01',
    }),
  );

  // A signed COWS rating with vital signs, linked to a signed MAT note; a second note stays a draft.
  const rating = value<Assessment>(
    await dispatch('assessments.save', {
      clientId: client.id,
      id: null,
      assessment: {
        instrumentId: 'cows',
        answers: [2, 2, 1, 2, 2, 1, 2, 1, 2, 2, 0],
        context: { sex: null, underMedicalSupervision: null },
        lastDoseAtMs: NOW - 20 * HOUR,
        timePoint: null,
        vitals: { systolic: 138, diastolic: 88, heartRate: 104, temperatureC: 37.4 },
        administeredAtMs: NOW - 3 * HOUR,
        notes: '',
      } as AssessmentInput,
    }),
  );
  value(await dispatch('assessments.sign', { id: rating.id, passphrase: PASS }));
  // Two substances' SUD checklists: kratom (severe) and alcohol, now in early remission after a moderate disorder.
  const sud = (answers: boolean[], details: Record<string, unknown>, hoursBack: number) => ({
    instrumentId: 'sud',
    answers,
    context: { sex: null, underMedicalSupervision: false },
    lastDoseAtMs: null,
    timePoint: null,
    sud: { substanceName: '', remission: null, severityBeforeRemission: null, ...details },
    vitals: null,
    administeredAtMs: NOW - hoursBack * HOUR,
    notes: '',
  });
  for (const input of [
    sud([true, true, true, true, false, false, false, false, true, true, true], { substance: 'kratom' }, 5),
    sud(
      [false, false, false, true, false, false, false, false, false, false, false],
      { substance: 'alcohol', remission: 'early', severityBeforeRemission: 'moderate-severe' },
      4,
    ),
  ]) {
    const a = value<Assessment>(
      await dispatch('assessments.save', {
        clientId: client.id,
        id: null,
        assessment: input as AssessmentInput,
      }),
    );
    value(await dispatch('assessments.sign', { id: a.id, passphrase: PASS }));
  }
  const content = {
    ...emptyMatNoteContent('2026-12-02', 'Buprenorphine-naloxone 4 mg film'),
    adherence: 'as-prescribed' as const,
    craving: 6,
    uds: { mitragynine: 'positive' as const, fentanyl: 'negative' as const },
    udsCollectedOn: '2026-12-02',
    ratingIds: [rating.id],
    plan: 'Second 4 mg dose if COWS stays above 8; review tomorrow with Dr. Verhoeven.',
  };
  const mat = value<MatNote>(await dispatch('matNotes.create', { clientId: client.id, content }));
  const signedMat = value<MatNote>(await dispatch('matNotes.sign', { id: mat.id, passphrase: PASS }));
  const draftMat = value<MatNote>(
    await dispatch('matNotes.create', {
      clientId: client.id,
      content: { ...content, plan: 'DRAFT-ONLY plan text that must not leave' },
    }),
  );
  value(
    await dispatch('paws.add', {
      clientId: client.id,
      checkin: { checkinDate: '2026-11-30', sleep: 4, mood: 5, craving: 6, energy: 3, note: 'Poor sleep' },
    }),
  );

  // The taper from 16 November, with doses logged on two days.
  value(
    await dispatch('taper.create', {
      clientId: client.id,
      taper: {
        product: 'Green Maeng Da powder (Riverside Botanicals)',
        form: 'leaf-powder',
        dailyGrams: 8,
        dosesPerDay: 2,
        reductionPercent: 10,
        daysPerStep: 7,
        precisionGrams: 0.1,
        startDate: '2026-11-16',
      },
    }),
  );
  for (const day of [17, 18]) {
    value(
      await dispatch('useLog.add', {
        clientId: client.id,
        entry: aDose({
          takenAtMs: new Date(2026, 10, day, 9).getTime(),
          form: 'leaf-powder',
          amount: 4,
          unit: 'g',
        }),
      }),
    );
  }

  // Two signed relapse-prevention versions, a safety plan, an aftercare plan handing on version 2, a draft.
  const written = async (c: RecoveryPlanContent) => {
    const draft = value<RecoveryPlan>(
      await dispatch('recoveryPlans.startDraft', { clientId: client.id, kind: c.kind }),
    );
    const saved = value<RecoveryPlan>(
      await dispatch('recoveryPlans.saveDraft', {
        id: draft.id,
        content: c,
        expectedUpdatedAtMs: draft.updatedAtMs,
      }),
    );
    clock.advance(60_000);
    return value<RecoveryPlan>(await dispatch('recoveryPlans.sign', { id: saved.id, passphrase: PASS }));
  };
  await written({ kind: 'relapse-prevention', plan: aRelapsePreventionPlan() });
  const rpV2 = await written({
    kind: 'relapse-prevention',
    plan: aRelapsePreventionPlan({ oneChange: 'Walk at lunch instead of the break room.' }),
  });
  await written({ kind: 'safety', plan: aSafetyPlan() });
  await written({ kind: 'aftercare', plan: anAftercarePlan({ relapsePreventionPlanId: rpV2.id }) });
  const v3 = value<RecoveryPlan>(
    await dispatch('recoveryPlans.startDraft', { clientId: client.id, kind: 'relapse-prevention' }),
  );
  value(
    await dispatch('recoveryPlans.saveDraft', {
      id: v3.id,
      content: {
        kind: 'relapse-prevention',
        plan: aRelapsePreventionPlan({ oneChange: 'DRAFT-ONLY change' }),
      },
      expectedUpdatedAtMs: v3.updatedAtMs,
    }),
  );
  const consent = value<Consent>(
    await dispatch('consents.create', {
      clientId: client.id,
      consent: aConsent({
        type: 'tpo',
        redisclosureStatementIncluded: true,
        refusalConsequencesExplained: true,
      }),
    }),
  );
  return { practice, dispatch, client, consent, rpV2, signedMat, draftMat, clonidine };
}

async function exported(m: Made, over: Partial<RecordExportRequest> = {}): Promise<string> {
  const { db, user } = m.practice.session();
  const r = await runRecordExport(
    { db, practice: m.practice, user },
    {
      clientId: m.client.id,
      basis: 'client-request',
      consentId: null,
      recipient: clientOwnRecipient(m.client),
      recipientAddress: '',
      purpose: 'Personal copy at discharge',
      paper: 'letter',
      output: 'folder',
      exportPassphrase: null,
      plainConfirmed: true,
      ...over,
    },
    path.join(tempDir(), 'out'),
    () => {},
  );
  return r.path;
}

const readCsv = (dir: string, name: string) => fs.readFileSync(path.join(dir, 'csv', name), 'utf8');
const header = (csv: string) => csv.split('\r\n')[0];
const resourcesOf = (dir: string) => {
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'fhir', 'bundle.json'), 'utf8')) as FhirResource;
  return { bundle: b, all: (b.entry as Array<{ resource: FhirResource }>).map((e) => e.resource) };
};

describe('export sections: medications, MAT, taper, recovery plans', () => {
  let m: Made;
  let dir: string;

  beforeAll(async () => {
    m = await chart();
    dir = await exported(m);
  }, 60_000);

  it('passes the FHIR R4 schema and the Bundle checks, with every new kind of resource in it', () => {
    const { bundle, all } = resourcesOf(dir);
    const validate = fhirSchemaValidator();
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bundleProblems(bundle)).toEqual([]);
    const byType = (t: string) => all.filter((r) => r.resourceType === t);
    expect(byType('MedicationStatement')).toHaveLength(3);
    const carePlans = byType('CarePlan').map((c) => (c.category as Array<{ text: string }>)[0]?.text);
    expect(carePlans.sort()).toEqual([
      'Aftercare plan',
      'Kratom taper schedule',
      'Relapse-prevention plan',
      'Relapse-prevention plan',
      'Safety plan',
    ]);
  });

  it('makes one Condition per substance, in remission with the severity before remission', () => {
    const { all } = resourcesOf(dir);
    const conditions = all
      .filter((r) => r.resourceType === 'Condition')
      .map((c) => ({
        code: (c.code as { coding: Array<{ code: string }> }).coding[0]!.code,
        status: (c.clinicalStatus as { coding: Array<{ code: string }> }).coding[0]!.code,
        severity: (c.severity as { text: string }).text,
      }));
    expect(conditions).toEqual([
      { code: 'F19.20', status: 'active', severity: 'Severe' },
      { code: 'F10.21', status: 'remission', severity: 'Moderate or severe' },
    ]);
  });

  it('states each medication as its latest version, coded where RxNorm has a single ingredient', () => {
    const { all } = resourcesOf(dir);
    const statements = all.filter((r) => r.resourceType === 'MedicationStatement');
    const byName = (text: string) =>
      statements.find((s) => (s.medicationCodeableConcept as { text: string }).text === text)!;
    expect(byName('Clonidine')).toMatchObject({
      status: 'active',
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '2599' }],
      },
      dosage: [{ text: '0.2 mg, tablet, first dose in clinic, then as directed' }],
      effectivePeriod: { start: '2026-12-02' },
    });
    expect(JSON.stringify(byName('Clonidine').note)).toContain('Prescriber: Dr. Ilse Verhoeven');
    expect(byName('Buprenorphine-naloxone').medicationCodeableConcept).toEqual({
      text: 'Buprenorphine-naloxone',
    });
    expect(byName('Loperamide').status).toBe('stopped');
    const csv = readCsv(dir, 'medications.csv');
    expect(header(csv)).toBe(
      'medication_id,version,is_latest,medication,formulation,dose,unit,schedule,phase,prescriber,pharmacy,start_date,stop_date,opioid_history,change_reason,recorded_at_utc,recorded_by',
    );
    // Both versions of clonidine travel.
    expect(csv.split('\r\n').filter((l) => l.startsWith(m.clonidine.id))).toHaveLength(2);
  });

  it('makes each signed MAT note an Encounter with its PDF, craving and screen Observations; drafts stay', () => {
    const { all } = resourcesOf(dir);
    const enc = all.filter(
      (r) => r.resourceType === 'Encounter' && JSON.stringify(r.type).includes('MAT coordination'),
    );
    expect(enc).toHaveLength(1);
    const codes = JSON.stringify(all.filter((r) => r.resourceType === 'Observation').map((o) => o.code));
    for (const code of ['craving-0-10', 'uds-mitragynine', 'uds-fentanyl', 'paws-checkin']) {
      expect(codes).toContain(code);
    }
    // Vital signs taken with the signed COWS rating, as the vital-sign LOINC codes.
    for (const loinc of ['85354-9', '8867-4', '8310-5']) expect(codes).toContain(loinc);
    const doc = all.find(
      (r) =>
        r.resourceType === 'DocumentReference' &&
        JSON.stringify(r.context).includes(`urn:uuid:${enc[0]!.id}`),
    );
    expect(doc).toBeDefined();
    const mat = readCsv(dir, 'mat-notes.csv');
    expect(header(mat)).toMatch(/^note_id,contact_date,induction,medication_now,adherence,/);
    expect(mat).toContain(m.signedMat.id);
    expect(mat).toContain('mitragynine: positive');
    expect(header(readCsv(dir, 'withdrawal-vitals.csv'))).toBe(
      'assessment_id,instrument,induction_time_point,administered_at_utc,rating_total,systolic_mmhg,diastolic_mmhg,heart_rate_per_min,temperature_c',
    );
    expect(readCsv(dir, 'withdrawal-vitals.csv')).toMatch(/,138,88,104,37.4\r\n/);
    expect(header(readCsv(dir, 'paws-checkins.csv'))).toBe(
      'checkin_id,checkin_date,sleep,mood,craving,energy,note,recorded_at_utc,recorded_by',
    );
    const pdf = 'pdf/mat-coordination-notes.pdf';
    const text = checkPdf(path.join(dir, pdf), 'export-mat-note.pdf').text;
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toMatch(/Mitragynine \(kratom\): Positive/);
    // The medications are those of the day of export, said so over them: not the ones of each contact.
    expect(flat(text)).toMatch(/Medications current on .+, the day of this export/);
    expect(text).not.toContain('Disclosed under consent');
    for (const f of filesUnder(dir)) {
      const bytes = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(bytes, f).not.toContain('DRAFT-ONLY');
      expect(bytes, f).not.toContain(m.draftMat.id);
    }
  });

  it('exports the taper as a CarePlan with a step per activity, its schedule PDF and plan versus log', () => {
    const { all } = resourcesOf(dir);
    const taper = all.find(
      (r) => r.resourceType === 'CarePlan' && JSON.stringify(r.category).includes('taper'),
    )!;
    const activities = taper.activity as Array<{
      detail: { status: string; dailyAmount: { value: number } };
    }>;
    expect(activities[0]!.detail).toMatchObject({ status: 'completed', dailyAmount: { value: 8 } });
    expect(activities.some((a) => a.detail.status === 'in-progress')).toBe(true);
    expect(activities.at(-1)!.detail.dailyAmount.value).toBe(0);
    expect(header(readCsv(dir, 'taper-schedule.csv'))).toMatch(/^version,is_current,change,effective_date,/);
    const vs = readCsv(dir, 'taper-plan-vs-actual.csv');
    expect(header(vs)).toBe('date,planned_g,logged_g,logged_doses,over_plan,other_forms,strong_form_used');
    expect(vs).toContain('2026-11-17,8,4,1,false,,false');
    expect(vs).toContain('2026-11-19,8,,0,false,,false');
    // Every day from the first step to the day of export.
    expect(vs.trim().split('\r\n')).toHaveLength(1 + 17);
    const text = checkPdf(path.join(dir, 'pdf/taper-schedule-v1.pdf')).text;
    expect(text).toContain('Green Maeng Da powder');
    expect(text).toContain(PART2_NOTICE_SHORT);
  });

  it('exports every signed plan version as a CarePlan (old ones revoked and replaced), the Goal, and the PDFs', () => {
    const { all } = resourcesOf(dir);
    const plans = all.filter(
      (r) => r.resourceType === 'CarePlan' && JSON.stringify(r.category).includes('Relapse'),
    );
    const [newest, oldest] = [...plans].sort((a, b) => String(b.title).localeCompare(String(a.title)));
    expect(newest).toMatchObject({ status: 'active', title: 'Relapse-prevention plan, version 2' });
    expect(oldest).toMatchObject({ status: 'revoked' });
    expect(newest!.replaces).toEqual([{ reference: `urn:uuid:${oldest!.id}` }]);
    const goal = all.find(
      (r) =>
        r.resourceType === 'Goal' &&
        (newest!.goal as Array<{ reference: string }>)[0]!.reference === `urn:uuid:${r.id}`,
    );
    expect(goal).toMatchObject({
      lifecycleStatus: 'active',
      description: { text: 'Walk at lunch instead of the break room.' },
      target: [{ dueDate: '2026-12-21' }],
    });
    const aftercare = all.find(
      (r) => r.resourceType === 'CarePlan' && JSON.stringify(r.category).includes('Aftercare'),
    )!;
    expect(aftercare.basedOn).toEqual([{ reference: `urn:uuid:${newest!.id}` }]);
    expect(JSON.stringify(newest!.activity)).toContain('If my back pain flares up, then');
    expect(header(readCsv(dir, 'recovery-plans.csv'))).toBe(
      'plan_id,kind,version,is_newest,written_at_utc,signed_by,signed_at_utc,content_sha256,pdf_file',
    );
    expect(header(readCsv(dir, 'recovery-plan-entries.csv'))).toBe('plan_id,kind,version,part,entry');
    expect(readCsv(dir, 'recovery-plans.csv')).toContain(`${m.rpV2.id},relapse-prevention,2,true`);

    const pdfs = filesUnder(dir).filter((f) => /plan-v\d+\.pdf$/.test(f));
    expect(pdfs.sort()).toEqual([
      'pdf/aftercare-plan-v1.pdf',
      'pdf/relapse-prevention-plan-v2.pdf',
      'pdf/safety-plan-v1.pdf',
    ]);
    // The plan PDF as the outside tools read it.
    const file = path.join(dir, 'pdf/relapse-prevention-plan-v2.pdf');
    const text = flat(checkPdf(file, 'export-relapse-prevention-plan.pdf').text);
    for (const s of [
      'Nguyễn Thị Ánh',
      'Bảo Trần',
      'José Núñez',
      'Walk at lunch instead of the break room.',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain(PART2_NOTICE_SHORT);
    expect(text).toContain('(42 CFR part 2). These rules prohibit you');
  });

  it('under a consent, each PDF carries the consent’s scope', async () => {
    const under = await exported(m, {
      basis: 'consent',
      consentId: m.consent.id,
      recipient: m.consent.consent.recipient,
      recipientAddress: m.consent.consent.recipientAddress,
      purpose: m.consent.consent.purpose,
      include: choosableSections().map((s) => s.id),
    });
    const pdfs = filesUnder(under).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBe(5);
    for (const f of pdfs) {
      const text = checkPdf(path.join(under, f), `export-under-consent-${path.basename(f)}`).text;
      expect(text, f).toContain('Disclosed under consent');
      expect(text, f).toContain('Dr. Ilse Verhoeven, Cascade Family Medicine');
      // A disclosure, not the client's own copy: the notice binds its recipient, and no line says otherwise.
      expect(flat(text), f).not.toContain('your own copy');
      expect(flat(text), f).not.toContain('written OK');
    }
    expect(pdfs).toContain('pdf/taper-schedule-v1.pdf');
    const { bundle } = resourcesOf(under);
    expect(fhirSchemaValidator()(bundle)).toBe(true);
    expect(bundleProblems(bundle)).toEqual([]);
  }, 60_000);
});

describe('export of a discharged client', () => {
  it('ends the EpisodeOfCare on the discharge date and names the date and type in client.csv', async () => {
    const { practice } = await setUpPractice({ clock: new FakeClock(NOW) });
    const dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    const created = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const {
      id,
      assignedClinicianName: _n,
      createdAtMs: _c,
      updatedAtMs: _u,
      discharge: _d,
      ...input
    } = created;
    const client = value<Client>(
      await dispatch('clients.update', {
        id,
        client: {
          ...input,
          status: 'discharged',
          discharge: { dischargedOn: '2026-11-30', type: 'transferred' },
        },
      }),
    );
    const dir = await exported({ practice, client } as Made);
    const episode = resourcesOf(dir).all.find((r) => r.resourceType === 'EpisodeOfCare');
    expect(episode).toMatchObject({ status: 'finished', period: { start: '2026-11-02', end: '2026-11-30' } });
    // RFC 4180: fields with commas are quoted, so split outside quotes.
    const cells = (line: string) =>
      line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    const [head = '', line = ''] = readCsv(dir, 'client.csv').split('\r\n');
    const columns = cells(head);
    const row = cells(line);
    expect(row[columns.indexOf('discharge_date')]).toBe('2026-11-30');
    expect(row[columns.indexOf('discharge_type')]).toBe('transferred');
  });
});

describe('export of the client’s language for documents and interpreter need', () => {
  it('states them on Patient (communication in BCP 47, preferred only without an interpreter; the interpreterRequired extension) and in client.csv', async () => {
    const { practice } = await setUpPractice({ clock: new FakeClock(NOW) });
    const dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    const client = value<Client>(
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
    const dir = await exported({ practice, client } as Made);
    const { bundle, all } = resourcesOf(dir);
    const validate = fhirSchemaValidator();
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bundleProblems(bundle)).toEqual([]);
    const patient = all.find((r) => r.resourceType === 'Patient');
    expect(patient?.communication).toEqual([
      {
        language: {
          coding: [{ system: 'urn:ietf:bcp:47', code: 'es', display: 'Spanish' }],
          text: 'Language for written documents: Spanish',
        },
      },
    ]);
    expect(patient?.extension).toEqual([
      { url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired', valueBoolean: true },
    ]);
    const cells = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    const [head = '', line = ''] = readCsv(dir, 'client.csv').split('\r\n');
    const columns = cells(head);
    const row = cells(line);
    expect(row[columns.indexOf('document_language')]).toBe('es');
    expect(row[columns.indexOf('interpreter_needed')]).toBe('yes');
    // The README says what the language column is not.
    expect(flat(fs.readFileSync(path.join(dir, README_FILE), 'utf8'))).toMatch(
      /client\.csv: .*en or es only; not necessarily the language they speak/,
    );

    // Without an interpreter, the language of the documents is the one the client prefers.
    const other = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Aoife', legalLastName: 'O’Brien', documentLanguage: 'en' }),
      }),
    );
    const plain = resourcesOf(await exported({ practice, client: other } as Made));
    expect(validate(plain.bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(plain.all.find((r) => r.resourceType === 'Patient')?.communication).toEqual([
      {
        language: {
          coding: [{ system: 'urn:ietf:bcp:47', code: 'en', display: 'English' }],
          text: 'Language for written documents: English',
        },
        preferred: true,
      },
    ]);
  });
});
