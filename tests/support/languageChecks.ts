/**
 * What a document printed in Spanish must not hold: any English fixed text of the catalogue longer than a couple
 * of words. Each English message is cut at its placeholders, plurals and selects; every literal run of three or
 * more words is looked for in the PDF's text.
 */
import { CATALOGUES, DOCUMENT_MESSAGE_IDS } from '../../shared/i18n/catalogue';

export function englishRuns(): string[] {
  const runs = new Set<string>();
  for (const id of DOCUMENT_MESSAGE_IDS) {
    const message = CATALOGUES.en[id];
    // A plural or select: its cases' literal text ("{count, plural, one {# dose} other {# doses}}").
    const literal = message.replace(/\{[^{}]*\}/g, '|').replace(/\{[^{}]*\}/g, '|');
    for (const part of literal.split(/[|{},#]/)) {
      const words = part.trim().split(/\s+/).filter(Boolean);
      if (words.length >= 3) runs.add(words.join(' '));
    }
  }
  return [...runs];
}

/** The English fixed texts found in `text` (whitespace flattened). */
export function englishFound(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return englishRuns().filter((run) => flat.includes(run));
}
