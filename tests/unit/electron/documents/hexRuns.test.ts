/**
 * A content hash is laid out from its pieces rather than shaped whole (layout.ts composeHexRuns): the glyphs and
 * their advances must be exactly those fontkit gives the whole run, in both fonts, "ff" ligatures included.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDocument, type WordLayout } from '../../../../electron/documents/layout';
import { aClinic } from '../../../support/fixtures';

interface Font {
  layoutCached(text: string): WordLayout;
  layoutRun(text: string): WordLayout & { glyphs: Array<{ id: number }> };
}

const shape = (run: WordLayout) => ({
  glyphs: (run.glyphs as Array<{ id: number }>).map((g) => g.id),
  positions: run.positions,
  advanceWidth: run.advanceWidth,
});

describe('content hashes laid out from their pieces', () => {
  it('gives the glyphs and advances fontkit gives the whole run, in both fonts', () => {
    const doc = createDocument({
      clinic: aClinic(),
      title: 'Session notes',
      subject: null,
      paper: 'letter',
      createdAt: new Date(Date.UTC(2026, 11, 2)),
    });
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
      const shaped: string[] = [];
      const layoutRun = font.layoutRun.bind(font);
      font.layoutRun = (text) => {
        shaped.push(text);
        return layoutRun(text);
      };
      const fresh = createHash('sha256').update(name).digest('hex');
      font.layoutCached(fresh);
      expect(shaped.every((t) => /^(f+|[^f])$/.test(t))).toBe(true);
      // Anything else is shaped whole, as before.
      expect(shape(font.layoutCached('Affiliated'))).toEqual(shape(font.layoutRun('Affiliated')));
    }
  });
});
