import { describe, expect, it } from 'vitest';
import { scoreInstrument, sows } from '../../../../shared/instruments';
import { answersForTotal } from './answers';

describe('SOWS', () => {
  it('has 16 client-rated symptoms, each 0–4', () => {
    expect(sows.items).toHaveLength(16);
    expect(sows.ratedBy).toBe('client');
    for (const item of sows.items)
      expect(item.options.map((option) => option.value)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([0, 1, 10, 32, 63, 64])('shows total %i with no band', (total) => {
    expect(scoreInstrument('sows', answersForTotal(sows, total))).toEqual({
      status: 'complete',
      total,
      band: null,
      flags: [],
    });
  });

  it('is incomplete when a symptom is unanswered', () => {
    const answers = answersForTotal(sows, 20);
    answers[15] = null;
    expect(scoreInstrument('sows', answers)).toEqual({
      status: 'incomplete',
      total: null,
      band: null,
      flags: [],
    });
  });

  it.each([5, -1, 2.5])('rejects %s', (value) => {
    const answers: number[] = Array.from({ length: 16 }, () => 0);
    answers[3] = value;
    expect(() => scoreInstrument('sows', answers)).toThrow(RangeError);
  });

  it('rejects 15 or 17 answers', () => {
    expect(() =>
      scoreInstrument(
        'sows',
        Array.from({ length: 15 }, () => 0),
      ),
    ).toThrow(RangeError);
    expect(() =>
      scoreInstrument(
        'sows',
        Array.from({ length: 17 }, () => 0),
      ),
    ).toThrow(RangeError);
  });
});
