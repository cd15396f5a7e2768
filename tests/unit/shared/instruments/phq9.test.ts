import { describe, expect, it } from 'vitest';
import { phq9, scoreInstrument } from '../../../../shared/instruments';
import { answersForTotal } from './answers';

/** answersForTotal fills the highest items first; keep item 9 at 0 so band tests carry no flag. */
const noFlag = (total: number): number[] => {
  const eight = answersForTotal({ ...phq9, items: phq9.items.slice(0, 8) }, total);
  return [...(eight as number[]), 0];
};

describe('PHQ-9', () => {
  it('scores the HL7 US Core reference vector as 12, moderate, no flag', () => {
    expect(scoreInstrument('phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0])).toEqual({
      status: 'complete',
      total: 12,
      band: 'moderate',
      flags: [],
    });
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [24, 'severe'],
  ])('total %i is %s', (total, band) => {
    expect(scoreInstrument('phq9', noFlag(total))).toEqual({ status: 'complete', total, band, flags: [] });
  });

  it('scores the maximum as 27, severe, with the flag', () => {
    expect(
      scoreInstrument(
        'phq9',
        Array.from({ length: 9 }, () => 3),
      ),
    ).toEqual({
      status: 'complete',
      total: 27,
      band: 'severe',
      flags: ['suicide-risk'],
    });
  });

  describe('item 9 (thoughts of death or self-harm)', () => {
    it.each([1, 2, 3])('raises suicide-risk at %i even with a minimal total', (value) => {
      const result = scoreInstrument('phq9', [0, 0, 0, 0, 0, 0, 0, 0, value]);
      expect(result.band).toBe('minimal');
      expect(result.flags).toEqual(['suicide-risk']);
    });

    it('raises suicide-risk when every other item is unanswered', () => {
      const answers = [null, null, null, null, null, null, null, null, 1];
      expect(scoreInstrument('phq9', answers)).toEqual({
        status: 'incomplete',
        total: null,
        band: null,
        flags: ['suicide-risk'],
      });
    });

    it('raises no flag at 0, nor when item 9 itself is unanswered', () => {
      expect(scoreInstrument('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).flags).toEqual([]);
      expect(scoreInstrument('phq9', [3, 3, 3, 3, 3, 3, 3, 3, null])).toEqual({
        status: 'incomplete',
        total: null,
        band: null,
        flags: [],
      });
    });

    it('carries LOINC 44260-8', () => {
      expect(phq9.items[8]?.code).toBe('44260-8');
    });
  });

  describe('difficulty item (10th, unscored)', () => {
    it.each([0, 1, 2, 3, null])('accepts %s without changing total or completeness', (value) => {
      expect(scoreInstrument('phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0, value])).toEqual(
        scoreInstrument('phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0]),
      );
    });

    it('does not complete a form whose scored items are missing', () => {
      expect(scoreInstrument('phq9', [2, 2, 2, 2, 1, 1, 2, 0, null, 3]).status).toBe('incomplete');
    });

    it.each([4, -1, 1.5, true])('rejects %s', (value) => {
      expect(() => scoreInstrument('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0, value as number])).toThrow(RangeError);
    });
  });

  it.each([0, 8, 11])('rejects %i answers', (length) => {
    expect(() =>
      scoreInstrument(
        'phq9',
        Array.from({ length }, () => 0),
      ),
    ).toThrow(RangeError);
  });

  it.each([4, -1, 0.5, Number.NaN, true, '1'])('rejects item value %s', (value) => {
    expect(() => scoreInstrument('phq9', [value as number, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
  });

  it('carries the LOINC panel and total codes', () => {
    expect(phq9.coding).toEqual({ system: 'http://loinc.org', panel: '44249-1', total: '44261-6' });
  });
});
