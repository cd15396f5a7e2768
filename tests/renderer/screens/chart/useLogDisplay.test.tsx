/**
 * The use-log table and chart with dose times saved before they were checked (1970, the edge of what a Date can
 * hold, and beyond it): both render, bounded, and every dose can still be edited or deleted.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { UseLogChart } from '../../../../renderer/src/screens/chart/UseLogChart';
import { UseLogTable } from '../../../../renderer/src/screens/chart/UseLogTable';
import {
  baselineSummary,
  CHART_MAX_DAYS,
  dailyTotals,
  type UseLogEntry,
} from '../../../../shared/domain/useLog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const dose = (id: string, takenAtMs: number, amount = 2): UseLogEntry => ({
  id,
  clientId: 'client-1',
  takenAtMs,
  product: 'Red Bali powder',
  form: 'leaf-powder',
  amount,
  unit: 'g',
  trigger: null,
  symptomsBetweenDoses: '',
  note: '',
  recordedAtMs: 0,
  recordedBy: 'user-1',
});

const at = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).getTime();
const entries = [
  dose('in-1970', at(1970, 1, 1)),
  dose('edge', -8.64e15),
  dose('beyond', -9_007_199_254_740_991),
  dose('real-1', at(2026, 11, 20)),
  dose('real-2', at(2026, 11, 21), 3),
];

let root: Root | null = null;
function render(node: React.ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => {
    root = createRoot(host);
    root.render(node);
  });
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('use log display with impossible dose times', () => {
  it('lists every dose, those with no readable date under their own heading, each with Edit and Delete', () => {
    const host = render(
      <UseLogTable
        entries={entries}
        editingId={null}
        confirmingId={null}
        onEdit={() => undefined}
        onAskDelete={() => undefined}
        onDelete={() => undefined}
        onCancelDelete={() => undefined}
      />,
    );
    const rows = host.querySelectorAll('tbody tr:not(.use-table__day)');
    expect(rows).toHaveLength(5);
    expect(host.textContent).toContain('Date not readable: edit the time or delete the dose');
    expect(host.textContent).toContain('1970');
    const deletes = [...host.querySelectorAll('button')].filter((b) => b.textContent?.startsWith('Delete'));
    expect(deletes).toHaveLength(5);
  });

  it('charts a bounded window ending at the latest day, shading the baseline days inside it', () => {
    const days = dailyTotals(entries);
    expect(days).toHaveLength(CHART_MAX_DAYS);
    const host = render(<UseLogChart days={days} baseline={baselineSummary(entries)} />);
    expect(host.querySelectorAll('.use-chart__panel--doses .use-chart__bar')).toHaveLength(CHART_MAX_DAYS);
    // The baseline runs from 1970 to 21 Nov 2026; inside the window that is every day, so nothing is shaded.
    expect(host.querySelector('.use-chart__baseline')).toBeNull();

    const later = [...entries, ...[22, 23, 24, 25].map((d) => dose(`later-${d}`, at(2026, 11, d)))];
    const laterDays = dailyTotals(later, 10);
    expect(laterDays.map((d) => d.date)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
    act(() => root?.render(<UseLogChart days={laterDays} baseline={baselineSummary(later)} />));
    // Baseline: 1970, 20, 21, 22 and 23 November. In the window: 16 to 23 November, the first 8 of 10 slots.
    const shade = host.querySelector('.use-chart__baseline');
    expect(shade).not.toBeNull();
    expect(Number(shade?.getAttribute('x'))).toBe(48);
    expect(Number(shade?.getAttribute('width'))).toBeCloseTo(((680 - 48 - 12) / 10) * 8);
  });
});
