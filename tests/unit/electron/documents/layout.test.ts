/**
 * The frame every printed document shares, checked with poppler and qpdf as a reader would see it: each page says
 * which client and document it belongs to, its number, and the Part 2 statement; the font is embedded.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDocument,
  finish,
  paragraph,
  part2Notice,
  printFormat,
} from '../../../../electron/documents/layout';
import { aClinic, tempDir } from '../../../support/fixtures';

const SUBJECT = 'Nguyễn Thị Ánh — Chart C-000731 — DOB 1991-02-14';

const MARK = 'INTERNAL — NOT FOR DISCLOSURE';

async function threePages(everyPageMark?: string): Promise<string> {
  const doc = createDocument({
    clinic: aClinic(),
    title: 'Progress note',
    subject: SUBJECT,
    paper: 'letter',
    createdAt: new Date(Date.UTC(2026, 10, 23)),
    ...(everyPageMark ? { everyPageMark } : {}),
  });
  for (let i = 0; i < 120; i += 1)
    paragraph(doc, `Line ${i + 1} of a long note about cravings and coping plans.`);
  const file = path.join(tempDir(), 'frame.pdf');
  fs.writeFileSync(file, await finish(doc));
  return file;
}

const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], {
    encoding: 'utf8',
  });

describe('document frame', () => {
  it('names the client, the document and the page on every page, with the Part 2 statement and any marking', async () => {
    // Drawn at finish into forms each page shows (layout.ts): none may be left off a page.
    for (const mark of [undefined, MARK]) {
      const file = await threePages(mark);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      for (let page = 1; page <= pages; page += 1) {
        const text = pageText(file, page);
        expect(text, `page ${page}`).toContain('Nguyễn Thị Ánh — Chart C-000731');
        expect(text, `page ${page}`).toContain('Progress note');
        expect(text, `page ${page}`).toContain(`Page ${page} of ${pages}`);
        expect(text, `page ${page}`).toContain('42 CFR part 2');
        expect(text.includes(MARK), `page ${page}`).toBe(mark !== undefined);
      }
    }
    const file = await threePages();
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVuSans.*yes/);
  });

  it('keeps the full notice on one page: no page holds only its last lines (issue 9 item 2)', async () => {
    // Fill the first page to different depths, so the notice would fall across the page break somewhere.
    for (const lines of [30, 34, 36, 38, 40]) {
      const doc = createDocument({
        clinic: aClinic(),
        title: 'Progress note',
        subject: SUBJECT,
        paper: 'letter',
        createdAt: new Date(Date.UTC(2026, 10, 23)),
      });
      for (let i = 0; i < lines; i += 1) paragraph(doc, `Line ${i + 1} of the note.`);
      part2Notice(doc);
      const file = path.join(tempDir(), `notice-${lines}.pdf`);
      fs.writeFileSync(file, await finish(doc));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      const withStart = [];
      const withEnd = [];
      for (let page = 1; page <= pages; page += 1) {
        const text = pageText(file, page).replace(/\s+/g, ' ');
        if (text.includes('This record which has been disclosed to you')) withStart.push(page);
        if (text.includes('redisclose the record (see 42 CFR 2.31)')) withEnd.push(page);
      }
      expect(withStart, `${lines} lines`).toHaveLength(1);
      expect(withEnd, `${lines} lines`).toEqual(withStart);
    }
  });

  it('prints dates and times in the screen’s locale, one format throughout', () => {
    const us = printFormat('en-US');
    expect(us.date('2026-11-20')).toBe('Nov 20, 2026');
    expect(us.clock('17:05')).toBe('5:05 PM');
    const gb = printFormat('en-GB');
    expect(gb.date('2026-11-20')).toBe('20 Nov 2026');
    expect(gb.clock('17:05')).toBe('17:05');
    // A locale that is not one falls back to this computer's, never throws.
    expect(printFormat('not a locale!').date('2026-11-20')).toMatch(/2026/);
  });
});
