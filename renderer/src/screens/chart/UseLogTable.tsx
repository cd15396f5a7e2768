/**
 * Logged doses, newest first, grouped by calendar day with the day's count and total; edit, and a delete that
 * asks first (in the row, not a blocking dialog).
 */
import { useEffect, useRef } from 'react';
import { PRODUCT_FORM_LABELS } from '../../../../shared/domain/intake';
import {
  amountsByFormText,
  doseDate,
  formatAmount,
  TRIGGER_LABELS,
  type UseLogEntry,
} from '../../../../shared/domain/useLog';
import { formatDateTime } from '../../format';
import { formatDate, formatTime, formatWeekday } from './dates';

export function UseLogTable({
  entries,
  editingId,
  confirmingId,
  onEdit,
  onAskDelete,
  onDelete,
  onCancelDelete,
}: {
  entries: readonly UseLogEntry[];
  editingId: string | null;
  confirmingId: string | null;
  onEdit: (entry: UseLogEntry) => void;
  onAskDelete: (id: string) => void;
  onDelete: (id: string) => void;
  onCancelDelete: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  const deleteButtons = useRef(new Map<string, HTMLButtonElement>());
  const asked = useRef<string | null>(null);
  // Asking moves focus to Keep; answering Keep puts it back on that row's Delete, so the keyboard keeps its place.
  useEffect(() => {
    if (confirmingId) keep.current?.focus();
    else if (asked.current) deleteButtons.current.get(asked.current)?.focus();
    asked.current = confirmingId;
  }, [confirmingId]);

  if (entries.length === 0) return <p className="muted">No doses logged yet.</p>;
  const newestFirst = [...entries].sort((a, b) => b.takenAtMs - a.takenAtMs);
  const row = (e: UseLogEntry) => {
    // A time saved before dose times were checked may not be a date at all: show the row, to be edited or deleted.
    const readable = doseDate(e.takenAtMs) !== null;
    const when = readable ? formatDateTime(e.takenAtMs) : 'unreadable date';
    return (
      <tr key={e.id} className={e.id === editingId ? 'use-table__editing' : undefined}>
        <td className="nowrap">{readable ? formatTime(e.takenAtMs) : '—'}</td>
        <td>{e.product}</td>
        <td>{PRODUCT_FORM_LABELS[e.form]}</td>
        <td className="num nowrap">{formatAmount(e.amount, e.unit)}</td>
        <td>{e.trigger ? TRIGGER_LABELS[e.trigger] : <span className="muted">—</span>}</td>
        <td>{e.symptomsBetweenDoses}</td>
        <td>{e.note}</td>
        <td className="use-table__actions">
          {confirmingId === e.id ? (
            <span className="confirm" role="group" aria-label={`Delete the dose of ${when}?`}>
              <span>Delete this dose?</span>
              <button type="button" className="danger" onClick={() => onDelete(e.id)}>
                Delete
              </button>
              <button type="button" ref={keep} onClick={onCancelDelete}>
                Keep
              </button>
            </span>
          ) : (
            <>
              <button type="button" className="link" onClick={() => onEdit(e)}>
                Edit<span className="visually-hidden"> dose of {when}</span>
              </button>
              <button
                type="button"
                className="link"
                ref={(el) => {
                  if (el) deleteButtons.current.set(e.id, el);
                  else deleteButtons.current.delete(e.id);
                }}
                onClick={() => onAskDelete(e.id)}
              >
                Delete<span className="visually-hidden"> dose of {when}</span>
              </button>
            </>
          )}
        </td>
      </tr>
    );
  };
  const days: Array<{ date: string | null; doses: UseLogEntry[] }> = [];
  for (const e of newestFirst) {
    const date = doseDate(e.takenAtMs);
    const day = days[days.length - 1];
    if (day?.date === date) day.doses.push(e);
    else days.push({ date, doses: [e] });
  }
  return (
    <table className="table use-table">
      <caption className="visually-hidden">Logged doses, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Product</th>
          <th scope="col">Form</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Trigger</th>
          <th scope="col">Symptoms between doses</th>
          <th scope="col">Note</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {days.map((day, i) => (
        <tbody key={day.date ?? `unreadable-${i}`}>
          <tr className="use-table__day">
            <th scope="colgroup" colSpan={8}>
              {day.date === null
                ? 'Date not readable: edit the time or delete the dose'
                : `${formatWeekday(day.date)} ${formatDate(day.date)}`}
              <span className="muted">
                {' '}
                · {day.doses.length} {day.doses.length === 1 ? 'dose' : 'doses'}:{' '}
                {amountsByFormText(day.doses)}
              </span>
            </th>
          </tr>
          {day.doses.map(row)}
        </tbody>
      ))}
    </table>
  );
}
