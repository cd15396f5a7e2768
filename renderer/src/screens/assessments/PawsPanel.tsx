/**
 * Post-acute check-ins (CLINICAL.md §1.4: mood swings, anxiety, sleep problems and cravings can last weeks to
 * months after the acute phase): sleep, mood, craving and energy, 0–10 each, with the date; charted over the weeks
 * in SVG beside a table of the same numbers. Each check-in is kept as recorded.
 */
import { useEffect, useId, useState } from 'react';
import {
  PAWS_LABELS,
  PAWS_MEASURES,
  type PawsCheckin,
  type PawsCheckinInput,
  type PawsMeasure,
} from '../../../../shared/domain/withdrawalCourse';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { SelectField, TextArea, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { formatDate, formatShortDate, todayLocal } from '../chart/dates';

type Values = { checkinDate: string; note: string } & Record<PawsMeasure, string>;
const SCORE_OPTIONS: Option<string>[] = [
  { value: '', label: 'Choose' },
  ...Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) })),
];
const COLOURS: Record<PawsMeasure, string> = {
  sleep: '#1f4e8c',
  mood: '#2e7d32',
  craving: '#b00020',
  energy: '#8c4a1f',
};
const DASH: Record<PawsMeasure, string | undefined> = {
  sleep: undefined,
  mood: '6 3',
  craving: undefined,
  energy: '2 3',
};

export function PawsPanel({ clientId, inPostAcute }: { clientId: string; inPostAcute: boolean }) {
  const [list, setList] = useState<PawsCheckin[] | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void call('paws.list', { clientId }).then((r) => setList(r.ok ? r.value : []));
  }, [clientId]);
  return (
    <section className="panel paws" aria-labelledby="paws-title">
      <div className="meds__head">
        <h3 id="paws-title">Post-acute check-ins</h3>
        {!adding && (
          <button type="button" className="primary-outline" onClick={() => setAdding(true)}>
            Add check-in
          </button>
        )}
      </div>
      <p className="muted">
        After the acute phase, post-acute symptoms — mood swings, anxiety, sleep problems, cravings — can last
        weeks to months.
        {!inPostAcute && ' The client is not yet past the usual acute phase (about 5–10 days).'}
      </p>
      {adding && (
        <PawsForm
          clientId={clientId}
          onSaved={(c) => {
            setList((l) => [...(l ?? []), c].sort((a, b) => a.checkinDate.localeCompare(b.checkinDate)));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {list && list.length === 0 && <p className="muted">No check-ins yet.</p>}
      {list && list.length > 0 && (
        <>
          <PawsChart list={list} />
          <table className="table">
            <caption className="visually-hidden">Post-acute check-ins, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                {PAWS_MEASURES.map((m) => (
                  <th key={m} scope="col" className="num">
                    {PAWS_LABELS[m].label}
                  </th>
                ))}
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{formatDate(c.checkinDate)}</th>
                  {PAWS_MEASURES.map((m) => (
                    <td key={m} className="num">
                      {c[m]}
                    </td>
                  ))}
                  <td>{c.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function PawsForm({
  clientId,
  onSaved,
  onCancel,
}: {
  clientId: string;
  onSaved: (c: PawsCheckin) => void;
  onCancel: () => void;
}) {
  const f = useForm<Values, PawsCheckin>({
    initial: { checkinDate: todayLocal(), note: '', sleep: '', mood: '', craving: '', energy: '' },
    fieldPrefix: 'checkin',
    send: (v) => {
      // An unchosen score is sent as a non-number, so the server refuses it beside its field in its own words.
      const score = (s: string) => (s === '' ? Number.NaN : Number(s));
      const checkin = {
        checkinDate: v.checkinDate,
        note: v.note,
        sleep: score(v.sleep),
        mood: score(v.mood),
        craving: score(v.craving),
        energy: score(v.energy),
      } satisfies PawsCheckinInput;
      return call('paws.add', { clientId, checkin });
    },
    onDone: onSaved,
  });
  return (
    <form
      ref={f.form}
      className="paws-form"
      aria-label="Add a post-acute check-in"
      onSubmit={f.submit}
      noValidate
    >
      <FormMessage message={f.formError} />
      <div className="form-grid">
        <Field label="Date" type="date" {...f.text('checkinDate')} />
        {PAWS_MEASURES.map((m) => (
          <SelectField
            key={m}
            label={`${PAWS_LABELS[m].label} (${PAWS_LABELS[m].low} – ${PAWS_LABELS[m].high})`}
            options={SCORE_OPTIONS}
            {...f.value(m)}
          />
        ))}
      </div>
      <TextArea label="Note" rows={2} {...f.value('note')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          Save check-in
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const W = 760;
const H = 220;
const LEFT = 36;
const RIGHT = 110;
const TOP = 14;
const BOTTOM = 34;
const DAY = 86_400_000;
const utc = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day);
};

/** Where each line's end label goes: at its last value, pushed apart so no two labels overlap (14 px apart). */
function endLabelPositions(
  last: PawsCheckin | undefined,
  y: (v: number) => number,
): Record<PawsMeasure, number> {
  const order = [...PAWS_MEASURES].sort((a, b) => (last ? last[b] - last[a] : 0));
  const out = {} as Record<PawsMeasure, number>;
  let previous = -Infinity;
  for (const m of order) {
    const at = Math.max(y(last ? last[m] : 0) + 4, previous + 14);
    out[m] = at;
    previous = at;
  }
  return out;
}

function PawsChart({ list }: { list: readonly PawsCheckin[] }) {
  const id = useId();
  const t0 = utc(list[0]?.checkinDate ?? '2000-01-01');
  const t1 = Math.max(utc(list[list.length - 1]?.checkinDate ?? '2000-01-01'), t0 + 7 * DAY);
  const x = (d: string) => LEFT + ((utc(d) - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const y = (v: number) => H - BOTTOM - (v / 10) * (H - BOTTOM - TOP);
  const labelY = endLabelPositions(list[list.length - 1], y);
  const weeks = Array.from({ length: Math.floor((t1 - t0) / (7 * DAY)) + 1 }, (_, i) => t0 + i * 7 * DAY);
  return (
    <figure className="wd-chart paws-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>Post-acute check-ins over the weeks</title>
        <desc id={`${id}-d`}>
          Sleep, mood, craving and energy, 0–10, at {list.length} check-ins. The table below lists each.
        </desc>
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} stroke="#ddd" />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" fill="#333">
              {v}
            </text>
          </g>
        ))}
        {weeks.map((t, i) => {
          const d = new Date(t).toISOString().slice(0, 10);
          return (
            <text key={t} x={x(d)} y={H - BOTTOM + 16} textAnchor="middle" fill="#333">
              {i === 0 ? formatShortDate(d) : `wk ${i}`}
            </text>
          );
        })}
        {PAWS_MEASURES.map((m) => {
          const d = list
            .map((c, i) => `${i === 0 ? 'M' : 'L'}${x(c.checkinDate).toFixed(1)},${y(c[m]).toFixed(1)}`)
            .join(' ');
          const last = list[list.length - 1];
          return (
            <g key={m}>
              <path d={d} fill="none" stroke={COLOURS[m]} strokeWidth={2} strokeDasharray={DASH[m]} />
              {list.map((c) => (
                <circle key={c.id} cx={x(c.checkinDate)} cy={y(c[m])} r={3} fill={COLOURS[m]} />
              ))}
              {last && (
                <text x={W - RIGHT + 8} y={labelY[m]} fill={COLOURS[m]}>
                  {PAWS_LABELS[m].label} {last[m]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
