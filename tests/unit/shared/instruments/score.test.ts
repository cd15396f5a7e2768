import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedLengths,
  INSTRUMENTS,
  scoreInstrument,
  type Answer,
  type ScoredInstrumentDefinition,
} from '../../../../shared/instruments';
import { allowedValues, pointsOf } from './answers';

const definitions = Object.values(INSTRUMENTS) as ScoredInstrumentDefinition[];

/** Scored items only (every instrument's scored items come first; PHQ-9's difficulty item is last). */
const scoredCount = (definition: ScoredInstrumentDefinition): number =>
  definition.items.filter((item) => item.scored).length;

const validAnswers = (definition: ScoredInstrumentDefinition) =>
  fc.tuple(...allowedValues(definition).map((set) => fc.constantFrom(...set)));

describe('scoreInstrument', () => {
  it('rejects an unknown id with a RangeError', () => {
    for (const id of ['', 'audit', 'PHQ9', 'toString', '__proto__', 'constructor']) {
      expect(() => scoreInstrument(id as never, [])).toThrow(RangeError);
    }
  });

  it.each(definitions.map((definition) => [definition.id, definition] as const))(
    '%s rejects wrong item counts and non-arrays',
    (id, definition) => {
      const lengths = acceptedLengths(definition);
      for (const length of [0, Math.min(...lengths) - 1, Math.max(...lengths) + 1]) {
        expect(() =>
          scoreInstrument(
            id,
            Array.from({ length }, () => null),
          ),
        ).toThrow(RangeError);
      }
      expect(() => scoreInstrument(id, 'x' as never)).toThrow(RangeError);
      expect(() => scoreInstrument(id, undefined as never)).toThrow(RangeError);
    },
  );

  it.each(definitions.map((definition) => [definition.id, definition] as const))(
    '%s rejects undefined, strings, objects and the wrong kind of value',
    (id, definition) => {
      const wrongKind = definition.items[0]?.kind === 'yes-no' ? 1 : true;
      for (const bad of [undefined, '0', {}, [], wrongKind, Number.NaN]) {
        const answers: unknown[] = Array.from({ length: definition.items.length }, () => null);
        answers[0] = bad;
        expect(() => scoreInstrument(id, answers as Answer[])).toThrow(RangeError);
      }
    },
  );

  it.each(definitions.map((definition) => [definition.id, definition] as const))(
    '%s: an all-unanswered form is incomplete',
    (id, definition) => {
      const result = scoreInstrument(
        id,
        Array.from({ length: definition.items.length }, () => null),
      );
      expect(result).toMatchObject({ status: 'incomplete', total: null, band: null });
    },
  );

  it('does not mutate the answers it is given', () => {
    const answers = Object.freeze([2, 2, 2, 2, 1, 1, 2, 0, 0]);
    expect(scoreInstrument('phq9', answers).total).toBe(12);
    expect(answers).toEqual([2, 2, 2, 2, 1, 1, 2, 0, 0]);
  });
});

describe('properties', () => {
  it.each(definitions.map((definition) => [definition.id, definition] as const))(
    '%s: every valid complete answer set scores inside the range, as the sum of scored items',
    (id, definition) => {
      fc.assert(
        fc.property(validAnswers(definition), (answers) => {
          const result = scoreInstrument(id, answers);
          const scored = answers.slice(0, scoredCount(definition));
          expect(result.status).toBe('complete');
          expect(result.total).toBe(pointsOf(scored));
          expect(result.total).toBeGreaterThanOrEqual(definition.range.min);
          expect(result.total).toBeLessThanOrEqual(definition.range.max);
          expect(result.band === null).toBe(definition.bands === null);
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(definitions.map((definition) => [definition.id, definition] as const))(
    '%s: any unanswered scored item makes the result incomplete, with flags still computed',
    (id, definition) => {
      const arbitrary = fc.tuple(
        ...allowedValues(definition).map((set) => fc.option(fc.constantFrom(...set), { nil: null })),
      );
      fc.assert(
        fc.property(arbitrary, (answers) => {
          const result = scoreInstrument(id, answers);
          const missing = answers.slice(0, scoredCount(definition)).some((value) => value === null);
          expect(result.status).toBe(missing ? 'incomplete' : 'complete');
          if (missing) expect(result.total).toBeNull();
          if (missing) expect(result.band).toBeNull();
          if (id === 'phq9')
            expect(result.flags.includes('suicide-risk')).toBe(
              (answers[8] ?? 0) !== 0 && answers[8] !== null,
            );
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(definitions.map((definition) => [definition.id, definition] as const))(
    '%s: any number outside an item’s allowed set is rejected',
    (id, definition) => {
      const sets = allowedValues(definition);
      fc.assert(
        fc.property(
          fc.nat({ max: definition.items.length - 1 }),
          fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: false })),
          (index, value) => {
            fc.pre(!(sets[index] ?? []).includes(value));
            const answers: Answer[] = Array.from({ length: definition.items.length }, () => null);
            answers[index] = value;
            expect(() => scoreInstrument(id, answers)).toThrow(RangeError);
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
