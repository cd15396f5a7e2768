/**
 * What the PDF layout keeps per font and document so that a record's repeated text (labels, headings, dates, dashes)
 * is measured and encoded once: short texts only, and a bounded number of them, so a long export's memory stays
 * bounded (when full they start again).
 */

/** Texts up to this long are kept: the labels, headings, dates and dashes every record repeats. */
export const SHORT_TEXT = 48;
/** At most this many kept in one map. */
const KEPT = 5_000;

/** `compute(text)` kept by `key` (the text unless given) in `known`, which is emptied when it holds KEPT. */
export function keptIn<T>(
  known: Map<string, T>,
  text: string,
  compute: (text: string) => T,
  key: string = text,
): T {
  let value = known.get(key);
  if (value === undefined) {
    value = compute(text);
    if (known.size >= KEPT) known.clear();
    known.set(key, value);
  }
  return value;
}
