import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../../shared/domain/assessments';
import { scoreInstrument, type ScoredInstrumentId } from '../../../../shared/instruments';
import {
  changeText,
  changeWords,
  completeSeries,
  firstVersusLatest,
} from '../../../../renderer/src/screens/assessments/trends';

let n = 0;
function administered(
  instrumentId: ScoredInstrumentId,
  answers: Array<number | null>,
  atMs: number,
  signed = false,
): Assessment {
  n += 1;
  return {
    id: `a${n}`,
    clientId: 'c1',
    instrumentVersion: '1',
    input: {
      instrumentId,
      answers,
      context: { sex: null, underMedicalSupervision: null },
      lastDoseAtMs: null,
      timePoint: null,
      sud: null,
      vitals: null,
      administeredAtMs: atMs,
      notes: '',
    },
    score: scoreInstrument(instrumentId, answers),
    administeredBy: 'u1',
    administeredByName: 'Tobias Okonkwo-Reyes',
    createdAtMs: atMs,
    updatedAtMs: atMs,
    signedAtMs: signed ? atMs : null,
    signedByName: signed ? 'Tobias Okonkwo-Reyes' : null,
  };
}

describe('trends', () => {
  const list = [
    administered('phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0], 3000, true),
    administered('phq9', [1, 1, 1, 1, 1, 0, 0, 0, 0], 9000),
    administered('phq9', [1, null, 1, 1, 1, 0, 0, 0, 0], 12_000),
    administered('gad7', [1, 1, 1, 2, 2, 0, 0], 5000),
    administered('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0], 1000),
  ];

  it('keeps only complete administrations of the instrument, in time order', () => {
    const series = completeSeries(list, 'phq9');
    expect(series.map((p) => [p.atMs, p.total, p.band])).toEqual([
      [1000, 24, 'severe'],
      [3000, 12, 'moderate'],
      [9000, 5, 'mild'],
    ]);
    expect(series[1]?.signed).toBe(true);
    expect(completeSeries(list, 'sows')).toEqual([]);
  });

  it('compares the first with the latest total', () => {
    const c = firstVersusLatest(completeSeries(list, 'phq9'));
    expect(c?.first.total).toBe(24);
    expect(c?.latest.total).toBe(5);
    expect(c?.change).toBe(-19);
    const single = firstVersusLatest(completeSeries(list, 'gad7'));
    expect(single?.first.total).toBe(7);
    expect(single?.change).toBeNull();
    expect(firstVersusLatest([])).toBeNull();
  });

  it('writes the change with a true minus sign, and in words for screen readers', () => {
    expect(changeText(-19)).toBe('\u221219');
    expect(changeText(3)).toBe('+3');
    expect(changeText(0)).toBe('No change');
    expect(changeText(null)).toBe('—');
    expect(changeWords(-4)).toBe('down 4 (fewer symptoms)');
    expect(changeWords(2)).toBe('up 2 (more symptoms)');
    expect(changeWords(null)).toBe('only one administration');
  });
});
