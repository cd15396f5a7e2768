/**
 * The taper (CLINICAL.md §1.5). Policy:
 * - The schedule comes only from the pure planner (shared/taper): 10–20 % per step, 3–7 days per step, amounts in
 *   the scale's precision. The planner's refusals come back beside the field they concern.
 * - Every change is a new version holding the whole schedule; versions are never changed (the table refuses it).
 *   A change names the version it was made from, so two windows cannot silently overwrite each other. Each version
 *   and its audit row commit in one transaction.
 * - A schedule of an extract, shot or 7-OH product is refused, here as well as by the input schema, whatever the
 *   change (a version made before the rule cannot be carried on either): CLINICAL.md §1.5 "Never taper by switching
 *   to extracts or shots (far more potent; the dose only looks smaller)", and §3 sends extracts and shots to
 *   medically supported detox.
 * - Plan versus actual reads the use log per product form (never adding an extract's grams into leaf grams) and
 *   flags the days with a strong form logged: switching to extracts is not a taper (§1.5).
 * - The printed schedule is for the client to take home: printing it for the client themself is not a disclosure
 *   (42 CFR 2.23: a patient's access to their own record), so it is audited as a print and not in the accounting.
 */
import { localDate } from '../../shared/domain/common';
import {
  holdSteps,
  planVersusActual,
  refusedTaperForm,
  STRONG_FORM_TAPER_REFUSAL,
  replanAtRate,
  restartFrom,
  stepOn,
  type TaperVersion,
} from '../../shared/domain/taper';
import type { TaperView } from '../../shared/ipc/contract';
import { planTaper, taperInputProblems, type TaperInput } from '../../shared/taper';
import { AppError, fieldError } from '../errors';
import { getClinic } from '../db/repositories/clinic';
import { clinicWording } from '../db/repositories/clinicWording';
import {
  currentTaperVersion,
  insertTaperVersion,
  listTaperVersions,
  useLogSince,
  type NewTaperVersion,
} from '../db/repositories/taper';
import type { Db } from '../db/connection';
import { renderTaperPdf } from '../pdf/taperPdf';
import { requireClient } from './clients';
import { writeDocument } from '../documents/files';
import type { DomainHandlers, SessionDeps } from './types';

/** How far back a new taper may start (a plan written up after the fact) and how far ahead it may be planned. */
const START_BACK_DAYS = 92;
const START_AHEAD_DAYS = 365;

function view(db: Db, clientId: string, today: string): TaperView {
  const versions = listTaperVersions(db, clientId);
  const current = versions[0] ?? null;
  let actual: TaperView['actual'] = [];
  const first = current?.steps[0];
  if (current && first) {
    // From the local midnight a day before the first step, so the day boundaries are the pure function's to draw.
    const [y, m, d] = first.date.split('-').map(Number) as [number, number, number];
    const fromMs = new Date(y, m - 1, d - 1).getTime();
    actual = planVersusActual(current.steps, current.form, useLogSince(db, clientId, fromMs), today);
  }
  return { current, versions, actual, today };
}

/** The planner's refusal as the first problem's field error (field names match the input object's). */
function refuse(prefix: string, input: TaperInput, fallback: unknown): never {
  const problem = taperInputProblems(input)[0];
  if (problem) throw fieldError('INVALID_INPUT', `${prefix}.${problem.field}`, problem.message);
  if (fallback instanceof RangeError) throw new AppError('INVALID_INPUT', fallback.message);
  throw fallback;
}

function requireCurrent(db: Db, clientId: string, baseVersion: number): TaperVersion {
  const versions = listTaperVersions(db, clientId);
  const current = versions[0];
  if (!current) throw new AppError('NOT_FOUND', 'This client has no taper yet: plan one first.');
  if (current.version !== baseVersion) {
    throw new AppError(
      'CONFLICT',
      'The taper was changed elsewhere since you opened it. Reload it and make your change again.',
    );
  }
  return current;
}

function save(
  { db, practice, user }: SessionDeps,
  v: NewTaperVersion,
  action: 'create' | 'hold' | 'change-rate' | 'restart',
): TaperView {
  if (refusedTaperForm(v.form)) {
    throw action === 'create'
      ? fieldError('INVALID_INPUT', 'taper.form', STRONG_FORM_TAPER_REFUSAL)
      : new AppError('INVALID_INPUT', STRONG_FORM_TAPER_REFUSAL);
  }
  db.transaction(() => {
    insertTaperVersion(db, v, user.id, practice.clock.now());
    practice.audit({ action, entity: 'taper', entityId: v.clientId });
  })();
  return view(db, v.clientId, localDate(practice.clock.now()));
}

const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const taperHandlers: DomainHandlers<'taper'> = {
  'taper.get': ({ clientId }, { db, practice }) => {
    requireClient(db, clientId);
    const result = view(db, clientId, localDate(practice.clock.now()));
    db.transaction(() => practice.audit({ action: 'view', entity: 'taper', entityId: clientId }))();
    return result;
  },
  'taper.create': ({ clientId, taper }, ctx) => {
    requireClient(ctx.db, clientId);
    if (currentTaperVersion(ctx.db, clientId) > 0) {
      throw new AppError(
        'CONFLICT',
        'This client already has a taper: hold a step, change the rate or restart it instead.',
      );
    }
    const today = localDate(ctx.practice.clock.now());
    const offset = daysFrom(today, taper.startDate);
    if (offset < -START_BACK_DAYS || offset > START_AHEAD_DAYS) {
      throw fieldError(
        'INVALID_INPUT',
        'taper.startDate',
        `The start date must be within ${START_BACK_DAYS} days before today and a year after it.`,
      );
    }
    let steps;
    try {
      steps = planTaper(taper).steps;
    } catch (e) {
      refuse('taper', taper, e);
    }
    return save(
      ctx,
      {
        clientId,
        version: 1,
        change: 'create',
        effectiveDate: taper.startDate,
        product: taper.product,
        form: taper.form,
        dosesPerDay: taper.dosesPerDay,
        reductionPercent: taper.reductionPercent,
        daysPerStep: taper.daysPerStep,
        precisionGrams: taper.precisionGrams,
        holdDays: null,
        reason: '',
        steps,
      },
      'create',
    );
  },
  'taper.hold': ({ clientId, baseVersion, hold }, ctx) => {
    requireClient(ctx.db, clientId);
    const current = requireCurrent(ctx.db, clientId, baseVersion);
    const today = localDate(ctx.practice.clock.now());
    let steps;
    try {
      steps = holdSteps(current.steps, today, hold.days);
    } catch (e) {
      if (e instanceof RangeError) throw new AppError('CONFLICT', e.message);
      throw e;
    }
    return save(
      ctx,
      {
        ...current,
        version: current.version + 1,
        change: 'hold',
        effectiveDate: stepOn(current.steps, today)?.date ?? today,
        holdDays: hold.days,
        reason: hold.reason,
        steps,
      },
      'hold',
    );
  },
  'taper.changeRate': ({ clientId, baseVersion, rate }, ctx) => {
    requireClient(ctx.db, clientId);
    const current = requireCurrent(ctx.db, clientId, baseVersion);
    const today = localDate(ctx.practice.clock.now());
    const settings = {
      dosesPerDay: current.dosesPerDay,
      precisionGrams: current.precisionGrams,
      reductionPercent: rate.reductionPercent,
      daysPerStep: rate.daysPerStep,
    };
    let steps;
    try {
      steps = replanAtRate(current.steps, today, settings);
    } catch (e) {
      if (e instanceof RangeError) throw new AppError('CONFLICT', e.message);
      throw e;
    }
    return save(
      ctx,
      {
        ...current,
        ...settings,
        version: current.version + 1,
        change: 'rate',
        effectiveDate: (stepOn(current.steps, today) ?? current.steps[0])?.date ?? today,
        holdDays: null,
        reason: rate.reason,
        steps,
      },
      'change-rate',
    );
  },
  'taper.restart': ({ clientId, baseVersion, restart }, ctx) => {
    requireClient(ctx.db, clientId);
    const current = requireCurrent(ctx.db, clientId, baseVersion);
    const today = localDate(ctx.practice.clock.now());
    const settings = {
      dailyGrams: restart.dailyGrams,
      dosesPerDay: restart.dosesPerDay,
      reductionPercent: restart.reductionPercent,
      daysPerStep: restart.daysPerStep,
      precisionGrams: current.precisionGrams,
    };
    let steps;
    try {
      steps = restartFrom(current.steps, today, settings);
    } catch (e) {
      refuse('restart', { ...settings, startDate: today }, e);
    }
    return save(
      ctx,
      {
        ...current,
        dosesPerDay: restart.dosesPerDay,
        reductionPercent: restart.reductionPercent,
        daysPerStep: restart.daysPerStep,
        version: current.version + 1,
        change: 'restart',
        effectiveDate: today,
        holdDays: null,
        reason: restart.reason,
        steps,
      },
      'restart',
    );
  },
  'taper.printPdf': async ({ clientId, paper, language }, ctx) => {
    const { db, practice } = ctx;
    const client = requireClient(db, clientId);
    const current = listTaperVersions(db, clientId)[0];
    if (!current) throw new AppError('NOT_FOUND', 'This client has no taper to print yet.');
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const now = practice.clock.now();
    const bytes = await renderTaperPdf({
      clinic,
      client,
      taper: current,
      paper,
      createdAt: new Date(now),
      language: language ?? client.documentLanguage,
      overrides: clinicWording(db),
    });
    const file = writeDocument(
      ctx,
      `taper-schedule-${client.chartNumber}-v${current.version}-${localDate(now)}.pdf`,
      bytes,
    );
    db.transaction(() => practice.audit({ action: 'print', entity: 'taper', entityId: clientId }))();
    return { path: file };
  },
};
