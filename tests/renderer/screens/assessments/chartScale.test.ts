import { describe, expect, it } from 'vitest';
import { cows, phq9, sud } from '../../../../shared/instruments';
import {
  bandAreas,
  bandEdges,
  linearScale,
  ticksSpanDays,
  timeDomain,
  timeTicks,
  valueTicks,
} from '../../../../renderer/src/screens/assessments/chartScale';

const HOUR = 3_600_000;
const at = (h: number, m = 0, day = 22) => new Date(2026, 10, day, h, m).getTime();

describe('chart scales', () => {
  it('maps a domain onto a range, upside down for a y axis, and a zero-width domain to the middle', () => {
    const y = linearScale([0, 48], [260, 16]);
    expect(y(0)).toBe(260);
    expect(y(48)).toBe(16);
    expect(y(24)).toBe(138);
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });

  it('pads the time span, and gives a lone rating a two-hour axis around it', () => {
    const [a, b] = timeDomain([at(8), at(16)]);
    expect(a).toBeLessThan(at(8));
    expect(b).toBeGreaterThan(at(16));
    const [c, d] = timeDomain([at(8)]);
    expect(d - c).toBeGreaterThanOrEqual(2 * HOUR);
    expect((c + d) / 2).toBe(at(8));
  });

  it('puts time ticks on round local clock times, at most the number asked for', () => {
    const ticks = timeTicks(at(7, 31), at(16, 29), 8);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    for (const t of ticks) {
      const d = new Date(t);
      expect(d.getMinutes()).toBe(0);
      expect(t).toBeGreaterThanOrEqual(at(7, 31));
      expect(t).toBeLessThanOrEqual(at(16, 29));
    }
    expect(ticks[0]).toBe(at(8));
    expect(ticksSpanDays(ticks)).toBe(false);
  });

  it('steps in days at midnight over a week, and says the labels need dates', () => {
    const ticks = timeTicks(at(9, 0, 15), at(9, 0, 22), 8);
    for (const t of ticks) expect(new Date(t).getHours()).toBe(0);
    expect(ticks[0]).toBe(at(0, 0, 16));
    expect(ticksSpanDays(ticks)).toBe(true);
    expect(timeTicks(at(9), at(9))).toEqual([]);
  });

  it('gives round value ticks ending on the top of the scale', () => {
    expect(valueTicks(48)).toEqual([0, 12, 24, 36, 48]);
    expect(valueTicks(64)).toEqual([0, 16, 32, 48, 64]);
    expect(valueTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(valueTicks(27)).toEqual([0, 9, 18, 27]);
    expect(valueTicks(47)).toEqual([0, 20, 47]);
    expect(valueTicks(0)).toEqual([0]);
  });

  it('draws an edge where each band after the first starts', () => {
    expect(bandEdges(cows.bands.default)).toEqual([5, 13, 25, 37]);
    expect(bandEdges(phq9.bands.default)).toEqual([5, 10, 15, 20]);
    expect(bandEdges(sud.bands.default)).toEqual([2, 4, 6]);
  });

  it('shades the COWS bands from mild up, half a point beyond each edge so a total on an edge sits inside its band', () => {
    const areas = bandAreas(cows.bands.default, 48, 5);
    expect(areas.map((a) => [a.id, a.min, a.max])).toEqual([
      ['mild', 5, 12],
      ['moderate', 13, 24],
      ['moderately-severe', 25, 36],
      ['severe', 37, 48],
    ]);
    expect(areas[0]).toMatchObject({ from: 4.5, to: 12.5 });
    expect(areas[3]).toMatchObject({ from: 36.5, to: 48 });
    // 13 is moderate: inside the moderate area, not on its edge.
    const moderate = areas[1];
    expect(moderate && 13 > moderate.from && 13 < moderate.to).toBe(true);
  });
});
