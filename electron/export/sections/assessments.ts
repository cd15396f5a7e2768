/**
 * Signed assessments. Each scored one is a QuestionnaireResponse (the raw answers) and an Observation (the total and
 * band), coded as CLINICAL.md §2 gives: LOINC for PHQ-9 (panel 44249-1, total 44261-6, item 9 44260-8), GAD-7
 * (70274-6) and AUDIT-C (75626-2); the local instrument code system for COWS, SOWS and the SUD checklist. Each
 * substance's diagnosis from its signed SUD checklists is a Condition (ICD-10-CM, kratom as "other substance"), read
 * as the discharge summary reads it. Drafts are not part of the record and are not exported.
 */
import { listAssessments } from '../../db/repositories/assessments';
import { getInstrument, type ScoredInstrumentDefinition } from '../../../shared/instruments';
import { sudDiagnosesBySubstance } from '../../../shared/domain/sudDiagnoses';
import type { Assessment } from '../../../shared/domain/assessments';
import { fhirId, ICD10CM_SYSTEM, instant, labelled, ref } from '../fhir';
import { counted, type ExportContext, type ExportSection, type FhirResource } from '../types';

type Scored = Assessment & {
  input: Extract<Assessment['input'], { instrumentId: string; answers: unknown }>;
};

const isScored = (a: Assessment): a is Scored =>
  a.input.instrumentId !== 'suicide-screen' && a.score !== null;

function bandLabel(def: ScoredInstrumentDefinition, band: string | null): string {
  if (!def.bands || band === null) return '';
  const all = [...def.bands.default, ...Object.values(def.bands.bySex ?? {}).flat()];
  return all.find((b) => b.id === band)?.label ?? band;
}

/** The questionnaire an administration answers: LOINC's canonical form where there is a LOINC panel. */
function questionnaireUrl(def: ScoredInstrumentDefinition): string {
  return def.coding.system === 'http://loinc.org' && def.coding.panel
    ? `http://loinc.org/q/${def.coding.panel}|${def.version}`
    : `urn:clearleaf:questionnaire:${def.id}|${def.version}`;
}

function answerValue(a: unknown): Record<string, unknown> | null {
  if (typeof a === 'number') return { valueInteger: a };
  if (typeof a === 'boolean') return { valueBoolean: a };
  return null;
}

function scoredResources(ctx: ExportContext, a: Scored): FhirResource[] {
  const def = getInstrument(a.input.instrumentId);
  const score = a.score!;
  const qrId = fhirId('QuestionnaireResponse', a.id);
  const when = instant(a.input.administeredAtMs);
  const subject = ref(ctx.refs.patient);
  const qr = labelled({
    resourceType: 'QuestionnaireResponse',
    id: qrId,
    questionnaire: questionnaireUrl(def),
    status: 'completed',
    subject,
    authored: when,
    item: def.items.map((item, i) => {
      const v = answerValue(a.input.answers[i]);
      return { linkId: item.id, text: item.label, ...(v ? { answer: [v] } : {}) };
    }),
  });
  const components = def.items.flatMap((item, i) => {
    const v = answerValue(a.input.answers[i]);
    return item.code && v
      ? [{ code: { coding: [{ system: def.coding.system, code: item.code, display: item.label }] }, ...v }]
      : [];
  });
  const band = bandLabel(def, score.band);
  const obs = labelled({
    resourceType: 'Observation',
    id: fhirId('Observation', a.id),
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'survey',
            display: 'Survey',
          },
        ],
      },
    ],
    code: {
      coding: [
        { system: def.coding.system, code: def.coding.total ?? def.id, display: `${def.shortTitle} total` },
      ],
      text: `${def.title} total`,
    },
    subject,
    effectiveDateTime: when,
    issued: instant(a.signedAtMs ?? a.updatedAtMs),
    ...(score.total === null
      ? { dataAbsentReason: { text: 'Incomplete: not every scored item was answered' } }
      : { valueInteger: score.total }),
    interpretation: band ? [{ text: band }] : [],
    note: score.flags.length ? [{ text: `Flags: ${score.flags.join(', ')}` }] : [],
    derivedFrom: [ref(qrId)],
    component: components,
  });
  return [qr, obs];
}

/** One Condition per substance (shared/domain/sudDiagnoses.ts), as the discharge summary lists them. */
function conditions(ctx: ExportContext, signed: readonly Assessment[]): FhirResource[] {
  return sudDiagnosesBySubstance(signed).map((dx) =>
    labelled({
      resourceType: 'Condition',
      id: fhirId('Condition', dx.checklist.id),
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
            code: dx.remission !== null ? 'remission' : 'active',
          },
        ],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' },
          ],
        },
      ],
      severity: { text: dx.severity },
      code: {
        coding: [{ system: ICD10CM_SYSTEM, code: dx.code, display: dx.text }],
        text: dx.text,
      },
      subject: ref(ctx.refs.patient),
      recordedDate: instant(dx.checklist.signedAtMs ?? dx.checklist.input.administeredAtMs),
      evidence: [{ detail: [ref(fhirId('Observation', dx.checklist.id))] }],
    }),
  );
}

function answersText(a: Assessment): string {
  if (a.input.instrumentId === 'suicide-screen') return JSON.stringify(a.input.record.answers);
  return a.input.answers.map((v) => (v === null ? '' : String(v))).join(';');
}

export const assessmentsSection: ExportSection = {
  id: 'assessments',
  label: 'Assessments',
  collect(ctx) {
    const signed = listAssessments(ctx.db, ctx.client.id).filter((a) => a.signedAtMs !== null);
    const scored = signed.filter(isScored);
    return {
      resources: [...scored.flatMap((a) => scoredResources(ctx, a)), ...conditions(ctx, signed)],
      tables: [
        {
          file: 'csv/assessments.csv',
          description:
            'Signed assessments: one row per administration with the raw answers in item order (";"-separated; the suicide-risk screen as JSON), total, band, flags and the clinician’s risk level.',
          columns: [
            'assessment_id',
            'instrument',
            'instrument_version',
            'administered_at_utc',
            'administered_by',
            'signed_at_utc',
            'answers',
            'total',
            'band',
            'flags',
            'risk_level',
            'notes',
          ],
          rows: signed.map((a) => [
            a.id,
            a.input.instrumentId,
            a.instrumentVersion,
            instant(a.input.administeredAtMs),
            a.administeredByName,
            a.signedAtMs === null ? null : instant(a.signedAtMs),
            answersText(a),
            a.score?.total ?? null,
            a.score?.band ?? null,
            a.score?.flags.join(';') ?? null,
            a.input.instrumentId === 'suicide-screen' ? a.input.record.riskLevel : null,
            a.input.notes,
          ]),
        },
      ],
      pdfs: [],
      summary: counted(signed.length, 'signed assessment'),
    };
  },
};
