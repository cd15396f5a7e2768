/**
 * The Taper tab (CLINICAL.md §1.5): plan a taper, then see plan versus actual, the steps of the current version,
 * and change it — hold the step, change the rate, restart from today's actual amount — each change a new version
 * with the old ones listed. The schedule prints for the client to take home. Keyboard-first: every action is a
 * button in reading order; a change opens one form at a time with its first field focused.
 */
import { PrintLanguageField, usePrintLanguage } from '../plans/PrintLanguage';
import { useCallback, useEffect, useState } from 'react';
import { PRODUCT_FORM_LABELS } from '../../../../shared/domain/intake';
import { TAPER_CHANGE_LABELS, stepEnd, stepOn } from '../../../../shared/domain/taper';
import type { TaperView } from '../../../../shared/ipc/contract';
import { doseSplit } from '../../../../shared/taper';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { formatDate } from '../chart/dates';
import { PrintPdf } from '../sessions/PrintPdf';
import { PlanActualChart } from './PlanActualChart';
import { HoldForm, RateForm, RestartForm, TaperCreateForm } from './TaperForms';
import './taper.css';

type Change = 'hold' | 'rate' | 'restart';
type WithCurrent = TaperView & { current: NonNullable<TaperView['current']> };

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const g = (n: number) => `${number.format(n)} g`;

/** "2 × 0.3 g + 1 × 0.4 g": the day's doses as they add up (doses may differ by one unit of the scale). */
function dosesText(dailyGrams: number, dosesPerDay: number, precision: number): string {
  if (dailyGrams === 0) return 'Stop';
  const s = doseSplit(dailyGrams, dosesPerDay, precision);
  return [
    s.smallerCount > 0 && s.grams > 0 ? `${s.smallerCount} × ${g(s.grams)}` : null,
    s.largerCount > 0 ? `${s.largerCount} × ${g(s.largerGrams)}` : null,
  ]
    .filter(Boolean)
    .join(' + ');
}

export function TaperTab({
  clientId,
  active,
  onChanged,
}: {
  clientId: string;
  /** Read again each time the tab is shown: doses logged on the Use log tab change plan versus actual. */
  active: boolean;
  onChanged: () => void;
}) {
  const [view, setView] = useState<TaperView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [change, setChange] = useState<Change | null>(null);
  const [saved, setSaved] = useState('');
  const printLanguage = usePrintLanguage(clientId);

  const load = useCallback(async () => {
    const r = await call('taper.get', { clientId });
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [clientId]);

  useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const onSaved = (next: TaperView) => {
    setView(next);
    setChange(null);
    const c = next.current;
    setSaved(c ? `${TAPER_CHANGE_LABELS[c.change]}: version ${c.version} saved.` : '');
    onChanged();
  };

  if (error) {
    return (
      <p className="banner banner--error" role="alert">
        {error}
      </p>
    );
  }
  if (!view) return <div aria-busy="true" />;
  if (!view.current) {
    return (
      <section aria-labelledby="taper-title">
        <h2 id="taper-title">Taper</h2>
        <TaperCreateForm clientId={clientId} onSaved={onSaved} />
      </section>
    );
  }
  const v = view as WithCurrent;
  const c = v.current;
  const today = stepOn(c.steps, v.today);
  const over = v.actual.filter((d) => d.overPlan).length;
  const strong = v.actual.filter((d) => d.strongForm).length;

  return (
    <section aria-labelledby="taper-title" className="taper">
      <h2 id="taper-title">Taper</h2>
      <p role="status" className="taper__saved">
        {saved}
      </p>
      <div className="panel taper__summary">
        <dl className="taper__facts">
          <div>
            <dt>Product</dt>
            <dd>
              {c.product} ({PRODUCT_FORM_LABELS[c.form]})
            </dd>
          </div>
          <div>
            <dt>Today</dt>
            <dd>
              {today ? `${g(today.dailyGrams)} a day` : `Starts ${formatDate(c.steps[0]?.date ?? v.today)}`}
            </dd>
          </div>
          <div>
            <dt>Pace</dt>
            <dd>
              {number.format(c.reductionPercent)} % every {c.daysPerStep} days, {c.dosesPerDay}{' '}
              {c.dosesPerDay === 1 ? 'dose' : 'doses'} a day, scale {g(c.precisionGrams)}
            </dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>
              {c.version} — {TAPER_CHANGE_LABELS[c.change]}
            </dd>
          </div>
        </dl>
        {(over > 0 || strong > 0) && (
          <p className="taper-warning" role="note">
            {over > 0 && `${over} ${over === 1 ? 'day' : 'days'} over plan. `}
            {strong > 0 &&
              `${strong} ${strong === 1 ? 'day' : 'days'} with an extract, shot or 7-OH product logged: switching ` +
                'to a strong form is not a taper.'}
          </p>
        )}
        <div className="actions taper__actions" role="group" aria-label="Change the taper">
          <button type="button" onClick={() => setChange('hold')} aria-pressed={change === 'hold'}>
            Hold this step
          </button>
          <button type="button" onClick={() => setChange('rate')} aria-pressed={change === 'rate'}>
            Change the rate
          </button>
          <button type="button" onClick={() => setChange('restart')} aria-pressed={change === 'restart'}>
            Restart from today&rsquo;s amount
          </button>
        </div>
      </div>
      {change === 'hold' && <HoldForm view={v} onSaved={onSaved} onCancel={() => setChange(null)} />}
      {change === 'rate' && <RateForm view={v} onSaved={onSaved} onCancel={() => setChange(null)} />}
      {change === 'restart' && <RestartForm view={v} onSaved={onSaved} onCancel={() => setChange(null)} />}

      <section className="panel" aria-labelledby="plan-actual-title">
        <h3 id="plan-actual-title">Plan versus actual</h3>
        {v.actual.length === 0 ? (
          <p className="muted">The taper starts on {formatDate(c.steps[0]?.date ?? v.today)}.</p>
        ) : (
          <PlanActualChart days={v.actual} form={c.form} />
        )}
      </section>

      <section className="panel" aria-labelledby="taper-steps-title">
        <h3 id="taper-steps-title">Steps (version {c.version})</h3>
        <table className="table taper-steps">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Each day</th>
              <th scope="col">Doses</th>
            </tr>
          </thead>
          <tbody>
            {c.steps.map((s, i) => {
              const end = stepEnd(c.steps, i);
              const current = today?.date === s.date;
              return (
                <tr key={s.date} className={current ? 'taper-steps__current' : undefined}>
                  <th scope="row">
                    {formatDate(s.date)}
                    {current && <span className="taper-steps__now"> (today)</span>}
                  </th>
                  <td>{end ? formatDate(end) : '—'}</td>
                  <td>{s.dailyGrams === 0 ? 'Stop' : g(s.dailyGrams)}</td>
                  <td>{dosesText(s.dailyGrams, c.dosesPerDay, c.precisionGrams)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">
          Per dose is the day&rsquo;s amount shared out on the scale: when it does not divide evenly, some
          doses are one scale step ({g(c.precisionGrams)}) larger, so the day adds up exactly.
        </p>
      </section>

      <section className="panel" aria-labelledby="taper-print-title">
        <h3 id="taper-print-title">Print the schedule for the client</h3>
        <p className="muted">
          For the client to take home: the steps, how to taper safely, what to do if withdrawal is too strong,
          and red flags with 911 and 988. A copy for the client themself is not a disclosure; it is recorded
          in the audit log as a print.
        </p>
        <PrintLanguageField {...printLanguage} />
        <PrintPdf
          label="Print taper schedule"
          print={async (paper) => {
            const r = await call('taper.printPdf', { clientId, paper, language: printLanguage.language });
            if (r.ok) printLanguage.printed();
            return r.ok ? { ok: true, path: r.value.path } : { ok: false, error: r.error };
          }}
        />
      </section>

      <section className="panel" aria-labelledby="taper-versions-title">
        <h3 id="taper-versions-title">Versions</h3>
        <ol className="taper-versions" reversed>
          {v.versions.map((x) => (
            <li key={x.version}>
              <strong>
                Version {x.version}: {TAPER_CHANGE_LABELS[x.change]}
              </strong>{' '}
              <span className="muted">
                {formatDateTime(x.createdAtMs)}
                {x.createdByName ? `, ${x.createdByName}` : ''} · from {formatDate(x.effectiveDate)}
                {x.holdDays ? ` · held ${x.holdDays} days` : ''} · {number.format(x.reductionPercent)} % every{' '}
                {x.daysPerStep} days
              </span>
              {x.reason && <div>{x.reason}</div>}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
