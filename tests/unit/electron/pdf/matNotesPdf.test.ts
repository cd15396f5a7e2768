/**
 * The record export's file of MAT coordination contacts: the medications of the day of export once, each contact
 * from its own page in the order given, bookmarked at the page it starts on; the single summary printed for the
 * prescriber stays one contact under "Current medications".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMatNotesPdf, renderMatSummaryPdf } from '../../../../electron/pdf/matSummaryPdf';
import type { Client } from '../../../../shared/domain/clients';
import { emptyMatNoteContent, type MatNote } from '../../../../shared/domain/matNotes';
import { aClient } from '../../../support/clients';
import { aClinic, tempDir } from '../../../support/fixtures';
import { checkPdf } from '../../../support/pdfChecks';

const client = {
  ...aClient({ legalFirstName: 'Bartłomiej', legalLastName: 'Ó Dálaigh' }),
  id: 'c1',
  chartNumber: 'C-000412',
  createdAtMs: 1,
  updatedAtMs: 1,
} as Client;

const contact = (id: string, contactDate: string, plan: string): MatNote => ({
  id,
  clientId: 'c1',
  content: { ...emptyMatNoteContent(contactDate, 'Buprenorphine-naloxone 8 mg film'), plan },
  ratings: [],
  authorName: 'Marisol Quintero-Vance',
  createdAtMs: 1,
  updatedAtMs: 1,
  signedAtMs: Date.UTC(2026, 10, 1),
  signedByName: 'Marisol Quintero-Vance',
  contentHash: 'ab'.repeat(32),
  addenda: [],
});

describe('MAT coordination notes as one file', () => {
  it('puts each contact on its own page, bookmarked, after the medications of the day of export', async () => {
    const notes = [
      contact('m1', '2026-10-01', 'Plan-one: induction went well.'),
      contact('m2', '2026-10-15', 'Plan-two: ' + 'stable on 8 mg, no missed doses. '.repeat(150)),
      contact('m3', '2026-11-01', 'Plan-three: taper talk next month.'),
    ];
    const base = {
      clinic: aClinic(),
      client,
      medications: [],
      paper: 'letter' as const,
      createdAt: new Date(Date.UTC(2026, 11, 2, 18)),
      disclosure: null,
    };
    const { bytes, firstPages } = await renderMatNotesPdf({ ...base, notes, today: '2026-12-02' });
    const file = path.join(tempDir(), 'mat-notes.pdf');
    fs.writeFileSync(file, bytes);
    const { text, pages } = checkPdf(file, 'mat-coordination-notes.pdf');
    expect(text).toMatch(/Medications current on .+, the day of this export/);
    const [p1, p2, p3] = ['m1', 'm2', 'm3'].map((id) => firstPages.get(id)!);
    expect(p1).toBe(2); // after the medications
    expect(p3).toBeGreaterThan(p2! + 1);
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
    expect(pageText(p1!)).toContain('Plan-one');
    expect(pageText(p2!)).toContain('Plan-two');
    expect(pageText(p3!)).toContain('Plan-three');
    expect(pageText(p3!)).not.toContain('Plan-two');
    expect(pageText(p2! + 1)).toMatch(/^Coordination contact of .+ \(continued\)$/m);
    expect(pageText(p3!)).not.toContain('(continued)');
    expect(pageText(pages)).toContain('Notice: confidentiality of substance use disorder records');
    const outline = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' }),
    ) as { outlines: Array<{ title: string; destpageposfrom1: number }> };
    expect(outline.outlines.map((o) => o.destpageposfrom1)).toEqual([p1, p2, p3]);
    expect(outline.outlines.every((o) => o.title.startsWith('Coordination contact of '))).toBe(true);
    expect(new Set(outline.outlines.map((o) => o.title)).size).toBe(3);

    // A file of one contact is bookmarked too.
    const oneFile = path.join(tempDir(), 'one-contact.pdf');
    fs.writeFileSync(
      oneFile,
      (await renderMatNotesPdf({ ...base, notes: [notes[0]!], today: '2026-12-02' })).bytes,
    );
    const oneOutline = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=outlines', oneFile], { encoding: 'utf8' }),
    ) as { outlines: unknown[] };
    expect(oneOutline.outlines).toHaveLength(1);

    const single = path.join(tempDir(), 'mat-summary.pdf');
    fs.writeFileSync(single, await renderMatSummaryPdf({ ...base, note: notes[0]! }));
    const one = checkPdf(single);
    expect(one.pages).toBe(1);
    expect(one.text).toContain('Current medications');
    expect(one.text).toContain('Plan-one');
  });
});
