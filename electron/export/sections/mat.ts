/**
 * MAT coordination and the withdrawal course (CLINICAL.md §1.6, §5). Each signed MAT coordination note is an
 * Encounter with its PDF (current medications and the contact, as the prescriber's summary prints it), an
 * Observation for the craving rating and one per urine-screen result; drafts are not part of the record. The
 * withdrawal ratings themselves are Observations in the assessments section; the vital signs taken with each signed
 * rating are Observations here (LOINC vital-sign codes), and the post-acute check-ins one Observation each. Every
 * part is also a CSV table.
 */
import { listAssessments } from '../../db/repositories/assessments';
import { listMatNoteRows } from '../../db/repositories/matNotes';
import { listMedications } from '../../db/repositories/medications';
import { listPawsCheckins } from '../../db/repositories/pawsCheckins';
import { matNoteFromRow } from '../../notes/matNoteRecords';
import { renderMatNotesPdf } from '../../pdf/matSummaryPdf';
import { INDUCTION_TIME_POINT_LABELS } from '../../../shared/domain/assessments';
import { UDS_LABELS, UDS_SUBSTANCES, type MatNote, type UdsSubstance } from '../../../shared/domain/matNotes';
import { isCurrent } from '../../../shared/domain/medications';
import { hasVitals, type Vitals } from '../../../shared/domain/vitals';
import { PAWS_LABELS, PAWS_MEASURES, type PawsCheckin } from '../../../shared/domain/withdrawalCourse';
import { fhirId, instant, labelled, ref } from '../fhir';
import {
  counted,
  printedDisclosure,
  type ExportContext,
  type ExportPdf,
  type ExportSection,
  type FhirResource,
} from '../types';

/** The app's own codes, where LOINC has no code for what the clinic records. */
export const CLEARLEAF_OBSERVATION_SYSTEM = 'urn:clearleaf:observation';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

const category = (code: string, display: string) => [
  { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code, display }] },
];
const local = (code: string, display: string) => ({
  coding: [{ system: CLEARLEAF_OBSERVATION_SYSTEM, code, display }],
  text: display,
});

function encounter(ctx: ExportContext, n: MatNote): FhirResource {
  return labelled({
    resourceType: 'Encounter',
    id: fhirId('Encounter', `mat/${n.id}`),
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ text: `MAT coordination contact${n.content.induction ? ' (induction)' : ''}` }],
    subject: ref(ctx.refs.patient),
    episodeOfCare: [ref(ctx.refs.episode)],
    participant: n.signedByName ? [{ individual: { display: n.signedByName } }] : [],
    period: { start: n.content.contactDate, end: n.content.contactDate },
    serviceProvider: ref(ctx.refs.organization),
  });
}

function noteObservations(ctx: ExportContext, n: MatNote, encounterId: string): FhirResource[] {
  const c = n.content;
  const base = { status: 'final', subject: ref(ctx.refs.patient), encounter: ref(encounterId) };
  const out: FhirResource[] = [];
  if (c.craving !== null) {
    out.push(
      labelled({
        resourceType: 'Observation',
        id: fhirId('Observation', `mat-craving/${n.id}`),
        ...base,
        category: category('survey', 'Survey'),
        code: local('craving-0-10', 'Craving, 0 (none) to 10 (worst)'),
        effectiveDateTime: c.contactDate,
        valueInteger: c.craving,
      }),
    );
  }
  for (const s of UDS_SUBSTANCES) {
    const result = c.uds[s];
    if (result === undefined || result === 'not-tested') continue;
    const positive = result === 'positive';
    out.push(
      labelled({
        resourceType: 'Observation',
        id: fhirId('Observation', `mat-uds/${n.id}/${s}`),
        ...base,
        category: category('laboratory', 'Laboratory'),
        code: local(`uds-${s}`, `Urine drug screen: ${UDS_LABELS[s]}`),
        effectiveDateTime: c.udsCollectedOn || c.contactDate,
        valueCodeableConcept: {
          coding: [
            positive
              ? { system: SNOMED, code: '10828004', display: 'Positive' }
              : { system: SNOMED, code: '260385009', display: 'Negative' },
          ],
          text: positive ? 'Positive' : 'Negative',
        },
      }),
    );
  }
  return out;
}

interface VitalsTaken {
  assessmentId: string;
  instrument: string;
  timePoint: string | null;
  administeredAtMs: number;
  total: number | null;
  vitals: Vitals;
}

/** The vital signs taken with one signed withdrawal rating, as FHIR's vital-signs codes. */
function vitalsObservations(ctx: ExportContext, v: VitalsTaken): FhirResource[] {
  const base = {
    status: 'final',
    category: category('vital-signs', 'Vital Signs'),
    subject: ref(ctx.refs.patient),
    effectiveDateTime: instant(v.administeredAtMs),
    note: [{ text: `Taken with the ${v.instrument.toUpperCase()} rating` }],
  };
  const id = (what: string) => fhirId('Observation', `vitals/${v.assessmentId}/${what}`);
  const q = (value: number, unit: string, code: string) => ({ value, unit, system: UCUM, code });
  const { systolic, diastolic, heartRate, temperatureC } = v.vitals;
  const out: FhirResource[] = [];
  if (systolic !== null && diastolic !== null) {
    out.push(
      labelled({
        resourceType: 'Observation',
        id: id('bp'),
        ...base,
        code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }] },
        component: [
          {
            code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] },
            valueQuantity: q(systolic, 'mmHg', 'mm[Hg]'),
          },
          {
            code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] },
            valueQuantity: q(diastolic, 'mmHg', 'mm[Hg]'),
          },
        ],
      }),
    );
  }
  if (heartRate !== null) {
    out.push(
      labelled({
        resourceType: 'Observation',
        id: id('hr'),
        ...base,
        code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }] },
        valueQuantity: q(heartRate, 'beats/minute', '/min'),
      }),
    );
  }
  if (temperatureC !== null) {
    out.push(
      labelled({
        resourceType: 'Observation',
        id: id('temp'),
        ...base,
        code: { coding: [{ system: LOINC, code: '8310-5', display: 'Body temperature' }] },
        valueQuantity: q(temperatureC, '°C', 'Cel'),
      }),
    );
  }
  return out;
}

function pawsObservation(ctx: ExportContext, p: PawsCheckin): FhirResource {
  return labelled({
    resourceType: 'Observation',
    id: fhirId('Observation', `paws/${p.id}`),
    status: 'final',
    category: category('survey', 'Survey'),
    code: local('paws-checkin', 'Post-acute withdrawal check-in (each part 0–10)'),
    subject: ref(ctx.refs.patient),
    effectiveDateTime: p.checkinDate,
    issued: instant(p.recordedAtMs),
    note: [{ text: p.note }],
    component: PAWS_MEASURES.map((m) => ({
      code: local(`paws-${m}`, `${PAWS_LABELS[m].label} (${PAWS_LABELS[m].low} to ${PAWS_LABELS[m].high})`),
      valueInteger: p[m],
    })),
  });
}

const udsText = (n: MatNote) =>
  (Object.entries(n.content.uds) as Array<[UdsSubstance, string]>)
    .filter(([, r]) => r !== 'not-tested')
    .map(([s, r]) => `${s}: ${r}`)
    .join('; ');

export const matSection: ExportSection = {
  id: 'mat',
  label: 'MAT coordination and withdrawal course',
  async collect(ctx) {
    const notes = listMatNoteRows(ctx.db, ctx.client.id)
      .map((r) => matNoteFromRow(ctx.db, r))
      .filter((n) => n.signedAtMs !== null)
      .sort(
        (a, b) => a.content.contactDate.localeCompare(b.content.contactDate) || a.createdAtMs - b.createdAtMs,
      );
    const current = listMedications(ctx.db, ctx.client.id).filter((m) =>
      isCurrent(m.current.medication, ctx.today),
    );
    const encounters = notes.map((n) => encounter(ctx, n));
    const resources: FhirResource[] = notes.flatMap((n, i) => [
      encounters[i]!,
      ...noteObservations(ctx, n, encounters[i]!.id),
    ]);
    const pdfs: ExportPdf[] = [];
    const files = new Map<string, { file: string; page: number }>();
    if (notes.length) {
      // One file for every contact, oldest first, the medications current on the day of export once at the top.
      const file = 'pdf/mat-coordination-notes.pdf';
      const { bytes, firstPages } = await renderMatNotesPdf({
        clinic: ctx.clinic,
        client: ctx.client,
        notes,
        today: ctx.today,
        medications: current,
        paper: ctx.paper,
        createdAt: new Date(ctx.nowMs),
        disclosure: printedDisclosure(ctx),
      });
      for (const n of notes) files.set(n.id, { file, page: firstPages.get(n.id)! });
      const first = notes[0]!.content.contactDate;
      const last = notes[notes.length - 1]!.content.contactDate;
      const addenda = notes.reduce((sum, n) => sum + n.addenda.length, 0);
      pdfs.push({
        file,
        title: `MAT coordination notes, ${first === last ? first : `${first} to ${last}`}`,
        description: `MAT coordination notes: ${counted(notes.length, 'signed contact')}${addenda ? ` with ${counted(addenda, 'signed addendum', 'signed addenda')}` : ''}, oldest first, each from its own page, after the medications current on the day of export.`,
        encounterIds: encounters.map((e) => e.id),
        date: first,
        ...(last === first ? {} : { endDate: last }),
        bytes,
      });
    }

    const vitals: VitalsTaken[] = listAssessments(ctx.db, ctx.client.id).flatMap((a) => {
      const input = a.input;
      if (a.signedAtMs === null || (input.instrumentId !== 'cows' && input.instrumentId !== 'sows'))
        return [];
      if (!input.vitals || !hasVitals(input.vitals)) return [];
      return [
        {
          assessmentId: a.id,
          instrument: input.instrumentId,
          timePoint: input.timePoint ? INDUCTION_TIME_POINT_LABELS[input.timePoint] : null,
          administeredAtMs: input.administeredAtMs,
          total: a.score?.total ?? null,
          vitals: input.vitals,
        },
      ];
    });
    resources.push(...vitals.flatMap((v) => vitalsObservations(ctx, v)));
    const paws = listPawsCheckins(ctx.db, ctx.client.id);
    resources.push(...paws.map((p) => pawsObservation(ctx, p)));

    return {
      resources,
      pdfs,
      tables: [
        {
          file: 'csv/mat-notes.csv',
          description:
            'Signed MAT coordination notes: one row per contact with medication and dose, adherence, missed doses, side effects, craving (0–10), use, naloxone, storage, urine screen results, linked withdrawal ratings, plan, who signed and the SHA-256 of the signed content.',
          columns: [
            'note_id',
            'contact_date',
            'induction',
            'medication_now',
            'adherence',
            'missed_doses',
            'side_effects',
            'craving_0_10',
            'use_since_last_contact',
            'naloxone_on_hand',
            'safe_storage',
            'uds_collected_on',
            'uds_results',
            'linked_ratings',
            'plan',
            'next_appointment',
            'signed_by',
            'signed_at_utc',
            'content_sha256',
            'pdf_file',
            'pdf_page',
          ],
          rows: notes.map((n) => [
            n.id,
            n.content.contactDate,
            n.content.induction,
            n.content.medicationNow,
            n.content.adherence,
            n.content.missedDoses,
            n.content.sideEffects,
            n.content.craving,
            n.content.useSinceLastContact,
            n.content.naloxoneOnHand,
            n.content.safeStorage,
            n.content.udsCollectedOn,
            udsText(n),
            n.ratings
              .map(
                (r) =>
                  `${r.instrument.toUpperCase()} ${r.total ?? 'incomplete'} at ${instant(r.administeredAtMs)}${r.timePoint ? ` (${r.timePoint})` : ''}`,
              )
              .join('; '),
            n.content.plan,
            n.content.nextAppointment,
            n.signedByName,
            n.signedAtMs === null ? null : instant(n.signedAtMs),
            n.contentHash,
            files.get(n.id)?.file ?? null,
            files.get(n.id)?.page ?? null,
          ]),
        },
        {
          file: 'csv/mat-note-addenda.csv',
          description:
            'Signed addenda (corrections) to the MAT coordination notes above, with the SHA-256 of each.',
          columns: ['note_id', 'addendum_id', 'signed_by', 'signed_at_utc', 'text', 'content_sha256'],
          rows: notes.flatMap((n) =>
            n.addenda.map((a) => [n.id, a.id, a.signedByName, instant(a.signedAtMs), a.text, a.contentHash]),
          ),
        },
        {
          file: 'csv/withdrawal-vitals.csv',
          description:
            'Vital signs taken with each signed withdrawal rating (COWS or SOWS): blood pressure (mmHg), heart rate (beats a minute) and temperature (°C), with the rating it was taken with.',
          columns: [
            'assessment_id',
            'instrument',
            'induction_time_point',
            'administered_at_utc',
            'rating_total',
            'systolic_mmhg',
            'diastolic_mmhg',
            'heart_rate_per_min',
            'temperature_c',
          ],
          rows: vitals.map((v) => [
            v.assessmentId,
            v.instrument,
            v.timePoint,
            instant(v.administeredAtMs),
            v.total,
            v.vitals.systolic,
            v.vitals.diastolic,
            v.vitals.heartRate,
            v.vitals.temperatureC,
          ]),
        },
        {
          file: 'csv/paws-checkins.csv',
          description: `Post-acute withdrawal check-ins, each 0–10 as the client rated them: ${PAWS_MEASURES.map((m) => `${m} (${PAWS_LABELS[m].low} to ${PAWS_LABELS[m].high})`).join(', ')}; with a note.`,
          columns: [
            'checkin_id',
            'checkin_date',
            'sleep',
            'mood',
            'craving',
            'energy',
            'note',
            'recorded_at_utc',
            'recorded_by',
          ],
          rows: paws.map((p) => [
            p.id,
            p.checkinDate,
            p.sleep,
            p.mood,
            p.craving,
            p.energy,
            p.note,
            instant(p.recordedAtMs),
            p.recordedByName,
          ]),
        },
      ],
      summary: `${counted(notes.length, 'signed MAT coordination note')}, ${counted(vitals.length, 'set', 'sets')} of withdrawal vital signs, ${counted(paws.length, 'post-acute check-in')}`,
    };
  },
};
