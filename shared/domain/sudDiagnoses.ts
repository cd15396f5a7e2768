/**
 * The substance use disorders a client's signed SUD checklists establish (CLINICAL.md §2), one per substance, read
 * the same way by the discharge summary and the record export.
 *
 * - The latest signed checklist of each substance decides, as long as it meets criteria or records remission.
 * - A disorder in remission keeps the severity it had before remission (the checklist's own band then only says that
 *   criteria are no longer met, which is what remission means).
 * - A later checklist that finds 0–1 criteria without a remission specifier does not remove the diagnosis (DSM-5:
 *   a disorder once met stands until remission is recorded): the last checklist that met criteria still holds it.
 */
import type { Assessment } from './assessments';
import { bandLabel, sudDiagnosis, type SudDetails, type SudDiagnosis } from '../instruments';

type SudChecklist = Assessment & { input: { instrumentId: 'sud'; sud: SudDetails | null } };

export interface SudDiagnosisFinding extends SudDiagnosis {
  /** The checklist the diagnosis comes from (its Observation is the evidence). */
  checklist: SudChecklist;
  /** "Mild", "Moderate", "Severe", or the severity recorded before remission. */
  severity: string;
  remission: SudDetails['remission'];
  /** Set when a later checklist found criteria not met and no remission was recorded: when that was. */
  laterNotMetOn: number | null;
}

/** A checklist saved before the substance was asked was the kratom checklist (recorded as F19, CLINICAL.md §2). */
export const sudDetailsOf = (a: SudChecklist): SudDetails =>
  a.input.sud ?? { substance: 'kratom', substanceName: '', remission: null, severityBeforeRemission: null };

/** "other" substances are told apart by their name; every named family is one substance. */
const substanceKey = (d: SudDetails): string =>
  d.substance === 'other' ? `other:${d.substanceName.trim().toLowerCase()}` : d.substance;

const isSignedChecklist = (a: Assessment): a is SudChecklist =>
  a.input.instrumentId === 'sud' && a.signedAtMs !== null && a.score !== null;

function finding(a: SudChecklist, laterNotMetOn: number | null): SudDiagnosisFinding | null {
  const details = sudDetailsOf(a);
  const dx = sudDiagnosis(a.score!.band, details);
  if (!dx) return null;
  const severity =
    details.remission !== null
      ? details.severityBeforeRemission === 'mild'
        ? 'Mild'
        : 'Moderate or severe'
      : bandLabel('sud', a.score!.band!);
  return { ...dx, checklist: a, severity, remission: details.remission, laterNotMetOn };
}

/** One diagnosis per substance, in the order each substance was first assessed. */
export function sudDiagnosesBySubstance(assessments: readonly Assessment[]): SudDiagnosisFinding[] {
  const bySubstance = new Map<string, SudChecklist[]>();
  const sorted = assessments
    .filter(isSignedChecklist)
    .sort((x, y) => x.input.administeredAtMs - y.input.administeredAtMs);
  for (const a of sorted) {
    const key = substanceKey(sudDetailsOf(a));
    bySubstance.set(key, [...(bySubstance.get(key) ?? []), a]);
  }
  return [...bySubstance.values()].flatMap((list) => {
    const latest = list[list.length - 1]!;
    const now = finding(latest, null);
    if (now) return [now];
    // An incomplete checklist (no band) says nothing; one that found criteria not met is shown beside the fallback.
    const notMetOn = latest.score!.band === 'none' ? latest.input.administeredAtMs : null;
    for (let i = list.length - 2; i >= 0; i--) {
      const earlier = finding(list[i]!, notMetOn);
      if (earlier) return [earlier];
    }
    return [];
  });
}
