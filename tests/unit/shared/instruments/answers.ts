import type { Answer, ScoredInstrumentDefinition } from '../../../../shared/instruments';

/** Allowed values of each item, in item order (yes/no items: false and true). */
export function allowedValues(definition: ScoredInstrumentDefinition): Answer[][] {
  return definition.items.map((item) =>
    item.kind === 'choice' ? item.options.map((option) => option.value) : [false, true],
  );
}

/**
 * A complete, valid answer set for a scored-items-only definition whose total is `target`, built from each item's
 * allowed set (so non-contiguous sets are respected). Throws when no such set exists.
 */
export function answersForTotal(definition: ScoredInstrumentDefinition, target: number): Answer[] {
  const sets = allowedValues(definition);
  const maxes = sets.map((set) => Math.max(...set.map((value) => (value === true ? 1 : Number(value)))));
  const search = (index: number, remaining: number): Answer[] | null => {
    if (index === sets.length) return remaining === 0 ? [] : null;
    const rest = maxes.slice(index + 1).reduce((sum, max) => sum + max, 0);
    for (const value of [...(sets[index] ?? [])].reverse()) {
      const points = value === true ? 1 : value === false ? 0 : Number(value);
      if (points > remaining || remaining - points > rest) continue;
      const tail = search(index + 1, remaining - points);
      if (tail !== null) return [value, ...tail];
    }
    return null;
  };
  const found = search(0, target);
  if (found === null) throw new Error(`No valid answer set totals ${target}.`);
  return found;
}

/** Sum of points, counting true as 1 and null/false as 0. */
export function pointsOf(answers: readonly Answer[]): number {
  return answers.reduce<number>(
    (sum, value) => sum + (value === true ? 1 : typeof value === 'number' ? value : 0),
    0,
  );
}
