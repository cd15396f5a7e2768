/**
 * Client documents in the client's language (issue 14) in Chromium against the harness: a client set to Spanish
 * with an interpreter shows it on the chart header; the safety plan's print dialog starts at Spanish and the PDF
 * reads in Spanish (headings, notice, 988's Spanish option, no English fixed text); one print can be changed to
 * English. Settings lists the wording in both languages with Spanish not yet reviewed. The screens and a page of the
 * Spanish PDF are photographed (test-results/screens/) to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import type { RecoveryPlan } from '../../shared/domain/recoveryPlans';
import { aSafetyPlan } from '../support/recoveryPlans';
import { englishFound } from '../support/languageChecks';
import { ChartPage } from './pages/ChartPage';
import { PlansPage } from './pages/PlansPage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';

const SP = 'Safety plan';
const pdfText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('client documents in the client’s language', () => {
  let app: AppUnderTest;
  let client: Client;

  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
    client = await ipc(app.harness, 'clients.create', {
      client: {
        legalFirstName: 'Thị Ánh',
        legalLastName: 'Nguyễn',
        nameOrder: 'family-first',
        preferredName: '',
        dateOfBirth: '1990-03-08',
        pronouns: 'she/her',
        sex: 'female',
        chartNumber: null,
        phone: '',
        email: '',
        address: '',
        emergencyContact: { name: '', relationship: '', phone: '' },
        admissionDate: '2026-10-01',
        status: 'active',
        discharge: null,
        assignedClinicianId: null,
        documentLanguage: 'es',
        interpreterNeeded: true,
      },
    });
    const draft = await ipc(app.harness, 'recoveryPlans.startDraft', { clientId: client.id, kind: 'safety' });
    const saved: RecoveryPlan = await ipc(app.harness, 'recoveryPlans.saveDraft', {
      id: draft.id,
      content: { kind: 'safety', plan: aSafetyPlan() },
      expectedUpdatedAtMs: draft.updatedAtMs,
    });
    await ipc(app.harness, 'recoveryPlans.sign', { id: saved.id, passphrase: CLINIC.passphrase });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the language on the chart and prints the safety plan in Spanish, or in English for one print', async () => {
    const { page } = app;
    const chart = new ChartPage(page);
    const plans = new PlansPage(page);
    await chart.open(app.harness.url, client.id);
    await expect.poll(() => chart.header().textContent()).toContain('Documents in Spanish · interpreter');
    await plans.open(SP);
    const language = plans.printForm(SP).getByLabel('Language of this print');
    await expect.poll(() => language.inputValue()).toBe('es');
    await plans.print(SP);
    await plans.printedPath(SP).waitFor();
    const file = (await plans.printedPath(SP).textContent()) ?? '';
    const text = pdfText(file);
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('Plan de seguridad');
    expect(text).toContain('Señales de que viene una crisis');
    expect(text).toContain('Aviso: confidencialidad de los registros');
    expect(text).toContain('Para español, oprima 2.');
    expect(englishFound(text)).toEqual([]);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).not.toMatch(
      /\sno\s+(yes|no)\s+(yes|no)\s+\d/,
    );
    const dir = path.resolve('test-results/screens');
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(dir, 'language-safety-es'),
    ]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('language-safety-es'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'language-safety-print');

    // One print in English; the client's language stays Spanish.
    await language.selectOption('en');
    await plans.print(SP);
    await expect
      .poll(async () => pdfText((await plans.printedPath(SP).textContent()) ?? ''))
      .toContain('Safety plan');
    const again = await ipc(app.harness, 'clients.get', { id: client.id });
    expect(again.documentLanguage).toBe('es');
    // The change was for that print: the field is back at the client's language.
    await expect.poll(() => language.inputValue()).toBe('es');
  });

  it('lists the wording of client documents in both languages, Spanish not yet reviewed', async () => {
    const { page } = app;
    await page.goto(`${app.harness.url}#/settings`);
    const section = page.getByRole('region', { name: 'Wording of client documents' });
    await section.waitFor();
    await section.getByLabel('Document').selectOption('safety');
    await expect.poll(() => section.textContent()).toContain('Plan de seguridad');
    expect(await section.textContent()).toContain('Not yet reviewed by the clinic');
    await section.getByRole('button', { name: 'Mark reviewed: Spanish text safety.title' }).click();
    await expect
      .poll(() => section.getByRole('row', { name: /safety\.title/ }).textContent())
      .toMatch(/As shipped, reviewed by/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'language-settings-wording');
  });
});
