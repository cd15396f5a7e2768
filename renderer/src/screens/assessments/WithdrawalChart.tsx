/**
 * COWS and SOWS totals over time, hand-drawn in SVG. The COWS severity bands are shaded behind the lines (mild
 * 5–12, moderate 13–24, moderately severe 25–36, severe over 36); they belong to COWS only — SOWS has no published
 * bands, so its line is drawn over them in another style and the legend says so. Induction time points are marked
 * with vertical lines. The flowsheet table beside the chart carries the same numbers for anyone who wants them.
 */
import { useId } from 'react';
import type { InductionTimePoint } from '../../../../shared/domain/assessments';
import { cows } from '../../../../shared/instruments';
import { formatTime } from '../chart/dates';
import { bandAreas, linearScale, ticksSpanDays, timeDomain, timeTicks, valueTicks } from './chartScale';

export interface WithdrawalPoint {
  id: string;
  instrument: 'cows' | 'sows';
  atMs: number;
  total: number;
}

export interface TimePointMark {
  atMs: number;
  timePoint: InductionTimePoint;
}

const W = 760;
const H = 300;
const LEFT = 40;
const RIGHT = 150;
const TOP = 16;
const BOTTOM = 40;
const COWS_MAX = cows.range.max;
const SOWS_MAX = 64;
/** About the width of the longest induction label ("Before 1st dose") at the chart's font size. */
const MARK_LABEL_W = 90;

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const MARK_LABEL: Record<InductionTimePoint, string> = {
  'before-first-dose': 'Before 1st dose',
  '30-min': '30 min after',
  '2-h': '2 h after',
};

export function WithdrawalChart({
  points,
  marks,
}: {
  points: readonly WithdrawalPoint[];
  marks: readonly TimePointMark[];
}) {
  const id = useId();
  const cowsPoints = points.filter((p) => p.instrument === 'cows').sort((a, b) => a.atMs - b.atMs);
  const sowsPoints = points.filter((p) => p.instrument === 'sows').sort((a, b) => a.atMs - b.atMs);
  // One score axis: COWS's own range unless a SOWS total needs the taller one.
  const top = sowsPoints.some((p) => p.total > COWS_MAX) ? SOWS_MAX : COWS_MAX;
  const [t0, t1] = timeDomain([...points.map((p) => p.atMs), ...marks.map((m) => m.atMs)]);
  const x = linearScale([t0, t1], [LEFT, W - RIGHT]);
  const y = linearScale([0, top], [H - BOTTOM, TOP]);
  const ticks = timeTicks(t0, t1, 8);
  const withDates = ticksSpanDays(ticks);
  const areas = bandAreas(cows.bands.default, COWS_MAX, 5);
  const line = (ps: readonly WithdrawalPoint[]) =>
    ps.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.atMs).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const last = cowsPoints[cowsPoints.length - 1];

  return (
    <figure className="wd-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>Withdrawal scores over time</title>
        <desc id={`${id}-d`}>
          {cowsPoints.length} COWS {cowsPoints.length === 1 ? 'rating' : 'ratings'}
          {last ? `, latest ${last.total}` : ''}; {sowsPoints.length} SOWS{' '}
          {sowsPoints.length === 1 ? 'rating' : 'ratings'}. COWS severity bands are shaded. The table lists
          each rating.
        </desc>
        {areas.map((a, i) => (
          <g key={a.id} className={`wd-chart__band wd-chart__band--${i + 1}`}>
            <rect x={LEFT} y={y(a.to)} width={W - RIGHT - LEFT} height={y(a.from) - y(a.to)} />
            <text x={W - RIGHT + 6} y={(y(a.from) + y(a.to)) / 2 + 4} className="wd-chart__band-label">
              {a.label.replace(' withdrawal', '')} {a.min}–{a.max}
            </text>
          </g>
        ))}
        {valueTicks(top, 4).map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} className="wd-chart__grid" />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="wd-chart__tick">
              {v}
            </text>
          </g>
        ))}
        {ticks.map((t, i) => {
          const showDate =
            withDates && (i === 0 || new Date(t).getDate() !== new Date(ticks[i - 1] ?? t).getDate());
          return (
            <text key={t} x={x(t)} y={H - BOTTOM + 16} textAnchor="middle" className="wd-chart__tick">
              <tspan x={x(t)}>{formatTime(t)}</tspan>
              {showDate && (
                <tspan x={x(t)} dy={13}>
                  {dayFormat.format(t)}
                </tspan>
              )}
            </text>
          );
        })}
        {marks.map((m, i) => (
          <g key={`${m.atMs}-${m.timePoint}`} className="wd-chart__mark">
            <line x1={x(m.atMs)} x2={x(m.atMs)} y1={TOP} y2={H - BOTTOM} />
            {/* Induction marks come in quick succession (before, 30 min, 2 h): alternate rows so labels never collide. */}
            {/* Near the right edge the label goes left of its line, clear of the band labels. */}
            <text
              x={x(m.atMs) > W - RIGHT - MARK_LABEL_W ? x(m.atMs) - 4 : x(m.atMs) + 4}
              textAnchor={x(m.atMs) > W - RIGHT - MARK_LABEL_W ? 'end' : 'start'}
              y={TOP + 10 + (i % 2) * 14}
              className="wd-chart__mark-label"
            >
              {MARK_LABEL[m.timePoint]}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} className="wd-chart__axis" />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={y(0)} className="wd-chart__axis" />
        {sowsPoints.length > 0 && (
          <path d={line(sowsPoints)} className="wd-chart__line wd-chart__line--sows" />
        )}
        {sowsPoints.map((p) => (
          <g key={p.id}>
            <rect
              x={x(p.atMs) - 4}
              y={y(p.total) - 4}
              width={8}
              height={8}
              className="wd-chart__point wd-chart__point--sows"
            />
            <text
              x={x(p.atMs)}
              y={y(p.total) + 17}
              textAnchor="middle"
              className="wd-chart__value wd-chart__value--sows"
            >
              {p.total}
            </text>
          </g>
        ))}
        {cowsPoints.length > 0 && (
          <path d={line(cowsPoints)} className="wd-chart__line wd-chart__line--cows" />
        )}
        {cowsPoints.map((p) => (
          <g key={p.id}>
            <circle cx={x(p.atMs)} cy={y(p.total)} r={5} className="wd-chart__point wd-chart__point--cows" />
            <text x={x(p.atMs)} y={y(p.total) - 9} textAnchor="middle" className="wd-chart__value">
              {p.total}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="wd-chart__legend">
        <span className="wd-legend wd-legend--cows">COWS total (clinician)</span>
        <span className="wd-legend wd-legend--sows">SOWS total (client; no bands, total only)</span>
        <span className="wd-legend wd-legend--band">Shading: COWS severity bands</span>
        <span className="wd-legend wd-legend--mark">Induction time points</span>
      </figcaption>
    </figure>
  );
}
