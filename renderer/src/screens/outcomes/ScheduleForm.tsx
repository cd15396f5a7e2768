/** Changing one client's schedule of scored measures (issue 15, item 1): each measure at intake, repeated, or off. */
import { MEASURE_LABELS, type MeasureId, type MeasureRule } from '../../../../shared/domain/measures';
import type { ClientMeasures } from '../../../../shared/ipc/channels/outcomes';
import type { Result } from '../../../../shared/ipc/result';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { CheckField } from '../../components/controls';
import { useForm } from '../../components/useForm';

type Row = { atIntake: boolean; every: string; atWithdrawalContact: boolean };
type Values = Record<MeasureId, Row>;

const valuesOf = (schedule: readonly MeasureRule[]): Values =>
  Object.fromEntries(
    schedule.map((r) => [
      r.measure,
      {
        atIntake: r.atIntake,
        every: r.everyDays === null ? '' : String(r.everyDays),
        atWithdrawalContact: r.atWithdrawalContact,
      },
    ]),
  ) as Values;

function refuse(path: string, message: string): Result<never> {
  return {
    ok: false,
    error: { code: 'INVALID_INPUT', message, fields: [{ path, message }], retryAfterMs: null },
  };
}

export function ScheduleForm({
  clientId,
  schedule,
  onSaved,
  onCancel,
}: {
  clientId: string;
  schedule: readonly MeasureRule[];
  onSaved: (m: ClientMeasures) => void;
  onCancel: () => void;
}) {
  const f = useForm<Values, ClientMeasures>({
    initial: () => valuesOf(schedule),
    send: async (v) => {
      const rules: MeasureRule[] = [];
      for (const r of schedule) {
        const row = v[r.measure];
        const text = row.every.trim();
        const everyDays = text === '' ? null : Number(text);
        if (everyDays !== null && !Number.isInteger(everyDays))
          return refuse(
            `schedule.${r.measure}.everyDays`,
            'Repeat every whole number of days, or leave it empty.',
          );
        rules.push({
          measure: r.measure,
          atIntake: row.atIntake,
          everyDays,
          atWithdrawalContact: row.atWithdrawalContact,
        });
      }
      return call('measures.saveSchedule', { clientId, schedule: rules });
    },
    onDone: onSaved,
  });
  const setRow = (m: MeasureId, patch: Partial<Row>) => f.set(m, { ...f.values[m], ...patch });
  return (
    <form ref={f.form} className="subform" aria-label="Schedule of measures" onSubmit={f.submit} noValidate>
      <h3>Schedule of measures for this client</h3>
      <FormMessage message={f.formError} />
      {schedule.map((r, i) => (
        <div className="schedule-row" key={r.measure}>
          <span className="measure-name">{MEASURE_LABELS[r.measure]}</span>
          {r.measure === 'withdrawal' ? (
            <CheckField
              label="COWS or SOWS at each withdrawal contact"
              checked={f.values[r.measure].atWithdrawalContact}
              onChange={(c) => setRow(r.measure, { atWithdrawalContact: c })}
            />
          ) : (
            <>
              <CheckField
                label={`${MEASURE_LABELS[r.measure]} at intake`}
                checked={f.values[r.measure].atIntake}
                onChange={(c) => setRow(r.measure, { atIntake: c })}
              />
              <Field
                label={`Repeat ${MEASURE_LABELS[r.measure]} every (days)`}
                hint="Empty: no repeat"
                inputMode="numeric"
                value={f.values[r.measure].every}
                onChange={(e) => setRow(r.measure, { every: e.target.value })}
                error={
                  f.fieldError(`schedule.${i}.everyDays`) ?? f.fieldError(`schedule.${r.measure}.everyDays`)
                }
              />
            </>
          )}
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          Save schedule
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
