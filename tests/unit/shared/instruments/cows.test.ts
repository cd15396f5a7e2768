import { describe, expect, it } from 'vitest';
import { cows, scoreInstrument, sows } from '../../../../shared/instruments';
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

/**
 * Issue 8 item 3: the words of each choice match the published scale's step (Wesson & Ling 2003), each item
 * carries its rating instruction, and COWS and SOWS say once that they are opioid scales used for kratom.
 */
describe('COWS wording against Wesson & Ling (2003)', () => {
  const labels = (id: string) =>
    cows.items.find((i) => i.id === id)?.options.map((o) => [o.value, o.label]) ?? [];
  const instruction = (id: string) => cows.items.find((i) => i.id === id)?.instruction ?? '';

  it('words sweating as the published scale does, step by step', () => {
    expect(labels('sweating')).toEqual([
      [0, 'No report of chills or flushing'],
      [1, 'Subjective chills or flushing'],
      [2, 'Flushed or observable moistness on the face'],
      [3, 'Beads of sweat on brow or face'],
      [4, 'Sweat streaming off the face'],
    ]);
  });

  it('keeps every other item on the published step', () => {
    expect(labels('resting-pulse')).toEqual([
      [0, '80 or below'],
      [1, '81–100'],
      [2, '101–120'],
      [4, 'Over 120'],
    ]);
    expect(labels('restlessness').map(([v]) => v)).toEqual([0, 1, 3, 5]);
    expect(labels('restlessness')[1]?.[1]).toMatch(/difficulty sitting still, but is able/);
    expect(labels('pupil-size')[0]?.[1]).toMatch(/Pinned, or normal/);
    expect(labels('pupil-size')[3]?.[1]).toMatch(/only the rim of the iris/);
    expect(labels('bone-joint-aches')[2]?.[1]).toMatch(/severe, diffuse aching/);
    expect(labels('bone-joint-aches')[3]?.[1]).toMatch(/Rubbing joints or muscles/);
    expect(labels('runny-nose-tearing')[1]?.[1]).toMatch(/stuffiness or unusually moist eyes/);
    expect(labels('runny-nose-tearing')[3]?.[1]).toMatch(/constantly running or tears streaming/);
    expect(labels('gi-upset')[1]?.[1]).toBe('Stomach cramps');
    expect(labels('gi-upset')[4]?.[1]).toMatch(/Multiple episodes/);
    expect(labels('tremor')[1]?.[1]).toMatch(/felt, not seen/);
    expect(labels('yawning')[2]?.[1]).toMatch(/Three or more times/);
    expect(labels('anxiety-irritability')[1]?.[1]).toMatch(/Reports increasing irritability or anxiety/);
    expect(labels('anxiety-irritability')[3]?.[1]).toMatch(/taking part in the rating is difficult/);
    expect(labels('gooseflesh')).toEqual([
      [0, 'Skin is smooth'],
      [3, 'Raised skin can be felt, or hairs standing up on the arms'],
      [5, 'Prominent gooseflesh'],
    ]);
  });

  it('gives every item its instruction', () => {
    expect(cows.items.every((i) => (i.instruction ?? '').length > 0)).toBe(true);
    expect(instruction('sweating')).toMatch(/past half hour, not explained by room temperature or activity/);
    expect(instruction('gi-upset')).toMatch(/past half hour/);
    expect(instruction('bone-joint-aches')).toMatch(/already had pain .*only the part beyond it/);
    expect(instruction('runny-nose-tearing')).toMatch(/cold or allergies/);
    expect(instruction('tremor')).toMatch(/hands held out/);
    expect(instruction('yawning')).toMatch(/during the rating/);
    expect(instruction('restlessness')).toMatch(/during the rating/);
    expect(instruction('resting-pulse')).toMatch(/sat or lain for one minute/);
  });

  it('says once on COWS and SOWS that they are opioid scales used for kratom, which can look stimulant-like', () => {
    for (const definition of [cows, sows]) {
      expect(definition.formNote).toMatch(/opioid withdrawal scale, used here for kratom/);
      expect(definition.formNote).toMatch(/stimulant-like/);
    }
    expect(cows.version).toBe('2');
  });
});
