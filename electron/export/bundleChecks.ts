/**
 * What the FHIR R4 JSON schema cannot enforce, checked on every Bundle before it is written (and in tests): each
 * resource says its status, points at the one Patient, carries a code where one is required and the Part 2 labels,
 * and every reference resolves inside the Bundle — a recipient gets a record that stands on its own.
 */
import { fullUrl, PART2_SECURITY } from './fhir';
import type { FhirResource } from './types';

/** The field holding each resource type's required status. */
const STATUS_FIELD: Record<string, string> = {
  Observation: 'status',
  Encounter: 'status',
  EpisodeOfCare: 'status',
  QuestionnaireResponse: 'status',
  Consent: 'status',
  CarePlan: 'status',
  DocumentReference: 'status',
  Goal: 'lifecycleStatus',
  Condition: 'clinicalStatus',
  MedicationStatement: 'status',
};

/** The field naming the patient each resource is about. */
const SUBJECT_FIELD: Record<string, string> = {
  Observation: 'subject',
  Encounter: 'subject',
  QuestionnaireResponse: 'subject',
  Condition: 'subject',
  CarePlan: 'subject',
  Goal: 'subject',
  DocumentReference: 'subject',
  MedicationStatement: 'subject',
  EpisodeOfCare: 'patient',
  Consent: 'patient',
};

const CODE_FIELD: Record<string, string> = {
  Observation: 'code',
  Condition: 'code',
};

function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

const hasCoding = (v: unknown): boolean => {
  const coding = (v as { coding?: Array<{ system?: string; code?: string }> } | undefined)?.coding;
  return Array.isArray(coding) && coding.length > 0 && coding.every((c) => !!c.system && !!c.code);
};

export function bundleProblems(bundle: FhirResource): string[] {
  const problems: string[] = [];
  const entries = (bundle.entry ?? []) as Array<{ fullUrl?: string; resource?: FhirResource }>;
  const urls = new Set<string>();
  const patients = entries.filter((e) => e.resource?.resourceType === 'Patient');
  if (patients.length !== 1) problems.push(`expected one Patient, found ${patients.length}`);
  const patientUrl = patients[0]?.fullUrl;
  const labelsOk = (r: FhirResource) =>
    PART2_SECURITY.every((label) =>
      ((r.meta as { security?: Array<{ system: string; code: string }> } | undefined)?.security ?? []).some(
        (s) => s.system === label.system && s.code === label.code,
      ),
    );
  if (!labelsOk(bundle)) problems.push('the Bundle lacks the Part 2 security labels');
  for (const e of entries) {
    const r = e.resource;
    if (!r) {
      problems.push('an entry has no resource');
      continue;
    }
    const where = `${r.resourceType}/${r.id}`;
    if (e.fullUrl !== fullUrl(r.id)) problems.push(`${where}: fullUrl does not match the id`);
    if (urls.has(e.fullUrl ?? '')) problems.push(`${where}: duplicate entry`);
    urls.add(e.fullUrl ?? '');
    if (!labelsOk(r)) problems.push(`${where}: lacks the Part 2 security labels`);
    const statusField = STATUS_FIELD[r.resourceType];
    if (statusField && (r[statusField] === undefined || r[statusField] === '')) {
      problems.push(`${where}: no ${statusField}`);
    }
    const subjectField = SUBJECT_FIELD[r.resourceType];
    if (subjectField) {
      const subject = (r[subjectField] as { reference?: string } | undefined)?.reference;
      if (!subject || subject !== patientUrl) problems.push(`${where}: ${subjectField} is not the Patient`);
    }
    const codeField = CODE_FIELD[r.resourceType];
    if (codeField && !hasCoding(r[codeField])) problems.push(`${where}: no coded ${codeField}`);
  }
  for (const e of entries) {
    for (const target of references(e.resource)) {
      if (!urls.has(target)) {
        problems.push(
          `${e.resource?.resourceType}/${e.resource?.id}: reference ${target} is not in the Bundle`,
        );
      }
    }
  }
  return problems;
}
