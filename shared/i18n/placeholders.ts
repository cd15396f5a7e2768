/**
 * The shape of an ICU message: each placeholder with its kind, and for plurals and selects the cases it covers.
 * Two translations of one message must have the same shape, or a value would print in one language and vanish in
 * the other. Parsed with FormatJS's own parser, so this reads messages exactly as `t()` formats them.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** Sorted "name:kind" entries; plurals and selects add their case keys ("count:plural[one,other]"). */
export function messageShape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          found.add(`${el.value}:text`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`${el.value}:${TYPE[el.type]}`);
          break;
        case TYPE.plural:
        case TYPE.select: {
          const kind = el.type === TYPE.plural ? 'plural' : 'select';
          // Plural categories differ by language (Spanish has "many"); what must match is that "other" exists.
          const keys = kind === 'plural' ? ['other'] : Object.keys(el.options).sort();
          found.add(`${el.value}:${kind}[${keys.join(',')}]`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        }
        case TYPE.tag:
          walk(el.children);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

/** Why `candidate` cannot stand in for `reference` (a parse error, or placeholders added or lost), or null. */
export function shapeProblem(reference: string, candidate: string): string | null {
  let shape: string[];
  try {
    shape = messageShape(candidate);
  } catch {
    return 'The text has an unmatched brace: keep placeholders such as {phone} exactly as shown.';
  }
  const want = messageShape(reference);
  const names = (s: string[]) => s.map((x) => `{${x.split(':')[0] ?? ''}}`);
  const missing = names(want.filter((x) => !shape.includes(x)));
  const extra = names(shape.filter((x) => !want.includes(x)));
  if (missing.length > 0) return `Keep ${[...new Set(missing)].join(', ')}: the document fills it in.`;
  if (extra.length > 0) return `Remove ${[...new Set(extra)].join(', ')}: nothing fills it in.`;
  return null;
}
