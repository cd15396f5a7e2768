/**
 * The client: Patient, the clinic as Organization, the course of care as EpisodeOfCare, and client.csv. The
 * language the client's documents are in (English or Spanish only) is the Patient's communication language (BCP 47,
 * as FHIR R4 binds it), said to be the language for written documents; it is marked preferred only when no interpreter
 * is needed, since a client who needs one may speak a language the documents do not come in. Whether an interpreter
 * is needed is the core patient-interpreterRequired extension.
 */
import { fullName } from '../../../shared/domain/names';
import { LANGUAGE_LABELS } from '../../../shared/i18n/languages';
import { fhirId, labelled, CHART_NUMBER_SYSTEM } from '../fhir';
import type { ExportContext, ExportSection, FhirResource } from '../types';

export const BCP47_SYSTEM = 'urn:ietf:bcp:47';
export const INTERPRETER_REQUIRED_URL = 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired';

const GENDER: Record<string, string> = {
  female: 'female',
  male: 'male',
  intersex: 'other',
  'not-recorded': 'unknown',
};

export function patientRefs(clientId: string): ExportContext['refs'] {
  return {
    patient: fhirId('Patient', clientId),
    episode: fhirId('EpisodeOfCare', clientId),
    organization: fhirId('Organization', 'clinic'),
  };
}

export const patientSection: ExportSection = {
  id: 'patient',
  label: 'Client details',
  always: true,
  collect(ctx) {
    const { client: c, clinic, refs } = ctx;
    const ec = c.emergencyContact;
    const resources: FhirResource[] = [
      labelled({
        resourceType: 'Patient',
        id: refs.patient,
        extension: [{ url: INTERPRETER_REQUIRED_URL, valueBoolean: c.interpreterNeeded }],
        identifier: [{ system: CHART_NUMBER_SYSTEM, value: c.chartNumber }],
        active: c.status !== 'discharged',
        name: [
          { use: 'official', text: fullName(c), family: c.legalLastName, given: [c.legalFirstName] },
          ...(c.preferredName ? [{ use: 'usual', given: [c.preferredName] }] : []),
        ],
        telecom: [
          ...(c.phone ? [{ system: 'phone', value: c.phone }] : []),
          ...(c.email ? [{ system: 'email', value: c.email }] : []),
        ],
        gender: GENDER[c.sex] ?? 'unknown',
        birthDate: c.dateOfBirth,
        address: c.address ? [{ text: c.address }] : [],
        contact:
          ec.name || ec.phone
            ? [
                {
                  relationship: [{ text: ec.relationship || 'Emergency contact' }],
                  name: { text: ec.name },
                  telecom: ec.phone ? [{ system: 'phone', value: ec.phone }] : [],
                },
              ]
            : [],
        communication: [
          {
            language: {
              coding: [
                {
                  system: BCP47_SYSTEM,
                  code: c.documentLanguage,
                  display: LANGUAGE_LABELS[c.documentLanguage],
                },
              ],
              text: `Language for written documents: ${LANGUAGE_LABELS[c.documentLanguage]}`,
            },
            ...(c.interpreterNeeded ? {} : { preferred: true }),
          },
        ],
        managingOrganization: { reference: `urn:uuid:${refs.organization}` },
      }),
      labelled({
        resourceType: 'Organization',
        id: refs.organization,
        active: true,
        name: clinic.name,
        telecom: clinic.phone ? [{ system: 'phone', value: clinic.phone }] : [],
        address: clinic.address ? [{ text: clinic.address }] : [],
      }),
      labelled({
        resourceType: 'EpisodeOfCare',
        id: refs.episode,
        status: c.status === 'discharged' ? 'finished' : c.status === 'on-hold' ? 'onhold' : 'active',
        type: [{ text: 'Substance use treatment' }],
        patient: { reference: `urn:uuid:${refs.patient}` },
        managingOrganization: { reference: `urn:uuid:${refs.organization}` },
        // A discharged client's episode ends on the discharge date; how they left care is in client.csv and the
        // discharge summary.
        period: { start: c.admissionDate, ...(c.discharge ? { end: c.discharge.dischargedOn } : {}) },
      }),
    ];
    return {
      resources,
      tables: [
        {
          file: 'csv/client.csv',
          description:
            'The client: one row with identity, contact details, the language their written documents print in ' +
            '(BCP 47: en or es only; not necessarily the language they speak: when an interpreter is needed, the ' +
            'language to interpret into is not recorded here) and whether an interpreter is needed (yes/no), ' +
            'admission date, status and, once discharged, the discharge date and type.',
          columns: [
            'chart_number',
            'legal_first_name',
            'legal_last_name',
            'preferred_name',
            'date_of_birth',
            'sex',
            'pronouns',
            'phone',
            'email',
            'address',
            'emergency_contact_name',
            'emergency_contact_relationship',
            'emergency_contact_phone',
            'document_language',
            'interpreter_needed',
            'admission_date',
            'status',
            'discharge_date',
            'discharge_type',
            'assigned_clinician',
          ],
          rows: [
            [
              c.chartNumber,
              c.legalFirstName,
              c.legalLastName,
              c.preferredName,
              c.dateOfBirth,
              c.sex,
              c.pronouns,
              c.phone,
              c.email,
              c.address,
              ec.name,
              ec.relationship,
              ec.phone,
              c.documentLanguage,
              c.interpreterNeeded ? 'yes' : 'no',
              c.admissionDate,
              c.status,
              c.discharge?.dischargedOn ?? '',
              c.discharge?.type ?? '',
              c.assignedClinicianName,
            ],
          ],
        },
      ],
      pdfs: [],
      summary: 'client details',
    };
  },
};
