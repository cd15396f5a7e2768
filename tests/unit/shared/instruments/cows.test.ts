import { describe, expect, it } from 'vitest';
import { cows, scoreInstrument } from '../../../../shared/instruments';
import { answersForTotal } from './answers';

const ALLOWED: Record<string, number[]> = {
  'resting-pulse': [0, 1, 2, 4],
  sweating: [0, 1, 2, 3, 4],
  restlessness: [0, 1, 3, 5],
  'pupil-size': [0, 1, 2, 5],
  'bone-joint-aches': [0, 1, 2, 4],
  'runny-nose-tearing': [0, 1, 2, 4],
  'gi-upset': [0, 1, 2, 3, 5],
  tremor: [0, 1, 2, 4],
  yawning: [0, 1, 2, 4],
  'anxiety-irritability': [0, 1, 2, 4],
  gooseflesh: [0, 3, 5],
};

const zeros = (): (number | null)[] => Array.from({ length: 11 }, () => 0);

describe('COWS', () => {
  it('has the 11 items of CLINICAL.md, each with its non-contiguous allowed set', () => {
    expect(cows.items.map((item) => item.id)).toEqual(Object.keys(ALLOWED));
    for (const item of cows.items) {
      expect(item.options.map((option) => option.value)).toEqual(ALLOWED[item.id]);
    }
  });

  it.each([
    [0, 'below-threshold'],
    [4, 'below-threshold'],
    [5, 'mild'],
    [12, 'mild'],
    [13, 'moderate'],
    [24, 'moderate'],
    [25, 'moderately-severe'],
    [36, 'moderately-severe'],
    [37, 'severe'],
    [48, 'severe'],
  ])('total %i is %s', (total, band) => {
    const answers = answersForTotal(cows, total);
    expect(scoreInstrument('cows', answers)).toEqual({ status: 'complete', total, band, flags: [] });
  });

  it('scores the maximum of every item as 48', () => {
    const answers = Object.values(ALLOWED).map((set) => set[set.length - 1] ?? 0);
    expect(scoreInstrument('cows', answers).total).toBe(48);
  });

  describe('rejects every value outside each item’s set', () => {
    cows.items.forEach((item, index) => {
      const allowed = ALLOWED[item.id] ?? [];
      const outside = [-1, 0, 1, 2, 3, 4, 5, 6, 10].filter((value) => !allowed.includes(value));
      it.each([...outside, 0.5, 2.5, Number.NaN, Infinity])(`${item.id} rejects %s`, (value) => {
        const answers = zeros();
        answers[index] = value;
        expect(() => scoreInstrument('cows', answers)).toThrow(RangeError);
      });
      it.each(allowed)(`${item.id} accepts %s`, (value) => {
        const answers = zeros();
        answers[index] = value;
        expect(scoreInstrument('cows', answers).total).toBe(value);
      });
    });
  });

  it('is incomplete, without total or band, when any item is unanswered', () => {
    const answers = answersForTotal(cows, 30);
    answers[10] = null;
    expect(scoreInstrument('cows', answers)).toEqual({
      status: 'incomplete',
      total: null,
      band: null,
      flags: [],
    });
  });

  it('codes COWS in the local instrument system', () => {
    expect(cows.coding).toEqual({ system: 'urn:clearleaf:instrument', panel: 'cows', total: 'cows-total' });
    expect(cows.ratedBy).toBe('clinician');
  });
});
