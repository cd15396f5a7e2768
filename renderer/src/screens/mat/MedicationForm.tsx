/**
 * Recording a medication or a change to one (CLINICAL.md §1.6): each save is a new version; the ones before it are
 * kept and listed under "History". The cautions that apply show as the form is filled in, from the same pure
 * function the summary for the prescriber uses.
 */
import {
  DOSE_UNITS,
  KNOWN_MEDICATIONS,
  MEDICATION_LABELS,
  MEDICATION_PHASES,
  PHASE_LABELS,
  medicationWarnings,
  type Medication,
  type MedicationInput,
} from '../../../../shared/domain/medications';
import type { Result } from '../../../../shared/ipc/result';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { Choice, SelectField, TextArea, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { MedicationWarnings } from './MedicationWarnings';

type Values = Omit<MedicationInput, 'dose'> & { dose: string };

const MEDICATION_OPTIONS: readonly Option<MedicationInput['medication']>[] = KNOWN_MEDICATIONS.map((m) => ({
  value: m,
  label: MEDICATION_LABELS[m],
}));
const PHASE_OPTIONS: readonly Option<MedicationInput['phase']>[] = MEDICATION_PHASES.map((p) => ({
  value: p,
  label: PHASE_LABELS[p],
}));
const UNIT_OPTIONS: readonly Option<MedicationInput['unit']>[] = DOSE_UNITS.map((u) => ({
  value: u,
  label: u,
}));
const HISTORY_OPTIONS: readonly Option<MedicationInput['opioidHistory']>[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
];

const blank = (): Values => ({
  medication: 'buprenorphine-naloxone',
  otherName: '',
  formulation: '',
  dose: '',
  unit: 'mg',
  schedule: '',
  prescriber: '',
  pharmacy: '',
  phase: 'induction',
  startDate: '',
  stopDate: '',
  changeNote: '',
  opioidHistory: 'unknown',
});

const valuesOf = (m: MedicationInput): Values => ({
  ...m,
  dose: m.dose === null ? '' : String(m.dose),
  changeNote: '',
});

/** The values as the contract takes them; a dose that is not a number is refused here, beside the field. */
function toInput(v: Values): MedicationInput | { message: string } {
  const text = v.dose.trim().replace(',', '.');
  const dose = text === '' ? null : Number(text);
  if (dose !== null && !Number.isFinite(dose)) return { message: 'Dose must be a number.' };
  return { ...v, dose };
}

export function MedicationForm({
  clientId,
  existing,
  onSaved,
  onCancel,
}: {
  clientId: string;
  existing: Medication | null;
  onSaved: (m: Medication) => void;
  onCancel: () => void;
}) {
  const f = useForm<Values, Medication>({
    initial: () => (existing ? valuesOf(existing.current.medication) : blank()),
    fieldPrefix: 'medication',
    send: async (values): Promise<Result<Medication>> => {
      const medication = toInput(values);
      if ('message' in medication) {
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: medication.message,
            fields: [{ path: 'medication.dose', message: medication.message }],
            retryAfterMs: null,
          },
        };
      }
      return call('medications.save', {
        clientId,
        id: existing?.id ?? null,
        baseVersion: existing?.current.version ?? 0,
        medication,
      });
    },
    onDone: onSaved,
  });
  const preview = toInput(f.values);
  const warnings = 'message' in preview ? [] : medicationWarnings(preview);
  const title = existing ? 'Record a change to this medication' : 'Add a medication';
  return (
    <form ref={f.form} className="panel med-form" aria-label={title} onSubmit={f.submit} noValidate>
      <h3>{title}</h3>
      <p className="muted">
        Prescribing details come from the prescriber. Each save is kept as a new version; earlier versions
        stay in the history.
      </p>
      <FormMessage message={f.formError} />
      <div className="form-grid">
        <SelectField label="Medication" options={MEDICATION_OPTIONS} {...f.value('medication')} />
        {f.values.medication === 'other' && <Field label="Medication name" {...f.text('otherName')} />}
        <Field label="Formulation" hint="e.g. sublingual film, tablet" {...f.text('formulation')} />
        <Field label="Dose" inputMode="decimal" {...f.text('dose')} />
        <SelectField label="Unit" options={UNIT_OPTIONS} {...f.value('unit')} />
        <Field label="Schedule" hint="e.g. 8 mg once daily" {...f.text('schedule')} />
        <Field label="Prescriber" {...f.text('prescriber')} />
        <Field label="Pharmacy" {...f.text('pharmacy')} />
        <SelectField label="Phase" options={PHASE_OPTIONS} {...f.value('phase')} />
        <Field label="Start date" type="date" {...f.text('startDate')} />
        <Field label="Stop date" type="date" {...f.text('stopDate')} />
      </div>
      <Choice
        legend="Opioid use before (for buprenorphine induction)"
        options={HISTORY_OPTIONS}
        required
        {...f.value('opioidHistory')}
        onChange={(v) => v && f.set('opioidHistory', v)}
      />
      <TextArea
        label={existing ? 'What changed and who decided' : 'Note'}
        rows={2}
        {...f.value('changeNote')}
      />
      <MedicationWarnings warnings={warnings} />
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          {existing ? 'Save change' : 'Add medication'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
