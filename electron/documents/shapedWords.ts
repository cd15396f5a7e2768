/**
 * Words fontkit has shaped, kept across documents by font (layout.ts `composeHexRuns`): a word printed before is
 * not shaped again in the next document. They are words of clients' records (names, what a note says), so they are
 * forgotten whenever the practice locks or closes (core.ts `detach`), as the decrypted data is.
 */

/** A shaped word as pdfkit 0.20 keeps it: its glyphs and their positions, and its advance width. */
export interface WordLayout {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** At most this many kept per font (then they start again). */
export const SHARED_WORDS = 20_000;

const byFont = new Map<string, Map<string, WordLayout>>();

/** The words kept for the font of this PostScript name ("DejaVuSans-Bold"). */
export function shapedWordsOf(fontName: string): Map<string, WordLayout> {
  let words = byFont.get(fontName);
  if (!words) {
    words = new Map();
    byFont.set(fontName, words);
  }
  return words;
}

/** Forgets every kept word (on lock and close). */
export function forgetShapedWords(): void {
  for (const words of byFont.values()) words.clear();
  byFont.clear();
}
