import { describe, expect, it } from 'vitest';
import { gad7, scoreInstrument } from '../../../../shared/instruments';
import { answersForTotal } from './answers';

describe('GAD-7', () => {
  it('scores the published FHIR IG example as 7, mild', () => {
    expect(scoreInstrument('gad7', [1, 1, 1, 2, 2, 0, 0])).toEqual({
      status: 'complete',
      total: 7,
      band: 'mild',
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
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i is %s', (total, band) => {
    expect(scoreInstrument('gad7', answersForTotal(gad7, total))).toEqual({
      status: 'complete',
      total,
      band,
      flags: [],
    });
  });

  it('is incomplete when an item is unanswered', () => {
    expect(scoreInstrument('gad7', [1, 1, 1, 2, 2, 0, null])).toEqual({
      status: 'incomplete',
      total: null,
      band: null,
      flags: [],
    });
  });

  it.each([4, -1, 0.5, false])('rejects item value %s', (value) => {
    expect(() => scoreInstrument('gad7', [0, 0, 0, 0, 0, 0, value as number])).toThrow(RangeError);
  });

  it.each([6, 8])('rejects %i answers', (length) => {
    expect(() =>
      scoreInstrument(
        'gad7',
        Array.from({ length }, () => 0),
      ),
    ).toThrow(RangeError);
  });

  it('carries the LOINC total code', () => {
    expect(gad7.coding.total).toBe('70274-6');
  });
});
