/**
 * Client documents in the client's language (issue 14) in Chromium against the harness: a client set to Spanish
 * with an interpreter shows it on the chart header; the safety plan's print dialog starts at Spanish and the PDF
 * reads in Spanish (headings, notice, 988's Spanish option, no English fixed text); one print can be changed to
 * English. Settings names each text by its document and part with its placeholders in words, refuses a text that
 * loses one (keeping what was typed), keeps versions with who wrote and reviewed them, goes back to the shipped text,
 * and flags a clinic text whose shipped text changed. The screens and a page of the Spanish PDF are photographed
 * (test-results/screens/) to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import type { RecoveryPlan } from '../../shared/domain/recoveryPlans';
import { insertWordingVersion } from '../../electron/db/repositories/clinicWording';
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
    // Every page: the last holds the notice and the line on whom it binds on the client's own copy.
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, 'language-safety-es')]);
    expect(text).toContain(
      'Esta es su propia copia. Puede compartirla con quien quiera. El aviso que sigue es para quienes reciben este registro',
    );
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

  it('lists the wording for an administrator: by document and part, placeholders in words, reviewed and versioned', async () => {
    const { page } = app;
    await page.goto(`${app.harness.url}#/settings`);
    const section = page.getByRole('region', { name: 'Wording of client documents' });
    await section.waitFor();
    await section.getByLabel('Show').selectOption('safety');
    const title = section.getByRole('row', { name: /^Safety plan › title: Safety plan/ });
    await expect.poll(() => title.textContent()).toContain('Plan de seguridad');
    expect(await section.textContent()).not.toContain('safety.title');
    expect(await title.textContent()).toContain('Not yet reviewed by the clinic');
    await section
      .getByRole('button', { name: 'Mark reviewed: Safety plan › title: Safety plan (Spanish)' })
      .click();
    await expect
      .poll(() => title.textContent())
      .toMatch(new RegExp(`As shipped.*Reviewed by ${CLINIC.fullName}`));

    // Placeholders read as words; a text that loses one is refused beside the field, and what was typed stays.
    await section.getByLabel('Show').selectOption('crisis');
    const clinicLine = section.getByRole('row', { name: /crisis line: \[the clinic’s name\]/ });
    await expect.poll(() => clinicLine.textContent()).toContain('the clinic’s phone number');
    const name =
      'Crisis lines and warning signs › crisis line: [the clinic’s name] — [the clinic’s phone number] (Spanish)';
    await section.getByRole('button', { name: `Change: ${name}` }).click();
    const form = section.getByRole('form', { name });
    const field = form.getByLabel('Spanish text');
    await field.fill('Su clínica, {clinic}: llame cuando quiera.');
    await form.getByRole('button', { name: 'Save as the clinic’s wording' }).click();
    await expect
      .poll(() => form.textContent())
      .toContain('Keep {phone} (the clinic’s phone number): the document fills it in.');
    expect(await field.inputValue()).toBe('Su clínica, {clinic}: llame cuando quiera.');
    await field.fill('Su clínica, {clinic}: llame al {phone} cuando quiera.');
    await form.getByRole('button', { name: 'Save as the clinic’s wording' }).click();
    await expect.poll(() => clinicLine.textContent()).toContain('The clinic’s own wording, version 1');
    expect(await clinicLine.textContent()).toContain(`Written by ${CLINIC.fullName}.`);
    await clinicLine.screenshot({ path: path.resolve('test-results/screens/language-wording-chips.png') });

    // Back to the shipped text is itself a version, in the history with who and when.
    await section.getByRole('button', { name: `Back to the shipped text: ${name}` }).click();
    await expect
      .poll(() => clinicLine.textContent())
      .toMatch(new RegExp(`As shipped.*Reviewed by ${CLINIC.fullName}`));
    await section.getByText('Version history').last().click();
    await expect
      .poll(() => clinicLine.textContent())
      .toMatch(
        new RegExp(
          `Version 2: back to the shipped text.*Version 1: the clinic’s own text.*Written by ${CLINIC.fullName}`,
        ),
      );

    // A clinic text written against an older release's shipped text: flagged, still in use, until reviewed.
    const { db, user } = app.harness.practice.session();
    insertWordingVersion(db, {
      language: 'es',
      messageId: 'safety.signs',
      source: 'clinic',
      kind: 'written',
      text: 'Señales de que se acerca un mal momento',
      basedOn: 'Señales de que puede empezar un momento difícil',
      writtenBy: user.id,
      userId: user.id,
      atMs: Date.UTC(2026, 5, 1),
    });
    await page.reload();
    await section.waitFor();
    await expect
      .poll(() => section.textContent())
      .toContain('1 clinic text was written before the shipped text changed');
    await section.getByLabel('Show').selectOption('needsReview');
    const signs = section.getByRole('row', { name: /^Safety plan › heading: Signs that a hard time/ });
    await expect
      .poll(() => signs.textContent())
      .toContain('The shipped text changed since this was written — review.');
    expect(await signs.textContent()).toContain('Shipped text it was based on');
    expect(await signs.textContent()).toContain('Señales de que puede empezar un momento difícil');
    expect(await signs.textContent()).toContain('Shipped text now');
    expect(await signs.textContent()).toContain('Señales de que viene una crisis');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'language-settings-wording');
    // The flagged text alone, readable at full size.
    await signs.screenshot({ path: path.resolve('test-results/screens/language-wording-flagged.png') });
    await section
      .getByRole('button', {
        name: /^Keep the clinic’s text: Safety plan › heading: Signs that a hard time.*\(Spanish\)$/,
      })
      .click();
    // Reviewed: off the needs-review list, still the clinic's text, no longer flagged.
    await expect.poll(() => signs.count()).toBe(0);
    await section.getByLabel('Show').selectOption('safety');
    await expect.poll(() => signs.textContent()).toContain('Señales de que se acerca un mal momento');
    expect(await signs.textContent()).not.toContain('The shipped text changed');
    // The safety plan's texts as an administrator sees them, in the window.
    await section.getByRole('table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.resolve('test-results/screens/language-wording-safety.png') });

    // A clinic text that no longer fits the shipped text (it keeps a placeholder the release dropped): documents
    // print the shipped text, and it cannot be kept until reworded.
    insertWordingVersion(db, {
      language: 'es',
      messageId: 'crisis.clinic',
      source: 'clinic',
      kind: 'written',
      text: 'Llame a {clinic} al {phone}, {hours}.',
      basedOn: '{clinic} — {phone} ({hours})',
      writtenBy: user.id,
      userId: user.id,
      atMs: Date.UTC(2026, 5, 1),
    });
    await page.reload();
    await section.waitFor();
    // The screen opens on what needs review.
    await expect
      .poll(() => clinicLine.textContent())
      .toContain('This text cannot be used until reworded: Remove');
    expect(await clinicLine.textContent()).toContain('The clinic’s text (not in use)');
    expect(await clinicLine.textContent()).not.toContain('The clinic’s text is used until then');
    expect(await section.getByRole('button', { name: `Keep the clinic’s text: ${name}` }).count()).toBe(0);
    expect(await section.getByRole('button', { name: `Back to the shipped text: ${name}` }).count()).toBe(1);
    await clinicLine.screenshot({ path: path.resolve('test-results/screens/language-wording-unusable.png') });

    // The English notice is the regulation's own text: nothing offers to change it; its translation may be.
    await section.getByLabel('Show').selectOption('every');
    const notice = section.getByRole('row', { name: /^Every document › notice: This record which has been/ });
    await expect.poll(() => notice.getByRole('button', { name: /^Change: / }).count()).toBe(1);
    expect(await notice.getByRole('button', { name: /\(English\)$/ }).count()).toBe(0);
  });
});
