import { auditc } from './auditc';
import { cows } from './cows';
import { gad7 } from './gad7';
import { phq9 } from './phq9';
import { scoreWithDefinition } from './score';
import { sows } from './sows';
import { sud } from './sud';
import type {
  Answer,
  BandId,
  InstrumentContext,
  InstrumentScore,
  ScoredInstrumentDefinition,
  ScoredInstrumentId,
} from './types';

/**
 * The instrument engine's public entry point. `scoreInstrument` is pure and table-driven: it looks up the
 * definition and lets `score.ts` interpret it. Unknown ids, wrong item counts and values outside an item's allowed
 * set throw RangeError.
 */

export const INSTRUMENTS = {
  cows,
  sows,
  phq9,
  gad7,
  auditc,
  sud,
} as const satisfies Record<ScoredInstrumentId, ScoredInstrumentDefinition>;

export function isScoredInstrumentId(id: unknown): id is ScoredInstrumentId {
  return typeof id === 'string' && Object.hasOwn(INSTRUMENTS, id);
}

export function getInstrument(id: ScoredInstrumentId): ScoredInstrumentDefinition {
  if (!isScoredInstrumentId(id)) throw new RangeError('Unknown instrument id.');
  return INSTRUMENTS[id];
}

/**
 * Scores one administration. `answers` are in item order: numbers, booleans for the SUD checklist, `null` when
 * unanswered. PHQ-9 takes 9 or 10 answers (the 10th, difficulty, is never scored).
 */
export function scoreInstrument(
  id: ScoredInstrumentId,
  answers: readonly Answer[],
  context?: InstrumentContext,
): InstrumentScore {
  return scoreWithDefinition(getInstrument(id), answers, context);
}

export * from './types';
export { acceptedLengths, definitionProblems } from './score';
export { cows } from './cows';
export { sows } from './sows';
export { phq9, PHQ9_SELF_HARM_ITEM_ID } from './phq9';
export { gad7 } from './gad7';
export { auditc, AUDITC_THRESHOLD, AUDITC_FREQUENCY_ITEM_ID } from './auditc';
export {
  sud,
  sudDiagnosis,
  sudRemissionSpecifier,
  SUD_ICD10_FAMILY,
  SUD_SUBSTANCES,
  SUD_SUBSTANCE_LABELS,
  SudDetailsSchema,
  SudSubstanceSchema,
} from './sud';
export type { SudDetails, SudDiagnosis, SudRemissionSpecifier, SudSubstance } from './sud';
export * from './riskReview';
export * from './suicideScreen';

/** The band's own label from the definition (any of its tables: AUDIT-C's differ only in thresholds). */
export function bandLabel(instrumentId: ScoredInstrumentId, band: BandId): string {
  const bands = getInstrument(instrumentId).bands;
  if (bands === null) return band;
  const tables = [bands.default, ...Object.values(bands.bySex ?? {})];
  for (const table of tables) {
    const found = table.find((b) => b.id === band);
    if (found) return found.label;
  }
  return band;
}
