/**
 * The frame every printed document shares, checked with poppler and qpdf as a reader would see it: each page says
 * which client and document it belongs to, its number, and the Part 2 statement; the font is embedded.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument, finish, paragraph } from '../../../../electron/documents/layout';
import { aClinic, tempDir } from '../../../support/fixtures';

const SUBJECT = 'Nguyễn Thị Ánh — Chart C-000731 — DOB 1991-02-14';

async function threePages(): Promise<string> {
  const doc = createDocument({
    clinic: aClinic(),
    title: 'Progress note',
    subject: SUBJECT,
    paper: 'letter',
    createdAt: new Date(Date.UTC(2026, 10, 23)),
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
  it('names the client, the document and the page on every page, with the Part 2 statement', async () => {
    const file = await threePages();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page += 1) {
      const text = pageText(file, page);
      expect(text, `page ${page}`).toContain('Nguyễn Thị Ánh — Chart C-000731');
      expect(text, `page ${page}`).toContain('Progress note');
      expect(text, `page ${page}`).toContain(`Page ${page} of ${pages}`);
      expect(text, `page ${page}`).toContain('42 CFR part 2');
    }
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVuSans.*yes/);
  });
});
