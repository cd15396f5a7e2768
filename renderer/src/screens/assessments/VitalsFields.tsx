/**
 * Vital signs taken with a COWS or SOWS rating (seed 003: clonidine lowers blood pressure, so it is checked with
 * each rating). Typed as text and sent as numbers; a value outside its range is refused by the server beside its
 * field (shared/domain/vitals.ts gives the ranges shown as hints).
 */
import { VITAL_RANGES, type VitalId } from '../../../../shared/domain/vitals';
import { Field } from '../../components/Field';
import './withdrawal.css';
import type { ScoredDraft } from './assessmentDraft';

const FIELDS: ReadonlyArray<{ id: VitalId; label: string }> = [
  { id: 'systolic', label: 'Blood pressure, systolic (mmHg)' },
  { id: 'diastolic', label: 'Blood pressure, diastolic (mmHg)' },
  { id: 'heartRate', label: 'Heart rate (beats/min)' },
  { id: 'temperatureC', label: 'Temperature (°C)' },
];

export function VitalsFields({
  draft,
  onChange,
  err,
}: {
  draft: ScoredDraft;
  onChange: (patch: Partial<ScoredDraft>) => void;
  err: (path: string) => string | null;
}) {
  return (
    <fieldset className="vitals-fields">
      <legend>Vital signs (optional)</legend>
      <div className="vitals-fields__grid">
        {FIELDS.map(({ id, label }) => (
          <Field
            key={id}
            label={label}
            inputMode="decimal"
            hint={`${VITAL_RANGES[id].min}–${VITAL_RANGES[id].max}`}
            value={draft.vitals[id]}
            onChange={(e) => onChange({ vitals: { ...draft.vitals, [id]: e.target.value } })}
            error={err(`assessment.vitals.${id}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}
