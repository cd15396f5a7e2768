/**
 * Discharge in Chromium against the harness (issue 11 item 5): a consent recorded to end "when the client is
 * discharged"; the Discharge area lists a client with no service for a month as "consider discharge" with the
 * days without service and no due date (none is due before discharge); the row opens the chart's Discharge tab, where the summary starts from the record,
 * names what is missing beside each field, and is signed; the client is then discharged, the consent has expired,
 * the summary prints, and the worklist is empty. Screens are checked with axe and photographed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import { ChartPage } from './pages/ChartPage';
import { ConsentsPage } from './pages/ConsentsPage';
import { DischargePage } from './pages/DischargePage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';

const DAY = 86_400_000;
const pdfText = (path: string) =>
  execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const RECIPIENT = 'Dr. Ilse Verhoeven, Cascade Family Medicine';

describe('discharge: the worklist, the summary, signing and printing', () => {
  let app: AppUnderTest;
  let client: Client;
  let chart: ChartPage;
  let discharge: DischargePage;
  const today = localDate(Date.now());
  const admitted = localDate(Date.now() - 60 * DAY);

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
        admissionDate: admitted,
        status: 'active',
        discharge: null,
        assignedClinicianId: null,
      },
    });
    await ipc(app.harness, 'plans.save', {
      clientId: client.id,
      baseVersion: 0,
      plan: {
        problems: [
          {
            id: 'p1',
            text: 'Daily kratom use with withdrawal on waking',
            goals: [
              {
                id: 'g1',
                text: 'Taper to no kratom use',
                objectives: [],
                interventions: ['Weekly taper review'],
                targetDate: null,
                status: 'met',
              },
            ],
          },
        ],
        reviewDate: today,
        status: 'active',
        revisionNote: '',
      },
    });
    chart = new ChartPage(app.page);
    discharge = new DischargePage(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('records a consent that ends when the client is discharged', async () => {
    const { page } = app;
    await chart.open(app.harness.url, client.id);
    await chart.openTab('Consents');
    const consents = new ConsentsPage(page);
    await consents.startNew();
    await consents.choose('Type of consent', 'Single disclosure');
    await consents.field('Information to be disclosed').fill('Discharge summary and aftercare plan');
    await consents.field('Recipient (name or class)').fill(RECIPIENT);
    await consents.field('Purpose of the disclosure').fill('Continuity of care after discharge');
    await consents
      .form()
      .getByLabel('The right to revoke this consent in writing is stated on the form')
      .check();
    await consents.field('How to revoke').fill('In writing to the clinic at any time');
    await consents.choose('Consent expires', 'When the client is discharged');
    expect(
      await consents
        .form()
        .getByText(/expires on the client’s discharge date/)
        .count(),
    ).toBe(1);
    await screenshot(page, 'discharge-consent-at-discharge');
    await consents.submit();
    await consents.item(RECIPIENT).waitFor();
    expect(await consents.item(RECIPIENT).textContent()).toContain('Ends when the client is discharged');
    expect(await consents.badge(RECIPIENT).textContent()).toMatch(/Active/);
  });

  it('lists the active client in the Discharge area by days without service (no due date), and opens the summary from the row', async () => {
    const { page } = app;
    await discharge.openArea();
    const row = discharge.row('Nguyễn');
    await row.waitFor();
    // An active client owes no summary yet: the row says how long without service, with no due date or red.
    expect(await row.textContent()).toMatch(/consider discharge/);
    expect(await row.textContent()).toContain('No service for 60 days — discharge or re-engage');
    expect(await row.textContent()).not.toMatch(/Summary due|overdue/);
    expect(await row.locator('.worklist__overdue').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'discharge-worklist');

    await row.getByRole('link').click();
    await discharge.panel().waitFor();
    await discharge.start();
    expect(await discharge.editor().getByText('Taper to no kratom use (met)').count()).toBe(1);
    expect(await discharge.editor().textContent()).toContain('no signed aftercare plan');
  });

  it('names what is missing beside each field, then signs: the client is discharged and the consent expired', async () => {
    const { page } = app;
    await discharge.sign(CLINIC.passphrase);
    await expect
      .poll(() => discharge.fieldError('Discharge date').textContent())
      .toBe('Enter the discharge date.');
    expect(await discharge.fieldError('Recommendations').textContent()).toBe('Write the recommendations.');
    expect(await discharge.fieldError('Level of care recommended at discharge').textContent()).toBe(
      'Write the level of care recommended at discharge.',
    );
    await screenshot(page, 'discharge-summary-errors');

    await discharge.field('Discharge date').fill(today);
    await discharge.field('How the client left care').selectOption({ label: 'Completed treatment' });
    await discharge
      .field('Presenting problem')
      .fill('Daily kratom use for three years; withdrawal on waking.');
    await discharge
      .field('Taper to no kratom use (met)')
      .fill('Tapered to none over six weeks; no use since.');
    await discharge
      .field('Condition at discharge')
      .fill('Stable, sleeping six hours, no cravings most days; no risk concerns.');
    await discharge
      .field('Level of care recommended at discharge')
      .fill('Outpatient counselling every two weeks for three months.');
    await discharge
      .field('Recommendations')
      .fill('Weekly SMART Recovery; primary care follow-up in a month.');
    await discharge.editor().getByRole('button', { name: 'Add a referral' }).click();
    await discharge.field('Referral 1: to').fill('Cascade Family Medicine');
    await discharge.field('Referral 1: reason').fill('Primary care follow-up');
    await discharge
      .field('Reason any element could not be completed')
      .fill('No assessments or level-of-care decision were recorded before this record was kept here.');
    await expect.poll(() => discharge.saveStatus().textContent()).toMatch(/Saved /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'discharge-summary-draft');

    // No signed service was recorded: treatment cannot have been completed. Refused beside the type.
    await discharge.sign(CLINIC.passphrase);
    await expect
      .poll(() => discharge.fieldError('How the client left care').textContent())
      .toMatch(/cannot be completed without a signed service/);
    await discharge.field('How the client left care').selectOption({ label: 'Transferred' });
    await expect.poll(() => discharge.saveStatus().textContent()).toMatch(/Saved /);

    // The sign step names each consent that signing ends.
    await discharge.editor().getByRole('button', { name: 'Sign…' }).click();
    const ending = discharge.editor().getByRole('list', { name: 'Consents that end at discharge' });
    await ending.waitFor();
    expect(await ending.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(`to ${RECIPIENT}`),
    ]);
    await screenshot(page, 'discharge-sign-consents');
    await discharge.editor().getByLabel('Your passphrase', { exact: true }).fill(CLINIC.passphrase);
    await discharge.editor().getByRole('button', { name: 'Sign summary' }).click();
    await discharge.signedHeading().waitFor();
    // A signed summary gives no advice to write a missing plan.
    expect(await discharge.panel().textContent()).not.toContain('write one on the Plans tab');
    await expect.poll(() => chart.fact('Status').textContent()).toBe('Discharged');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'discharge-summary-signed');

    // The record stays readable; the consent that ended at discharge has expired.
    await chart.openTab('Consents');
    const consents = new ConsentsPage(page);
    await expect.poll(() => consents.badge(RECIPIENT).textContent()).toMatch(/^Expired /);
    await screenshot(page, 'discharge-consent-expired');
  });

  it('prints the signed summary and leaves the worklist empty', async () => {
    const { page } = app;
    await page
      .getByRole('tablist', { name: 'Chart sections' })
      .getByRole('tab', { name: /^Discharge/ })
      .click();
    await discharge.print();
    await discharge.printedPath().waitFor();
    const path = (await discharge.printedPath().textContent()) ?? '';
    expect(fs.existsSync(path)).toBe(true);
    const text = pdfText(path);
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('Discharge type: Transferred');
    expect(text).toContain('Tapered to none over six weeks');
    expect(text).toMatch(
      /Recommended at discharge:? Outpatient counselling every two weeks for three months\./,
    );
    expect(text).toContain('This record which has been disclosed to you');
    expect(await ipc(app.harness, 'disclosures.list', { clientId: client.id })).toEqual([]);

    await discharge.openArea();
    await discharge.emptyWorklist().waitFor();
    await screenshot(page, 'discharge-worklist-empty');
  });
});
