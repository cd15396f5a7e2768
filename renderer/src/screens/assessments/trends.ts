/**
 * Totals over time: the complete administrations of one instrument in time order, and the first-versus-latest
 * comparison the discharge summary also uses (CLINICAL.md §5). Incomplete administrations have no total and are
 * left out rather than drawn as zero.
 */
import type { Assessment } from '../../../../shared/domain/assessments';
import type { BandId, ScoredInstrumentId } from '../../../../shared/instruments';

export interface TrendPoint {
  id: string;
  atMs: number;
  total: number;
  band: BandId | null;
  signed: boolean;
}

export function completeSeries(
  assessments: readonly Assessment[],
  instrumentId: ScoredInstrumentId,
): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const a of assessments) {
    if (a.input.instrumentId !== instrumentId) continue;
    if (a.score?.status !== 'complete' || a.score.total === null) continue;
    points.push({
      id: a.id,
      atMs: a.input.administeredAtMs,
      total: a.score.total,
      band: a.score.band,
      signed: a.signedAtMs !== null,
    });
  }
  return points.sort((x, y) => x.atMs - y.atMs || x.id.localeCompare(y.id));
}

export interface Comparison {
  first: TrendPoint;
  latest: TrendPoint;
  /** latest − first; null with a single administration (nothing to compare). */
  change: number | null;
}

export function firstVersusLatest(series: readonly TrendPoint[]): Comparison | null {
  const first = series[0];
  const latest = series[series.length - 1];
  if (!first || !latest) return null;
  return { first, latest, change: series.length > 1 ? latest.total - first.total : null };
}

/** "+3", "−4" (a true minus sign), "No change", or a dash with nothing to compare. */
export function changeText(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return 'No change';
  return change > 0 ? `+${change}` : `\u2212${Math.abs(change)}`;
}

/** On every instrument here a higher total means more symptoms, so the words can say which way it went. */
export function changeWords(change: number | null): string {
  if (change === null) return 'only one administration';
  if (change === 0) return 'no change';
  return change > 0 ? `up ${change} (more symptoms)` : `down ${Math.abs(change)} (fewer symptoms)`;
}
