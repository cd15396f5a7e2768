/**
 * The message catalogues of the documents a client takes home, one per language, and `t(language, id, values)`.
 *
 * Why FormatJS (intl-messageformat): it implements ICU MessageFormat, the standard translators and their tools
 * read, with plurals and selects by each language's CLDR rules ("1 dosis", "3 doses"); it is maintained; it runs
 * unchanged in the main process and in the renderer (plain JavaScript over the built-in Intl), with no build step or
 * message compilation; and its parser (@formatjs/icu-messageformat-parser) lets a test check that every language
 * has the same placeholders, plurals and selects. Messages are never built by string concatenation: word order is
 * the message's.
 *
 * A clinic may replace a shipped text with its own wording (issue 14, item 3): pass those as `overrides`.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageId } from './en';
import { es } from './es';
import { LANGUAGE_LOCALES, type DocumentLanguage } from './languages';

export type { MessageId } from './en';

export const CATALOGUES: Record<DocumentLanguage, Record<MessageId, string>> = { en, es };

export const MESSAGE_IDS = Object.keys(en) as MessageId[];

/** The texts clinicians' screens show (`screen.`): in the catalogue so a translation is a file, not client wording. */
export const isScreenMessage = (id: string): boolean => id.startsWith('screen.');

/** The fixed texts of client documents: what the clinic may reword and the readability test measures. */
export const DOCUMENT_MESSAGE_IDS = MESSAGE_IDS.filter((id) => !isScreenMessage(id));

export type MessageValues = Record<string, string | number>;

/** The clinic's own wording, by language and id; a missing entry uses the shipped text. */
export type MessageOverrides = Partial<Record<DocumentLanguage, Partial<Record<MessageId, string>>>>;

const compiled = new Map<string, IntlMessageFormat>();

function format(language: DocumentLanguage, source: string, values: MessageValues | undefined): string {
  const key = `${language}\u0000${source}`;
  let message = compiled.get(key);
  if (!message) {
    message = new IntlMessageFormat(source, LANGUAGE_LOCALES[language], undefined, { ignoreTag: true });
    compiled.set(key, message);
  }
  return String(message.format(values));
}

/** One message in one language, its placeholders filled in. */
export function t(language: DocumentLanguage, id: MessageId, values?: MessageValues): string {
  return format(language, CATALOGUES[language][id], values);
}

/** What a document prints with: its language, the clinic's wording where it has its own, and locale formats. */
export interface Translator {
  language: DocumentLanguage;
  locale: string;
  t(id: MessageId, values?: MessageValues): string;
  /** 'YYYY-MM-DD' as the locale writes a calendar day ("Nov 20, 2026", "20 nov 2026"), without zone drift. */
  date(isoDate: string, style?: 'medium' | 'weekday'): string;
  /** An instant, with its zone, in this computer's time. */
  instant(ms: number): string;
  /** Grams as the scale shows them, up to two decimals: "2.7 g". */
  grams(g: number): string;
}

export function translator(language: DocumentLanguage, overrides: MessageOverrides = {}): Translator {
  const locale = LANGUAGE_LOCALES[language];
  const own = overrides[language] ?? {};
  const medium = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const instant = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const tr: Translator = {
    language,
    locale,
    t: (id, values) => format(language, own[id] ?? CATALOGUES[language][id], values),
    date(isoDate, style = 'medium') {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!m) return isoDate;
      const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return (style === 'weekday' ? weekday : medium).format(at);
    },
    instant: (ms) => instant.format(ms),
    grams: (g) => tr.t('taper.grams', { grams: number.format(Number(g.toFixed(2))) }),
  };
  return tr;
}
