/**
 * The practice's outcomes (issue 15 items 3 and 5): for a period and a clinician (or all), the caseload, discharges
 * by type, retention, measurement on schedule, PHQ-9 and GAD-7 response and remission, and the median COWS peak.
 * The page shows the counts as they are, for the clinic itself; the PDF and the CSV made from it for a funder or a
 * board are aggregate only, with every count of 1 to 10 suppressed.
 */
import { useEffect, useState } from 'react';
import { DISCHARGE_TYPES, DISCHARGE_TYPE_LABELS } from '../../../../shared/domain/clients';
import type { User } from '../../../../shared/domain/identity';
import { addDays } from '../../../../shared/domain/measures';
import {
  OUTCOME_DEFINITIONS,
  type OutcomeFigures,
  type OutcomeQuery,
} from '../../../../shared/domain/outcomes';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { NativeSelectField } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { todayLocal } from '../chart/dates';
import { PrintPdf } from '../sessions/PrintPdf';
import { BarChart } from './BarChart';
import './outcomes.css';

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);
const pctText = (n: number, d: number) => (d === 0 ? '—' : `${pct(n, d)} %`);

export function OutcomesScreen() {
  const today = todayLocal();
  const [clinicians, setClinicians] = useState<User[]>([]);
  const [figures, setFigures] = useState<OutcomeFigures | null>(null);
  const [query, setQuery] = useState<OutcomeQuery | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  useEffect(() => {
    void call('users.list', {}).then((r) => r.ok && setClinicians(r.value));
  }, []);
  const f = useForm<{ from: string; to: string; clinicianId: string }, OutcomeFigures>({
    initial: { from: addDays(today, -89), to: today, clinicianId: '' },
    fieldPrefix: 'query',
    autoFocus: false,
    send: (v) => {
      const q = { from: v.from, to: v.to, clinicianId: v.clinicianId || null };
      setQuery(q);
      return call('outcomes.practice', { query: q });
    },
    onDone: (value) => {
      setCsv(null);
      setFigures(value);
    },
  });
  // The last 90 days for the whole practice, at once.
  useEffect(() => {
    void f.submit();
    // Only the first figures: later ones come from the form.
  }, []);

  return (
    <div className="page">
      <h1 tabIndex={-1}>Outcomes</h1>
      <form
        ref={f.form}
        className="panel outcome-filters"
        aria-label="Period and clinician"
        onSubmit={f.submit}
        noValidate
      >
        <FormMessage message={f.formError} />
        <Field label="From" type="date" {...f.text('from')} />
        <Field label="To" type="date" {...f.text('to')} />
        <NativeSelectField
          label="Clinician"
          value={f.values.clinicianId}
          onChange={(e) => f.set('clinicianId', e.target.value)}
        >
          <option value="">All clinicians</option>
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </NativeSelectField>
        <div className="actions">
          <button type="submit" className="primary" disabled={f.busy}>
            Show figures
          </button>
        </div>
      </form>
      {figures && query && <Figures f={figures} />}
      {figures && query && (
        <section className="panel" aria-labelledby="outcome-exports">
          <h2 id="outcome-exports">For a funder or a board</h2>
          <p className="muted">
            The PDF and the CSV name no client, and every count from 1 to 10 is suppressed (with a second
            cell, so none can be worked out from a total).
          </p>
          <PrintPdf
            label="Print outcomes PDF"
            print={async (paper) => {
              const r = await call('outcomes.printPdf', { query, paper });
              return r.ok ? { ok: true, path: r.value.path } : r;
            }}
          />
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                void call('outcomes.exportCsv', { query }).then((r) =>
                  setCsv(r.ok ? `CSV written to ${r.value.path}` : r.error.message),
                )
              }
            >
              Export CSV
            </button>
            <span role="status">{csv}</span>
          </div>
        </section>
      )}
    </div>
  );
}

function Figures({ f }: { f: OutcomeFigures }) {
  const dischargeTotal = DISCHARGE_TYPES.reduce((a, t) => a + f.discharges[t], 0);
  const rates = [
    { label: 'Retained at 30 days', n: f.retention30.count, d: f.retention30.eligible },
    { label: 'Retained at 90 days', n: f.retention90.count, d: f.retention90.eligible },
    { label: 'Measured on schedule', n: f.measuredOnSchedule.count, d: f.measuredOnSchedule.eligible },
    { label: 'PHQ-9 response', n: f.phq9.response, d: f.phq9.eligible },
    { label: 'PHQ-9 remission', n: f.phq9.remission, d: f.phq9.eligible },
    { label: 'GAD-7 response', n: f.gad7.response, d: f.gad7.eligible },
    { label: 'GAD-7 remission', n: f.gad7.remission, d: f.gad7.eligible },
  ];
  return (
    <>
      <section className="panel" aria-labelledby="outcome-figures">
        <h2 id="outcome-figures">
          {f.clinicianName ?? 'All clinicians'}: {f.from} to {f.to}
        </h2>
        <dl className="outcome-figures">
          <Figure term="Clients in care" value={String(f.clientsInCare)} />
          <Figure term="Admissions" value={String(f.admissions)} />
          <Figure term="Discharges" value={String(dischargeTotal)} />
          {rates.map((r) => (
            <Figure key={r.label} term={r.label} value={pctText(r.n, r.d)} note={`${r.n} of ${r.d}`} />
          ))}
          <Figure
            term="Median COWS peak"
            value={f.cowsPeak.median === null ? '—' : String(f.cowsPeak.median)}
            note={`${f.cowsPeak.clients} clients with a COWS`}
          />
        </dl>
      </section>
      <section className="panel" aria-labelledby="outcome-charts">
        <h2 id="outcome-charts">Charts</h2>
        <BarChart
          title="Discharges by type"
          bars={DISCHARGE_TYPES.map((t) => ({ label: DISCHARGE_TYPE_LABELS[t], value: f.discharges[t] }))}
        />
        <BarChart
          title="Rates (per cent of eligible clients)"
          bars={rates.map((r) => ({ label: r.label, value: pct(r.n, r.d) }))}
          max={100}
          format={(v) => `${v} %`}
        />
      </section>
      <section className="panel" aria-labelledby="outcome-definitions">
        <h2 id="outcome-definitions">How the figures are counted</h2>
        <ul>
          {OUTCOME_DEFINITIONS.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Figure({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        {value} {note && <span className="muted">({note})</span>}
      </dd>
    </div>
  );
}
