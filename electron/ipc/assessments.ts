/**
 * Assessments, level-of-care support and red-flag alerts. Scores are computed here from the raw answers by the
 * instrument engine, never taken from the renderer. Safety flags raise alerts in the same transaction as the save.
 */
import { randomUUID } from 'node:crypto';
import {
  ALERT_KIND_LABELS,
  RED_FLAG_SYMPTOM_LABELS,
  type AlertKind,
  type RedFlagSymptom,
} from '../../shared/domain/alerts';
import type { AssessmentInput } from '../../shared/domain/assessments';
import type { Client } from '../../shared/domain/clients';
import {
  dimensionsWithoutRatingOrReason,
  levelOfCareCriteria,
  suggestedLevel,
} from '../../shared/domain/levelOfCare';
import { baselineSummary } from '../../shared/domain/useLog';
import {
  getInstrument,
  scoreInstrument,
  suicideScreen,
  suicideScreenFlags,
  type InstrumentContext,
} from '../../shared/instruments';
import { AppError, fieldError } from '../errors';
import { acknowledgeAlert, getAlert, listAlerts, raiseAlert } from '../db/repositories/alerts';
import {
  deleteAssessment,
  getAssessment,
  insertAssessment,
  latestTotal,
  listAssessments,
  signAssessment,
  updateAssessment,
  type AssessmentWrite,
} from '../db/repositories/assessments';
import { getIntake } from '../db/repositories/intake';
import { latestSignedRecoveryPlanRow } from '../db/repositories/recoveryPlans';
import { insertDecision, listDecisions } from '../db/repositories/levelOfCare';
import { listUseLog } from '../db/repositories/useLog';
import type { Db } from '../db/connection';
import { requireClient } from './clients';
import type { DomainHandlers, SessionDeps } from './types';

const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Scores the answers; a value outside an item's allowed set comes back as an input error on the answers.
 * AUDIT-C's threshold depends on sex, which is taken from the client record here, never from the submitted form
 * (issue 8 item 8): the stored context says what the score was computed with.
 */
function prepare(input: AssessmentInput, client: Pick<Client, 'sex'>): AssessmentWrite {
  if (input.instrumentId === 'suicide-screen') {
    return {
      input,
      version: suicideScreen.version,
      score: null,
      flags: suicideScreenFlags(input.record.answers),
    };
  }
  const recordSex = client.sex === 'female' || client.sex === 'male' ? client.sex : null;
  input = {
    ...input,
    context: { ...input.context, sex: input.instrumentId === 'auditc' ? recordSex : null },
    sud: input.instrumentId === 'sud' ? input.sud : null,
  };
  // Issue 8 item 5: a checklist is for one substance, and its code depends on which.
  if (input.instrumentId === 'sud' && input.sud === null) {
    throw fieldError(
      'INVALID_INPUT',
      'assessment.sud.substance',
      'Choose the substance this checklist is for.',
    );
  }
  const context: InstrumentContext = {};
  if (input.context.sex !== null) context.sex = input.context.sex;
  if (input.context.underMedicalSupervision !== null)
    context.underMedicalSupervision = input.context.underMedicalSupervision;
  try {
    const score = scoreInstrument(input.instrumentId, input.answers, context);
    return { input, version: getInstrument(input.instrumentId).version, score, flags: score.flags };
  } catch (err) {
    if (err instanceof RangeError) throw fieldError('INVALID_INPUT', 'assessment.answers', err.message);
    throw err;
  }
}

function raiseSafetyAlerts(db: Db, ctx: SessionDeps, clientId: string, id: string, w: AssessmentWrite): void {
  const now = ctx.practice.clock.now();
  const raise = (kind: AlertKind, detail: string, symptoms: RedFlagSymptom[] = []) => {
    const alertId = randomUUID();
    const alert = { id: alertId, clientId, kind, symptoms, detail, sourceType: 'assessment', sourceId: id };
    if (raiseAlert(db, alert, ctx.user.id, now)) {
      ctx.practice.audit({ action: 'raise', entity: 'alert', entityId: alertId });
    }
  };
  if (w.input.instrumentId === 'phq9' && w.score?.flags.includes('suicide-risk')) {
    raise('phq9-item9', ALERT_KIND_LABELS['phq9-item9']);
  }
  if (w.input.instrumentId !== 'suicide-screen') return;
  if (w.input.record.riskLevel === 'high' || w.flags.includes('high-risk-rule')) {
    raise('suicide-screen-high', ALERT_KIND_LABELS['suicide-screen-high']);
  } else if (w.flags.includes('recent-suicidal-thoughts')) {
    // Suicidal thoughts are an urgent red flag (CLINICAL.md §4) even when the screen is not high risk.
    raise('red-flag-symptom', 'Suicide-risk screen: suicidal thoughts in the past 3 months', [
      'suicidal-thoughts',
    ]);
  }
}

function requireAssessment(db: Db, id: string) {
  const a = getAssessment(db, id);
  if (!a) throw new AppError('NOT_FOUND', 'That assessment is not in this practice.');
  return a;
}

export const assessmentHandlers: DomainHandlers<'assessments'> = {
  'assessments.list': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return listAssessments(db, clientId);
  },
  'assessments.save': ({ clientId, id, assessment }, ctx) => {
    const { db, practice, user } = ctx;
    const client = requireClient(db, clientId);
    if (assessment.administeredAtMs > practice.clock.now() + CLOCK_SKEW_MS) {
      throw fieldError(
        'INVALID_INPUT',
        'assessment.administeredAtMs',
        'An assessment cannot be dated in the future.',
      );
    }
    const write = prepare(assessment, client);
    const assessmentId = id ?? randomUUID();
    db.transaction(() => {
      if (id === null) {
        insertAssessment(db, assessmentId, clientId, write, user.id, practice.clock.now());
        practice.audit({ action: 'create', entity: 'assessment', entityId: assessmentId });
      } else {
        const existing = requireAssessment(db, id);
        if (existing.clientId !== clientId)
          throw new AppError('FORBIDDEN', 'That assessment belongs to another client.');
        if (existing.signedAtMs !== null)
          throw new AppError('CONFLICT', 'This assessment is signed and cannot change.');
        if (existing.input.instrumentId !== assessment.instrumentId) {
          throw new AppError('CONFLICT', 'An assessment cannot change to another instrument.');
        }
        updateAssessment(db, id, write, practice.clock.now());
        practice.audit({ action: 'update', entity: 'assessment', entityId: id });
      }
      raiseSafetyAlerts(db, ctx, clientId, assessmentId, write);
    })();
    return requireAssessment(db, assessmentId);
  },
  'assessments.sign': async ({ id, passphrase }, { db, practice, user }) => {
    const existing = requireAssessment(db, id);
    if (existing.signedAtMs !== null) throw new AppError('CONFLICT', 'This assessment is already signed.');
    await practice.reauthenticate(passphrase, 'passphrase');
    db.transaction(() => {
      signAssessment(db, id, user.id, practice.clock.now());
      practice.audit({ action: 'sign', entity: 'assessment', entityId: id });
    })();
    return requireAssessment(db, id);
  },
  'assessments.delete': ({ id }, { db, practice }) => {
    const existing = requireAssessment(db, id);
    if (existing.signedAtMs !== null)
      throw new AppError('CONFLICT', 'A signed assessment cannot be deleted.');
    db.transaction(() => {
      deleteAssessment(db, id);
      practice.audit({ action: 'delete', entity: 'assessment', entityId: id });
    })();
    return { deleted: true };
  },
};

/** Alert kinds and red-flag symptoms that are suicide risk (CLINICAL.md §4). */
const SUICIDE_ALERT_KINDS: readonly AlertKind[] = [
  'phq9-item9',
  'suicide-screen-high',
  'intake-suicidal-thoughts',
];
const SUICIDE_SYMPTOMS: readonly RedFlagSymptom[] = ['suicidal-thoughts', 'self-harm-urges'];

function levelOfCareInputs(db: Db, clientId: string) {
  const entries = listUseLog(db, clientId);
  const openSuicideAlert = listAlerts(db, clientId).find(
    (a) =>
      a.acknowledgement === null &&
      (SUICIDE_ALERT_KINDS.includes(a.kind) || a.symptoms.some((s) => SUICIDE_SYMPTOMS.includes(s))),
  );
  return {
    intake: getIntake(db, clientId),
    baseline: entries.length > 0 ? baselineSummary(entries) : null,
    latest: {
      phq9Total: latestTotal(db, clientId, 'phq9')?.total ?? null,
      gad7Total: latestTotal(db, clientId, 'gad7')?.total ?? null,
      sudBand: latestTotal(db, clientId, 'sud')?.band ?? null,
      openSuicideAlert: openSuicideAlert
        ? openSuicideAlert.detail || ALERT_KIND_LABELS[openSuicideAlert.kind]
        : null,
    },
  };
}

export const levelOfCareHandlers: DomainHandlers<'levelOfCare'> = {
  'levelOfCare.get': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    const criteria = levelOfCareCriteria(levelOfCareInputs(db, clientId));
    return { criteria, suggested: suggestedLevel(criteria), decisions: listDecisions(db, clientId) };
  },
  'levelOfCare.decide': ({ clientId, decision }, { db, practice, user }) => {
    requireClient(db, clientId);
    const criteria = levelOfCareCriteria(levelOfCareInputs(db, clientId));
    const known = new Set(criteria.map((c) => c.id));
    const unknownJudgement = Object.keys(decision.judgements).find((k) => !known.has(k));
    if (unknownJudgement)
      throw fieldError('INVALID_INPUT', 'decision.judgements', 'A judgement names an unknown criterion.');
    const unreviewed = dimensionsWithoutRatingOrReason(decision.dimensionRatings);
    if (unreviewed.length > 0) {
      throw fieldError(
        'INVALID_INPUT',
        'decision.dimensionRatings',
        `Rate each dimension of the risk review, or write in its note why it was not rated: ${unreviewed.join(', ')}.`,
      );
    }
    const id = randomUUID();
    db.transaction(() => {
      insertDecision(
        db,
        id,
        clientId,
        decision,
        suggestedLevel(criteria, decision.judgements),
        criteria,
        user.id,
        practice.clock.now(),
      );
      practice.audit({ action: 'decide', entity: 'level-of-care', entityId: id });
    })();
    const saved = listDecisions(db, clientId).find((d) => d.id === id);
    if (!saved) throw new AppError('INTERNAL', 'The decision was not saved.');
    return saved;
  },
};

export const alertHandlers: DomainHandlers<'alerts'> = {
  'alerts.list': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return listAlerts(db, clientId);
  },
  'alerts.recordRedFlag': ({ clientId, record }, { db, practice, user }) => {
    requireClient(db, clientId);
    if (record.observedAtMs > practice.clock.now() + CLOCK_SKEW_MS) {
      throw fieldError('INVALID_INPUT', 'record.observedAtMs', 'The time observed cannot be in the future.');
    }
    const id = randomUUID();
    const detail = [record.symptoms.map((s) => RED_FLAG_SYMPTOM_LABELS[s]).join(', '), record.note]
      .filter(Boolean)
      .join(' — ');
    db.transaction(() => {
      raiseAlert(
        db,
        {
          id,
          clientId,
          kind: 'red-flag-symptom',
          symptoms: record.symptoms,
          detail,
          sourceType: 'red-flag',
          sourceId: id,
        },
        user.id,
        record.observedAtMs,
      );
      practice.audit({ action: 'raise', entity: 'alert', entityId: id });
    })();
    return getAlert(db, id) ?? notFound();
  },
  'alerts.acknowledge': ({ id, acknowledgement }, { db, practice, user }) => {
    const existing = getAlert(db, id) ?? notFound();
    if (existing.acknowledgement) throw new AppError('CONFLICT', 'This alert was already acknowledged.');
    // "Safety plan made or reviewed" names the signed safety-plan version that was made or reviewed (issue 11).
    let safetyPlanId: string | null = null;
    if (acknowledgement.actions.includes('safety-plan')) {
      const plan = latestSignedRecoveryPlanRow(db, existing.clientId, 'safety');
      if (!plan) {
        throw fieldError(
          'INVALID_INPUT',
          'acknowledgement.actions',
          'This client has no signed safety plan. Write and sign it on the Plans tab, then acknowledge.',
        );
      }
      safetyPlanId = plan.id;
    }
    db.transaction(() => {
      acknowledgeAlert(db, id, acknowledgement, user.id, practice.clock.now(), safetyPlanId);
      practice.audit({ action: 'acknowledge', entity: 'alert', entityId: id });
    })();
    return getAlert(db, id) ?? notFound();
  },
};

function notFound(): never {
  throw new AppError('NOT_FOUND', 'That alert is not in this practice.');
}
