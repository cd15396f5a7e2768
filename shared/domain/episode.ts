/**
 * Episodes of care (issue 15). What the measures due, the response at a glance and the practice's outcome figures
 * count is the client's current episode, defined in plain words:
 *
 * - An episode runs from an admission to the discharge that ends it. Re-admitting a client (Edit details: back to
 *   Active or On hold, with the date of re-admission as the admission date) starts a new episode on that date.
 * - While the client is Discharged, the current episode ended with their latest recorded discharge. While they are
 *   Active or On hold it is open, whatever discharges are on file.
 * - A client is re-admitted when a discharge other than the one ending the current episode is dated on or before the
 *   admission date. A re-admitted client's episode holds only what is dated from the admission day on (scores from
 *   its local midnight, withdrawal contacts from its date): the intake measures are due again, repeats count from the
 *   re-admission, and the first score of the episode is the one response, remission and "not improving" compare with.
 * - A client in their first episode has never been discharged before it: the episode also holds what was recorded
 *   before the admission date (a screening score taken before the admission is the intake score).
 * - Same-day re-admission (discharged and re-admitted on the same date): the discharge ends the earlier episode and
 *   the whole day belongs to the new one, so every score of that day counts in the new episode, even one taken before
 *   the discharge was recorded.
 * - The episode a re-admission closes is kept (migration 0850, `closed_episodes`): its admission date, clinician and
 *   ending discharge as history, its scores those up to the re-admission day. The practice's figures count every
 *   episode; the chart, the measures due and the response at a glance count the current one. Once re-admitted, the
 *   admission date stays on or after the discharge that closed the earlier episode.
 */
import { localMidnight } from './common';
import type { ClientStatus, DischargeType } from './clients';

export interface DischargeFact {
  dischargedOn: string;
  type: DischargeType;
  /** When the discharge was recorded; equal times keep the order given (the order rows were written). */
  recordedAtMs: number;
}

export interface Episode {
  admittedOn: string;
  /** True when an earlier episode ended on or before `admittedOn`: only records from that day on count. */
  readmitted: boolean;
  /** The date of the discharge that ended it, or null while open. */
  endedOn: string | null;
  /** `endedOn` unless the discharge was a completed treatment (retention counts that as retained). */
  leftOn: string | null;
}

/** The client's current episode, from their details and their discharges in the order they were written. */
export function currentEpisode(
  client: { admissionDate: string; status: ClientStatus },
  discharges: readonly DischargeFact[],
): Episode {
  let ending: DischargeFact | null = null;
  if (client.status === 'discharged')
    for (const d of discharges) if (ending === null || d.recordedAtMs >= ending.recordedAtMs) ending = d;
  return {
    admittedOn: client.admissionDate,
    readmitted: discharges.some((d) => d !== ending && d.dischargedOn <= client.admissionDate),
    endedOn: ending?.dischargedOn ?? null,
    leftOn: ending && ending.type !== 'completed' ? ending.dischargedOn : null,
  };
}

/** Epoch ms from which scores count, or null when every score does (a first episode). */
export const episodeFromMs = (e: Episode): number | null =>
  e.readmitted ? localMidnight(e.admittedOn) : null;

/** Whether a score taken at `atMs` belongs to the episode. */
export const scoredInEpisode = (e: Episode, atMs: number): boolean =>
  !e.readmitted || atMs >= localMidnight(e.admittedOn);

/** Whether a withdrawal contact on `on` ('YYYY-MM-DD') belongs to the episode. */
export const contactInEpisode = (e: Episode, on: string): boolean => !e.readmitted || on >= e.admittedOn;
