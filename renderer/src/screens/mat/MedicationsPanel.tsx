/**
 * The client's medications (CLINICAL.md §1.6, §5): current ones first, with dose, schedule, prescriber, pharmacy,
 * phase and dates, the cautions that apply, and each medication's history of changes (every version kept).
 */
import { useState } from 'react';
import {
  PHASE_LABELS,
  isCurrent,
  medicationName,
  medicationWarnings,
  type Medication,
} from '../../../../shared/domain/medications';
import { formatDateTime } from '../../format';
import { formatDate, todayLocal } from '../chart/dates';
import { MedicationForm } from './MedicationForm';
import { MedicationWarnings } from './MedicationWarnings';

export function MedicationsPanel({
  clientId,
  medications,
  onSaved,
}: {
  clientId: string;
  medications: readonly Medication[];
  onSaved: (m: Medication) => void;
}) {
  const [editing, setEditing] = useState<Medication | 'new' | null>(null);
  const today = todayLocal();
  const current = medications.filter((m) => isCurrent(m.current.medication, today));
  const past = medications.filter((m) => !isCurrent(m.current.medication, today));
  return (
    <section className="panel meds" aria-labelledby="meds-title">
      <div className="meds__head">
        <h2 id="meds-title">Medications</h2>
        <button
          type="button"
          className="primary-outline"
          onClick={() => setEditing('new')}
          disabled={editing !== null}
        >
          Add medication
        </button>
      </div>
      {editing && (
        <MedicationForm
          key={editing === 'new' ? 'new' : editing.id}
          clientId={clientId}
          existing={editing === 'new' ? null : editing}
          onSaved={(m) => {
            setEditing(null);
            onSaved(m);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {medications.length === 0 && <p className="muted">No medications recorded.</p>}
      {current.length > 0 && (
        <MedicationTable title="Current" list={current} onChange={setEditing} busy={editing !== null} />
      )}
      {past.length > 0 && (
        <MedicationTable title="Stopped" list={past} onChange={setEditing} busy={editing !== null} />
      )}
    </section>
  );
}

function MedicationTable({
  title,
  list,
  onChange,
  busy,
}: {
  title: string;
  list: readonly Medication[];
  onChange: (m: Medication) => void;
  busy: boolean;
}) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="med-list">
        {list.map((m) => {
          const v = m.current.medication;
          const name = medicationName(v);
          return (
            <li key={m.id} className="med">
              <div className="med__main">
                <strong className="med__name">{name}</strong>
                {v.formulation && <span> {v.formulation}</span>}
                {v.dose !== null && (
                  <span>
                    {' '}
                    · {v.dose} {v.unit}
                  </span>
                )}
                {v.schedule && <span> · {v.schedule}</span>}
                <span className={`badge med__phase med__phase--${v.phase}`}>{PHASE_LABELS[v.phase]}</span>
              </div>
              <div className="med__facts muted">
                {v.prescriber && <span>Prescriber: {v.prescriber}</span>}
                {v.pharmacy && <span>Pharmacy: {v.pharmacy}</span>}
                {v.startDate && <span>Started {formatDate(v.startDate)}</span>}
                {v.stopDate && <span>Stopped {formatDate(v.stopDate)}</span>}
              </div>
              <MedicationWarnings warnings={medicationWarnings(v)} />
              <div className="actions">
                <button type="button" className="link" onClick={() => onChange(m)} disabled={busy}>
                  Record a change<span className="visually-hidden"> to {name}</span>
                </button>
              </div>
              {m.history.length > 1 && (
                <details className="med__history">
                  <summary>History ({m.history.length} versions)</summary>
                  <table className="table">
                    <caption className="visually-hidden">History of {name}, newest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Version</th>
                        <th scope="col">Recorded</th>
                        <th scope="col">Dose</th>
                        <th scope="col">Schedule</th>
                        <th scope="col">Phase</th>
                        <th scope="col">Prescriber</th>
                        <th scope="col">What changed</th>
                      </tr>
                    </thead>
                    <tbody>
                      {m.history.map((h) => (
                        <tr key={h.version}>
                          <th scope="row">{h.version}</th>
                          <td className="nowrap">
                            {formatDateTime(h.recordedAtMs)}
                            {h.recordedByName ? ` by ${h.recordedByName}` : ''}
                          </td>
                          <td>
                            {h.medication.dose === null ? '' : `${h.medication.dose} ${h.medication.unit}`}
                          </td>
                          <td>{h.medication.schedule}</td>
                          <td>{PHASE_LABELS[h.medication.phase]}</td>
                          <td>{h.medication.prescriber}</td>
                          <td>{h.medication.changeNote}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
