import { describe, expect, it } from 'vitest';
import {
  BAND_IDS,
  definitionProblems,
  INSTRUMENTS,
  riskReview,
  SCORED_INSTRUMENT_IDS,
  scoreInstrument,
  suicideScreen,
} from '../../../../shared/instruments';
import { answersForTotal } from './answers';

const definitions = Object.values(INSTRUMENTS);

describe('instrument definitions', () => {
  it('registers exactly the six scored instruments under their own ids', () => {
    expect(Object.keys(INSTRUMENTS).sort()).toEqual([...SCORED_INSTRUMENT_IDS].sort());
    for (const [id, definition] of Object.entries(INSTRUMENTS)) expect(definition.id).toBe(id);
  });

  it.each(definitions.map((definition) => [definition.id, definition] as const))(
    '%s is internally consistent (ids, options, range, contiguous bands, flags)',
    (_id, definition) => {
      expect(definitionProblems(definition)).toEqual([]);
      expect(definition.version).toMatch(/^\d+$/);
      for (const item of definition.items) {
        expect(item.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(item.label.trim()).not.toBe('');
        if (item.kind === 'choice')
          for (const option of item.options) expect(option.label.trim()).not.toBe('');
      }
    },
  );

  it('maps both sides of every band edge in the data to its band', () => {
    for (const definition of definitions) {
      if (definition.bands === null || definition.id === 'auditc') continue;
      for (const band of definition.bands.default) {
        expect(BAND_IDS).toContain(band.id);
        for (const total of [band.min, band.max]) {
          expect(scoreInstrument(definition.id, answersForTotal(definition, total)).band).toBe(band.id);
        }
      }
    }
  });

  it('flags its own consistency checks', () => {
    const broken = { ...INSTRUMENTS.gad7, range: { min: 0, max: 20 } };
    expect(definitionProblems(broken)).toContain('range does not match items');
    const gap = {
      ...INSTRUMENTS.gad7,
      bands: { default: [{ min: 0, max: 4, id: 'minimal' as const, label: 'x' }] },
    };
    expect(definitionProblems(gap)).toContain('bands do not end at the top of the range');
  });
});

describe('risk review and suicide screen definitions', () => {
  it('never names the trademarked framework', () => {
    expect(JSON.stringify(riskReview)).not.toMatch(/asam/i);
    expect(JSON.stringify(suicideScreen)).not.toMatch(/c-?ssrs|columbia/i);
  });
});
