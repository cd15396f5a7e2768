/**
 * Each fixed text named as an administrator reads it: by its document and part rather than its message id, its
 * placeholders in words ("the clinic’s phone number"), a plural or select by what it changes with.
 */
import type { MessageId } from '../../../../shared/i18n/catalogue';
import { groupOf, partOf, placeholderKey, segments } from '../../../../shared/i18n/labels';
import type { ScreenText } from '../../i18n/useScreenText';

/** "the clinic’s phone number" for `{phone}` in this text. */
export const describePlaceholder = (s: ScreenText, id: MessageId, name: string): string =>
  s('screen.placeholder', { name: placeholderKey(id, name) });

/** A case of a plural or select, its own placeholders in words: "Version [the version number]." */
export const caseText = (s: ScreenText, id: MessageId, text: string): string =>
  text.replace(/\{(\w+)\}/g, (_m, name: string) => `[${describePlaceholder(s, id, name)}]`);

/** The text in words, for a label: placeholders in brackets, a plural or select by what it changes with. */
export function plainSummary(s: ScreenText, id: MessageId, message: string, max = 70): string {
  const text = segments(message)
    .map((seg) => {
      if (seg.kind === 'text') return seg.text;
      const what = describePlaceholder(s, id, seg.name);
      return seg.cases ? `[${s('screen.wording.varies', { what })}]` : `[${what}]`;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** "Safety plan › heading: Signs that a hard time may be starting" */
export function wordingLabel(s: ScreenText, id: MessageId, englishShipped: string): string {
  return s('screen.wording.label', {
    group: s('screen.wording.group', { group: groupOf(id) }),
    part: s('screen.wording.part', { part: partOf(id) }),
    summary: plainSummary(s, id, englishShipped),
  });
}
