import type {
  Answer,
  Band,
  BandId,
  FlagId,
  InstrumentContext,
  InstrumentItem,
  InstrumentScore,
  ScoredInstrumentDefinition,
} from './types';

/**
 * Policy (CLINICAL.md §2): a total exists only when every counted item is answered; otherwise the result is
 * "incomplete" with no total and no band. Any value outside an item's allowed set, and a wrong item count, is a
 * RangeError — never coerced. Flags are computed from whatever is answered, independently of the total, so a safety
 * flag surfaces at once.
 *
 * Error messages name the item id and the allowed set but never the rejected value: they may reach a log, and
 * clinical content never does.
 */

/** Whether an item counts toward the total under this context. Unscored and excluded items never do. */
export function isCounted(item: InstrumentItem, context: InstrumentContext): boolean {
  if (!item.scored) return false;
  return !(item.excludedWhen === 'underMedicalSupervision' && context.underMedicalSupervision === true);
}

/** Points an answered value contributes. */
function points(value: number | boolean): number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/**
 * Item counts accepted for `answers`: the full list, or the list without its trailing unscored items (PHQ-9 may be
 * given with or without its difficulty item).
 */
export function acceptedLengths(definition: ScoredInstrumentDefinition): readonly number[] {
  let withoutTrailing = definition.items.length;
  while (withoutTrailing > 0 && definition.items[withoutTrailing - 1]?.scored === false) withoutTrailing -= 1;
  return withoutTrailing === definition.items.length
    ? [definition.items.length]
    : [withoutTrailing, definition.items.length];
}

function checkContext(context: unknown): InstrumentContext {
  if (context === undefined) return {};
  if (typeof context !== 'object' || context === null)
    throw new RangeError('The scoring context must be an object.');
  const { sex, underMedicalSupervision } = context as Record<string, unknown>;
  if (sex !== undefined && sex !== 'female' && sex !== 'male') {
    throw new RangeError("The context's sex must be 'female', 'male' or left out.");
  }
  if (underMedicalSupervision !== undefined && typeof underMedicalSupervision !== 'boolean') {
    throw new RangeError("The context's underMedicalSupervision must be a boolean or left out.");
  }
  return {
    ...(sex === undefined ? {} : { sex }),
    ...(underMedicalSupervision === undefined ? {} : { underMedicalSupervision }),
  };
}

function checkValue(definition: ScoredInstrumentDefinition, item: InstrumentItem, value: unknown): Answer {
  if (value === null) return null;
  if (item.kind === 'yes-no') {
    if (typeof value === 'boolean') return value;
    throw new RangeError(`${definition.shortTitle} item ${item.id}: the answer must be true, false or null.`);
  }
  // Set membership also rejects NaN, non-integers, strings and booleans.
  if (typeof value === 'number' && item.options.some((option) => option.value === value)) return value + 0;
  const allowed = item.options.map((option) => option.value).join(', ');
  throw new RangeError(
    `${definition.shortTitle} item ${item.id}: the answer must be one of ${allowed}, or null.`,
  );
}

/** Validates the answers and pads omitted trailing unscored items with `null`. */
export function checkAnswers(definition: ScoredInstrumentDefinition, answers: unknown): readonly Answer[] {
  const lengths = acceptedLengths(definition);
  if (!Array.isArray(answers) || !lengths.includes(answers.length)) {
    throw new RangeError(`${definition.shortTitle} expects ${lengths.join(' or ')} answers in item order.`);
  }
  return definition.items.map((item, index) =>
    index < answers.length ? checkValue(definition, item, answers[index] as unknown) : null,
  );
}

/** The band table for this context: sex-specific when the sex is recorded and a table exists. */
export function bandsFor(
  definition: ScoredInstrumentDefinition,
  context: InstrumentContext,
): readonly Band[] | null {
  if (definition.bands === null) return null;
  const bySex = context.sex === undefined ? undefined : definition.bands.bySex?.[context.sex];
  return bySex ?? definition.bands.default;
}

export function findBand(bands: readonly Band[], total: number): BandId {
  const band = bands.find((candidate) => total >= candidate.min && total <= candidate.max);
  if (band === undefined) throw new RangeError('The total falls outside every band of the instrument.');
  return band.id;
}

interface Evaluation {
  readonly definition: ScoredInstrumentDefinition;
  readonly values: readonly Answer[];
  readonly context: InstrumentContext;
  readonly total: number | null;
  readonly band: BandId | null;
}

function valueOf(evaluation: Evaluation, itemId: string): Answer {
  const index = evaluation.definition.items.findIndex((item) => item.id === itemId);
  return evaluation.values[index] ?? null;
}

function flagFires(evaluation: Evaluation, rule: ScoredInstrumentDefinition['flags'][number]): boolean {
  switch (rule.kind) {
    case 'item-above': {
      const value = valueOf(evaluation, rule.itemId);
      return value !== null && points(value) > rule.above;
    }
    case 'context-missing':
      return evaluation.context[rule.field] === undefined;
    case 'points-only-from-item': {
      if (evaluation.total === null || evaluation.band !== rule.band) return false;
      const value = valueOf(evaluation, rule.itemId);
      return value !== null && evaluation.total > 0 && points(value) === evaluation.total;
    }
    case 'excluded-item-endorsed':
      return evaluation.definition.items.some((item, index) => {
        const value = evaluation.values[index] ?? null;
        return item.scored && !isCounted(item, evaluation.context) && value !== null && points(value) > 0;
      });
  }
}

/** Scores one administration against its definition. Pure; throws RangeError on invalid input. */
export function scoreWithDefinition(
  definition: ScoredInstrumentDefinition,
  answers: unknown,
  context?: unknown,
): InstrumentScore {
  const checkedContext = checkContext(context);
  const values = checkAnswers(definition, answers);

  let total = 0;
  let complete = true;
  definition.items.forEach((item, index) => {
    if (!isCounted(item, checkedContext)) return;
    const value = values[index] ?? null;
    if (value === null) complete = false;
    else total += points(value);
  });

  const bands = bandsFor(definition, checkedContext);
  const band = complete && bands !== null ? findBand(bands, total) : null;
  const evaluation: Evaluation = {
    definition,
    values,
    context: checkedContext,
    total: complete ? total : null,
    band,
  };
  const flags: FlagId[] = [];
  for (const rule of definition.flags) {
    if (flagFires(evaluation, rule) && !flags.includes(rule.flag)) flags.push(rule.flag);
  }
  return { status: complete ? 'complete' : 'incomplete', total: evaluation.total, band, flags };
}

/**
 * Consistency problems in a definition (empty when sound): duplicate item ids, unsorted or empty option sets, a
 * range that is not the sum of the items' extremes, bands that leave gaps or overlap, flags naming unknown items.
 * Run by the tests over every definition so a data edit cannot silently break scoring.
 */
export function definitionProblems(definition: ScoredInstrumentDefinition): string[] {
  const problems: string[] = [];
  const ids = definition.items.map((item) => item.id);
  if (new Set(ids).size !== ids.length) problems.push('duplicate item ids');

  let min = 0;
  let max = 0;
  for (const item of definition.items) {
    if (item.kind === 'choice') {
      const values = item.options.map((option) => option.value);
      const sorted = values.every((value, i) => i === 0 || value > (values[i - 1] ?? value));
      if (values.length === 0 || !sorted || !values.every(Number.isInteger)) {
        problems.push(`item ${item.id}: options must be distinct ascending integers`);
      }
      if (item.scored) {
        min += values[0] ?? 0;
        max += values[values.length - 1] ?? 0;
      }
    } else if (item.scored) {
      max += 1;
    }
  }
  if (min !== definition.range.min || max !== definition.range.max)
    problems.push('range does not match items');

  const tables =
    definition.bands === null
      ? []
      : [definition.bands.default, ...Object.values(definition.bands.bySex ?? {})];
  for (const table of tables) {
    let expected = definition.range.min;
    for (const band of table) {
      if (band.min !== expected || band.max < band.min)
        problems.push(`band ${band.id} does not start at ${expected}`);
      expected = band.max + 1;
    }
    if (expected !== definition.range.max + 1) problems.push('bands do not end at the top of the range');
  }

  for (const rule of definition.flags) {
    if ((rule.kind === 'item-above' || rule.kind === 'points-only-from-item') && !ids.includes(rule.itemId)) {
      problems.push(`flag ${rule.flag} names unknown item ${rule.itemId}`);
    }
  }
  return problems;
}
