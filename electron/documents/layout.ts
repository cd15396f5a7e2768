/**
 * The layout primitives of every PDF Clearleaf prints: an embedded Unicode font (DejaVu Sans, so "José Núñez" and "Nguyễn Thị
 * Ánh" print as written), the clinic header, the page size the clinician chose, "Page n of m" and the abbreviated
 * Part 2 statement on every page, and the full Part 2 notice once in the body. Documents the client takes
 * home use the calm type scale (larger body text, more space between sections). Layout decisions are small pure
 * helpers; pdfkit does the drawing.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { clientFullName, type Client } from '../../shared/domain/clients';
import type { ClinicProfile } from '../../shared/domain/identity';
import { translator, type Translator } from '../../shared/i18n/catalogue';
import { keptIn, SHORT_TEXT } from './kept';
import { drawLabelled, drawText } from './textLines';
import { currentSession, plainWord, SHARED_WORDS, shapedWordsOf, type WordLayout } from './shapedWords';

export type Paper = 'letter' | 'a4';

const fontDir = path.join(
  path.dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
export const FONT_REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

export const MARGIN = 54;
const FOOTER_HEIGHT = 40;

export interface DocumentMeta {
  clinic: ClinicProfile;
  title: string;
  /** "Last, First — Chart C-000123 — DOB Apr 17, 1988 (the date in the document's language)", or null for documents about no one client. */
  subject: string | null;
  paper: Paper;
  /** Fixed for reproducible output in tests; the time of printing otherwise. */
  createdAt: Date;
  /** 'client' for documents a client reads at home (larger, calmer type); 'record' (the default) otherwise. */
  reader?: 'record' | 'client';
  /** A marking printed at the top of every page (an internal document says so on each of its pages). */
  everyPageMark?: string;
  /**
   * The language of the fixed words the layout prints (page numbers, the notice, "Date" under a signature line),
   * with the clinic's own wording: a client document's chosen language. English, as shipped, if absent.
   */
  tr?: Translator;
}

/** Type sizes (points) of each scale: body, section heading, space before a section (lines). */
export interface TypeScale {
  body: number;
  heading: number;
  before: number;
}
export const TYPE_SCALES: Record<'record' | 'client', TypeScale> = {
  record: { body: 10, heading: 11, before: 0.5 },
  client: { body: 12, heading: 14, before: 0.9 },
};

const scaleOf = (doc: PDFKit.PDFDocument): TypeScale => TYPE_SCALES[metaOf.get(doc)?.reader ?? 'record'];

const ENGLISH = translator('en');
/** The document's translator: its language's fixed words, in the clinic's wording where it has its own. */
export const translatorOf = (doc: PDFKit.PDFDocument): Translator => metaOf.get(doc)?.tr ?? ENGLISH;

/** Each document's meta, for the footer that finish() writes on every page once the page count is known. */
const metaOf = new WeakMap<PDFKit.PDFDocument, DocumentMeta>();

/** Local time of this computer, with its zone, so a printed time is unambiguous. */
export const printedTime = (ms: number): string =>
  new Date(ms).toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });

/**
 * Dates and times printed in one format throughout a document, in the locale the clinician's screen uses (issue 9
 * item 2): calendar dates without time-zone drift, clock times as the locale writes them, instants with their zone.
 * An unknown or missing locale falls back to this computer's.
 */
export interface PrintFormat {
  date(isoDate: string): string;
  clock(hhmm: string): string;
  instant(ms: number): string;
}

export function printFormat(locale: string | null): PrintFormat {
  let tag: string | undefined;
  try {
    tag = locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    tag = undefined;
  }
  const dateOnly = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const clockOnly = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const zone = new Intl.DateTimeFormat(tag, { timeZoneName: 'short' });
  return {
    date(isoDate) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      return m ? dateOnly.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : isoDate;
    },
    clock(hhmm) {
      const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
      return m ? clockOnly.format(Date.UTC(1970, 0, 1, Number(m[1]), Number(m[2]))) : hhmm;
    },
    instant(ms) {
      // Asked for each time: a zone's name is not fixed by its offset and year (a place that changed its rules kept
      // its offset under a new name), and a signed time must carry the right one.
      const zoneName = zone.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
      return `${instant.format(ms)}${zoneName ? ` ${zoneName}` : ''}`;
    },
  };
}

/** The subject line of a document about one client. */
export const clientSubject = (client: Client, tr: Translator = ENGLISH): string =>
  tr.t('doc.subject', {
    name: clientFullName(client),
    chart: client.chartNumber,
    dob: tr.date(client.dateOfBirth),
  });

export function createDocument(meta: DocumentMeta): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: meta.paper === 'a4' ? 'A4' : 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    // Pages are not buffered: each goes out as soon as the next starts (a 2,000-page export kept every page in
    // memory until the end, a third of its time spent collecting them). What "Page n of m" needs at the end is
    // drawn then into a small form of each page's own (see `decorate`).
    bufferPages: false,
    info: { Title: meta.title, Author: meta.clinic.name, Creator: 'Clearleaf', CreationDate: meta.createdAt },
    // The language its fixed words are in (the catalog's /Lang: screen readers pick the voice, 'es-US' or 'en-US'),
    // and the title shown in the reader's title bar rather than the file name.
    lang: (meta.tr ?? ENGLISH).locale,
    displayTitle: true,
    pdfVersion: '1.7',
  });
  doc.registerFont('body', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  for (const [name, file] of [
    ['bold', FONT_BOLD],
    ['body', FONT_REGULAR],
  ] as const) {
    const font = fontOf(doc.font(name));
    shapeWordsOnce(font, file);
    reuseShortEncodings(font);
    reuseWordWidths(font);
  }
  metaOf.set(doc, meta);
  const pages: PageMarks[] = [];
  marksOf.set(doc, pages);
  decorate(doc, pages);
  doc.on('pageAdded', () => decorate(doc, pages));
  doc.font('body').fontSize(scaleOf(doc).body);
  header(doc, meta);
  return doc;
}

/** A form XObject being drawn: its stream, and its resources, to which the fonts drawn into it are added. */
interface Form {
  ref: PDFKit.PDFKitReference;
  resources: { ProcSet: string[]; Font: Record<string, unknown>; XObject: Record<string, unknown> };
}

/** What `finish` draws on a page once the page count is known: into `form`, which the page shows at its end. */
interface PageMarks {
  page: PDFKit.PDFPage;
  form: Form;
  /** "… (continued)" in the top margin of a page a record runs onto. */
  continued: string | null;
}

/** Each document's pages, in order, with their marks. */
const marksOf = new WeakMap<PDFKit.PDFDocument, PageMarks[]>();

/** The number (from 1) of the page being drawn. */
export const currentPage = (doc: PDFKit.PDFDocument): number => marksOf.get(doc)?.length ?? 0;

/** A form the size of `page`, in the page's own space (pdfkit's top-down transform): drawn into, it lands as on the page. */
function newForm(doc: PDFKit.PDFDocument, page: PDFKit.PDFPage): Form {
  const resources = { ProcSet: ['PDF', 'Text'], Font: {}, XObject: {} };
  const ref = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [0, 0, page.width, page.height],
    Resources: resources,
  });
  return { ref, resources };
}

/**
 * Gives the page just added a form XObject, empty until `finish` draws its page number and labels into it, and shows
 * the form as the page's last content when the page is written out.
 */
function decorate(doc: PDFKit.PDFDocument, pages: PageMarks[]): void {
  const page = doc.page;
  pageStream(page.content);
  const form = newForm(doc, page);
  // A few dozen bytes (the page number, the shared footer by reference): deflating each would cost more time,
  // zlib's set-up per stream 2,000 times in a long export, than the bytes it saves.
  (form.ref as unknown as { compress: boolean }).compress = false;
  const name = `Marks${pages.length + 1}`;
  page.xobjects[name] = form.ref;
  const end = page.end.bind(page);
  page.end = () => {
    page.write(`/${name} Do`);
    end();
  };
  pages.push({ page, form, continued: null });
}

/** What of pdfkit's object reference (pdfkit 0.20) pageStream uses. */
interface StreamRef {
  compress: boolean;
  buffer: Uint8Array[];
  data: { Filter?: string; Length?: number };
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/** zlib's level for page content: level 6 (zlib's default) took twice the time for 6% fewer bytes (issue 13). */
const PAGE_DEFLATE_LEVEL = 3;

/**
 * A page's content stream as pdfkit 0.20 writes it costs, per drawing operator, a Uint8Array of its own (a dozen for
 * each line of text, and the garbage collector's time for them), then zlib's default level as the page ends. Here
 * the operators are kept as one string until the page ends, turned into bytes once (as pdfkit would: one byte per
 * character), and deflated at a faster level. Bytes pdfkit writes itself (none on a page today) keep their place.
 */
function pageStream(reference: PDFKit.PDFKitReference): void {
  const ref = reference as unknown as StreamRef;
  const compress = ref.compress;
  ref.compress = false;
  let text = '';
  const settle = () => {
    if (text === '') return;
    ref.buffer.push(Buffer.from(text, 'latin1'));
    text = '';
  };
  const write = ref.write.bind(ref);
  ref.write = (chunk) => {
    if (typeof chunk === 'string') text += `${chunk}\n`;
    else {
      settle();
      write(chunk);
    }
  };
  const finalize = ref.finalize.bind(ref);
  ref.finalize = () => {
    settle();
    if (compress && ref.buffer.length > 0) {
      ref.buffer = [zlib.deflateSync(Buffer.concat(ref.buffer), { level: PAGE_DEFLATE_LEVEL })];
      ref.data.Filter = 'FlateDecode';
    }
    finalize();
  };
}

/**
 * Runs `draw` with `form` as the page it draws on (the page's size and margins, the margins lifted so that writing
 * inside them does not start a new page), then closes the form.
 */
function drawInto(doc: PDFKit.PDFDocument, page: PDFKit.PDFPage, form: Form, draw: () => void): void {
  const target = Object.create(page) as PDFKit.PDFPage;
  Object.assign(target, {
    margins: { ...page.margins, top: 0, bottom: 0 },
    content: form.ref,
    resources: { data: form.resources },
  });
  const current = doc.page;
  doc.page = target;
  draw();
  doc.page = current;
  form.ref.end('');
}

export type { WordLayout };
/** pdfkit's glyph ids as hex (for the text operator) and their positions, for one line of text. */
type Encoding = [string[], unknown[]];
interface LayoutFont {
  layoutCached(text: string): WordLayout;
  layoutCache?: Record<string, WordLayout>;
  encode(text: string, features?: unknown): Encoding;
  widthOfString(text: string, size: number, features?: unknown): number;
}
const fontOf = (doc: PDFKit.PDFDocument): LayoutFont => (doc as unknown as { _font: LayoutFont })._font;

/** A long run of lower-case hex digits: a content hash (SHA-256, 64 digits), the one word every signed note has anew. */
const HEX_RUN = /^[0-9a-f]{16,}$/;
/**
 * A word of digits and the punctuation around numbers ("1,204.", "10:50–11:40 ", "(12/31) "): page numbers, times,
 * doses, most of them new to the document. DejaVu, regular and bold, neither kerns nor ligates any two of these
 * characters (hexRuns.test.ts checks every pair, and runs of them, against fontkit).
 */
const NUMBER_RUN = /^[0-9.,:;()/\u2013 -]{2,}$/;
/** The pieces a run is put together from: each "f…f" of a hash whole (DejaVu's "ff" ligature), else each character. */
const piecesOf = (text: string): string[] =>
  HEX_RUN.test(text) ? (text.match(/f+|[^f]/g) ?? []) : NUMBER_RUN.test(text) ? [...text] : [];

/**
 * pdfkit lays out text word by word, asking fontkit to shape each word it has not met in the document before: some
 * 0.05–0.15 ms a word, 0.15–0.25 ms for a 64-digit hash (a sixth of a 2,000-note export was spent shaping hashes).
 * Here (1) a hash or a number is put together from the pieces it shapes as, laid end to end (see HEX_RUN,
 * NUMBER_RUN), and (2) a word shaped in an earlier document is taken from there: what pdfkit reads of a shaped word
 * (glyph ids, advances, code points, positions) is the font file's, the same in every document; what belongs to one
 * document (its subset's glyph numbers) is made from it later, in `encode`. The same glyphs and advances
 * (tests/unit/electron/documents/hexRuns.test.ts checks them against fontkit).
 */
export function shapeWordsOnce(font: LayoutFont, fontFile: string): void {
  const layoutCached = font.layoutCached.bind(font);
  const session = currentSession();
  /** Kept in this document, and across documents while a user is signed in (as plain data: see plainWord). */
  const keep = (text: string, run: WordLayout, shared: Map<string, WordLayout> | null): WordLayout => {
    if (shared && !shared.has(text)) {
      if (shared.size >= SHARED_WORDS) shared.clear();
      shared.set(text, plainWord(run));
    }
    if (font.layoutCache) font.layoutCache[text] = run;
    return run;
  };
  /** A word (or a piece of one) as shaped whole: from this document, an earlier one, or fontkit. */
  const shaped = (text: string, shared: Map<string, WordLayout> | null): WordLayout =>
    font.layoutCache?.[text] ?? keep(text, shared?.get(text) ?? layoutCached(text), shared);
  font.layoutCached = (text) => {
    const own = font.layoutCache?.[text];
    if (own) return own;
    const shared = shapedWordsOf(fontFile, session);
    const known = shared?.get(text);
    if (known) return keep(text, known, shared);
    const parts = piecesOf(text);
    if (parts.length === 0) return shaped(text, shared);
    const pieces = parts.map((part) => shaped(part, shared));
    return keep(
      text,
      {
        glyphs: pieces.flatMap((p) => p.glyphs),
        positions: pieces.flatMap((p) => p.positions),
        advanceWidth: pieces.reduce((sum, p) => sum + p.advanceWidth, 0),
      },
      shared,
    );
  };
}

/**
 * pdfkit encodes every line it draws afresh, word by word: in a 2,000-note export the same labels ("Signed by: ",
 * "Risk review", "Not assessed", "—") are encoded tens of thousands of times. A line met before is encoded the same
 * way (its glyphs are already in the font's subset, widths and ToUnicode map, encode's only other effects), and
 * pdfkit only reads what encode returns, so a short line's encoding is kept and given again. Long lines (a note's
 * own text, rarely repeated) are not kept.
 */
function reuseShortEncodings(font: LayoutFont): void {
  const encode = font.encode.bind(font);
  const known = new Map<string, Encoding>();
  font.encode = (text, features) => {
    if (features !== undefined || text.length > SHORT_TEXT) return encode(text, features);
    return keptIn(known, text, encode);
  };
}

/**
 * pdfkit measures each word of each line it wraps from its glyphs, every time; a word's width at 1,000 points is
 * kept here (per font and document) and scaled to the size asked for, as pdfkit's own measure does.
 */
function reuseWordWidths(font: LayoutFont): void {
  const widthOfString = font.widthOfString.bind(font);
  const known = new Map<string, number>();
  font.widthOfString = (text, size, features) => {
    if (features !== undefined || text.length > SHORT_TEXT) return widthOfString(text, size, features);
    return keptIn(known, text, (t) => widthOfString(t, 1000)) * (size / 1000);
  };
}

/** `doc.text(text)`: drawn directly where it is plain lines of whole words on this page (see textLines.ts), by pdfkit otherwise. */
export function line(doc: PDFKit.PDFDocument, text: string): void {
  if (!drawText(doc, text)) doc.text(text);
}

function header(doc: PDFKit.PDFDocument, meta: DocumentMeta): void {
  doc.font('bold').fontSize(13).text(meta.clinic.name);
  doc.font('body').fontSize(9).fillColor('#333333').text(`${meta.clinic.address} · ${meta.clinic.phone}`);
  doc.moveDown(0.6);
  doc.fillColor('#000000').font('bold').fontSize(15).text(meta.title);
  if (meta.subject) doc.font('body').fontSize(10).text(meta.subject);
  rule(doc);
  doc.fontSize(scaleOf(doc).body);
}

export function rule(doc: PDFKit.PDFDocument): void {
  doc.moveDown(0.4);
  const y = doc.y;
  doc
    .moveTo(MARGIN, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(0.6);
}

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  const scale = scaleOf(doc);
  // Keep a heading with at least three lines of what follows it.
  if (doc.y + scale.heading * 1.4 + scale.body * 4.2 > doc.page.height - doc.page.margins.bottom)
    doc.addPage();
  doc.moveDown(scale.before).font('bold').fontSize(scale.heading).fillColor('#000000');
  line(doc, text);
  doc.font('body').fontSize(scale.body);
}

/** A smaller heading inside a section ("Body", "Emotion", "Situation"). */
export function subheading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.3).font('bold').fontSize(scaleOf(doc).body);
  line(doc, text);
  doc.font('body');
}

/** A bulleted list; an empty list prints as an em dash so a blank is visibly blank. */
export function bullets(doc: PDFKit.PDFDocument, items: readonly string[]): void {
  const filled = items.map((i) => i.trim()).filter((i) => i !== '');
  doc.font('body').fontSize(scaleOf(doc).body);
  if (filled.length === 0) {
    doc.text('—');
    return;
  }
  doc.list(filled, { bulletRadius: 2, textIndent: 12, bulletIndent: 4 });
  doc.x = MARGIN;
}

/**
 * Lines to sign on, one per signer: what is already signed (the clinician's electronic signature and its date) sits
 * above the line, then who signs and "Date" under it. The block is kept together on one page.
 */
export function signatureLines(
  doc: PDFKit.PDFDocument,
  signers: ReadonlyArray<{ role: string; signed?: { by: string; on: string } | null }>,
): void {
  const body = scaleOf(doc).body;
  if (doc.y + signers.length * body * 6 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  const lineWidth = width * 0.62;
  const dateX = MARGIN + lineWidth + 18;
  for (const s of signers) {
    doc.moveDown(1.6);
    const top = doc.y;
    doc.font('body').fontSize(body - 1);
    if (s.signed) {
      doc.text(s.signed.by, MARGIN, top, { width: lineWidth });
      const afterBy = doc.y;
      doc.text(s.signed.on, dateX, top, { width: MARGIN + width - dateX });
      doc.y = Math.max(afterBy, doc.y);
    } else {
      doc.y = top + body * 1.4;
    }
    const y = doc.y + 3;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + lineWidth, y)
      .lineWidth(0.7)
      .strokeColor('#333333')
      .stroke();
    doc
      .moveTo(dateX, y)
      .lineTo(MARGIN + width, y)
      .stroke();
    doc.fontSize(body - 2).fillColor('#333333');
    doc.text(s.role, MARGIN, y + 4, { width: lineWidth, lineBreak: false });
    doc.text(translatorOf(doc).t('doc.date'), dateX, y + 4, { lineBreak: false });
    doc.fillColor('#000000').fontSize(body);
    doc.x = MARGIN;
    doc.y = y + 4 + body;
  }
  doc.moveDown(0.8);
}

/**
 * In a file of many records (the export's notes), a page a record runs onto says whose it is at its top: "… (continued)".
 * Returns the setter of the record being drawn (null between records). A new page only notes the title: the label is
 * written at `finish`, in the top margin, since the page may have broken in the middle of a line of text (a field's
 * label waiting for its value) whose state drawing anything then would disturb.
 */
export function continuedPages(doc: PDFKit.PDFDocument): (title: string | null) => void {
  let current: string | null = null;
  doc.on('pageAdded', () => {
    const marks = marksOf.get(doc)?.at(-1);
    if (current !== null && marks) marks.continued = `${current} (continued)`;
  });
  return (title) => {
    current = title;
  };
}

/** Starts a new page unless `height` points fit above the footer (keeps a block, heading included, together). */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Numbered items ("1. …"); an empty list prints as an em dash. */
export function numbered(doc: PDFKit.PDFDocument, items: readonly string[]): void {
  const filled = items.map((i) => i.trim()).filter((i) => i !== '');
  doc.font('body').fontSize(scaleOf(doc).body);
  if (filled.length === 0) doc.text('—');
  filled.forEach((item, i) => doc.text(`${i + 1}.  ${item}`, MARGIN + 4, doc.y, { indent: 0 }));
  doc.x = MARGIN;
}

/** Small print: hashes and other details kept for the record. */
export function smallPrint(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('body').fontSize(8).fillColor('#333333').text(text, MARGIN, doc.y);
  doc.fillColor('#000000').fontSize(scaleOf(doc).body);
}

/** "Label: value" lines; empty values print as an em dash so a blank is visibly blank. */
export function fields(doc: PDFKit.PDFDocument, rows: ReadonlyArray<[string, string]>): void {
  doc.fontSize(scaleOf(doc).body);
  for (const [label, value] of rows) {
    const shown = value.trim() === '' ? '—' : value;
    if (drawLabelled(doc, `${label}: `, 'bold', shown, 'body')) continue;
    doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(shown);
  }
}

export function paragraph(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('body').fontSize(scaleOf(doc).body);
  line(doc, text.trim() === '' ? '—' : text);
}

/**
 * The full notice, once per document. On the client's own copy (`ownCopy`: printed for the client, not disclosed
 * under a consent) a plain line before it says whom it binds: the copy is the client's to share as they choose, and
 * the notice speaks to the people they share it with. The notice itself stays the regulation's text.
 */
export function part2Notice(doc: PDFKit.PDFDocument, options: { ownCopy?: boolean } = {}): void {
  // The notice is read as one block: it starts on a new page rather than break across two.
  const tr = translatorOf(doc);
  const notice = tr.t('notice.full');
  const ownCopy = options.ownCopy ? tr.t('notice.ownCopy') : null;
  const width = doc.page.width - 2 * MARGIN;
  const body = scaleOf(doc).body;
  const height =
    doc.font('body').fontSize(8.5).heightOfString(notice, { width, align: 'justify' }) +
    (ownCopy ? doc.fontSize(body).heightOfString(ownCopy, { width }) + body : 0);
  doc.fontSize(body);
  ensureSpace(doc, height + 60);
  doc.moveDown(1);
  heading(doc, tr.t('notice.heading'));
  if (ownCopy) doc.font('body').fontSize(body).text(ownCopy).moveDown(0.5);
  doc.font('body').fontSize(8.5).text(notice, { align: 'justify' });
  doc.fontSize(body);
}

/**
 * On every page: the short Part 2 statement, then whom and what the page is about (a loose page must still say
 * which client it belongs to) and "Page n of m". Then the bytes.
 */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const meta = metaOf.get(doc);
  const tr = translatorOf(doc);
  const about = meta ? [meta.subject, meta.title].filter(Boolean).join(' · ') : '';
  const pages = marksOf.get(doc) ?? [];
  // What every page shows alike is drawn once, into a form each page's own shows: the statement and the line of
  // whom and what (its room depends on how wide the page number is), and the marking.
  const footers = new Map<string, Form>();
  let mark: Form | null = null;
  for (const [i, { page, form, continued }] of pages.entries()) {
    const bottom = page.height - MARGIN - FOOTER_HEIGHT + 14;
    const width = page.width - 2 * MARGIN;
    const pageNumber = tr.t('doc.page', { page: i + 1, count: pages.length });
    const numberWidth = doc.font('body').fontSize(7.5).widthOfString(pageNumber) + 12;
    const key = `${page.width}×${page.height}:${numberWidth}`;
    let footer = footers.get(key);
    if (!footer) {
      footer = newForm(doc, page);
      footers.set(key, footer);
      drawInto(doc, page, footer, () => {
        doc.font('body').fontSize(7.5).fillColor('#333333');
        doc.text(tr.t('notice.short'), MARGIN, bottom, { width, align: 'left', lineBreak: false });
        if (about) {
          doc.text(about, MARGIN, bottom + 12, {
            width: width - numberWidth,
            height: doc.currentLineHeight(),
            ellipsis: true,
          });
        }
      });
    }
    const everyPageMark = meta?.everyPageMark;
    if (everyPageMark && !mark) {
      mark = newForm(doc, page);
      drawInto(doc, page, mark, () => {
        doc.font('bold').fontSize(8.5).fillColor('#9b1c1c');
        doc.text(everyPageMark, MARGIN, MARGIN / 2 - 4, { width, align: 'center', lineBreak: false });
      });
    }
    form.resources.XObject.Footer = footer.ref;
    if (mark) form.resources.XObject.Mark = mark.ref;
    drawInto(doc, page, form, () => {
      doc.addContent('/Footer Do');
      doc.font('body').fontSize(7.5).fillColor('#333333');
      doc.text(pageNumber, MARGIN, bottom + 12, { width, align: 'right', lineBreak: false });
      if (continued) {
        doc.font('body').fontSize(8.5).fillColor('#555555');
        doc.text(continued, MARGIN, MARGIN - 18, { width, align: 'left', lineBreak: false });
      }
      if (mark) doc.addContent('/Mark Do');
    });
  }
  doc.end();
  return done;
}
