/**
 * The catalogues of client documents: every message id in both languages with the same placeholders, plurals and
 * selects (read by FormatJS's own parser); every message formats; and the plain-language check of issue 14 — each
 * document's fixed texts at or below grade 6 by Flesch-Kincaid in English and at 70 ("fairly easy") or above by
 * Fernández-Huerta in Spanish. The figures are printed as a table. The Part 2 notice is regulation text: measured
 * and printed, and excluded from the threshold (its meaning must not change, CLINICAL.md §6).
 */
import { fleschKincaid } from 'flesch-kincaid';
import { Word } from 'silabacion';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  DOCUMENT_MESSAGE_IDS,
  MESSAGE_IDS,
  t,
  translator,
  type MessageId,
} from '../../../../shared/i18n/catalogue';
import { CLIENT_DOCUMENTS, documentMessages, REGULATION_TEXTS } from '../../../../shared/i18n/documents';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/i18n/languages';
import { messageShape, shapeProblem } from '../../../../shared/i18n/placeholders';

/** Values a document fills in, short as real ones are. */
const SAMPLE = {
  name: 'Ana Ruiz',
  chart: 'C-000001',
  dob: '1990-03-14',
  page: 1,
  count: 3,
  phone: '(541) 555-0142',
  clinic: 'Riverbend',
  percent: 10,
  days: 5,
  precision: '0.1 g',
  doses: 3,
  version: 2,
  date: 'Nov 20, 2026',
  from: 'Nov 20, 2026',
  to: 'Nov 25, 2026',
  amount: '2.7 g',
  grams: '2.7',
  form: 'leafPowder',
  group: 'body',
  trigger: 'pain',
  response: 'walk',
  signer: 'Wren Okafor',
  named: 'yes',
  signed: 'yes',
  hash: 'ab12',
  obstacle: 'rides',
  response2: 'bus',
};

const words = (text: string) => text.split(/[\s—–/]+/).filter((w) => /\p{L}/u.test(w));
const letters = (w: string) => w.replace(/[^\p{L}]/gu, '');

/** Each message is a unit on the page (a heading, a bullet); inside one, sentences end with . ! ? or … */
function counts(texts: readonly string[], syllables: (word: string) => number) {
  let sentence = 0;
  let word = 0;
  let syllable = 0;
  for (const text of texts) {
    const ws = words(text);
    if (ws.length === 0) continue;
    sentence += Math.max(1, text.split(/[.!?…]+(?:\s|$)/).filter((s) => words(s).length > 0).length);
    word += ws.length;
    syllable += ws.reduce((n, w) => n + Math.max(1, syllables(letters(w))), 0);
  }
  return { sentence, word, syllable };
}

/**
 * Syllables by silabacion. It cannot split a few non-Spanish tokens ("OH" of "7-OH": a final h); those count
 * their vowel groups, at least one.
 */
function spanishSyllables(w: string): number {
  try {
    return new Word(w.toLowerCase()).syllables.length;
  } catch {
    return Math.max(1, w.match(/[aeiouáéíóúüy]+/giu)?.length ?? 0);
  }
}

/**
 * Fernández Huerta, J. (1959). Medidas sencillas de lecturabilidad. Consigna 214, 29–32: 206.84 − 0.60·P − 1.02·F,
 * P syllables per 100 words. F as printed there (sentences per 100 words) would make longer sentences read easier;
 * the corrected reading used by textstat and legibilidad takes F as words per sentence, as Flesch's own formula
 * does, and so does this.
 */
export function fernandezHuerta(c: { sentence: number; word: number; syllable: number }): number {
  const p = (100 * c.syllable) / c.word;
  const f = c.word / c.sentence;
  return 206.84 - 0.6 * p - 1.02 * f;
}

function score(language: DocumentLanguage, ids: readonly MessageId[]): number {
  const texts = ids.map((id) => t(language, id, SAMPLE));
  return language === 'en'
    ? fleschKincaid(counts(texts, (w) => syllable(w)))
    : fernandezHuerta(counts(texts, spanishSyllables));
}

describe('client document catalogues', () => {
  it('have every message id in both languages, with the same placeholders, plurals and selects', () => {
    for (const language of DOCUMENT_LANGUAGES)
      expect(Object.keys(CATALOGUES[language]).sort()).toEqual([...MESSAGE_IDS].sort());
    for (const id of MESSAGE_IDS) {
      expect(messageShape(CATALOGUES.es[id]), id).toEqual(messageShape(CATALOGUES.en[id]));
    }
  });

  it('format every message in both languages with nothing left unfilled', () => {
    for (const language of DOCUMENT_LANGUAGES)
      for (const id of DOCUMENT_MESSAGE_IDS)
        expect(t(language, id, SAMPLE), `${language} ${id}`).not.toMatch(/[{}]/);
    expect(t('en', 'taper.doses', { count: 1, amount: '3 g' })).toBe('1 dose of 3 g');
    expect(t('es', 'taper.doses', { count: 3, amount: '2.7 g' })).toBe('3 dosis de 2.7 g');
    expect(t('es', 'crisis.988')).toContain('oprima 2');
  });

  it('format dates and amounts for en-US and es-US', () => {
    expect(translator('en').date('2026-11-20', 'weekday')).toBe('Fri, Nov 20, 2026');
    expect(translator('es').date('2026-11-20', 'weekday')).toBe('vie, 20 de nov de 2026');
    expect(translator('es').grams(2.7)).toBe('2.7 g');
    expect(translator('en').grams(0.05)).toBe('0.05 g');
  });

  it('take the clinic’s own wording where it has replaced a text', () => {
    const tr = translator('es', { es: { 'taper.steps': 'Sus pasos, día a día' } });
    expect(tr.t('taper.steps')).toBe('Sus pasos, día a día');
    expect(tr.t('taper.stop')).toBe('Pare');
  });

  it('score a long sentence harder than the same words in short ones (Fernández-Huerta)', () => {
    const long = counts(
      [
        'Tome la dosis de la mañana con comida y agua y luego llame a la clínica si se siente mal o tiene dudas.',
      ],
      spanishSyllables,
    );
    const short = counts(
      [
        'Tome la dosis de la mañana.',
        'Tome comida y agua.',
        'Llame a la clínica.',
        'Llame si se siente mal.',
      ],
      spanishSyllables,
    );
    expect(fernandezHuerta(short)).toBeGreaterThan(fernandezHuerta(long));
  });

  it('refuse a replacement that loses or adds a placeholder', () => {
    expect(shapeProblem(CATALOGUES.en['taper.strong.call'], 'Call us.')).toBe(
      'Keep {phone}: the document fills it in.',
    );
    expect(shapeProblem(CATALOGUES.en['taper.stop'], 'Stop {now}')).toBe(
      'Remove {now}: nothing fills it in.',
    );
    expect(shapeProblem(CATALOGUES.en['taper.stop'], 'Stop {')).toMatch(/unmatched brace/);
    expect(shapeProblem(CATALOGUES.en['taper.strong.call'], 'Llame al {phone}.')).toBeNull();
  });

  const byDocument = documentMessages(DOCUMENT_MESSAGE_IDS);
  const figures = CLIENT_DOCUMENTS.map((document) => {
    const ids = byDocument[document].filter((id) => !REGULATION_TEXTS.includes(id));
    return {
      document,
      en: Number(score('en', ids).toFixed(1)),
      es: Number(score('es', ids).toFixed(1)),
    };
  });
  const notice = {
    document: 'Part 2 notice (regulation text, excluded)',
    en: Number(score('en', ['notice.full']).toFixed(1)),
    es: Number(score('es', ['notice.full']).toFixed(1)),
  };

  it('say plainly on the client’s own copy whom the notice binds, in both languages', () => {
    expect(REGULATION_TEXTS).not.toContain('notice.ownCopy');
    for (const document of CLIENT_DOCUMENTS) expect(byDocument[document]).toContain('notice.ownCopy');
    expect(score('en', ['notice.ownCopy'])).toBeLessThanOrEqual(6);
    expect(score('es', ['notice.ownCopy'])).toBeGreaterThanOrEqual(70);
  });

  it.each(figures)(
    'reads plainly: $document — English Flesch-Kincaid grade $en (≤ 6), Spanish Fernández-Huerta $es (≥ 70)',
    (row) => {
      expect(row.en).toBeLessThanOrEqual(6);
      expect(row.es).toBeGreaterThanOrEqual(70);
    },
  );

  it(`prints the figures; the Part 2 notice is regulation text, excluded: grade ${notice.en}, Fernández-Huerta ${notice.es}`, () => {
    console.table([...figures, notice]);
    expect(notice.en).toBeGreaterThan(6);
  });
});
