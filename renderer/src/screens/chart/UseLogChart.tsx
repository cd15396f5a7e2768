/**
 * Doses per day and grams per day, hand-drawn in SVG: two bar panels on one date axis (two units, so two scales
 * rather than one chart with two y-axes, which invites reading one against the other). The baseline days are
 * shaded. The same numbers are in a table below the chart for screen readers and for anyone who wants them.
 * `days` is already a bounded window (dailyTotals), so the baseline may lie partly or wholly outside it.
 */
import { useId } from 'react';
import type { DayTotal } from '../../../../shared/domain/useLog';
import { formatDate, formatShortDate, formatWeekday } from './dates';

const W = 680;
const LEFT = 48;
const RIGHT = 12;
const PANEL_H = 110;
const GAP = 34;
const TOP = 22;
const AXIS_H = 50;
const H = TOP + PANEL_H + GAP + PANEL_H + AXIS_H;

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Round tick steps (1, 2 or 5 × 10ⁿ) giving at most five ticks from 0 to at least `max`. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return ticks;
}

export function UseLogChart({
  days,
  baseline,
}: {
  days: readonly DayTotal[];
  baseline: { firstDate: string | null; lastDate: string | null };
}) {
  const id = useId();
  if (days.length === 0) return null;
  const plotW = W - LEFT - RIGHT;
  const slot = plotW / days.length;
  const barW = Math.min(48, slot * 0.6);
  const labelEvery = Math.ceil(days.length / 12);
  const showValues = days.length <= 14;
  const first = days[0];
  const last = days[days.length - 1];
  const summary =
    first && last
      ? `Doses (all forms) and leaf grams per day from ${formatDate(first.date)} to ${formatDate(last.date)}: ` +
        `up to ${Math.max(...days.map((d) => d.doses))} doses and ` +
        `${number.format(Math.max(...days.map((d) => d.grams)))} g in a day. The table below lists each day.`
      : '';

  const panel = (key: 'doses' | 'grams', top: number, title: string, unit: string) => {
    const ticks = niceTicks(Math.max(...days.map((d) => d[key])));
    const max = ticks[ticks.length - 1] ?? 1;
    const y = (v: number) => top + PANEL_H - (v / max) * PANEL_H;
    return (
      <g className={`use-chart__panel use-chart__panel--${key}`}>
        <text x={LEFT} y={top - 8} className="use-chart__title">
          {title}
        </text>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} className="use-chart__grid" />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="use-chart__tick">
              {number.format(t)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2;
          const h = top + PANEL_H - y(d[key]);
          return (
            <g key={d.date}>
              <rect
                x={x}
                y={y(d[key])}
                width={barW}
                height={Math.max(h, 0)}
                className="use-chart__bar"
                rx={2}
              />
              {showValues && (
                <text x={x + barW / 2} y={y(d[key]) - 4} textAnchor="middle" className="use-chart__value">
                  {number.format(d[key])}
                  {unit}
                </text>
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={W - RIGHT} y1={top + PANEL_H} y2={top + PANEL_H} className="use-chart__axis" />
        <line x1={LEFT} x2={LEFT} y1={top} y2={top + PANEL_H} className="use-chart__axis" />
      </g>
    );
  };

  const axisY = TOP + PANEL_H + GAP + PANEL_H;
  // The baseline's days inside the window, shaded only when they are not the whole chart.
  const from = baseline.firstDate === null ? -1 : days.findIndex((d) => d.date >= (baseline.firstDate ?? ''));
  const to = baseline.lastDate === null ? -1 : days.findLastIndex((d) => d.date <= (baseline.lastDate ?? ''));
  const shaded =
    from >= 0 && to >= from && to - from + 1 < days.length ? { from, count: to - from + 1 } : null;
  return (
    <figure className="use-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Use per day</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {shaded && (
          <g>
            <rect
              x={LEFT + shaded.from * slot}
              y={TOP - 4}
              width={shaded.count * slot}
              height={axisY - TOP + 4}
              className="use-chart__baseline"
            />
            <text
              x={LEFT + (shaded.from + shaded.count / 2) * slot}
              y={H - 4}
              textAnchor="middle"
              className="use-chart__tick use-chart__baseline-label"
            >
              Baseline
            </text>
          </g>
        )}
        {panel('doses', TOP, 'Doses per day', '')}
        {panel('grams', TOP + PANEL_H + GAP, 'Leaf grams per day (strong forms not added)', ' g')}
        {days.map((d, i) =>
          i % labelEvery === 0 ? (
            <text
              key={d.date}
              x={LEFT + i * slot + slot / 2}
              y={axisY + 14}
              textAnchor="middle"
              className="use-chart__tick"
            >
              <tspan x={LEFT + i * slot + slot / 2}>{formatWeekday(d.date)}</tspan>
              <tspan x={LEFT + i * slot + slot / 2} dy={13}>
                {formatShortDate(d.date)}
              </tspan>
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="muted">
        Each bar is one calendar day
        {shaded ? '; the shaded days are the baseline' : ''}. Days with no doses show as 0.
      </figcaption>
      <details className="use-chart__data">
        <summary>Daily totals as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Doses (all forms) and leaf grams per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Doses</th>
              <th scope="col">Leaf grams</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDate(d.date)}</th>
                <td>{d.doses}</td>
                <td>{number.format(d.grams)} g</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
