/**
 * Plain text is drawn without pdfkit's line wrapper (documents/textLines.ts): the document must come out byte for
 * byte as pdfkit itself draws it — the same operators, positions, fonts, line breaks and page breaks — for lines that
 * fit, lines at the edge of the width, lines that wrap, forced breaks, labels with values, names in many scripts, and
 * pages that fill up.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument, finish, MARGIN, type Paper } from '../../../../electron/documents/layout';
import { drawLabelled, drawText } from '../../../../electron/documents/textLines';
import { aClinic } from '../../../support/fixtures';

type Step =
  | { kind: 'line'; text: string; font: 'body' | 'bold'; size: number; color: string }
  | { kind: 'labelled'; label: string; value: string; size: number }
  | { kind: 'gap'; lines: number }
  /** Moves to `x` (from the left edge), or back to the margin. */
  | { kind: 'x'; x: number }
  /** Moves to where one more line of the current size just fits above the footer, give or take `delta`. */
  | { kind: 'bottom'; delta: number }
  /** Draws `text` from where it ends at the right margin, give or take `delta`: the line exactly full. */
  | { kind: 'exact'; text: string; delta: number };

const WORDS = [
  'craving',
  'sleep',
  'Đặng',
  'Łukasiewicz',
  'O’Brien',
  'Nguyễn Thị Ánh',
  'José Núñez',
  '10:00–10:50',
  'C-004998',
  '1,204.',
  'Affiliated',
  'self-care',
  'www.example.org/plan',
  'AVAWA',
  'fi ff fl',
  '—',
  'Tätigkeit',
  'Ψυχολογία',
  // A zero-width space alone (drawn at the right margin, it fits in no width at all), a no-break space.
  '\u200b',
  '12\u00a0mg',
  // Combining marks, placed off the line by their own text matrix.
  'Nguye\u0302\u0303n',
  'Z\u0301o\u0308e',
];

/** A seeded sequence of drawing steps, some fitting a line, some just over it, some wrapping or breaking. */
function steps(seed: number, count: number): Step[] {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    // The high bits: the low bits of this generator repeat every few draws.
    return Math.floor((s / 2147483648) * n);
  };
  const text = (words: number) =>
    Array.from({ length: words }, () => WORDS[next(WORDS.length)]).join(next(9) === 0 ? '  ' : ' ');
  const out: Step[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = next(20);
    if (r < 8) {
      const words = [1, 2, 4, 8, 11, 12, 13, 14, 16, 30][next(10)]!;
      let t = text(words);
      if (next(15) === 0) t = `${t}\n${text(3)}`;
      if (next(25) === 0) t = `pre\u00adfix ${t}`;
      if (next(30) === 0) t = '';
      if (next(20) === 0) t = `${t} `;
      out.push({
        kind: 'line',
        text: t,
        font: next(3) === 0 ? 'bold' : 'body',
        size: [8, 8.5, 10, 11, 13, 15][next(6)]!,
        color: next(4) === 0 ? '#333333' : '#000000',
      });
    } else if (r < 18) {
      out.push({
        kind: 'labelled',
        label: `${['Session', 'Suicidal ideation', 'Content SHA-256', 'Signed at', text(6)][next(5)]}: `,
        value: next(6) === 0 ? '—' : text([1, 3, 7, 9, 10, 12, 20][next(7)]!),
        size: [10, 12][next(2)]!,
      });
    } else if (r < 19) {
      out.push({ kind: 'gap', lines: [0.3, 0.5, 1, 2.5][next(4)]! });
    } else {
      const edge = next(4);
      const delta = [-1e-9, 0, 1e-9, 1e-6, -0.01, 0.01][next(6)]!;
      if (edge === 0) out.push({ kind: 'x', x: [20, 100.1, 300, 557.9, 558, 600][next(6)]! });
      else if (edge === 1) out.push({ kind: 'x', x: MARGIN });
      else if (edge === 2) out.push({ kind: 'bottom', delta });
      else out.push({ kind: 'exact', text: text(1 + next(4)), delta });
    }
  }
  return out;
}

/** Draws `all` into a new document, directly where the fast path takes it (`fast`) or always through pdfkit. */
async function draw(all: readonly Step[], paper: Paper, fast: boolean, lineGap: number) {
  const doc = createDocument({
    clinic: aClinic(),
    title: 'Session notes',
    subject: 'Łukasiewicz, Đặng — Chart C-000123',
    paper,
    createdAt: new Date(Date.UTC(2026, 11, 2, 15, 4)),
  });
  doc.lineGap(lineGap);
  let direct = 0;
  let wrapped = 0;
  const shown = new Set<string>();
  for (const step of all) {
    const before = doc.y;
    if (step.kind === 'gap') doc.moveDown(step.lines);
    else if (step.kind === 'x') doc.x = step.x;
    else if (step.kind === 'bottom') doc.y = doc.page.maxY() - doc.currentLineHeight(true) + step.delta;
    else if (step.kind === 'exact') {
      doc.font('body').fontSize(10);
      const x = doc.x;
      doc.x = doc.page.width - doc.page.margins.right - doc.widthOfString(step.text) + step.delta;
      if (fast && drawText(doc, step.text)) direct += 1;
      else doc.text(step.text);
      doc.x = x;
    } else if (step.kind === 'line') {
      doc.font(step.font).fontSize(step.size).fillColor(step.color);
      if (fast && drawText(doc, step.text)) {
        direct += 1;
        shown.add(step.text);
        if (doc.y - before > 2 * step.size) wrapped += 1;
      } else doc.text(step.text);
    } else {
      doc.fontSize(step.size);
      if (fast && drawLabelled(doc, step.label, 'bold', step.value, 'body')) {
        direct += 1;
        shown.add(step.value);
        if (doc.y - before > 2 * step.size) wrapped += 1;
      } else doc.font('bold').text(step.label, { continued: true }).font('body').text(step.value);
    }
  }
  return { bytes: await finish(doc), direct, wrapped, shown: [...shown].join(' ') };
}

describe('a line that fits, drawn without the wrapper', () => {
  for (const [seed, paper, lineGap] of [
    [1, 'letter', 0],
    [2, 'a4', 0],
    [3, 'letter', 1.7],
    [4, 'a4', 0.5],
  ] as const) {
    it(`draws the same document, byte for byte, as pdfkit (seed ${seed}, ${paper}, line gap ${lineGap})`, async () => {
      const all = steps(seed, 700);
      const fast = await draw(all, paper, true, lineGap);
      const plain = await draw(all, paper, false, lineGap);
      expect(fast.bytes.equals(plain.bytes)).toBe(true);
      // Both paths were taken, over many pages.
      const drawn = all.filter((s) => ['line', 'labelled', 'exact'].includes(s.kind)).length;
      // Every word of every script was drawn directly somewhere.
      for (const word of WORDS) expect(fast.shown).toContain(word);
      expect(fast.direct).toBeGreaterThan(drawn / 3);
      expect(fast.direct).toBeLessThan(drawn);
      expect(fast.wrapped).toBeGreaterThan(20); // texts and values set on two lines or more
      expect(fast.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(10);
    });
  }

  it('leaves a call half done (continued text), and a line with no width, to pdfkit', async () => {
    const doc = createDocument({
      clinic: aClinic(),
      title: 'Notes',
      subject: null,
      paper: 'letter',
      createdAt: new Date(Date.UTC(2026, 11, 2)),
    });
    doc.text('Started: ', { continued: true });
    expect(drawText(doc, 'craving')).toBe(false);
    expect(drawLabelled(doc, 'Risk: ', 'bold', 'Denied', 'body')).toBe(false);
    doc.text('and finished');
    expect(drawText(doc, 'craving')).toBe(true);
    // At or past the right margin there is no width: pdfkit draws there without wrapping and stays on the line.
    for (const x of [doc.page.width - doc.page.margins.right, doc.page.width]) {
      doc.x = x;
      expect(drawText(doc, '\u200b')).toBe(false);
      expect(drawLabelled(doc, '\u200b', 'bold', '\u200b', 'body')).toBe(false);
    }
    await finish(doc);
  });

  it('follows the pdfkit it was written against, breaking lines with the module pdfkit loads', () => {
    const require = createRequire(import.meta.url);
    const pdfkit = require.resolve('pdfkit');
    const pdfkitPackage = JSON.parse(
      fs.readFileSync(path.join(path.dirname(pdfkit), '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(pdfkitPackage.version).toBe('0.20.2');
    const ours = createRequire(require.resolve('../../../../electron/documents/textLines.ts')).resolve(
      'linebreak',
    );
    expect(createRequire(pdfkit).resolve('linebreak')).toBe(ours);
  });
});
