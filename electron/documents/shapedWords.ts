/**
 * Words fontkit has shaped, kept across documents by font file (layout.ts `shapeWordsOnce`): a word printed before is
 * not shaped again in the next document. They are words of clients' records (names, what a note says), so they are
 * kept only while a user is signed in: forgotten whenever the practice locks or closes, and not kept while it is
 * locked (core.ts `attach` and `detach`), as the decrypted data is.
 */

/** What pdfkit 0.20's embedded font reads of a shaped glyph (`layoutRun`, `encode`): its own data, no font. */
export interface PlainGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A shaped word as pdfkit 0.20 keeps it: its glyphs and their positions, and its advance width. */
export interface WordLayout {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** At most this many kept per font (then they start again). */
export const SHARED_WORDS = 20_000;

const byFont = new Map<string, Map<string, WordLayout>>();
let signedIn = false;
/** Counts sign-ins and locks: a document belongs to the session it was begun in. */
let session = 0;

/** The session now (a document notes it when begun: see shapedWordsOf). */
export const currentSession = (): number => session;

/**
 * The words kept for the font in `fontFile`; null while no one is signed in, or when `since` (the session a document
 * was begun in) has ended: a document still being built after a lock keeps its words to itself, even once someone
 * signs in again.
 */
export function shapedWordsOf(fontFile: string, since: number = session): Map<string, WordLayout> | null {
  if (!signedIn || since !== session) return null;
  let words = byFont.get(fontFile);
  if (!words) {
    words = new Map();
    byFont.set(fontFile, words);
  }
  return words;
}

/**
 * A shaped word as it is kept: fontkit's glyphs, which hold their whole font (tables and file, megabytes), replaced
 * by the little pdfkit reads of them, so that a kept word keeps no document's font alive.
 */
export function plainWord(run: WordLayout): WordLayout {
  return {
    glyphs: (run.glyphs as PlainGlyph[]).map((g) => ({
      id: g.id,
      advanceWidth: g.advanceWidth,
      codePoints: [...g.codePoints],
    })),
    positions: run.positions,
    advanceWidth: run.advanceWidth,
  };
}

/** A user signed in: words may be kept from now on. */
export function rememberShapedWords(): void {
  signedIn = true;
  session += 1;
}

/** Forgets every kept word and keeps none until the next sign-in (on lock and close). */
export function forgetShapedWords(): void {
  signedIn = false;
  session += 1;
  for (const words of byFont.values()) words.clear();
  byFont.clear();
}
