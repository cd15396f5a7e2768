/**
 * Small-cell suppression for outcome figures that leave the clinic (issue 15, item 5). A count from 1 to 10 could
 * point at a person, so it is never shown: it becomes null. Suppression must also survive arithmetic: in a group of
 * counts shown with its total, one hidden count could be recovered as the total minus the others, so a second
 * (complementary) count is hidden too — the smallest other non-zero one — and when there is none to hide, the total
 * is hidden instead. A total that is itself small hides with all its parts. Zero is shown: it names no one.
 */

export const SMALL_CELL_MAX = 10;

export const isSmall = (n: number) => n > 0 && n <= SMALL_CELL_MAX;

/** One count on its own. */
export const suppressCount = (n: number): number | null => (isSmall(n) ? null : n);

export interface SuppressedGroup {
  total: number | null;
  parts: Array<number | null>;
}

/** A group of counts and their total (the parts must add up to it, or the total is at least their sum). */
export function suppressGroup(total: number, parts: readonly number[]): SuppressedGroup {
  if (isSmall(total)) return { total: null, parts: parts.map((p) => (p === 0 ? 0 : null)) };
  const hidden = parts.map(isSmall);
  const count = hidden.filter(Boolean).length;
  let hideTotal = false;
  if (count === 1) {
    // The smallest shown non-zero part hides with it; failing that, the total does.
    const complement = parts
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !hidden[i] && p > 0)
      .sort((a, b) => a.p - b.p)[0];
    if (complement) hidden[complement.i] = true;
    else hideTotal = true;
  }
  return { total: hideTotal ? null : total, parts: parts.map((p, i) => (hidden[i] ? null : p)) };
}

/** A rate: hidden when its numerator or denominator is a small cell, or when the numerator's complement is. */
export function suppressRate(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  if (isSmall(denominator) || isSmall(numerator) || isSmall(denominator - numerator)) return null;
  return numerator / denominator;
}
