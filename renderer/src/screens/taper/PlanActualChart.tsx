/**
 * Plan versus actual, hand-drawn in SVG in the style of the use-log chart: a bar per day of the grams of the
 * taper's product form that were logged, the planned daily amount as a step line over them, days over plan drawn
 * in the warning colour with a marker above, and days with a strong form (extract, shot, 7-OH) flagged under the
 * axis — flagged, not hidden, and never added into the bars (CLINICAL.md §1.5). A day with nothing logged has no
 * bar and is marked "not logged". The same numbers are in the table below the chart.
 */
import { useId } from 'react';
import { PRODUCT_FORM_LABELS, type ProductForm } from '../../../../shared/domain/intake';
import { describeOtherFormUse, type PlanActualDay } from '../../../../shared/domain/taper';
import { formatDate, formatShortDate, formatWeekday } from '../chart/dates';
import { niceTicks } from '../chart/UseLogChart';

const W = 680;
const LEFT = 48;
const RIGHT = 12;
const TOP = 26;
const PLOT_H = 200;
const AXIS_H = 64;
const H = TOP + PLOT_H + AXIS_H;

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const g = (n: number) => `${number.format(n)} g`;

export function PlanActualChart({ days, form }: { days: readonly PlanActualDay[]; form: ProductForm }) {
  const id = useId();
  if (days.length === 0) return null;
  const formLabel = PRODUCT_FORM_LABELS[form].toLowerCase();
  const plotW = W - LEFT - RIGHT;
  const slot = plotW / days.length;
  const barW = Math.min(40, slot * 0.6);
  const labelEvery = Math.ceil(days.length / 12);
  const ticks = niceTicks(Math.max(...days.map((d) => Math.max(d.plannedGrams, d.loggedGrams ?? 0))));
  const max = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => TOP + PLOT_H - (v / max) * PLOT_H;
  const over = days.filter((d) => d.overPlan).length;
  const strong = days.filter((d) => d.strongForm).length;
  const first = days[0];
  const last = days[days.length - 1];
  const summary =
    first && last
      ? `Planned and logged grams of ${formLabel} per day from ${formatDate(first.date)} to ${formatDate(last.date)}: ` +
        `${over} ${over === 1 ? 'day' : 'days'} over plan, ${strong} ${strong === 1 ? 'day' : 'days'} with a strong ` +
        'form logged. The table below lists each day.'
      : '';
  // The plan as a step line: flat across each day, a vertical where the plan changes.
  const plan = days
    .map((d, i) => {
      const x0 = LEFT + i * slot;
      return `${i === 0 ? 'M' : 'L'}${x0},${y(d.plannedGrams)} L${x0 + slot},${y(d.plannedGrams)}`;
    })
    .join(' ');
  const axisY = TOP + PLOT_H;
  return (
    <figure className="use-chart plan-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Plan versus actual</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <text x={LEFT} y={TOP - 12} className="use-chart__title">
          Grams of {formLabel} per day
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
          const cx = LEFT + i * slot + slot / 2;
          if (d.loggedGrams === null) {
            return (
              <text key={d.date} x={cx} y={axisY - 4} textAnchor="middle" className="plan-chart__missing">
                –
              </text>
            );
          }
          return (
            <g key={d.date}>
              <rect
                x={cx - barW / 2}
                y={y(d.loggedGrams)}
                width={barW}
                height={Math.max(axisY - y(d.loggedGrams), 0)}
                rx={2}
                className={d.overPlan ? 'plan-chart__bar plan-chart__bar--over' : 'plan-chart__bar'}
              />
              {d.overPlan && (
                <text x={cx} y={y(d.loggedGrams) - 5} textAnchor="middle" className="plan-chart__over">
                  ▲
                </text>
              )}
            </g>
          );
        })}
        <path d={plan} className="plan-chart__plan" />
        <line x1={LEFT} x2={W - RIGHT} y1={axisY} y2={axisY} className="use-chart__axis" />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={axisY} className="use-chart__axis" />
        {days.map((d, i) => {
          const cx = LEFT + i * slot + slot / 2;
          return (
            <g key={d.date}>
              {d.strongForm && (
                <text x={cx} y={axisY + 44} textAnchor="middle" className="plan-chart__strong">
                  !
                </text>
              )}
              {i % labelEvery === 0 && (
                <text x={cx} y={axisY + 14} textAnchor="middle" className="use-chart__tick">
                  <tspan x={cx}>{formatWeekday(d.date)}</tspan>
                  <tspan x={cx} dy={13}>
                    {formatShortDate(d.date)}
                  </tspan>
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Bars: grams of {formLabel} logged each day; line: the planned amount. ▲ and the warning colour mark a
        day over plan; – a day with nothing logged; ! a day with an extract, shot or 7-OH product logged (not
        added into the bars).
      </figcaption>
      <table className="table plan-table">
        <caption className="visually-hidden">Planned and logged amounts per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Planned</th>
            <th scope="col">Logged ({formLabel})</th>
            <th scope="col">Doses</th>
            <th scope="col">Against plan</th>
            <th scope="col">Other forms logged</th>
          </tr>
        </thead>
        <tbody>
          {[...days].reverse().map((d) => (
            <tr key={d.date} className={d.overPlan || d.strongForm ? 'plan-table__flag' : undefined}>
              <th scope="row">{formatDate(d.date)}</th>
              <td>{g(d.plannedGrams)}</td>
              <td>{d.loggedGrams === null ? 'Not logged' : g(d.loggedGrams)}</td>
              <td>{d.loggedDoses}</td>
              <td>
                {d.loggedGrams === null
                  ? '—'
                  : d.overPlan
                    ? `Over plan by ${g(Math.round((d.loggedGrams - d.plannedGrams) * 100) / 100)}`
                    : 'Within plan'}
              </td>
              <td>
                {d.otherForms.length === 0
                  ? '—'
                  : d.otherForms.map((o) => describeOtherFormUse(o, PRODUCT_FORM_LABELS[o.form])).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
