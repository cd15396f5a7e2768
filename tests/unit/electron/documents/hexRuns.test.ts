/**
 * A content hash is laid out from its pieces rather than shaped whole (layout.ts shapeWordsOnce): the glyphs and
 * their advances must be exactly those fontkit gives the whole run, in both fonts, "ff" ligatures included.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDocument, FONT_REGULAR, type WordLayout } from '../../../../electron/documents/layout';
import { shapedWordsOf } from '../../../../electron/documents/shapedWords';
import { aClinic, aClinician, setUpPractice } from '../../../support/fixtures';

interface Font {
  layoutCached(text: string): WordLayout;
  layoutRun(text: string): WordLayout & { glyphs: Array<{ id: number }> };
}

/** What pdfkit reads of a shaped word: glyph ids and code points (the ToUnicode map: copying text out), advances. */
const shape = (run: WordLayout) => ({
  glyphs: (run.glyphs as Array<{ id: number; codePoints: number[] }>).map((g) => [g.id, [...g.codePoints]]),
  positions: run.positions,
  advanceWidth: run.advanceWidth,
});

const aDocument = () =>
  createDocument({
    clinic: aClinic(),
    title: 'Session notes',
    subject: null,
    paper: 'letter',
    createdAt: new Date(Date.UTC(2026, 11, 2)),
  });

/** Records the words fontkit is asked to shape from now on. */
function watchShaping(font: Font): string[] {
  const shaped: string[] = [];
  const layoutRun = font.layoutRun.bind(font);
  font.layoutRun = (text) => {
    shaped.push(text);
    return layoutRun(text);
  };
  return shaped;
}

describe('content hashes laid out from their pieces', () => {
  it('gives the glyphs and advances fontkit gives the whole run, in both fonts', () => {
    const doc = aDocument();
    const hashes = [
      'ff'.repeat(32),
      'f'.repeat(63) + '0',
      '0123456789abcdef'.repeat(4),
      'deadbeefcafef00dfff0fffaff1fafaf',
      ...Array.from({ length: 400 }, (_, i) => createHash('sha256').update(String(i)).digest('hex')),
    ];
    for (const name of ['body', 'bold']) {
      const font = (doc.font(name) as unknown as { _font: Font })._font;
      for (const hash of hashes) {
        // Twice: the second time from pdfkit's cache of words.
        expect(shape(font.layoutCached(hash))).toEqual(shape(font.layoutRun(hash)));
        expect(shape(font.layoutCached(hash))).toEqual(shape(font.layoutRun(hash)));
      }
      // Not shaped whole: fontkit sees only the pieces.
      const shaped = watchShaping(font);
      const fresh = createHash('sha256').update(name).digest('hex');
      font.layoutCached(fresh);
      expect(shaped.every((t) => /^(f+|[^f])$/.test(t))).toBe(true);
      // Anything else is shaped whole, as before.
      expect(shape(font.layoutCached('Affiliated'))).toEqual(shape(font.layoutRun('Affiliated')));
    }
  });

  it('lays out numbers and the punctuation around them from their characters, as fontkit shapes them whole', () => {
    const doc = aDocument();
    const set = [...'0123456789.,:;()/\u2013 -'];
    // Every pair (kerning is between pairs), then runs as the notes print them, then pseudo-random runs.
    const runs = [
      ...set.flatMap((a) => set.map((b) => a + b)),
      '1,204. ',
      '10:50\u201311:40 ',
      '(12/31) ',
      '2026-12-02 ',
      '0.25; ',
      ...Array.from({ length: 300 }, (_, i) =>
        Array.from({ length: 2 + (i % 13) }, (_, j) => set[(i * 7 + j * 13 + i * j) % set.length]).join(''),
      ),
    ];
    for (const name of ['body', 'bold']) {
      const font = (doc.font(name) as unknown as { _font: Font })._font;
      for (const run of runs) {
        expect(shape(font.layoutCached(run))).toEqual(shape(font.layoutRun(run)));
        expect(shape(font.layoutCached(run))).toEqual(shape(font.layoutRun(run)));
      }
    }
    // In a new document: fontkit is asked for the characters, never the number.
    for (const name of ['body', 'bold']) {
      const font = (aDocument().font(name) as unknown as { _font: Font })._font;
      const shaped = watchShaping(font);
      font.layoutCached('98,765.4 ');
      expect(shaped.every((t) => t.length === 1)).toBe(true);
      // A word with a letter is shaped whole (DejaVu kerns "A." and "F,").
      font.layoutCached('12A.');
      expect(shaped).toContain('12A.');
    }
  });

  it('shapes a word once across documents while signed in, keeps no font alive, keeps nothing while locked', async () => {
    const { practice } = await setUpPractice();
    const first = (aDocument().font('body') as unknown as { _font: Font })._font;
    first.layoutCached('Marigoldfield ');
    const kept = shapedWordsOf(FONT_REGULAR)?.get('Marigoldfield ');
    // Plain data: a fontkit glyph holds its whole font (tables and file), which would outlive the document.
    expect(kept?.glyphs.every((g) => Object.getPrototypeOf(g) === Object.prototype)).toBe(true);
    const next = (aDocument().font('body') as unknown as { _font: Font })._font;
    const shaped = watchShaping(next);
    expect(shape(next.layoutCached('Marigoldfield '))).toEqual(shape(next.layoutRun('Marigoldfield ')));
    expect(shaped).toEqual(['Marigoldfield ']); // only the check's own call
    practice.lock('manual');
    expect(shapedWordsOf(FONT_REGULAR)).toBeNull();
    // A document made while locked keeps its words to itself.
    const locked = (aDocument().font('body') as unknown as { _font: Font })._font;
    locked.layoutCached('Lockedword ');
    expect(shapedWordsOf(FONT_REGULAR)).toBeNull();
    // A document begun before the lock and still being built after the next sign-in keeps its words to itself.
    const begun = (aDocument().font('body') as unknown as { _font: Font })._font;
    await practice.unlock(aClinician().username, aClinician().passphrase);
    expect(shapedWordsOf(FONT_REGULAR)?.has('Marigoldfield ')).toBe(false);
    expect(shapedWordsOf(FONT_REGULAR)?.has('Lockedword ')).toBe(false);
    begun.layoutCached('Outlivedword ');
    expect(shapedWordsOf(FONT_REGULAR)?.has('Outlivedword ')).toBe(false);
    practice.close();
  });
});
