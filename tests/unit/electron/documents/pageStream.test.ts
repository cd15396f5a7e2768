/**
 * A page's drawing is kept as text until the page ends, then turned into bytes and deflated once (layout.ts
 * pageStream): what a reader gets must be what pdfkit would have written, in order, deflated, on every page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocument, finish, paragraph, printFormat } from '../../../../electron/documents/layout';
import { aClinic, tempDir } from '../../../support/fixtures';

interface PdfkitFont {
  layout(text: string, features: undefined, onlyWidth: true): { advanceWidth: number };
}

const newDoc = () =>
  createDocument({
    clinic: aClinic(),
    title: 'Session notes',
    subject: 'Łukasiewicz, Zofia — Chart C-000412',
    paper: 'letter',
    createdAt: new Date(Date.UTC(2026, 11, 2)),
  });

/** The page streams of `file`, inflated (qpdf), in page order. */
function pageStreams(file: string): string[] {
  const qdf = `${file}.qdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  const text = fs.readFileSync(qdf, 'latin1');
  return text
    .split('%% Contents for page ')
    .slice(1)
    .map((part) => part.slice(part.indexOf('stream\n') + 7, part.indexOf('\nendstream')));
}

describe('page content streams', () => {
  it('holds the drawing in the order it was drawn, bytes written among the text kept in their place', async () => {
    const doc = newDoc();
    paragraph(doc, 'Before the raw bytes.');
    doc.page.write(Buffer.from('% raw bytes written by pdfkit itself\n', 'latin1'));
    paragraph(doc, 'Dépendance — after the raw bytes.');
    for (let i = 0; i < 90; i += 1)
      paragraph(doc, `Line ${i + 1} of a note about cravings and coping plans.`);
    const file = path.join(tempDir(), 'streams.pdf');
    const bytes = await finish(doc);
    fs.writeFileSync(file, bytes);

    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream');
    const streams = pageStreams(file);
    expect(streams.length).toBeGreaterThanOrEqual(2);
    const [first] = streams;
    const raw = first!.indexOf('% raw bytes written by pdfkit itself\n');
    expect(raw).toBeGreaterThan(0);
    // The paragraph before the raw bytes is drawn before them; the one after, after them.
    const texts = [...first!.matchAll(/\] TJ/g)].map((m) => m.index);
    expect(texts.filter((i) => i < raw).length).toBeGreaterThan(0);
    expect(texts.filter((i) => i > raw).length).toBeGreaterThan(0);
    // Each page shows its own marks (page number) last, and every page stream is deflated.
    for (const s of streams) expect(s.trimEnd()).toMatch(/\/Marks\d+ Do$/);
    const deflated = bytes.toString('latin1').match(/\/Filter \/FlateDecode/g) ?? [];
    expect(deflated.length).toBeGreaterThanOrEqual(streams.length);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Before the raw bytes.');
    expect(text).toContain('Dépendance — after the raw bytes.');
    expect(text).toContain('Line 90 of a note about cravings and coping plans.');
  });

  it('draws a short line met before as it drew it the first time, in each font, on later pages too', async () => {
    // Short lines are encoded once per font and document (layout.ts reuseShortEncodings).
    const doc = newDoc();
    for (let i = 0; i < 120; i += 1) {
      doc.font(i % 2 ? 'bold' : 'body').text('Signed by: Łódź — Nguyễn');
      doc.font('body').text(`Line ${i + 1}`);
    }
    const file = path.join(tempDir(), 'repeated.pdf');
    fs.writeFileSync(file, await finish(doc));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.match(/Signed by: Łódź — Nguyễn/g)).toHaveLength(120);
    expect(text).toContain('Line 120');
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream');
  });

  it('measures a word met before exactly as pdfkit measures it, at every size', () => {
    // Word widths are kept per font and document (layout.ts reuseWordWidths): a line must wrap where it did.
    const doc = newDoc();
    for (const name of ['body', 'bold']) {
      const font = (doc.font(name) as unknown as { _font: PdfkitFont })._font;
      for (const size of [7.5, 8.5, 10, 11, 13, 15])
        for (const word of ['Signed ', 'by: ', 'Łódź', 'Nguyễn ', 'office', 'ff', '—'])
          for (let twice = 0; twice < 2; twice += 1)
            expect(doc.fontSize(size).widthOfString(word), `${name} ${size} ${word}`).toBe(
              font.layout(word, undefined, true).advanceWidth * (size / 1000),
            );
    }
  });
});

describe('signed times', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('name the zone in force at each instant, on either side of a change of clocks', () => {
    process.env.TZ = 'America/New_York';
    const f = printFormat('en-US');
    const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    // Every six hours through two years, crossing the changes of clocks both ways.
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 6 * 3_600_000) {
      const expected = zone.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
      expect(f.instant(ms).endsWith(` ${expected}`), new Date(ms).toISOString()).toBe(true);
    }
    expect(f.instant(Date.UTC(2026, 0, 15, 17))).toMatch(/EST$/);
    expect(f.instant(Date.UTC(2026, 6, 15, 17))).toMatch(/EDT$/);
  });

  it('name the zone by the rules in force, where a place kept its offset under a new name (Yukon, 2020)', () => {
    process.env.TZ = 'America/Whitehorse';
    const f = printFormat('en-US');
    // UTC−7 all year: summer time (PDT) until November 1, 2020, then permanent UTC−7, no longer "PDT".
    expect(f.instant(Date.UTC(2020, 6, 15, 17))).toMatch(/PDT$/);
    expect(f.instant(Date.UTC(2020, 10, 15, 17))).not.toMatch(/PDT$/);
  });
});
