/**
 * Medications (CLINICAL.md §1.6, §5): each as a FHIR MedicationStatement as its latest version reads (the clinic
 * records and coordinates; the prescriber prescribes, so the prescriber and pharmacy travel as notes, not as a
 * Practitioner the clinic cannot vouch for), and every version of every medication in CSV, so the history travels.
 */
import { listMedications } from '../../db/repositories/medications';
import {
  medicationName,
  PHASE_LABELS,
  type KnownMedication,
  type Medication,
  type MedicationInput,
} from '../../../shared/domain/medications';
import { fhirId, instant, labelled, ref } from '../fhir';
import { counted, type ExportContext, type ExportSection, type FhirResource } from '../types';

export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/**
 * RxNorm ingredient codes for the single-ingredient medicines the app lists. A combination product (buprenorphine-
 * naloxone) and medicines without a code here travel as text only: a wrong code is worse than none.
 */
const RXNORM: Partial<Record<KnownMedication, string>> = {
  buprenorphine: '1819',
  clonidine: '2599',
  naltrexone: '7243',
  naloxone: '7242',
  loperamide: '6468',
  ondansetron: '26225',
  hydroxyzine: '5553',
  trazodone: '10737',
  ibuprofen: '5640',
  acetaminophen: '161',
};

const UCUM: Partial<Record<MedicationInput['unit'], string>> = { mg: 'mg', mcg: 'ug', g: 'g', mL: 'mL' };

/** Stopped, or past its stop date: completed; not started yet: intended; otherwise taken now. */
function statementStatus(m: MedicationInput, today: string): string {
  if (m.phase === 'stopped') return 'stopped';
  if (m.stopDate !== '' && m.stopDate < today) return 'completed';
  if (m.startDate !== '' && m.startDate > today) return 'intended';
  return 'active';
}

function dosageText(m: MedicationInput): string {
  return [m.dose === null ? '' : `${m.dose} ${m.unit}`, m.formulation, m.schedule]
    .filter((s) => s.trim() !== '')
    .join(', ');
}

function statement(ctx: ExportContext, med: Medication): FhirResource {
  const m = med.current.medication;
  const code = RXNORM[m.medication];
  const ucum = UCUM[m.unit];
  const name = medicationName(m);
  return labelled({
    resourceType: 'MedicationStatement',
    id: fhirId('MedicationStatement', med.id),
    status: statementStatus(m, ctx.today),
    medicationCodeableConcept: {
      ...(code ? { coding: [{ system: RXNORM_SYSTEM, code, display: name.toLowerCase() }] } : {}),
      text: name,
    },
    subject: ref(ctx.refs.patient),
    context: ref(ctx.refs.episode),
    effectivePeriod: { start: m.startDate, end: m.stopDate },
    dateAsserted: instant(med.current.recordedAtMs),
    note: [
      { text: `Phase: ${PHASE_LABELS[m.phase]}` },
      { text: m.prescriber ? `Prescriber: ${m.prescriber}` : '' },
      { text: m.pharmacy ? `Pharmacy: ${m.pharmacy}` : '' },
      { text: m.changeNote ? `Latest change: ${m.changeNote}` : '' },
      {
        text: 'Recorded by the counselling clinic for coordination; the prescribing details come from the prescriber.',
      },
    ],
    dosage: [
      {
        text: dosageText(m),
        doseAndRate:
          m.dose === null
            ? []
            : [
                {
                  doseQuantity: {
                    value: m.dose,
                    unit: m.unit,
                    ...(ucum ? { system: 'http://unitsofmeasure.org', code: ucum } : {}),
                  },
                },
              ],
      },
    ],
  });
}

export const medicationsSection: ExportSection = {
  id: 'medications',
  label: 'Medications',
  collect(ctx) {
    const meds = listMedications(ctx.db, ctx.client.id);
    const current = meds.filter((m) => statementStatus(m.current.medication, ctx.today) === 'active').length;
    return {
      resources: meds.map((m) => statement(ctx, m)),
      tables: [
        {
          file: 'csv/medications.csv',
          description:
            'Medications: every recorded version of each medication (newest first), with dose, schedule, phase, prescriber, pharmacy, dates and the reason for each change.',
          columns: [
            'medication_id',
            'version',
            'is_latest',
            'medication',
            'formulation',
            'dose',
            'unit',
            'schedule',
            'phase',
            'prescriber',
            'pharmacy',
            'start_date',
            'stop_date',
            'opioid_history',
            'change_reason',
            'recorded_at_utc',
            'recorded_by',
          ],
          rows: meds.flatMap((med) =>
            med.history.map((v) => [
              med.id,
              v.version,
              v.version === med.current.version,
              medicationName(v.medication),
              v.medication.formulation,
              v.medication.dose,
              v.medication.unit,
              v.medication.schedule,
              v.medication.phase,
              v.medication.prescriber,
              v.medication.pharmacy,
              v.medication.startDate,
              v.medication.stopDate,
              v.medication.opioidHistory,
              v.medication.changeNote,
              instant(v.recordedAtMs),
              v.recordedByName,
            ]),
          ),
        },
      ],
      pdfs: [],
      summary: `${counted(meds.length, 'medication')} (${current} current)`,
    };
  },
};
