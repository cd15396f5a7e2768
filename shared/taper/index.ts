/**
 * Taper maths (CLINICAL.md §1.5): reduce the daily amount of one consistent, measured product by 10–20 % every
 * 3–7 days, down to zero. Pure functions, no clock, no time zone: dates are calendar days ('YYYY-MM-DD') stepped
 * with UTC date arithmetic, so a daylight-saving change can never move or merge a step.
 *
 * How a schedule is built (every amount is a whole number of the scale's precision, counted in integer "units" so
 * float error cannot creep in; grams are only formed for output):
 * - Step 1 is the starting amount on the start date, kept for one step so the client can settle on one measured
 *   product before the first cut.
 * - Each later step cuts floor(amount × rate) units: the cut is never more than the chosen percentage. When that
 *   rounds down to nothing (the amount is small against the scale), the cut is one unit of the precision instead —
 *   rounding forces a larger percentage, because a scale cannot weigh less. The last step of all is zero.
 * - gramsPerDose is the daily amount divided by the doses per day, rounded to the nearest unit (half up). When the
 *   day does not divide evenly, doses differ by one unit so that they still add up to the daily amount (see
 *   `doseSplit`); the printout says so.
 */

/** Scale resolutions a clinic's scales offer, in grams (a kitchen scale weighs to 1 g or 0.5 g, a jeweller's scale to
 * 0.1 g or 0.01 g). Anything else is almost always a typing error. */
export const PRECISIONS_GRAMS = [0.01, 0.05, 0.1, 0.2, 0.5, 1] as const;
export const DEFAULT_PRECISION_GRAMS = 0.1;
/** Whole or half percentages: 12.5 % is a real choice; 12.345 % is a slip. */
export const REDUCTION_PERCENT = { min: 10, max: 20, default: 10 } as const;
export const DAYS_PER_STEP = { min: 3, max: 7, default: 7 } as const;
export const DOSES_PER_DAY = { min: 1, max: 12 } as const;
/** The most grams a day a schedule starts from: far above any dose seen in practice (use log: 100 g per dose). */
export const MAX_DAILY_GRAMS = 200;

export interface TaperInput {
  dailyGrams: number;
  dosesPerDay: number;
  /** 10–20; 10 when left out. */
  reductionPercent?: number;
  daysPerStep: number;
  precisionGrams: number;
  startDate: string;
}

export interface TaperStep {
  date: string;
  dailyGrams: number;
  gramsPerDose: number;
}

export interface TaperPlan {
  steps: TaperStep[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar date, or null. */
function dayNumber(date: string): number | null {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`Not a calendar date: ${date}`);
  return dateOfDay(day + days);
}

/** The precision in hundredths of a gram (1, 5, 10, 20, 50, 100), or null when it is not an allowed precision. */
export function precisionHundredths(precisionGrams: number): number | null {
  const found = PRECISIONS_GRAMS.find((p) => p === precisionGrams);
  return found === undefined ? null : Math.round(found * 100);
}

/** Whole units of the precision in `grams`, or null when `grams` is not a multiple of it (within float noise). */
export function unitsOf(grams: number, precisionGrams: number): number | null {
  const hundredths = precisionHundredths(precisionGrams);
  if (hundredths === null || !Number.isFinite(grams)) return null;
  const units = Math.round((grams * 100) / hundredths);
  return Math.abs(units * hundredths - grams * 100) < 1e-6 ? units : null;
}

/** Grams of `units` units: formed from integers, so 7 units of 0.1 g print as 0.7, never 0.7000000000000001. */
export const gramsOf = (units: number, hundredths: number): number => (units * hundredths) / 100;

/** Why an input cannot be planned, field by field (empty when it can). The same rules planTaper enforces. */
export function taperInputProblems(input: TaperInput): Array<{ field: keyof TaperInput; message: string }> {
  const problems: Array<{ field: keyof TaperInput; message: string }> = [];
  const rate = input.reductionPercent ?? REDUCTION_PERCENT.default;
  if (!Number.isInteger(rate * 2) || rate < REDUCTION_PERCENT.min || rate > REDUCTION_PERCENT.max) {
    problems.push({
      field: 'reductionPercent',
      message: `The cut per step must be ${REDUCTION_PERCENT.min}–${REDUCTION_PERCENT.max} % (whole or half percent).`,
    });
  }
  if (
    !Number.isInteger(input.daysPerStep) ||
    input.daysPerStep < DAYS_PER_STEP.min ||
    input.daysPerStep > DAYS_PER_STEP.max
  ) {
    problems.push({
      field: 'daysPerStep',
      message: `A step lasts ${DAYS_PER_STEP.min}–${DAYS_PER_STEP.max} whole days.`,
    });
  }
  if (
    !Number.isInteger(input.dosesPerDay) ||
    input.dosesPerDay < DOSES_PER_DAY.min ||
    input.dosesPerDay > DOSES_PER_DAY.max
  ) {
    problems.push({
      field: 'dosesPerDay',
      message: `Doses per day must be a whole number from ${DOSES_PER_DAY.min} to ${DOSES_PER_DAY.max}.`,
    });
  }
  const precisionOk = precisionHundredths(input.precisionGrams) !== null;
  if (!precisionOk) {
    problems.push({
      field: 'precisionGrams',
      message: `The scale's precision must be one of ${PRECISIONS_GRAMS.join(', ')} g.`,
    });
  }
  if (!Number.isFinite(input.dailyGrams) || input.dailyGrams <= 0 || input.dailyGrams > MAX_DAILY_GRAMS) {
    problems.push({
      field: 'dailyGrams',
      message: `The daily amount must be more than 0 g and at most ${MAX_DAILY_GRAMS} g.`,
    });
  } else if (precisionOk && unitsOf(input.dailyGrams, input.precisionGrams) === null) {
    problems.push({
      field: 'dailyGrams',
      message: `The daily amount must be a multiple of the scale's precision (${input.precisionGrams} g).`,
    });
  }
  if (dayNumber(input.startDate) === null) {
    problems.push({ field: 'startDate', message: 'The start date must be a real date (YYYY-MM-DD).' });
  }
  return problems;
}

/** The day's doses in units: `count` doses of `units`, the first `larger` of them one unit more. */
export function splitUnits(dailyUnits: number, dosesPerDay: number): { units: number; larger: number } {
  return { units: Math.floor(dailyUnits / dosesPerDay), larger: dailyUnits % dosesPerDay };
}

/**
 * How one day's amount is taken as doses that add up to it exactly: `count` doses of `grams`, and `largerCount` of
 * them one precision unit (`grams + precision`) larger. A dose of 0 g is a dose left out.
 */
export function doseSplit(
  dailyGrams: number,
  dosesPerDay: number,
  precisionGrams: number,
): { grams: number; largerGrams: number; largerCount: number; smallerCount: number } {
  const hundredths = precisionHundredths(precisionGrams);
  const units = unitsOf(dailyGrams, precisionGrams);
  if (hundredths === null || units === null || !Number.isInteger(dosesPerDay) || dosesPerDay < 1) {
    throw new RangeError('The daily amount, doses per day or precision cannot be split into doses.');
  }
  const { units: each, larger } = splitUnits(units, dosesPerDay);
  return {
    grams: gramsOf(each, hundredths),
    largerGrams: gramsOf(each + 1, hundredths),
    largerCount: larger,
    smallerCount: dosesPerDay - larger,
  };
}

/** Units to cut from `units` at `rate` percent: within the rate, or one unit where rounding leaves nothing. */
export function cutUnits(units: number, ratePercent: number): number {
  // Integer half-percents so 10 % of 30 units is exactly 3, not 2.9999999999999996 floored to 2.
  const within = Math.floor((units * Math.round(ratePercent * 2)) / 200);
  return Math.min(units, Math.max(1, within));
}

/** The schedule: steps `daysPerStep` calendar days apart from `startDate`, each a cut, the last one zero. */
export function planTaper(input: TaperInput): TaperPlan {
  const problems = taperInputProblems(input);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join(' '));
  const rate = input.reductionPercent ?? REDUCTION_PERCENT.default;
  const hundredths = precisionHundredths(input.precisionGrams) as number;
  const startDay = dayNumber(input.startDate) as number;
  let units = unitsOf(input.dailyGrams, input.precisionGrams) as number;
  const steps: TaperStep[] = [];
  for (let i = 0; ; i += 1) {
    steps.push({
      date: dateOfDay(startDay + i * input.daysPerStep),
      dailyGrams: gramsOf(units, hundredths),
      gramsPerDose: gramsOf(
        Math.floor((2 * units + input.dosesPerDay) / (2 * input.dosesPerDay)),
        hundredths,
      ),
    });
    if (units === 0) break;
    units -= cutUnits(units, rate);
  }
  return { steps };
}
