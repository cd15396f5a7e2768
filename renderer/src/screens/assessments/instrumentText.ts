/**
 * What the screens say about an instrument and a result: names, band and flag wording, and the one-line result of
 * an administration. Every word about a band comes from the instrument definition, so the screen and the score can
 * never disagree; the flag sentences are ours and say what to do, not only what fired.
 */
import type { Assessment, AssessmentKind } from '../../../../shared/domain/assessments';
import {
  bandLabel,
  getInstrument,
  suicideScreen,
  suicideScreenStatus,
  sudDiagnosis,
  SUD_SUBSTANCE_LABELS,
  type BandId,
  type FlagId,
  type InstrumentScore,
  type ScoredInstrumentId,
  type Sex,
  type SuicideRiskLevel,
} from '../../../../shared/instruments';
import { isCounted } from '../../../../shared/instruments/score';

/** The order of the "New assessment" buttons: withdrawal ratings first, then mood, alcohol, SUD, safety. */
export const ASSESSMENT_KINDS: readonly AssessmentKind[] = [
  'cows',
  'sows',
  'phq9',
  'gad7',
  'auditc',
  'sud',
  'suicide-screen',
];

export const WITHDRAWAL_KINDS = ['cows', 'sows'] as const satisfies readonly ScoredInstrumentId[];

export function isScoredKind(kind: AssessmentKind): kind is ScoredInstrumentId {
  return kind !== 'suicide-screen';
}

export function shortName(kind: AssessmentKind): string {
  return kind === 'suicide-screen' ? 'Suicide-risk screen' : getInstrument(kind).shortTitle;
}

export function fullName(kind: AssessmentKind): string {
  return kind === 'suicide-screen' ? suicideScreen.title : getInstrument(kind).title;
}

export { bandLabel };

export const FLAG_TEXT: Record<FlagId, string> = {
  'suicide-risk': 'Thoughts of death or self-harm endorsed (item 9): a suicide-risk alert is raised on save.',
  'sex-not-recorded': 'Sex not recorded on the client record: the lower threshold (3) is used.',
  'points-from-frequency-only': 'All points come from how often they drink: drinking may be within limits.',
  'tolerance-withdrawal-excluded':
    'Tolerance or withdrawal endorsed but not counted: the substance is taken under medical supervision.',
};

/** Flags that are a safety matter, shown in red; the rest are notes on how the score was read. */
export const URGENT_FLAGS: ReadonlySet<FlagId> = new Set(['suicide-risk']);

/** The client record's sex as the AUDIT-C needs it: female or male, otherwise not recorded. */
export function scoringSex(sex: string): Sex | null {
  return sex === 'female' || sex === 'male' ? sex : null;
}

/** Counted items still unanswered (an excluded or unscored item is never "missing"). */
export function unansweredCount(
  instrumentId: ScoredInstrumentId,
  answers: readonly (number | boolean | null)[],
  underMedicalSupervision: boolean,
): number {
  const context = { underMedicalSupervision };
  return getInstrument(instrumentId).items.filter(
    (item, i) => isCounted(item, context) && (answers[i] ?? null) === null,
  ).length;
}

export const incompleteText = (n: number): string =>
  `Incomplete — ${n} ${n === 1 ? 'item' : 'items'} unanswered`;

/** "15 · Moderate withdrawal", "22" (SOWS has no bands), or what is missing. */
export function scoreText(
  instrumentId: ScoredInstrumentId,
  score: InstrumentScore,
  unanswered: number,
): string {
  if (score.status === 'incomplete' || score.total === null) return incompleteText(unanswered);
  return score.band === null
    ? String(score.total)
    : `${score.total} · ${bandLabel(instrumentId, score.band)}`;
}

export const RISK_LEVEL_TEXT: Record<SuicideRiskLevel, string> = {
  low: 'Low risk',
  moderate: 'Moderate risk',
  high: 'High risk',
};

/** The one-line result of a saved administration, for lists. */
export function resultText(a: Assessment): string {
  const input = a.input;
  if (input.instrumentId === 'suicide-screen') {
    const level = input.record.riskLevel;
    return level === null ? 'Risk level not chosen yet' : RISK_LEVEL_TEXT[level];
  }
  if (a.score === null) return '';
  const unanswered = unansweredCount(
    input.instrumentId,
    input.answers,
    input.context.underMedicalSupervision === true,
  );
  const text = scoreText(input.instrumentId, a.score, unanswered);
  if (input.instrumentId !== 'sud' || input.sud === null) return text;
  // The substance checked and its ICD-10-CM code (issue 8 item 5).
  const diagnosis = a.score.status === 'complete' ? sudDiagnosis(a.score.band, input.sud) : null;
  const substance =
    input.sud.substance === 'other' ? input.sud.substanceName : SUD_SUBSTANCE_LABELS[input.sud.substance];
  return `${substance}: ${text}${diagnosis ? ` · ${diagnosis.code}` : ''}`;
}

export function isComplete(a: Assessment): boolean {
  return a.input.instrumentId === 'suicide-screen'
    ? suicideScreenStatus(a.input.record.answers) === 'complete'
    : a.score?.status === 'complete';
}

/** A CSS modifier for the band chip: severity words share colours across instruments. */
export function bandTone(band: BandId | null): 'calm' | 'low' | 'mid' | 'high' | 'none' {
  switch (band) {
    case null:
      return 'none';
    case 'below-threshold':
    case 'minimal':
    case 'negative':
    case 'none':
      return 'calm';
    case 'mild':
      return 'low';
    case 'moderate':
    case 'positive':
      return 'mid';
    case 'moderately-severe':
    case 'severe':
      return 'high';
  }
}

const hours = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
/** Hours since the last dose: "14.5 h", or a dash when the last dose is unknown. */
export const hoursText = (h: number | null): string => (h === null ? '—' : `${hours.format(h)} h`);
