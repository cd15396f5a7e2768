/**
 * Setting a client to Discharged (issue 9, item 6), from Edit details or by signing a discharge summary (issue 11,
 * item 5; shared/domain/dischargeSummary.ts). The status only becomes Discharged with the date and how the client
 * left care (CLINICAL.md §5: completed, transferred, left against advice, administrative, lost contact, other). The discharge is recorded on the timeline and audited, and it is the
 * event that ends every consent whose stated end is the discharge (CLINICAL.md §6 "expiry date or event").
 */
import type { ClientInput, ClientStatus, Discharge } from './clients';
import type { Consent } from './consents';

export interface DischargeProblem {
  /** Path of the field the message belongs beside (inside `client`). */
  field: 'discharge' | 'discharge.dischargedOn' | 'discharge.type';
  message: string;
}

/**
 * Whether this save discharges the client, and what is wrong with it if anything. `previous` is null for a new
 * client. Only a change to Discharged needs a discharge; an already discharged client keeps their recorded one.
 */
export function dischargeOnSave(
  previous: ClientStatus | null,
  next: Pick<ClientInput, 'status' | 'discharge' | 'admissionDate'>,
  today: string,
): { discharge: Discharge | null; problem: DischargeProblem | null } {
  if (next.status !== 'discharged' || previous === 'discharged') return { discharge: null, problem: null };
  const d = next.discharge;
  if (d === null) {
    return {
      discharge: null,
      problem: {
        field: 'discharge.dischargedOn',
        message: 'A client is discharged with a discharge date and how they left care.',
      },
    };
  }
  if (d.dischargedOn > today) {
    return {
      discharge: null,
      problem: { field: 'discharge.dischargedOn', message: 'The discharge date cannot be in the future.' },
    };
  }
  if (d.dischargedOn < next.admissionDate) {
    return {
      discharge: null,
      problem: {
        field: 'discharge.dischargedOn',
        message: 'The discharge date is before the admission date.',
      },
    };
  }
  return { discharge: d, problem: null };
}

const DAY_IN_WORDS = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** 'YYYY-MM-DD' as "Oct 1, 2026", for messages beside a field. */
export const dayInWords = (d: string): string => DAY_IN_WORDS.format(new Date(`${d}T00:00:00Z`));

/**
 * Re-admission (issue 15, shared/domain/episode.ts): a Discharged client set back to Active or On hold starts a new
 * episode of care on their admission date, so that date must be the re-admission date, on or after the discharge that
 * ended the last episode. Keeping the old admission date would reopen the old episode (its old scores and overdue
 * measures, no intake due). Once re-admitted, the admission date stays on or after that discharge, and after the one
 * that closed the earlier episode (`closedEpisodeEndedOn`) while discharged again: moved before it, the episodes
 * would overlap (migration 0850 refuses it in SQL too). Returns the message for `client.admissionDate`, or null.
 */
export function readmissionProblem(
  previous: ClientStatus | null,
  next: Pick<ClientInput, 'status' | 'admissionDate'>,
  lastDischargedOn: string | null,
  closedEpisodeEndedOn: string | null = null,
): string | null {
  if (previous === null) return null;
  if (next.status !== 'discharged' && lastDischargedOn !== null && next.admissionDate < lastDischargedOn) {
    return previous === 'discharged'
      ? `To re-admit the client, give the date they came back to care as the admission date: on or after their discharge on ${dayInWords(lastDischargedOn)}.`
      : `Give an admission date on or after ${dayInWords(lastDischargedOn)}: the discharge that day ended the client’s earlier episode of care.`;
  }
  // Still Discharged, in a later episode: the admission date stays after the episode before (migration 0850).
  if (closedEpisodeEndedOn !== null && next.admissionDate < closedEpisodeEndedOn)
    return `Give an admission date on or after ${dayInWords(closedEpisodeEndedOn)}: the discharge that day ended the client’s earlier episode of care.`;
  return null;
}

/**
 * Words that may name this clinic's discharge as a consent's ending event ("until discharged"). Never used to decide
 * whether a consent ends (the words may mean another programme's discharge, a drug court's, say): only to ask the
 * clinician, on the consent form, whether they meant "When the client is discharged".
 */
export const DISCHARGE_WORDS = /\bdischarg/iu;

/**
 * Consents whose ending event is this discharge, and the date each ends on. Every consent of the client whose end is
 * "when the client is discharged" (a structured choice on the consent, not a reading of its words: migration 0700
 * moved the older worded ones) that is neither revoked nor already ended, whatever its signing date: a consent the
 * discharge left open would stay active for good, since nothing else ends it. A consent signed after the discharge
 * date (a summary backdated to the day the client left, signed later) ends on its signing date, because an ending
 * event cannot come before the signature and the database's record of it must read in order.
 */
export function consentsEndedByDischarge(
  consents: readonly Pick<Consent, 'id' | 'consent' | 'revocation' | 'endEvent'>[],
  dischargedOn: string,
): Array<{ id: string; endedOn: string }> {
  return consents
    .filter((c) => c.consent.expiryKind === 'discharge' && c.revocation === null && c.endEvent === null)
    .map((c) => ({
      id: c.id,
      endedOn: c.consent.signedOn > dischargedOn ? c.consent.signedOn : dischargedOn,
    }));
}
