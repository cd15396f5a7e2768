/**
 * The expected course of withdrawal beside the client's own ratings (CLINICAL.md §1.4): onset 6–24 h after the last
 * dose, peak on days 1–3, the acute phase resolving in about 5–10 days, post-acute symptoms for weeks to months.
 * The spans are typical, not a prediction; the client's COWS and SOWS totals are drawn at their hours since the
 * last dose, and "now" is marked. Square-root time axis, so the first hours are readable beside the weeks.
 */
import { useId } from 'react';
import { COURSE_PHASE_LABELS } from '../../../../shared/domain/withdrawalCourse';
import { formatDateTime } from '../../format';
import { COURSE_SPANS, durationText, sqrtPosition, type CourseModel } from './courseModel';

const W = 760;
const H = 220;
const LEFT = 40;
const RIGHT = 20;
const TOP = 34;
const BOTTOM = 40;
const TOP_SCORE = 48;
const TICKS_H = [6, 24, 72, 120, 240, 24 * 14, 24 * 28, 24 * 56, 24 * 90];

const tickLabel = (h: number) =>
  h < 48 ? `${h} h` : h % 168 === 0 && h >= 336 ? `${h / 168} wk` : `day ${h / 24}`;

export function CourseView({ model, nowMs }: { model: CourseModel; nowMs: number }) {
  const id = useId();
  const x = (hours: number) => LEFT + sqrtPosition(hours, model.maxHours) * (W - LEFT - RIGHT);
  const top = Math.max(TOP_SCORE, ...model.points.map((p) => p.total));
  const y = (v: number) => H - BOTTOM - (v / top) * (H - BOTTOM - TOP);
  const cows = model.points.filter((p) => p.instrument === 'cows');
  const sows = model.points.filter((p) => p.instrument === 'sows');
  const path = (ps: typeof cows) =>
    ps.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.hours).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const nowIn = model.nowHours >= 0;
  return (
    <section className="panel course" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Where the client is on the expected course</h3>
      <p>
        Last dose {formatDateTime(model.lastDoseAtMs)}.{' '}
        {nowIn ? (
          <span className="course__now" data-testid="course-now">
            Now: {durationText(model.nowHours)} since the last dose —{' '}
            {model.nowPhase ? COURSE_PHASE_LABELS[model.nowPhase] : ''}.
          </span>
        ) : (
          'The last dose recorded is in the future; check the time.'
        )}
      </p>
      <figure className="wd-chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
          <title id={`${id}-t`}>Expected withdrawal course and the client&apos;s ratings</title>
          <desc id={`${id}-d`}>
            Typical spans after the last dose (onset 6–24 h, peak days 1–3, acute phase resolving in about
            5–10 days, post-acute weeks to months), with {cows.length} COWS and {sows.length} SOWS totals at
            their hours since the last dose{nowIn ? `, and now at ${durationText(model.nowHours)}` : ''}.
          </desc>
          {COURSE_SPANS.map((s, i) => {
            const x0 = x(s.from);
            const x1 = x(s.to ?? model.maxHours);
            return (
              <g key={s.phase} className={`course__span course__span--${s.phase}`}>
                <rect
                  x={x0}
                  y={TOP}
                  width={Math.max(0, x1 - x0)}
                  height={H - BOTTOM - TOP}
                  fill={SPAN_FILL[i]}
                />
                <text x={(x0 + x1) / 2} y={TOP - 6 - (i % 2) * 12} textAnchor="middle" fill="#333">
                  {s.label}
                </text>
              </g>
            );
          })}
          <line x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} stroke="#555" />
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={y(0)} stroke="#555" />
          {[0, 12, 24, 36, 48]
            .filter((v) => v <= top)
            .map((v) => (
              <text key={v} x={LEFT - 6} y={y(v) + 4} textAnchor="end" fill="#333">
                {v}
              </text>
            ))}
          {TICKS_H.filter((h) => h <= model.maxHours).map((h) => (
            <g key={h}>
              <line x1={x(h)} x2={x(h)} y1={y(0)} y2={y(0) + 4} stroke="#555" />
              <text x={x(h)} y={y(0) + 16} textAnchor="middle" fill="#333">
                {tickLabel(h)}
              </text>
            </g>
          ))}
          <text x={W - RIGHT} y={H - 6} textAnchor="end" fill="#555">
            time since the last dose (square-root scale)
          </text>
          {cows.length > 0 && <path d={path(cows)} className="wd-chart__line wd-chart__line--cows" />}
          {cows.map((p) => (
            <circle
              key={p.id}
              cx={x(p.hours)}
              cy={y(p.total)}
              r={4.5}
              className="wd-chart__point wd-chart__point--cows"
            />
          ))}
          {sows.length > 0 && <path d={path(sows)} className="wd-chart__line wd-chart__line--sows" />}
          {sows.map((p) => (
            <rect
              key={p.id}
              x={x(p.hours) - 4}
              y={y(p.total) - 4}
              width={8}
              height={8}
              className="wd-chart__point wd-chart__point--sows"
            />
          ))}
          {nowIn && (
            <g>
              <line
                x1={x(model.nowHours)}
                x2={x(model.nowHours)}
                y1={TOP}
                y2={y(0)}
                stroke="#b00020"
                strokeWidth={2}
              />
              <text
                x={x(model.nowHours) + (x(model.nowHours) > W - 80 ? -4 : 4)}
                textAnchor={x(model.nowHours) > W - 80 ? 'end' : 'start'}
                y={TOP + 12}
                fill="#b00020"
              >
                now
              </text>
            </g>
          )}
        </svg>
        <figcaption className="wd-chart__legend">
          <span className="wd-legend wd-legend--cows">COWS total</span>
          <span className="wd-legend wd-legend--sows">SOWS total</span>
          <span>Red line: now ({formatDateTime(nowMs)})</span>
          <span>Shading: typical spans (CLINICAL.md §1.4), not a prediction</span>
        </figcaption>
      </figure>
    </section>
  );
}

const SPAN_FILL = ['#fdf3d8', '#f9dccb', '#f3e6f5', '#e3eef9', '#e4f3e6'];
