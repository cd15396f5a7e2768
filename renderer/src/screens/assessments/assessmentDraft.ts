/**
 * An assessment form as typed, and its conversion to what the server stores. Answers are kept exactly as given
 * (one entry per item, `null` while unanswered), times stay as `datetime-local` text until sent, so a half-typed
 * value is never lost. The live score uses the same `scoreInstrument` the server uses, so the number on screen
 * is the number that will be saved.
 */
import {
  hoursSinceLastDose,
  type Assessment,
  type AssessmentInput,
  type AssessmentKind,
  type InductionTimePoint,
} from '../../../../shared/domain/assessments';
import {
  getInstrument,
  scoreInstrument,
  suicideScreenStatus,
  type Answer,
  type InstrumentContext,
  type InstrumentScore,
  type ProtectiveFactorId,
  type ScoredInstrumentId,
  type Sex,
  type SuicideRiskLevel,
  type SuicideScreenAnswers,
  type SuicideScreenItemId,
  type SuicideTiming,
  type SudDetails,
  type SudSubstance,
} from '../../../../shared/instruments';
import { VITAL_RANGES, type Vitals } from '../../../../shared/domain/vitals';
import { fromDateTimeLocal, toDateTimeLocal } from '../chart/dates';
import { isScoredKind } from './instrumentText';

export interface ScoredDraft {
  kind: 'scored';
  instrumentId: ScoredInstrumentId;
  answers: Answer[];
  /** SUD checklist only: tolerance and withdrawal are then recorded but not counted. */
  underMedicalSupervision: boolean;
  /** SUD checklist only: the substance checked and a remission specifier, as chosen ('' = not chosen). */
  sud: SudDraft;
  /** COWS/SOWS only. */
  lastDoseAt: string;
  timePoint: InductionTimePoint | '';
  /** COWS/SOWS only: vital signs as typed (numbers are converted when sent, so "37." is never lost). */
  vitals: VitalsDraft;
  administeredAt: string;
  notes: string;
}

export interface VitalsDraft {
  systolic: string;
  diastolic: string;
  heartRate: string;
  temperatureC: string;
}

const NO_VITALS_DRAFT: VitalsDraft = { systolic: '', diastolic: '', heartRate: '', temperatureC: '' };

export interface ScreenDraft {
  kind: 'screen';
  responses: Partial<Record<SuicideScreenItemId, SuicideTiming | null>>;
  behaviourDetail: string;
  protectiveFactors: ProtectiveFactorId[];
  protectiveNote: string;
  riskLevel: SuicideRiskLevel | null;
  rationale: string;
  administeredAt: string;
  notes: string;
}

export interface SudDraft {
  substance: SudSubstance | '';
  substanceName: string;
  remission: 'early' | 'sustained' | '';
  severityBeforeRemission: 'mild' | 'moderate-severe' | '';
}
const NO_SUD: SudDraft = { substance: '', substanceName: '', remission: '', severityBeforeRemission: '' };

export type Draft = ScoredDraft | ScreenDraft;

export const isWithdrawal = (id: ScoredInstrumentId): boolean => id === 'cows' || id === 'sows';

/** A blank form: now, and for a withdrawal rating the last dose recorded at intake when there is one. */
export function newDraft(kind: AssessmentKind, nowMs: number, intakeLastDoseAtMs: number | null): Draft {
  const administeredAt = toDateTimeLocal(nowMs);
  if (!isScoredKind(kind)) {
    return {
      kind: 'screen',
      responses: {},
      behaviourDetail: '',
      protectiveFactors: [],
      protectiveNote: '',
      riskLevel: null,
      rationale: '',
      administeredAt,
      notes: '',
    };
  }
  return {
    kind: 'scored',
    instrumentId: kind,
    answers: getInstrument(kind).items.map(() => null),
    underMedicalSupervision: false,
    sud: NO_SUD,
    lastDoseAt: isWithdrawal(kind) && intakeLastDoseAtMs !== null ? toDateTimeLocal(intakeLastDoseAtMs) : '',
    timePoint: '',
    vitals: { ...NO_VITALS_DRAFT },
    administeredAt,
    notes: '',
  };
}

/** The form for a saved administration (a PHQ-9 saved without its optional 10th answer gets a blank one). */
export function draftOf(a: Assessment): Draft {
  const input = a.input;
  const administeredAt = toDateTimeLocal(input.administeredAtMs);
  if (input.instrumentId === 'suicide-screen') {
    const { answers, riskLevel, rationale } = input.record;
    return {
      kind: 'screen',
      responses: { ...answers.responses },
      behaviourDetail: answers.behaviourDetail ?? '',
      protectiveFactors: [...(answers.protectiveFactors ?? [])],
      protectiveNote: answers.protectiveNote ?? '',
      riskLevel,
      rationale,
      administeredAt,
      notes: input.notes,
    };
  }
  const items = getInstrument(input.instrumentId).items;
  return {
    kind: 'scored',
    instrumentId: input.instrumentId,
    answers: items.map((_, i) => input.answers[i] ?? null),
    underMedicalSupervision: input.context.underMedicalSupervision === true,
    sud: input.sud
      ? {
          substance: input.sud.substance,
          substanceName: input.sud.substanceName,
          remission: input.sud.remission ?? '',
          severityBeforeRemission: input.sud.severityBeforeRemission ?? '',
        }
      : NO_SUD,
    lastDoseAt: input.lastDoseAtMs === null ? '' : toDateTimeLocal(input.lastDoseAtMs),
    timePoint: input.timePoint ?? '',
    vitals: input.vitals
      ? {
          systolic: numText(input.vitals.systolic),
          diastolic: numText(input.vitals.diastolic),
          heartRate: numText(input.vitals.heartRate),
          temperatureC: numText(input.vitals.temperatureC),
        }
      : { ...NO_VITALS_DRAFT },
    administeredAt,
    notes: input.notes,
  };
}

/** The scoring context the server will build from the input: sex for AUDIT-C, supervision for the SUD list. */
export function contextFor(d: ScoredDraft, sex: Sex | null): AssessmentContext {
  return {
    sex: d.instrumentId === 'auditc' ? sex : null,
    underMedicalSupervision: d.instrumentId === 'sud' ? d.underMedicalSupervision : null,
  };
}
type AssessmentContext = Extract<AssessmentInput, { instrumentId: ScoredInstrumentId }>['context'];

/** The live score of the answers as they stand; null if the answers cannot be scored (never from this form). */
export function liveScore(d: ScoredDraft, sex: Sex | null): InstrumentScore | null {
  const ctx = contextFor(d, sex);
  const context: InstrumentContext = {};
  if (ctx.sex !== null) context.sex = ctx.sex;
  if (ctx.underMedicalSupervision !== null) context.underMedicalSupervision = ctx.underMedicalSupervision;
  try {
    return scoreInstrument(d.instrumentId, d.answers, context);
  } catch {
    return null;
  }
}

/** Whether every counted item (or every screen item) is answered, as the form stands. */
export function draftComplete(d: Draft, sex: Sex | null = null): boolean {
  return d.kind === 'screen'
    ? suicideScreenStatus(screenAnswers(d)) === 'complete'
    : liveScore(d, sex)?.status === 'complete';
}

export function screenAnswers(d: ScreenDraft): SuicideScreenAnswers {
  return {
    responses: d.responses,
    behaviourDetail: d.behaviourDetail,
    protectiveFactors: d.protectiveFactors,
    protectiveNote: d.protectiveNote,
  };
}

export interface LocalFieldError {
  path: string;
  message: string;
}

/**
 * What to send, or the fields that cannot be read as typed (a missing or broken date-time). Everything else —
 * allowed values, a date in the future, the high-risk rule — is the server's to refuse, with its own words.
 */
export function toInput(
  d: Draft,
  sex: Sex | null,
): { input: AssessmentInput } | { errors: LocalFieldError[] } {
  const errors: LocalFieldError[] = [];
  const administeredAtMs = fromDateTimeLocal(d.administeredAt);
  if (administeredAtMs === null) {
    errors.push({ path: 'assessment.administeredAtMs', message: 'Enter when it was administered.' });
  }
  if (d.kind === 'screen') {
    if (administeredAtMs === null) return { errors };
    return {
      input: {
        instrumentId: 'suicide-screen',
        record: { answers: screenAnswers(d), riskLevel: d.riskLevel, rationale: d.rationale },
        administeredAtMs,
        notes: d.notes,
      },
    };
  }
  const withdrawal = isWithdrawal(d.instrumentId);
  const lastDoseAtMs = withdrawal && d.lastDoseAt !== '' ? fromDateTimeLocal(d.lastDoseAt) : null;
  if (withdrawal && d.lastDoseAt !== '' && lastDoseAtMs === null) {
    errors.push({ path: 'assessment.lastDoseAtMs', message: 'Enter the date and time of the last dose.' });
  }
  const vitals = withdrawal ? vitalsOf(d.vitals, errors) : null;
  if (administeredAtMs === null || errors.length > 0) return { errors };
  return {
    input: {
      instrumentId: d.instrumentId,
      answers: [...d.answers],
      context: contextFor(d, sex),
      lastDoseAtMs,
      timePoint: withdrawal && d.timePoint !== '' ? d.timePoint : null,
      sud: sudInput(d),
      vitals,
      administeredAtMs,
      notes: d.notes,
    },
  };
}

/** The SUD details to send: null until a substance is chosen (the server then asks for it). */
export function sudInput(d: ScoredDraft): SudDetails | null {
  if (d.instrumentId !== 'sud' || d.sud.substance === '') return null;
  return {
    substance: d.sud.substance,
    substanceName: d.sud.substanceName.trim(),
    remission: d.sud.remission === '' ? null : d.sud.remission,
    severityBeforeRemission: d.sud.severityBeforeRemission === '' ? null : d.sud.severityBeforeRemission,
  };
}

/** Hours from the last dose to the rating as typed, for the form's live hint. */
export function draftHoursSinceLastDose(d: ScoredDraft): number | null {
  const administeredAtMs = fromDateTimeLocal(d.administeredAt);
  const lastDoseAtMs = d.lastDoseAt === '' ? null : fromDateTimeLocal(d.lastDoseAt);
  if (administeredAtMs === null || lastDoseAtMs === null) return null;
  return hoursSinceLastDose({
    input: {
      instrumentId: d.instrumentId,
      answers: [],
      context: { sex: null, underMedicalSupervision: null },
      lastDoseAtMs,
      timePoint: null,
      sud: null,
      vitals: null,
      administeredAtMs,
      notes: '',
    },
  });
}

const numText = (n: number | null): string => (n === null ? '' : String(n));

/**
 * The vitals to send: null when none were typed; a value that is not a number is refused here, beside its field.
 * Ranges are the server's to refuse (shared/domain/vitals.ts), with its own words.
 */
export function vitalsOf(v: VitalsDraft, errors: LocalFieldError[]): Vitals | null {
  const keys = ['systolic', 'diastolic', 'heartRate', 'temperatureC'] as const;
  if (keys.every((k) => v[k].trim() === '')) return null;
  const out: Vitals = { systolic: null, diastolic: null, heartRate: null, temperatureC: null };
  for (const k of keys) {
    const text = v[k].trim().replace(',', '.');
    if (text === '') continue;
    const n = Number(text);
    if (!Number.isFinite(n)) {
      errors.push({ path: `assessment.vitals.${k}`, message: `${VITAL_RANGES[k].label} must be a number.` });
    } else out[k] = n;
  }
  return out;
}
