/**
 * Totals over time, one small SVG line chart per instrument with at least one complete administration, with the
 * band edges drawn as dashed lines where the instrument has bands (SOWS has none: total only). Below them the
 * first-versus-latest table, which is also the charts' text alternative.
 */
import { useId } from 'react';
import type { Assessment } from '../../../../shared/domain/assessments';
import {
  getInstrument,
  SCORED_INSTRUMENT_IDS,
  type ScoredInstrumentId,
  type Sex,
} from '../../../../shared/instruments';
import { bandsFor } from '../../../../shared/instruments/score';
import { formatDateTime } from '../../format';
import { formatTime } from '../chart/dates';
import { bandEdges, linearScale, timeDomain } from './chartScale';
import { bandLabel } from './instrumentText';
import { changeText, changeWords, completeSeries, firstVersusLatest, type TrendPoint } from './trends';

const W = 320;
const H = 130;
const LEFT = 30;
const RIGHT = 26;
const TOP = 10;
const BOTTOM = 22;
const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function TrendCharts({ assessments, sex }: { assessments: readonly Assessment[]; sex: Sex | null }) {
  const series = SCORED_INSTRUMENT_IDS.map((id) => ({ id, points: completeSeries(assessments, id) })).filter(
    (s) => s.points.length > 0,
  );
  if (series.length === 0) {
    return <p className="muted">Trends appear once an instrument has a complete administration.</p>;
  }
  return (
    <>
      <div className="trends">
        {series.map((s) => (
          <TrendChart key={s.id} instrumentId={s.id} points={s.points} sex={sex} />
        ))}
      </div>
      <table className="table trends__table">
        <caption className="visually-hidden">First and latest totals by instrument</caption>
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col" className="num">
              First
            </th>
            <th scope="col" className="num">
              Latest
            </th>
            <th scope="col" className="num">
              Change
            </th>
            <th scope="col">Administrations</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const c = firstVersusLatest(s.points);
            if (!c) return null;
            return (
              <tr key={s.id}>
                <th scope="row">{getInstrument(s.id).shortTitle}</th>
                <td className="num">
                  {c.first.total} <span className="muted">({formatDateTime(c.first.atMs)})</span>
                </td>
                <td className="num">
                  {c.latest.total} <span className="muted">({formatDateTime(c.latest.atMs)})</span>
                </td>
                <td className="num">
                  <span aria-hidden="true">{changeText(c.change)}</span>
                  <span className="visually-hidden">{changeWords(c.change)}</span>
                </td>
                <td>{s.points.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function TrendChart({
  instrumentId,
  points,
  sex,
}: {
  instrumentId: ScoredInstrumentId;
  points: readonly TrendPoint[];
  sex: Sex | null;
}) {
  const id = useId();
  const definition = getInstrument(instrumentId);
  // AUDIT-C's edge depends on the client's sex; the chart draws the threshold that applies to this client.
  const bands = bandsFor(definition, sex === null ? {} : { sex });
  const top = definition.range.max;
  const [t0, t1] = timeDomain(points.map((p) => p.atMs));
  const x = linearScale([t0, t1], [LEFT, W - RIGHT]);
  const y = linearScale([0, top], [H - BOTTOM, TOP]);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.atMs).toFixed(1)},${y(p.total).toFixed(1)}`)
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  // Within one day the dates would read "Nov 22 … Nov 22": show the times instead.
  const sameDay = first && last && new Date(first.atMs).toDateString() === new Date(last.atMs).toDateString();
  const axisLabel = (ms: number) => (sameDay && last !== first ? formatTime(ms) : short.format(ms));
  return (
    <figure className="trend">
      <figcaption className="trend__title">{definition.shortTitle}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        data-instrument={instrumentId}
      >
        <title id={`${id}-t`}>{definition.shortTitle} totals over time</title>
        <desc id={`${id}-d`}>
          {points.length} complete {points.length === 1 ? 'administration' : 'administrations'}; totals{' '}
          {points.map((p) => p.total).join(', ')}.
        </desc>
        <line x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} className="trend__axis" />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={y(0)} className="trend__axis" />
        {[0, top].map((v) => (
          <text key={v} x={LEFT - 5} y={y(v) + 4} textAnchor="end" className="trend__tick">
            {v}
          </text>
        ))}
        {/* Band edges: the line half a point below the band's first total, its number outside the plot. */}
        {bands &&
          bandEdges(bands).map((edge) => (
            <g key={edge} className="trend__edge">
              <line x1={LEFT} x2={W - RIGHT} y1={y(edge - 0.5)} y2={y(edge - 0.5)} />
              <text x={W - RIGHT + 3} y={y(edge - 0.5) + 3} className="trend__edge-label">
                {edge}
              </text>
            </g>
          ))}
        <path d={path} className="trend__line" />
        {points.map((p) => (
          <circle key={p.id} cx={x(p.atMs)} cy={y(p.total)} r={3.5} className="trend__point" />
        ))}
        {first && (
          <text
            x={x(first.atMs)}
            y={H - 6}
            textAnchor={last === first ? 'middle' : 'start'}
            className="trend__tick"
          >
            {axisLabel(first.atMs)}
          </text>
        )}
        {last && last !== first && (
          <text x={x(last.atMs)} y={H - 6} textAnchor="end" className="trend__tick">
            {axisLabel(last.atMs)}
          </text>
        )}
      </svg>
      {bands && (
        <p className="trend__bands">
          {bands
            .slice(1)
            .map((b) => `${bandLabel(instrumentId, b.id).replace(' withdrawal', '').toLowerCase()} ${b.min}+`)
            .join(' · ')}
        </p>
      )}
    </figure>
  );
}
