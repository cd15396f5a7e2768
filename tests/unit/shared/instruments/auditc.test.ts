import { describe, expect, it } from 'vitest';
import { auditc, scoreInstrument } from '../../../../shared/instruments';

describe('AUDIT-C', () => {
  describe('sex thresholds', () => {
    it.each([
      ['male', [1, 1, 1], 'negative'],
      ['male', [2, 1, 1], 'positive'],
      ['female', [1, 1, 0], 'negative'],
      ['female', [1, 1, 1], 'positive'],
    ] as const)('%s with %j is %s', (sex, answers, band) => {
      expect(scoreInstrument('auditc', [...answers], { sex })).toMatchObject({ status: 'complete', band });
    });

    it.each([
      [0, 'negative', 'negative'],
      [2, 'negative', 'negative'],
      [3, 'negative', 'positive'],
      [4, 'positive', 'positive'],
      [12, 'positive', 'positive'],
    ])('total %i: male %s, female %s', (total, male, female) => {
      const answers = [Math.min(4, total), Math.min(4, Math.max(0, total - 4)), Math.max(0, total - 8)];
      expect(scoreInstrument('auditc', answers, { sex: 'male' })).toMatchObject({ total, band: male });
      expect(scoreInstrument('auditc', answers, { sex: 'female' })).toMatchObject({ total, band: female });
    });
  });

  describe('sex not recorded', () => {
    it('uses the lower threshold 3 and flags it', () => {
      expect(scoreInstrument('auditc', [1, 1, 1])).toEqual({
        status: 'complete',
        total: 3,
        band: 'positive',
        flags: ['sex-not-recorded'],
      });
      expect(scoreInstrument('auditc', [1, 1, 0], {})).toMatchObject({
        band: 'negative',
        flags: ['sex-not-recorded'],
      });
    });

    it('raises no such flag when the sex is given', () => {
      expect(scoreInstrument('auditc', [1, 1, 1], { sex: 'female' }).flags).toEqual([]);
    });
  });

  describe('points from the frequency item only', () => {
    it('flags a positive result whose points all come from item 1', () => {
      expect(scoreInstrument('auditc', [4, 0, 0], { sex: 'male' })).toEqual({
        status: 'complete',
        total: 4,
        band: 'positive',
        flags: ['points-from-frequency-only'],
      });
      expect(scoreInstrument('auditc', [3, 0, 0], { sex: 'female' }).flags).toEqual([
        'points-from-frequency-only',
      ]);
      expect(scoreInstrument('auditc', [3, 0, 0]).flags).toEqual([
        'sex-not-recorded',
        'points-from-frequency-only',
      ]);
    });

    it('does not flag when other items score or the result is negative', () => {
      expect(scoreInstrument('auditc', [3, 1, 0], { sex: 'male' }).flags).toEqual([]);
      expect(scoreInstrument('auditc', [3, 0, 0], { sex: 'male' })).toMatchObject({
        band: 'negative',
        flags: [],
      });
    });

    it('does not flag an incomplete form', () => {
      expect(scoreInstrument('auditc', [4, 0, null], { sex: 'male' })).toEqual({
        status: 'incomplete',
        total: null,
        band: null,
        flags: [],
      });
    });
  });

  it.each([5, -1, 1.5, true])('rejects %s', (value) => {
    expect(() => scoreInstrument('auditc', [0, value as number, 0])).toThrow(RangeError);
  });

  it.each(['unknown', 'F', null, 1])('rejects a context sex of %s', (sex) => {
    expect(() => scoreInstrument('auditc', [0, 0, 0], { sex } as never)).toThrow(RangeError);
  });

  it('carries the LOINC total code', () => {
    expect(auditc.coding.total).toBe('75626-2');
  });
});
