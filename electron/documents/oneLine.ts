/**
 * A line of text that fits, drawn without pdfkit's line wrapper. pdfkit 0.20 sets up a wrapper for every `text()`
 * call (options merged, an event emitter, listeners added and removed per line) before it draws a single fragment:
 * in a 2,000-note export, most of its 50,000 calls draw one short line ("Suicidal ideation: Denied"), and that set-up
 * was half the export's time (issue 13). Here such a call is decided and drawn as pdfkit would: the same line-break
 * opportunities (pdfkit's own `linebreak`), the same word widths summed the same way, the same page-break test, and
 * the same drawing operators, byte for byte (tests/unit/electron/documents/oneLine.test.ts draws thousands of calls
 * both ways and compares the streams). Anything else — a line that wraps, a word wider than the line, a forced
 * break, a page to break — returns false, and the caller lets pdfkit draw it.
 */
import { createRequire } from 'node:module';

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

/** The widths of `text`'s words as pdfkit's wrapper measures them, or null if it has a forced break. */
function wordWidths(doc: DrawState, text: string): number[] | null {
  if (SPECIAL.test(text)) return null;
  const breaker = new LineBreaker(text);
  const widths: number[] = [];
  let from = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.required) return null;
    widths.push(roundedDown(doc.widthOfString(text.slice(from, bk.position))));
    from = bk.position;
  }
  return widths;
}

/** Texts up to this long (labels, values, headings every record repeats) have their word widths kept. */
const SHORT_TEXT = 48;
/** At most this many per font and document (then they start again). */
const KEPT_TEXTS = 5_000;
const keptWidths = new WeakMap<DrawFont, Map<string, number[] | null>>();

function wordWidthsKept(doc: DrawState, text: string): number[] | null {
  if (text.length > SHORT_TEXT) return wordWidths(doc, text);
  let kept = keptWidths.get(doc._font);
  if (!kept) {
    kept = new Map();
    keptWidths.set(doc._font, kept);
  }
  const key = `${doc._fontSize}|${text}`;
  let widths = kept.get(key);
  if (widths === undefined) {
    widths = wordWidths(doc, text);
    if (kept.size >= KEPT_TEXTS) kept.clear();
    kept.set(key, widths);
  }
  return widths;
}

/**
 * The width pdfkit's wrapper gives `text` (in the current font and size) if it sets it on one line `lineWidth` wide:
 * its words' widths, each rounded down, taken from the space left one by one as pdfkit does. Null if pdfkit would
 * not set it on one line.
 */
function oneLineWidth(doc: DrawState, text: string, lineWidth: number): number | null {
  if (text === '') return null;
  const widths = wordWidthsKept(doc, text);
  if (widths === null) return null;
  let spaceLeft = lineWidth;
  let width = 0;
  for (const w of widths) {
    if (w > spaceLeft) return null;
    spaceLeft -= w;
    width += w;
  }
  return width;
}

/** pdfkit's page-break test before a text call: the line must start and end above the page's bottom margin. */
function roomFor(doc: DrawState): boolean {
  const maxY = roundedDown(doc.page.maxY());
  return doc.y <= maxY && doc.y + lineHeight(doc) <= maxY;
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

/**
 * `doc.text(text)` (left-aligned, from `doc.x` to the right margin) when it fits on one line where the page has room
 * for it: drawn, `doc.y` moved down a line, true. False (nothing drawn) otherwise: the caller calls `doc.text`.
 */
export function drawOneLine(pdf: PDFKit.PDFDocument, text: string): boolean {
  const doc = stateOf(pdf);
  if (!settled(doc) || !roomFor(doc)) return false;
  const width = Math.max(doc.page.width - doc.x - doc.page.margins.right, 0);
  if (oneLineWidth(doc, text, width) === null) return false;
  fragment(doc, text, doc.x, doc.y);
  doc.y += lineHeight(doc) + doc._lineGap;
  return true;
}

/**
 * `doc.font(labelFont).text(label, { continued: true }).font(valueFont).text(value)` when both fit on one line
 * where the page has room: drawn, `doc.y` moved down a line, true. False (nothing drawn, the fonts as they were)
 * otherwise.
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
  const width = Math.max(doc.page.width - doc.x - doc.page.margins.right, 0);
  pdf.font(labelFont);
  const labelWidth = roomFor(doc) ? oneLineWidth(doc, label, width) : null;
  pdf.font(valueFont);
  const fits = labelWidth !== null && roomFor(doc) && oneLineWidth(doc, value, width - labelWidth) !== null;
  if (!fits) {
    doc._font = font;
    return false;
  }
  const y = doc.y;
  pdf.font(labelFont);
  fragment(doc, label, doc.x, y);
  pdf.font(valueFont);
  fragment(doc, value, doc.x + labelWidth, y);
  doc.y = y + lineHeight(doc) + doc._lineGap;
  return true;
}
