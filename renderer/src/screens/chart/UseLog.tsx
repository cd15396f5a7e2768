/**
 * The baseline use log (CLINICAL.md §1.1): fast keyboard entry of each dose, the per-day chart, the 3–5 day
 * baseline summary and the table of doses.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  baselineSummary,
  CHART_MAX_DAYS,
  dailyTotals,
  formatAmount,
  type UseLogEntry,
} from '../../../../shared/domain/useLog';
import { call, type AppErrorShape } from '../../api/client';
import { formatDateTime } from '../../format';
import { BaselinePanel } from './BaselinePanel';
import { DoseEntryForm } from './DoseEntryForm';
import { UseLogChart } from './UseLogChart';
import { UseLogTable } from './UseLogTable';
import { draftOf, newDraft, toInput, type DoseDraft } from './useLogDraft';
import './useLog.css';

export function UseLog({
  clientId,
  onChanged,
}: {
  clientId: string;
  /** After a dose is saved or deleted: the log as it now stands (the chart counts it and reads its cautions). */
  onChanged: (entries: readonly UseLogEntry[]) => void;
}) {
  const [entries, setEntries] = useState<UseLogEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<DoseDraft>(() => newDraft(null));
  const [editingId, setEditingId] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const focusFirst = () => form.current?.querySelector<HTMLInputElement>('input')?.focus();

  useEffect(() => {
    let live = true;
    void call('useLog.list', { clientId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoadError(r.error.message);
      setEntries(r.value);
      // Start the row from the product of the most recent dose.
      const last = [...r.value].sort((a, b) => b.takenAtMs - a.takenAtMs)[0];
      if (last) setDraft(newDraft(last));
    });
    return () => {
      live = false;
    };
  }, [clientId]);

  const replaceEntries = useCallback(
    (next: UseLogEntry[]) => {
      setEntries(next);
      onChanged(next);
    },
    [onChanged],
  );

  const days = useMemo(() => dailyTotals(entries ?? []), [entries]);
  const summary = useMemo(() => baselineSummary(entries ?? []), [entries]);
  // Doses outside the chart's window (earlier than its days, or with a time that is not a date) are in the table.
  const notCharted = (entries?.length ?? 0) - days.reduce((n, d) => n + d.doses, 0);

  if (loadError) {
    return (
      <div className="banner banner--error" role="alert">
        {loadError}
      </div>
    );
  }
  if (!entries) return <div aria-busy="true" />;

  async function save() {
    if (busy || !entries) return;
    const built = toInput(draft);
    if ('errors' in built) {
      setError({
        code: 'INVALID_INPUT',
        message: built.errors[0]?.message ?? '',
        fields: built.errors,
        retryAfterMs: null,
      });
      setStatus('');
      return;
    }
    setBusy(true);
    const result = editingId
      ? await call('useLog.update', { id: editingId, entry: built.entry })
      : await call('useLog.add', { clientId, entry: built.entry });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setStatus('');
      return;
    }
    const saved = result.value;
    replaceEntries([...entries.filter((e) => e.id !== saved.id), saved]);
    setError(null);
    setStatus(
      `${editingId ? 'Changes saved' : 'Dose saved'}: ${formatAmount(saved.amount, saved.unit)} at ${formatDateTime(saved.takenAtMs)}.`,
    );
    setEditingId(null);
    setDraft(newDraft(saved));
    focusFirst();
  }

  async function remove(id: string) {
    if (!entries) return;
    const result = await call('useLog.delete', { id });
    setConfirmingId(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    replaceEntries(entries.filter((e) => e.id !== id));
    setStatus('Dose deleted.');
    if (editingId === id) cancelEdit();
    focusFirst();
  }

  function edit(entry: UseLogEntry) {
    setEditingId(entry.id);
    setDraft(draftOf(entry));
    setError(null);
    setStatus('');
    focusFirst();
  }

  function cancelEdit() {
    setEditingId(null);
    setError(null);
    setDraft((d) => newDraft(d));
    focusFirst();
  }

  return (
    <div className="use-log">
      <h2 className="visually-hidden">Use log</h2>
      <DoseEntryForm
        formRef={form}
        draft={draft}
        onChange={(p) => {
          setDraft((d) => ({ ...d, ...p }));
          setStatus('');
        }}
        onSubmit={() => void save()}
        onCancel={editingId ? cancelEdit : null}
        editing={editingId !== null}
        busy={busy}
        error={error}
        status={status}
      />
      <div className="use-log__overview">
        <BaselinePanel summary={summary} />
        {days.length > 0 && (
          <section className="panel" aria-labelledby="use-chart-title">
            <h3 id="use-chart-title">Use per day</h3>
            <UseLogChart days={days} baseline={summary} />
            {notCharted > 0 && (
              <p className="muted" data-testid="not-charted">
                The chart shows up to the latest {CHART_MAX_DAYS} days. {notCharted}{' '}
                {notCharted === 1 ? 'dose is' : 'doses are'} dated outside it: see the table of doses below.
              </p>
            )}
          </section>
        )}
      </div>
      <section className="panel" aria-labelledby="doses-title">
        <h3 id="doses-title">
          Doses <span className="muted">({entries.length})</span>
        </h3>
        <UseLogTable
          entries={entries}
          editingId={editingId}
          confirmingId={confirmingId}
          onEdit={edit}
          onAskDelete={setConfirmingId}
          onDelete={(id) => void remove(id)}
          onCancelDelete={() => setConfirmingId(null)}
        />
      </section>
    </div>
  );
}
