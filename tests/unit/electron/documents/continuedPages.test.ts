/**
 * A page a record runs onto is labelled "… (continued)" at its top (layout.ts continuedPages). The page may break
 * while a field's label waits for its value on the same line: the label must not disturb that line (a review found
 * an addendum's "Signed at" value printed over its label), so words never overlap, and the label reads first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  continuedPages,
  createDocument,
  fields,
  finish,
  paragraph,
} from '../../../../electron/documents/layout';
import { aClinic, tempDir } from '../../../support/fixtures';

interface Box {
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function wordsOn(file: string, page: number): Box[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({ word: m[5]!, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! }));
}

const overlapping = (a: Box, b: Box) =>
  Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 1 &&
  Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 1;

describe('continued pages', () => {
  it('labels a page a record runs onto without disturbing a field broken across the pages', async () => {
    const doc = createDocument({
      clinic: aClinic(),
      title: 'Session notes',
      subject: 'Ó Dálaigh, Bartłomiej — Chart C-000412',
      paper: 'letter',
      createdAt: new Date(Date.UTC(2026, 11, 2)),
    });
    const continuing = continuedPages(doc);
    continuing('Progress note · Oct 1, 2026');
    // The next line does not fit: the page breaks inside the field, between its label and its value.
    doc.y = doc.page.height - doc.page.margins.bottom - 5;
    fields(doc, [
      ['Signed at', 'Oct 2, 2026, 9:14 AM'],
      ['Content SHA-256', 'ab'.repeat(32)],
    ]);
    paragraph(doc, 'After the fields.');
    continuing(null);
    const file = path.join(tempDir(), 'continued.pdf');
    fs.writeFileSync(file, await finish(doc));

    const words = wordsOn(file, 2);
    const clashes = words.flatMap((a, i) =>
      words
        .slice(i + 1)
        .filter((b) => overlapping(a, b))
        .map((b) => `${a.word} / ${b.word}`),
    );
    expect(clashes).toEqual([]);
    const text = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], {
      encoding: 'utf8',
    });
    expect(text.trim().split('\n')[0]).toMatch(/^Progress note · Oct 1, 2026 \(continued\)$/);
    expect(text).toMatch(/Signed at:\s+Oct 2, 2026, 9:14 AM/);
    expect(text).toMatch(/Content SHA-256:\s+(ab){32}/);
    // Not on the first page, where the record starts.
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(first).not.toContain('(continued)');
  });
});
