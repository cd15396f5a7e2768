/**
 * Plain text drawn without pdfkit's line wrapper. pdfkit 0.20 sets up a wrapper for every `text()` call (options
 * merged, an event emitter, listeners added and removed per line) before it draws a single fragment: in a 2,000-note
 * export most of its 50,000 calls draw a line or two ("Suicidal ideation: Denied", a note's paragraph), and that
 * machinery was half the export's time (issue 13). Here such a call is laid out and drawn as pdfkit would: the same
 * line-break opportunities (pdfkit's own `linebreak`), the same word widths taken from the space left one by one,
 * the same page-break tests, and the same drawing operators, byte for byte (tests/unit/electron/documents/
 * textLines.test.ts draws thousands of calls both ways and compares the files). Anything else — a word wider than
 * the line, a forced break or soft hyphen, a page that would break inside the text, a call left half done — returns
 * false with nothing drawn, and the caller lets pdfkit draw it.
 *
 * What of pdfkit 0.20.2 (pinned exactly in package.json; textLines.test.ts checks the version) this follows:
 * `_initOptions` (the width from `doc.x` to the right margin), `LineWrapper.wordWidth` (a word's width rounded down
 * to single precision by `PDFNumber`), `LineWrapper.eachWord` and `wrap` (the words from `linebreak`, which must be
 * the module pdfkit loads — the test checks that too; a word goes on the line while it fits the space left; the
 * page-break tests before the text and after each line), `_line` (the line height plus the line gap after each
 * line), and `_fragment` (the operators of a left-aligned line). Its state read here: `_font`, `_fontSize`,
 * `_lineGap`, `_wrapper` and `_textOptions` (a `continued` call pending).
 */
import { createRequire } from 'node:module';
import { keptIn, SHORT_TEXT } from './kept';

interface Break {
  position: number;
  required: boolean;
}
type LineBreakerClass = new (text: string) => { nextBreak(): Break | null };
const LineBreaker = createRequire(__filename)('linebreak') as LineBreakerClass;

/** What of pdfkit 0.20's font this uses. */
interface DrawFont {
  id: string;
  ascender: number;
  lineGap: number;
  descender: number;
  encode(
    text: string,
  ): [string[], Array<{ xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }>];
  ref(): unknown;
}
/** What of pdfkit 0.20's document state this uses. */
interface DrawState {
  _font: DrawFont;
  _fontSize: number;
  _lineGap: number;
  _wrapper: unknown;
  _textOptions: unknown;
  x: number;
  y: number;
  page: {
    width: number;
    height: number;
    margins: { right: number };
    fonts: Record<string, unknown>;
    maxY(): number;
    write(chunk: string): void;
  };
  widthOfString(text: string): number;
}
const stateOf = (doc: PDFKit.PDFDocument): DrawState => doc as unknown as DrawState;

const float = new Float32Array(1);
const bits = new Uint32Array(float.buffer);
/** The largest single-precision number not above `n`: how pdfkit rounds the widths it compares. */
function roundedDown(n: number): number {
  const rounded = Math.fround(n);
  if (rounded <= n) return rounded;
  float[0] = n;
  bits[0] = (bits[0] ?? 0) + (n <= 0 ? 1 : -1);
  return float[0] ?? n;
}

/** A number in a content stream as pdfkit writes it (at most six decimals). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Forced breaks (line, paragraph, form feed…) and the soft hyphen: pdfkit's wrapper treats them specially. */
const SPECIAL = /[\n\r\v\f\t\u0085\u00ad\u2028\u2029]/;

/** `text`'s words as pdfkit's wrapper cuts them (each with the spaces after it): where each ends, and its width. */
interface Words {
  ends: number[];
  widths: number[];
}

/** The words of `text` measured as pdfkit's wrapper measures them, or null if it has a forced break. */
function wordsOf(doc: DrawState, text: string): Words | null {
  if (SPECIAL.test(text)) return null;
  const breaker = new LineBreaker(text);
  const words: Words = { ends: [], widths: [] };
  let from = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.required) return null;
    words.ends.push(bk.position);
    words.widths.push(roundedDown(doc.widthOfString(text.slice(from, bk.position))));
    from = bk.position;
  }
  return words;
}

const keptWords = new WeakMap<DrawFont, Map<string, Words | null>>();

/** `text`'s words, kept per font and size for a short text (see kept.ts). */
function wordsKept(doc: DrawState, text: string): Words | null {
  if (text.length > SHORT_TEXT) return wordsOf(doc, text);
  let kept = keptWords.get(doc._font);
  if (!kept) {
    kept = new Map();
    keptWords.set(doc._font, kept);
  }
  return keptIn(kept, text, (t) => wordsOf(doc, t), `${doc._fontSize}|${text}`);
}

/** Lines as pdfkit's wrapper sets them, and the width of the last (what a `continued` call goes on from). */
interface Lines {
  lines: string[];
  lastWidth: number;
}

/**
 * The lines pdfkit's wrapper sets `text` in (current font and size): the first `firstWidth` wide (less than `width`
 * after a label), the others `width`. A word goes on the line while its width is no more than the space left (the
 * words' widths taken from it one by one); the first that is not starts the next line. Null where pdfkit would do
 * something else: an empty text, a forced break, a word wider than a line (pdfkit splits it), or a first line with
 * no room for even its first word. (After a label pdfkit narrows the first line by the label's width and gives it
 * back after it, `(width − label) + label`: exact here, since widths are sums of multiples of 1000/2048 of the size.)
 * A word wider than `width` is left to pdfkit even where pdfkit's own test (`lineWidth + continuedX`) is looser.
 */
function linesOf(doc: DrawState, text: string, firstWidth: number, width: number): Lines | null {
  if (text === '') return null;
  const words = wordsKept(doc, text);
  if (words === null) return null;
  const lines: string[] = [];
  let spaceLeft = firstWidth;
  let lineWidth = 0;
  let lineStart = 0;
  let from = 0;
  for (let k = 0; k < words.ends.length; k += 1) {
    const w = words.widths[k]!;
    if (w > width) return null;
    if (w <= spaceLeft) {
      spaceLeft -= w;
      lineWidth += w;
    } else {
      if (from === lineStart) return null;
      lines.push(text.slice(lineStart, from));
      lineStart = from;
      spaceLeft = width - w;
      lineWidth = w;
    }
    from = words.ends[k]!;
  }
  lines.push(text.slice(lineStart));
  return { lines, lastWidth: lineWidth };
}

/**
 * pdfkit's page-break tests for `count` lines from `doc.y`: before the call, the first line must start and end above
 * the page's bottom margin; after each line but the last, the next must end above it too.
 */
function roomFor(doc: DrawState, count: number): boolean {
  const maxY = roundedDown(doc.page.maxY());
  const height = lineHeight(doc);
  let y = doc.y;
  if (y > maxY || y + height > maxY) return false;
  for (let i = 1; i < count; i += 1) {
    y += height + doc._lineGap;
    if (roundedDown(y + height) > maxY) return false;
  }
  return true;
}

const lineHeight = (doc: DrawState): number =>
  ((doc._font.ascender + doc._font.lineGap - doc._font.descender) / 1000) * doc._fontSize;

type Positions = ReturnType<DrawFont['encode']>[1];

/** pdfkit's text-showing segment for glyphs [from, to): their hex, then the last one's kerning. */
const segment = (encoded: readonly string[], positions: Positions, from: number, to: number): string => {
  const pos = positions[to - 1]!;
  return `<${encoded.slice(from, to).join('')}> ${num(-(pos.xAdvance - pos.advanceWidth))}`;
};

/**
 * Draws `text` at (x, y) in the current font as pdfkit's `_fragment` does for left-aligned text: the glyphs in
 * `TJ` arrays split where a glyph is kerned, and a glyph placed off its line (a mark) moved to by its own `Tm`.
 */
function fragment(doc: DrawState, text: string, x: number, y: number): void {
  const font = doc._font;
  const size = doc._fontSize;
  const page = doc.page;
  const top = page.height - y - (font.ascender / 1000) * size;
  page.fonts[font.id] ??= font.ref();
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  let out = `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${font.id} ${num(size)} Tf`;
  let commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let lineX = x;
  for (let i = 0; i < positions.length; i += 1) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      if (last < i) commands.push(segment(encoded, positions, last, i));
      if (commands.length > 0) out += `\n[${commands.join(' ')}] TJ`;
      out += `\n1 0 0 1 ${num(lineX + pos.xOffset * scale)} ${num(top + pos.yOffset * scale)} Tm`;
      out += `\n[${segment(encoded, positions, i, i + 1)}] TJ`;
      commands = [];
      last = i + 1;
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${num(lineX)} ${num(top)} Tm`;
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) {
        commands.push(segment(encoded, positions, last, i + 1));
        last = i + 1;
      }
    }
    lineX += pos.xAdvance * scale;
  }
  if (last < positions.length) commands.push(segment(encoded, positions, last, positions.length));
  if (commands.length > 0) out += `\n[${commands.join(' ')}] TJ`;
  page.write(`${out}\nET\nQ`);
}

/** No text call is half done (a `continued` one waiting for its rest): the next call starts afresh. */
const settled = (doc: DrawState): boolean => doc._wrapper == null && doc._textOptions == null;

/** Draws `lines` from (x, doc.y), the first from `firstX`, moving `doc.y` down a line after each, as pdfkit does. */
function drawLines(doc: DrawState, lines: readonly string[], firstX: number, x: number): void {
  const step = lineHeight(doc) + doc._lineGap;
  for (const [i, text] of lines.entries()) {
    fragment(doc, text, i === 0 ? firstX : x, doc.y);
    doc.y += step;
  }
}

const widthFrom = (doc: DrawState): number => Math.max(doc.page.width - doc.x - doc.page.margins.right, 0);

/**
 * `doc.text(text)` (left-aligned, from `doc.x` to the right margin) when pdfkit would set it in lines of whole words
 * on this page: drawn, `doc.y` below it, true. False (nothing drawn) otherwise: the caller calls `doc.text`.
 */
export function drawText(pdf: PDFKit.PDFDocument, text: string): boolean {
  const doc = stateOf(pdf);
  if (!settled(doc)) return false;
  const width = widthFrom(doc);
  // No width (at or past the right margin): pdfkit draws without a wrapper, and does not move down.
  if (width === 0) return false;
  const laid = linesOf(doc, text, width, width);
  if (laid === null || !roomFor(doc, laid.lines.length)) return false;
  drawLines(doc, laid.lines, doc.x, doc.x);
  return true;
}

/**
 * `doc.font(labelFont).text(label, { continued: true }).font(valueFont).text(value)` when the label fits on the
 * line and pdfkit would set the value after it, and on lines of its own below, in whole words on this page: drawn,
 * `doc.y` below it, true. False (nothing drawn, the font as it was) otherwise.
 */
export function drawLabelled(
  pdf: PDFKit.PDFDocument,
  label: string,
  labelFont: string,
  value: string,
  valueFont: string,
): boolean {
  const doc = stateOf(pdf);
  if (!settled(doc)) return false;
  const font = doc._font;
  const width = widthFrom(doc);
  if (width === 0) return false;
  pdf.font(labelFont);
  const labelLines = roomFor(doc, 1) ? linesOf(doc, label, width, width) : null;
  const labelWidth = labelLines?.lines.length === 1 ? labelLines.lastWidth : null;
  pdf.font(valueFont);
  const laid = labelWidth === null ? null : linesOf(doc, value, width - labelWidth, width);
  if (labelWidth === null || laid === null || !roomFor(doc, laid.lines.length)) {
    doc._font = font;
    return false;
  }
  pdf.font(labelFont);
  fragment(doc, label, doc.x, doc.y);
  pdf.font(valueFont);
  drawLines(doc, laid.lines, doc.x + labelWidth, doc.x);
  return true;
}
