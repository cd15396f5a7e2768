/**
 * The facts of a discharge summary, read from the record (CLINICAL.md §5; the shape is in
 * shared/domain/dischargeSummary.ts). Only signed records count: a draft note, assessment or plan is not yet part of
 * the record. Medications are those current on the discharge date (today while it is not yet chosen).
 */
import type { Assessment } from '../../shared/domain/assessments';
import type { Client } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import type { DischargeFacts } from '../../shared/domain/dischargeSummary';
import { LEVEL_LABELS } from '../../shared/domain/levelOfCare';
import { isCurrent, medicationSummary } from '../../shared/domain/medications';
import { PLAN_ITEM_STATUS_LABELS } from '../../shared/domain/treatmentPlans';
import { sudDiagnosesBySubstance } from '../../shared/domain/sudDiagnoses';
import { bandLabel, getInstrument, type BandId, type ScoredInstrumentId } from '../../shared/instruments';
import { RISK_REVIEW_RATINGS, riskReview } from '../../shared/instruments/riskReview';
import type { Db } from '../db/connection';
import { listAssessments } from '../db/repositories/assessments';
import {
  lastServiceOn,
  signedMatContactCount,
  signedSessionCounts,
} from '../db/repositories/dischargeSources';
import { getIntake } from '../db/repositories/intake';
import { listDecisions } from '../db/repositories/levelOfCare';
import { listMedications } from '../db/repositories/medications';
import { latestSignedRecoveryPlanRow } from '../db/repositories/recoveryPlans';
import { listPlanVersions } from '../db/repositories/treatmentPlans';

type Scored = Assessment & { input: { instrumentId: ScoredInstrumentId } };

const signedScored = (all: readonly Assessment[]): Scored[] =>
  all.filter(
    (a): a is Scored =>
      a.signedAtMs !== null && a.score !== null && a.input.instrumentId !== 'suicide-screen',
  );

const point = (a: Scored) => ({
  on: localDate(a.input.administeredAtMs),
  total: a.score!.total,
  band: a.score!.band === null ? '' : bandLabel(a.input.instrumentId, a.score!.band as BandId),
});

/** First and latest signed score of each instrument, in the instruments' own order of first use. */
export function instrumentTrends(assessments: readonly Assessment[]): DischargeFacts['instruments'] {
  const byInstrument = new Map<ScoredInstrumentId, Scored[]>();
  for (const a of signedScored(assessments)) {
    byInstrument.set(a.input.instrumentId, [...(byInstrument.get(a.input.instrumentId) ?? []), a]);
  }
  return [...byInstrument].map(([id, list]) => {
    const sorted = [...list].sort((x, y) => x.input.administeredAtMs - y.input.administeredAtMs);
    return {
      instrumentId: id,
      title: getInstrument(id).shortTitle,
      administrations: sorted.length,
      first: point(sorted[0]!),
      latest: point(sorted[sorted.length - 1]!),
    };
  });
}

/** One diagnosis per substance (shared/domain/sudDiagnoses.ts), with the severity it had before any remission. */
export function diagnoses(assessments: readonly Assessment[]): DischargeFacts['diagnoses'] {
  return sudDiagnosesBySubstance(assessments).map((dx) => ({
    code: dx.code,
    text: dx.text,
    severity: dx.severity,
    remission: dx.remission === null ? 'Not in remission' : `In ${dx.remission} remission`,
    on: localDate(dx.checklist.input.administeredAtMs),
    notMetOn: dx.laterNotMetOn === null ? null : localDate(dx.laterNotMetOn),
  }));
}

function levelOfCare(db: Db, clientId: string): DischargeFacts['levelOfCare'] {
  const [latest] = listDecisions(db, clientId);
  if (!latest) return null;
  return {
    level: LEVEL_LABELS[latest.decision.level],
    decidedOn: localDate(latest.decidedAtMs),
    reason: latest.decision.reason,
    dimensions: riskReview.dimensions.map((d) => {
      const entry = latest.decision.dimensionRatings[d.id];
      const rating = RISK_REVIEW_RATINGS.find((r) => r.value === entry?.rating);
      return {
        label: d.label,
        rating: rating ? `${rating.value} – ${rating.label}` : 'Not rated',
        note: entry?.note ?? '',
      };
    }),
  };
}

export function dischargeFacts(
  db: Db,
  client: Client,
  dischargedOn: string | null,
  today: string,
): DischargeFacts {
  const counts = new Map(signedSessionCounts(db, client.id).map((r) => [r.session_type, r.n]));
  const assessments = listAssessments(db, client.id);
  const [plan] = listPlanVersions(db, client.id);
  const aftercare = latestSignedRecoveryPlanRow(db, client.id, 'aftercare');
  const on = dischargedOn ?? today;
  return {
    admissionDate: client.admissionDate,
    lastServiceOn: lastServiceOn(db, client.id),
    recordedDischarge: client.discharge
      ? { dischargedOn: client.discharge.dischargedOn, type: client.discharge.type }
      : null,
    services: {
      individual: counts.get('individual') ?? 0,
      group: counts.get('group') ?? 0,
      family: counts.get('family') ?? 0,
      other: (counts.get('intake') ?? 0) + (counts.get('crisis') ?? 0),
      matContacts: signedMatContactCount(db, client.id),
    },
    treatmentPlanVersion: plan?.version ?? null,
    goals: (plan?.plan.problems ?? []).flatMap((p) =>
      p.goals.map((g) => ({
        id: g.id,
        problem: p.text,
        text: g.text,
        status: PLAN_ITEM_STATUS_LABELS[g.status],
      })),
    ),
    instruments: instrumentTrends(assessments),
    diagnoses: diagnoses(assessments),
    levelOfCare: levelOfCare(db, client.id),
    medications: listMedications(db, client.id)
      .filter((m) => isCurrent(m.current.medication, on))
      .map((m) => ({
        summary: medicationSummary(m.current.medication),
        prescriber: m.current.medication.prescriber,
        pharmacy: m.current.medication.pharmacy,
      })),
    aftercarePlan: aftercare?.signed_at_ms
      ? { id: aftercare.id, version: aftercare.version, signedOn: localDate(aftercare.signed_at_ms) }
      : null,
  };
}

/** The intake's reasons for seeking care: the presenting problem a new summary starts from. */
export function presentingProblemFromIntake(db: Db, clientId: string): string {
  return getIntake(db, clientId).sections.reasons?.reasons ?? '';
}
