/** The 3–5 day baseline a taper starts from (CLINICAL.md §1.1), read from the first days of the use log. */
import { productFormsText } from '../../../../shared/domain/intake';
import {
  BASELINE_MAX_DAYS,
  BASELINE_MIN_DAYS,
  FORM_GROUP_LABELS,
  formatAmount,
  TRIGGER_LABELS,
  type BaselineSummary,
} from '../../../../shared/domain/useLog';
import type { ReactNode } from 'react';
import { formatDateRange } from './dates';

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function BaselinePanel({ summary }: { summary: BaselineSummary }) {
  const s = summary;
  return (
    <section className="panel baseline" aria-labelledby="baseline-title">
      <h3 id="baseline-title">
        Baseline{' '}
        <span className="muted">
          (first {BASELINE_MIN_DAYS}–{BASELINE_MAX_DAYS} days of the log)
        </span>
      </h3>
      {s.days === 0 ? (
        <p className="muted">
          No doses logged yet. Log every dose for {BASELINE_MIN_DAYS} to {BASELINE_MAX_DAYS} days to set the
          baseline.
        </p>
      ) : (
        <>
          {!s.complete && (
            <p className="baseline__incomplete" data-testid="baseline-incomplete">
              Only {s.days} {s.days === 1 ? 'day' : 'days'} logged: a baseline needs at least{' '}
              {BASELINE_MIN_DAYS} days. The figures below are provisional.
            </p>
          )}
          <dl className="baseline__figures">
            <Figure term="Days">
              {s.days}
              {s.firstDate && s.lastDate && (
                <span className="baseline__range">{formatDateRange(s.firstDate, s.lastDate)}</span>
              )}
            </Figure>
            <Figure term="Mean doses a day" testId="mean-doses">
              {fmt(s.meanDosesPerDay)}
            </Figure>
            <Figure term="Leaf grams a day" testId="mean-grams">
              {fmt(s.meanGramsPerDay, ' g')}
            </Figure>
            <Figure term="Largest leaf dose">{fmt(s.largestDoseGrams, ' g')}</Figure>
            <Figure term="Commonest triggers" testId="top-triggers">
              {s.topTriggers.length === 0 ? (
                'None recorded'
              ) : (
                <ol className="baseline__triggers">
                  {s.topTriggers.map((t) => (
                    <li key={t.trigger}>
                      {TRIGGER_LABELS[t.trigger]} <span className="muted">×{t.count}</span>
                    </li>
                  ))}
                </ol>
              )}
            </Figure>
          </dl>
          {s.strongFormsLogged.length > 0 && (
            <p className="baseline__strong" role="note" data-testid="strong-forms">
              Strong products in the log: {productFormsText(s.strongFormsLogged)}. They are far more potent
              than leaf — the dose only looks smaller — so they are shown apart and never added into leaf
              grams.
            </p>
          )}
          <table className="table baseline__forms" data-testid="baseline-by-form">
            <caption>Per product form, a day over the baseline days</caption>
            <thead>
              <tr>
                <th scope="col">Form</th>
                <th scope="col" className="num">
                  Doses a day
                </th>
                <th scope="col" className="num">
                  Amount a day
                </th>
              </tr>
            </thead>
            <tbody>
              {s.byForm.map((f) => (
                <tr key={f.group}>
                  <th scope="row">{FORM_GROUP_LABELS[f.group]}</th>
                  <td className="num">{number.format(f.dosesPerDay)}</td>
                  <td className="num">
                    {f.amountsPerDay.map((a) => formatAmount(a.amount, a.unit)).join(' + ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Figure({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

const fmt = (n: number | null, unit = '') => (n === null ? '—' : `${number.format(n)}${unit}`);
