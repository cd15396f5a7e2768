/**
 * The chart's Medications & MAT tab (CLINICAL.md §1.6, §5): the medication list with its history and cautions, and
 * the MAT coordination notes — drafts open in the autosaving editor, signed notes as signed, with addenda and the
 * summary for the prescriber.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Consent } from '../../../../shared/domain/consents';
import { emptyMatNoteContent, type MatNote } from '../../../../shared/domain/matNotes';
import { isCurrent, medicationSummary, type Medication } from '../../../../shared/domain/medications';
import { call } from '../../api/client';
import { formatDate, todayLocal } from '../chart/dates';
import { MatNoteEditor } from './MatNoteEditor';
import { MatNoteView } from './MatNoteView';
import { MedicationsPanel } from './MedicationsPanel';
import './mat.css';

export function MatTab({
  clientId,
  medications,
  consents,
  openNoteId,
  active,
  onMedicationSaved,
  onChanged,
}: {
  clientId: string;
  medications: readonly Medication[];
  consents: readonly Consent[];
  openNoteId: string | null;
  active: boolean;
  onMedicationSaved: (m: Medication) => void;
  onChanged: () => void;
}) {
  const [notes, setNotes] = useState<MatNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<{ key: string; id: string | null } | null>(
    openNoteId ? { key: openNoteId, id: openNoteId } : null,
  );

  const load = useCallback(async () => {
    const r = await call('matNotes.list', { clientId });
    if (r.ok) setNotes(r.value);
    else setError(r.error.message);
  }, [clientId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (openNoteId) setOpen({ key: openNoteId, id: openNoteId });
  }, [openNoteId]);

  const put = (n: MatNote) =>
    setNotes((list) => {
      const rest = (list ?? []).filter((x) => x.id !== n.id);
      return [n, ...rest].sort(
        (a, b) => b.content.contactDate.localeCompare(a.content.contactDate) || b.createdAtMs - a.createdAtMs,
      );
    });
  const today = todayLocal();
  const currentNow = medications
    .filter((m) => isCurrent(m.current.medication, today))
    .map((m) => medicationSummary(m.current.medication))
    .join('; ');
  const prescribers = [
    ...new Set(medications.map((m) => m.current.medication.prescriber.trim()).filter((p) => p !== '')),
  ];
  const openNote = open?.id ? (notes?.find((n) => n.id === open.id) ?? null) : null;

  return (
    <div className="mat">
      <MedicationsPanel clientId={clientId} medications={medications} onSaved={onMedicationSaved} />
      <section className="panel mat-notes" aria-labelledby="mat-notes-title">
        <div className="meds__head">
          <h2 id="mat-notes-title">MAT coordination notes</h2>
          <button
            type="button"
            className="primary-outline"
            onClick={() => setOpen({ key: `new-${Date.now()}`, id: null })}
            disabled={open !== null && open.id === null}
          >
            New MAT note
          </button>
        </div>
        {error && (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        )}
        {notes && notes.length === 0 && !open && <p className="muted">No MAT coordination notes yet.</p>}
        {notes && notes.length > 0 && (
          <ul className="mat-note-list" aria-label="MAT coordination notes, newest first">
            {notes.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className="link"
                  aria-current={open?.id === n.id ? 'true' : undefined}
                  onClick={() => setOpen({ key: n.id, id: n.id })}
                >
                  {formatDate(n.content.contactDate)}
                  {n.content.induction ? ' · induction' : ''}
                </button>{' '}
                <span className={`badge ${n.signedAtMs === null ? 'badge--draft' : 'badge--signed'}`}>
                  {n.signedAtMs === null ? 'Draft' : 'Signed'}
                </span>
                {n.addenda.length > 0 && <span className="muted"> · {n.addenda.length} addenda</span>}
              </li>
            ))}
          </ul>
        )}
        {open &&
          (open.id === null || (openNote && openNote.signedAtMs === null) ? (
            <MatNoteEditor
              key={open.key}
              clientId={clientId}
              note={openNote}
              initial={emptyMatNoteContent(today, currentNow)}
              active={active}
              onSaved={(n) => {
                put(n);
                if (open.id === null) setOpen({ key: open.key, id: n.id });
              }}
              onSigned={(n) => {
                put(n);
                onChanged();
              }}
              onDiscarded={() => {
                setNotes((list) => (list ?? []).filter((x) => x.id !== open.id));
                setOpen(null);
              }}
            />
          ) : openNote ? (
            <MatNoteView note={openNote} consents={consents} prescribers={prescribers} onChanged={put} />
          ) : notes ? (
            <p className="muted">That MAT note is not in this chart.</p>
          ) : null)}
      </section>
    </div>
  );
}
