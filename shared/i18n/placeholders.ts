/**
 * The shape of an ICU message: each placeholder with its kind, and for plurals and selects the cases it covers.
 * Two translations of one message must have the same shape, or a value would print in one language and vanish in
 * the other. Parsed with FormatJS's own parser, so this reads messages exactly as `t()` formats them.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { t, type MessageId } from './catalogue';
import { placeholderKey, placeholderNames } from './labels';

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

/**
 * Why `candidate` cannot stand in for `reference` (a parse error, or placeholders added or lost), or null. Given the
 * text's id, each placeholder is also said in words: "Keep {phone} (the clinic’s phone number)".
 */
export function shapeProblem(reference: string, candidate: string, id?: MessageId): string | null {
  let shape: string[];
  try {
    shape = messageShape(candidate);
  } catch {
    return t('en', 'screen.wording.problem.brace');
  }
  const want = messageShape(reference);
  // In the order the texts have them, as the administrator reads them.
  const order = [...placeholderNames(reference), ...placeholderNames(candidate)];
  const distinct = (s: string[]) =>
    [...new Set(s.map((x) => x.split(':')[0] ?? ''))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const named = (s: string[]) =>
    distinct(s)
      .map((name) =>
        id ? `{${name}} (${t('en', 'screen.placeholder', { name: placeholderKey(id, name) })})` : `{${name}}`,
      )
      .join(', ');
  const missing = want.filter((x) => !shape.includes(x));
  const extra = shape.filter((x) => !want.includes(x));
  if (missing.length > 0)
    return t('en', 'screen.wording.problem.keep', { names: named(missing), count: distinct(missing).length });
  if (extra.length > 0)
    return t('en', 'screen.wording.problem.remove', { names: named(extra), count: distinct(extra).length });
  return null;
}
