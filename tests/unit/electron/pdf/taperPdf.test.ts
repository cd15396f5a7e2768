/**
 * The printed taper schedule, read back with poppler and qpdf as a client's copy would be: the product, every
 * step's dates and amounts, the dose split, the rules, red flags with 911 and 988, the Part 2 notice, the client
 * and document on every page, fonts embedded, a valid PDF, in letter and A4. Each page is also written as a PNG
 * (test-results/pdf/) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTaperPdf } from '../../../../electron/pdf/taperPdf';
import type { Client } from '../../../../shared/domain/clients';
import type { TaperVersion } from '../../../../shared/domain/taper';
import { planTaper } from '../../../../shared/taper';
import { aClient } from '../../../support/clients';
import { englishFound } from '../../../support/languageChecks';
import { pdfLanguageAndTitle } from '../../../support/pdfChecks';
import { aClinic, tempDir } from '../../../support/fixtures';

const client: Client = {
  ...aClient({ legalFirstName: 'Nguyễn Thị', legalLastName: 'Ánh', preferredName: '' }),
  id: 'c1',
  chartNumber: 'C-000731',
  createdAtMs: 1,
  updatedAtMs: 1,
} as Client;

const steps = planTaper({
  dailyGrams: 9,
  dosesPerDay: 3,
  reductionPercent: 10,
  daysPerStep: 5,
  precisionGrams: 0.1,
  startDate: '2026-11-16',
}).steps;

const taper: TaperVersion = {
  clientId: 'c1',
  version: 2,
  change: 'hold',
  effectiveDate: '2026-11-21',
  product: 'Green Maeng Da powder (Riverside Botanicals)',
  form: 'leaf-powder',
  dosesPerDay: 3,
  reductionPercent: 10,
  daysPerStep: 5,
  precisionGrams: 0.1,
  holdDays: 3,
  reason: 'Sweats at night',
  steps,
  createdAtMs: Date.UTC(2026, 10, 23, 18),
  createdByName: 'Marisol Quintero-Vance',
};

/** Printed on 14 November (local noon), before the first step: every step is on it. */
async function render(
  paper: 'letter' | 'a4',
  createdAt = new Date(2026, 10, 14, 12),
  language: 'en' | 'es' = 'en',
): Promise<string> {
  const bytes = await renderTaperPdf({ clinic: aClinic(), client, taper, paper, createdAt, language });
  const file = path.join(tempDir(), `taper-${paper}-${language}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext sometimes drops the space of "9 g": put it back before comparing. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/(\d)g\b/g, '$1 g');

describe('taper schedule PDF', () => {
  it('prints in Spanish: Spanish headings, dates, doses, notice and 988 option, no English fixed text', async () => {
    const file = await render('letter', undefined, 'es');
    const text = flat(run('pdftotext', ['-layout', file, '-']));
    expect(text).toContain('Su plan para bajar la dosis');
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('Cómo bajar la dosis sin riesgo');
    expect(text).toContain('Pida ayuda ya');
    expect(text).toMatch(/lun, 16 de nov de 2026 9 g 3 dosis de 3 g al vie, 20 de nov de 2026/);
    expect(text).toContain('Nada: pare');
    expect(text).toContain('Esta es su propia copia. Puede compartirla con quien quiera.');
    expect(pdfLanguageAndTitle(file)).toEqual({
      lang: 'es-US',
      displayTitle: true,
      title: 'Su plan para bajar la dosis',
    });
    expect(text).toContain('Llame a la clínica al (541) 555-0142');
    expect(text).toContain('Para español, oprima 2.');
    expect(text).toContain('Este registro que se le ha divulgado está protegido');
    expect(text).toContain('42 CFR parte 2 prohíbe');
    expect(text).toMatch(/Página 1 de \d/);
    expect(englishFound(text)).toEqual([]);
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    for (const line of fonts) expect(line, line).toMatch(/DejaVuSans\S*\s+CID TrueType\s+\S+\s+yes/);
    if (process.env.CLEARLEAF_KEEP_PDFS) fs.copyFileSync(file, path.resolve('test-results', 'taper-es.pdf'));
  });

  for (const paper of ['letter', 'a4'] as const) {
    it(`prints every step, the rules, red flags and the notice, on ${paper}`, async () => {
      const file = await render(paper);
      const text = flat(run('pdftotext', ['-layout', file, '-']));
      expect(text).toContain('Your taper schedule');
      expect(pdfLanguageAndTitle(file)).toEqual({
        lang: 'en-US',
        displayTitle: true,
        title: 'Your taper schedule',
      });
      expect(text).toContain('Green Maeng Da powder (Riverside Botanicals) (leaf powder)');
      expect(text).toContain('Nguyễn Thị Ánh — Chart C-000731');
      // First steps: 9 g in 3 doses of 3 g; 8.1 g in 3 doses of 2.7 g; 7.3 g as 2 of 2.4 g and 1 of 2.5 g.
      expect(text).toMatch(/Mon, Nov 16, 2026 9 g 3 doses of 3 g to Fri, Nov 20, 2026/);
      expect(text).toMatch(/Sat, Nov 21, 2026 8\.1 g 3 doses of 2\.7 g to Wed, Nov 25, 2026/);
      expect(text).toMatch(
        /Thu, Nov 26, 2026 7\.3 g 2 doses of 2\.4 g to Mon, Nov 30, 2026 1 dose of 2\.5 g/,
      );
      const last = steps[steps.length - 1];
      expect(last?.dailyGrams).toBe(0);
      expect(text).toContain('Stop None: stop');
      for (const s of steps.filter((x) => x.dailyGrams > 0)) expect(text).toContain(`${s.dailyGrams} g`);
      expect(text).toContain('one scale step (0.1 g) bigger');
      expect(text).toContain('Never switch to extracts, shots or 7-OH products');
      expect(text).toContain('Weigh every dose on your scale');
      expect(text).toContain('Call the clinic at (541) 555-0142');
      expect(text).toContain('hold this step');
      expect(text).toContain('Call 911');
      expect(text).toContain('988 Suicide & Crisis Lifeline — call or text 988');
      expect(text).toContain(
        'This record which has been disclosed to you is protected by Federal confidentiality',
      );

      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      for (let page = 1; page <= pages; page += 1) {
        const pageText = run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']);
        expect(pageText, `page ${page}`).toContain('Nguyễn Thị Ánh — Chart C-000731');
        expect(pageText, `page ${page}`).toContain('Your taper schedule');
        expect(pageText, `page ${page}`).toContain(`Page ${page} of ${pages}`);
        expect(pageText, `page ${page}`).toContain('42 CFR part 2');
      }
      const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line, line).toMatch(/DejaVuSans\S*\s+CID TrueType\s+\S+\s+yes/);
      expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(run('pdfinfo', [file]));
      expect(size?.slice(1).map(Number)).toEqual(paper === 'a4' ? [595.28, 841.89] : [612, 792]);

      const out = path.resolve('test-results/pdf');
      fs.mkdirSync(out, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(out, `taper-schedule-${paper}`)]);
    });
  }

  it('starts at the step in effect on the day it is printed', async () => {
    const text = flat(run('pdftotext', ['-layout', await render('letter', new Date(2026, 10, 23, 12)), '-']));
    expect(text).toContain('printed Mon, Nov 23, 2026');
    expect(text).not.toContain('Mon, Nov 16, 2026');
    expect(text).toMatch(/Sat, Nov 21, 2026 8\.1 g 3 doses of 2\.7 g to Wed, Nov 25, 2026/);
    expect(text).toContain('From Mon, May 10, 2027');
  });
});
