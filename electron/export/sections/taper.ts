/**
 * The taper (CLINICAL.md §1.5): the schedule in force as a CarePlan with one activity per step (dates, amount for the
 * day), the schedule as the client takes it home (PDF), every version's steps in CSV (a hold, a new rate or a restart
 * is a new version; none is ever changed), and each day's plan beside what was logged of the taper's own form.
 */
import { listTaperVersions, useLogSince } from '../../db/repositories/taper';
import { renderTaperPdf } from '../../pdf/taperPdf';
import { PRODUCT_FORM_LABELS } from '../../../shared/domain/intake';
import {
  describeOtherFormUse,
  PLAN_ACTUAL_MAX_DAYS,
  planVersusActual,
  stepEnd,
  TAPER_CHANGE_LABELS,
  type PlanActualDay,
  type TaperVersion,
} from '../../../shared/domain/taper';
import { addDays } from '../../../shared/taper';
import { fhirId, instant, labelled, ref } from '../fhir';
import {
  counted,
  printedDisclosure,
  type ExportContext,
  type ExportSection,
  type FhirResource,
} from '../types';

const grams = (g: number) => ({ value: g, unit: 'g', system: 'http://unitsofmeasure.org', code: 'g' });

function carePlan(ctx: ExportContext, t: TaperVersion): FhirResource {
  const last = t.steps[t.steps.length - 1];
  const finished = last !== undefined && last.dailyGrams === 0 && last.date <= ctx.today;
  const product = `${t.product} (${PRODUCT_FORM_LABELS[t.form].toLowerCase()})`;
  return labelled({
    resourceType: 'CarePlan',
    id: fhirId('CarePlan', `taper/${ctx.client.id}`),
    status: finished ? 'completed' : 'active',
    intent: 'plan',
    category: [{ text: 'Kratom taper schedule' }],
    title: `Taper schedule, version ${t.version}`,
    description: `${product}: about ${t.reductionPercent} % less every ${t.daysPerStep} days, in ${t.dosesPerDay} doses a day, weighed to ${t.precisionGrams} g.`,
    subject: ref(ctx.refs.patient),
    period: { start: t.steps[0]?.date ?? t.effectiveDate, end: last?.date ?? '' },
    created: instant(t.createdAtMs),
    note: [
      { text: `${TAPER_CHANGE_LABELS[t.change]} on ${t.effectiveDate}${t.reason ? `: ${t.reason}` : ''}` },
      ...(t.createdByName ? [{ text: `Planned by ${t.createdByName}` }] : []),
    ],
    activity: t.steps.map((s, i) => {
      const end = stepEnd(t.steps, i);
      const status =
        end !== null && end < ctx.today ? 'completed' : s.date <= ctx.today ? 'in-progress' : 'not-started';
      return {
        detail: {
          status,
          description: `${s.dailyGrams} g a day (${s.gramsPerDose} g a dose, ${t.dosesPerDay} doses) from ${s.date}${end ? ` to ${end}` : ''}`,
          scheduledPeriod: { start: s.date, ...(end ? { end } : {}) },
          productCodeableConcept: { text: product },
          dailyAmount: grams(s.dailyGrams),
        },
      };
    }),
  });
}

/** Every day of the current schedule up to today, in windows of the longest stretch planVersusActual reads. */
function everyDay(ctx: ExportContext, t: TaperVersion): PlanActualDay[] {
  const first = t.steps[0];
  if (!first || ctx.today < first.date) return [];
  const [y, m, d] = first.date.split('-').map(Number) as [number, number, number];
  const entries = useLogSince(ctx.db, ctx.client.id, new Date(y, m - 1, d - 1).getTime());
  const days = new Map<string, PlanActualDay>();
  for (let end = addDays(first.date, PLAN_ACTUAL_MAX_DAYS - 1); ; end = addDays(end, PLAN_ACTUAL_MAX_DAYS)) {
    const upTo = end < ctx.today ? end : ctx.today;
    for (const day of planVersusActual(t.steps, t.form, entries, upTo)) days.set(day.date, day);
    if (upTo === ctx.today) break;
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export const taperSection: ExportSection = {
  id: 'taper',
  label: 'Taper schedule',
  async collect(ctx) {
    const versions = listTaperVersions(ctx.db, ctx.client.id);
    const current = versions[0];
    const days = current ? everyDay(ctx, current) : [];
    return {
      resources: current ? [carePlan(ctx, current)] : [],
      pdfs: current
        ? [
            {
              file: `pdf/taper-schedule-v${current.version}.pdf`,
              title: `Taper schedule, version ${current.version}`,
              description: `The taper schedule in force (version ${current.version}) as the client takes it home: every step with its dates and amounts, and how to taper safely.`,
              encounterIds: [],
              date: current.effectiveDate,
              bytes: await renderTaperPdf({
                clinic: ctx.clinic,
                client: ctx.client,
                taper: current,
                paper: ctx.paper,
                createdAt: new Date(ctx.nowMs),
                disclosure: printedDisclosure(ctx),
              }),
            },
          ]
        : [],
      tables: [
        {
          file: 'csv/taper-schedule.csv',
          description:
            'Every version of the taper schedule (newest first): one row per step with its dates, amount for the day and per dose, and the change that made the version.',
          columns: [
            'version',
            'is_current',
            'change',
            'effective_date',
            'reason',
            'product',
            'form',
            'doses_per_day',
            'reduction_percent',
            'days_per_step',
            'precision_g',
            'step',
            'step_start',
            'step_end',
            'daily_g',
            'per_dose_g',
            'created_at_utc',
            'created_by',
          ],
          rows: versions.flatMap((v) =>
            v.steps.map((s, i) => [
              v.version,
              v === current,
              v.change,
              v.effectiveDate,
              v.reason,
              v.product,
              v.form,
              v.dosesPerDay,
              v.reductionPercent,
              v.daysPerStep,
              v.precisionGrams,
              i + 1,
              s.date,
              stepEnd(v.steps, i),
              s.dailyGrams,
              s.gramsPerDose,
              instant(v.createdAtMs),
              v.createdByName,
            ]),
          ),
        },
        {
          file: 'csv/taper-plan-vs-actual.csv',
          description:
            "Each day from the first step to the day of export: grams planned beside grams of the taper's own form logged (empty when nothing of it was logged: not logged, not no use), and any other form logged that day, never added in.",
          columns: [
            'date',
            'planned_g',
            'logged_g',
            'logged_doses',
            'over_plan',
            'other_forms',
            'strong_form_used',
          ],
          rows: days.map((d) => [
            d.date,
            d.plannedGrams,
            d.loggedGrams,
            d.loggedDoses,
            d.overPlan,
            d.otherForms.map((o) => describeOtherFormUse(o, PRODUCT_FORM_LABELS[o.form])).join('; '),
            d.strongForm,
          ]),
        },
      ],
      summary: current
        ? `taper schedule (version ${current.version}, ${counted(current.steps.length, 'step')}; ${counted(days.length, 'day')} of plan versus log)`
        : 'no taper schedule',
    };
  },
};
