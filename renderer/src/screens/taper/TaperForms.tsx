/**
 * The taper's forms: a new taper, and the three changes a clinician makes to one — hold the step in effect, change
 * the rate, restart from today's actual amount. Each is a labelled form on the shared hook; numbers stay text while
 * typed and are sent as numbers; main's refusals (the planner's rules) show beside the field that broke them.
 */
import {
  PRODUCT_FORMS,
  PRODUCT_FORM_LABELS,
  POTENT_FORMS,
  type ProductForm,
} from '../../../../shared/domain/intake';
import { HOLD_DAYS, STRONG_FORM_TAPER_REFUSAL } from '../../../../shared/domain/taper';
import type { TaperView } from '../../../../shared/ipc/contract';
import {
  DAYS_PER_STEP,
  DEFAULT_PRECISION_GRAMS,
  PRECISIONS_GRAMS,
  REDUCTION_PERCENT,
} from '../../../../shared/taper';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { SelectField, TextArea, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { todayLocal } from '../chart/dates';

/** A typed number, or NaN (sent as null) so main names the field: never a silent 0 for an empty box. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

const FORM_OPTIONS: readonly Option<ProductForm>[] = PRODUCT_FORMS.map((f) => ({
  value: f,
  label: PRODUCT_FORM_LABELS[f],
}));
const PRECISION_OPTIONS: readonly Option<string>[] = PRECISIONS_GRAMS.map((p) => ({
  value: String(p),
  label: `${p} g`,
}));

const RATE_HINT = `${REDUCTION_PERCENT.min}–${REDUCTION_PERCENT.max} % (whole or half percent).`;
const DAYS_HINT = `${DAYS_PER_STEP.min}–${DAYS_PER_STEP.max} days.`;

interface CreateValues {
  product: string;
  form: ProductForm;
  dailyGrams: string;
  dosesPerDay: string;
  reductionPercent: string;
  daysPerStep: string;
  precisionGrams: string;
  startDate: string;
}

export function TaperCreateForm({
  clientId,
  onSaved,
}: {
  clientId: string;
  onSaved: (view: TaperView) => void;
}) {
  const f = useForm<CreateValues, TaperView>({
    initial: {
      product: '',
      form: 'leaf-powder',
      dailyGrams: '',
      dosesPerDay: '',
      reductionPercent: String(REDUCTION_PERCENT.default),
      daysPerStep: String(DAYS_PER_STEP.default),
      precisionGrams: String(DEFAULT_PRECISION_GRAMS),
      startDate: todayLocal(),
    },
    fieldPrefix: 'taper',
    send: (v) =>
      call('taper.create', {
        clientId,
        taper: {
          product: v.product,
          form: v.form,
          dailyGrams: num(v.dailyGrams),
          dosesPerDay: num(v.dosesPerDay),
          reductionPercent: num(v.reductionPercent),
          daysPerStep: num(v.daysPerStep),
          precisionGrams: num(v.precisionGrams),
          startDate: v.startDate,
        },
      }),
    onDone: onSaved,
  });
  const formField = f.value('form');
  // Said once: as a note while a strong form is chosen, or beside the field once main has refused it.
  const strong = POTENT_FORMS.includes(f.values.form) && formField.error === null;
  return (
    <form ref={f.form} className="panel taper-form" onSubmit={f.submit} aria-label="Plan a taper" noValidate>
      <h3>Plan a taper</h3>
      <p className="muted">
        One consistent product, measured on a scale, cut by 10–20 % every 3–7 days down to zero. The first
        step keeps the starting amount so the client settles on the measured product.
      </p>
      <FormMessage message={f.formError} />
      <div className="form-grid taper-form__grid">
        <Field
          label="Product"
          {...f.text('product')}
          hint="The product the client will use throughout, by name. A product sold as something else that is an extract, shot or 7-OH is that form, not “other”."
        />
        <SelectField label="Product form" {...formField} options={FORM_OPTIONS} />
        <Field label="Daily amount now (g)" inputMode="decimal" {...f.text('dailyGrams')} />
        <Field label="Doses per day" inputMode="numeric" {...f.text('dosesPerDay')} />
        <Field
          label="Cut per step (%)"
          inputMode="decimal"
          hint={RATE_HINT}
          {...f.text('reductionPercent')}
        />
        <Field label="Days per step" inputMode="numeric" hint={DAYS_HINT} {...f.text('daysPerStep')} />
        <SelectField label="Scale precision" {...f.value('precisionGrams')} options={PRECISION_OPTIONS} />
        <Field label="Start date" type="date" {...f.text('startDate')} />
      </div>
      {strong && (
        <p className="taper-warning" role="note">
          {STRONG_FORM_TAPER_REFUSAL}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          Save taper
        </button>
      </div>
    </form>
  );
}

export function HoldForm({
  view,
  onSaved,
  onCancel,
}: {
  view: TaperView & { current: NonNullable<TaperView['current']> };
  onSaved: (view: TaperView) => void;
  onCancel: () => void;
}) {
  const f = useForm<{ days: string; reason: string }, TaperView>({
    initial: { days: String(view.current.daysPerStep), reason: '' },
    fieldPrefix: 'hold',
    send: (v) =>
      call('taper.hold', {
        clientId: view.current.clientId,
        baseVersion: view.current.version,
        hold: { days: num(v.days), reason: v.reason },
      }),
    onDone: onSaved,
  });
  return (
    <form
      ref={f.form}
      className="panel taper-form"
      onSubmit={f.submit}
      aria-label="Hold this step"
      noValidate
    >
      <h3>Hold this step</h3>
      <p className="muted">The client stays on today&rsquo;s amount longer; every later step moves later.</p>
      <FormMessage message={f.formError} />
      <div className="form-grid taper-form__grid">
        <Field
          label="Hold for (days)"
          inputMode="numeric"
          hint={`${HOLD_DAYS.min}–${HOLD_DAYS.max} days.`}
          {...f.text('days')}
        />
      </div>
      <TextArea
        label="Reason"
        {...f.value('reason')}
        hint="For example: withdrawal too strong at this amount."
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          Hold step
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function RateForm({
  view,
  onSaved,
  onCancel,
}: {
  view: TaperView & { current: NonNullable<TaperView['current']> };
  onSaved: (view: TaperView) => void;
  onCancel: () => void;
}) {
  const f = useForm<{ reductionPercent: string; daysPerStep: string; reason: string }, TaperView>({
    initial: {
      reductionPercent: String(view.current.reductionPercent),
      daysPerStep: String(view.current.daysPerStep),
      reason: '',
    },
    fieldPrefix: 'rate',
    send: (v) =>
      call('taper.changeRate', {
        clientId: view.current.clientId,
        baseVersion: view.current.version,
        rate: {
          reductionPercent: num(v.reductionPercent),
          daysPerStep: num(v.daysPerStep),
          reason: v.reason,
        },
      }),
    onDone: onSaved,
  });
  return (
    <form
      ref={f.form}
      className="panel taper-form"
      onSubmit={f.submit}
      aria-label="Change the rate"
      noValidate
    >
      <h3>Change the rate</h3>
      <p className="muted">The step in effect today starts over at the new pace; earlier steps are kept.</p>
      <FormMessage message={f.formError} />
      <div className="form-grid taper-form__grid">
        <Field
          label="Cut per step (%)"
          inputMode="decimal"
          hint={RATE_HINT}
          {...f.text('reductionPercent')}
        />
        <Field label="Days per step" inputMode="numeric" hint={DAYS_HINT} {...f.text('daysPerStep')} />
      </div>
      <TextArea label="Reason" {...f.value('reason')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          Save new rate
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The latest logged day's grams of the taper's form, rounded down to the scale: a starting point to check. */
function latestActual(view: TaperView, precision: number): string {
  const day = [...view.actual].reverse().find((d) => d.loggedGrams !== null);
  if (!day || day.loggedGrams === null) return '';
  const hundredths = Math.round(precision * 100);
  return String((Math.floor(Math.round(day.loggedGrams * 100) / hundredths) * hundredths) / 100);
}

export function RestartForm({
  view,
  onSaved,
  onCancel,
}: {
  view: TaperView & { current: NonNullable<TaperView['current']> };
  onSaved: (view: TaperView) => void;
  onCancel: () => void;
}) {
  const c = view.current;
  const f = useForm<
    {
      dailyGrams: string;
      dosesPerDay: string;
      reductionPercent: string;
      daysPerStep: string;
      reason: string;
    },
    TaperView
  >({
    initial: {
      dailyGrams: latestActual(view, c.precisionGrams),
      dosesPerDay: String(c.dosesPerDay),
      reductionPercent: String(c.reductionPercent),
      daysPerStep: String(c.daysPerStep),
      reason: '',
    },
    fieldPrefix: 'restart',
    send: (v) =>
      call('taper.restart', {
        clientId: c.clientId,
        baseVersion: c.version,
        restart: {
          dailyGrams: num(v.dailyGrams),
          dosesPerDay: num(v.dosesPerDay),
          reductionPercent: num(v.reductionPercent),
          daysPerStep: num(v.daysPerStep),
          reason: v.reason,
        },
      }),
    onDone: onSaved,
  });
  return (
    <form
      ref={f.form}
      className="panel taper-form"
      onSubmit={f.submit}
      aria-label="Restart from today's actual amount"
      noValidate
    >
      <h3>Restart from today&rsquo;s actual amount</h3>
      <p className="muted">
        A new schedule starts today from the amount the client actually takes ({PRODUCT_FORM_LABELS[c.form]},
        in steps of {c.precisionGrams} g). Prefilled from the latest logged day; check it with the client.
      </p>
      <FormMessage message={f.formError} />
      <div className="form-grid taper-form__grid">
        <Field label="Actual daily amount (g)" inputMode="decimal" {...f.text('dailyGrams')} />
        <Field label="Doses per day" inputMode="numeric" {...f.text('dosesPerDay')} />
        <Field
          label="Cut per step (%)"
          inputMode="decimal"
          hint={RATE_HINT}
          {...f.text('reductionPercent')}
        />
        <Field label="Days per step" inputMode="numeric" hint={DAYS_HINT} {...f.text('daysPerStep')} />
      </div>
      <TextArea label="Reason" {...f.value('reason')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          Restart taper
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
