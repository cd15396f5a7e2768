/**
 * Relapse-prevention and aftercare plans in Chromium against the harness (issue 11): a plan written in session
 * autosaves (a reload keeps it), signing names what is missing beside each field, a signed plan is printed for the
 * client and opened in the system viewer, and the aftercare plan starts from the record and is printed under a
 * consent as a recorded disclosure. Screens are checked with axe and photographed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import { aConsent } from '../support/clients';
import { AlertsPage } from './pages/AlertsPage';
import { AssessmentsPage } from './pages/AssessmentsPage';
import { ChartPage } from './pages/ChartPage';
import { PlansPage } from './pages/PlansPage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';

const RP = 'Relapse-prevention plan';
const SP = 'Safety plan';
const AC = 'Aftercare plan';
const pdfText = (path: string) =>
  execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('relapse-prevention and aftercare plans', () => {
  let app: AppUnderTest;
  let client: Client;
  let chart: ChartPage;
  let plans: PlansPage;

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
      },
    });
    chart = new ChartPage(app.page);
    plans = new PlansPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('writes a relapse-prevention plan in session, keeps it through a reload, and signs it once complete', async () => {
    const { page } = app;
    await chart.open(app.harness.url, client.id);
    await plans.open(RP);
    await plans.start(RP);
    await plans.field(RP, 'Reasons for recovery').fill('Be present for my son Minh.\nKeep my job.');
    await plans.field(RP, 'Body 1: if').fill('my back pain flares up');
    await plans.field(RP, 'Body 1: then').fill('I use the heat pad and call the clinic');
    await expect.poll(() => plans.saveStatus(RP).textContent()).toMatch(/Saved /);

    // Nothing typed is lost on a reload.
    await page.reload();
    await chart.heading().waitFor();
    await plans.open(RP);
    await plans.editor(RP).waitFor();
    expect(await plans.field(RP, 'Reasons for recovery').inputValue()).toBe(
      'Be present for my son Minh.\nKeep my job.',
    );

    // Signing an incomplete plan names each missing part beside its field.
    await plans.sign(RP, CLINIC.passphrase);
    await expect
      .poll(() => plans.fieldError(RP, 'Coping strategies').textContent())
      .toBe('Write at least one coping strategy.');
    expect(await plans.fieldError(RP, 'Emotion 1: if').textContent()).toBe(
      'Write at least one if-then plan for an emotion trigger.',
    );
    await screenshot(page, 'plans-relapse-prevention-errors');

    await plans.field(RP, 'Emotion 1: if').fill('I feel anxious after a shift');
    await plans.field(RP, 'Emotion 1: then').fill('I do the breathing and text Bảo');
    await plans.field(RP, 'Situation 1: if').fill('I drive past the smoke shop');
    await plans.field(RP, 'Situation 1: then').fill('I take the Oak Street route');
    await plans.field(RP, 'Warning sign 1').fill('Skipping meals');
    await plans.field(RP, 'Warning sign 2').fill('Sleeping past noon');
    await plans.field(RP, 'Coping strategies').fill('Urge surfing\nA walk around the block');
    await plans.field(RP, 'Person 1: name').fill('José Núñez');
    await plans.field(RP, 'Person 1: phone').fill('(541) 555-0177');
    await plans
      .field(RP, 'What to do after a lapse')
      .fill('Tell José the same day and call the clinic for a visit within 48 hours.');
    await plans.field(RP, 'Next appointment').fill('Tuesday 10:00 with Marisol');
    await plans.field(RP, 'One concrete change').fill('Delete the vendor’s number today.');
    await plans.field(RP, 'Review date').fill(localDate(Date.now() + 30 * 86_400_000));
    await expect.poll(() => plans.saveStatus(RP).textContent()).toMatch(/Saved /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'plans-relapse-prevention-draft');

    await plans.sign(RP, CLINIC.passphrase);
    await plans.signedHeading(RP, 1).waitFor();
    expect(await plans.editor(RP).count()).toBe(0);

    await plans.print(RP);
    await plans.printedPath(RP).waitFor();
    const path = (await plans.printedPath(RP).textContent()) ?? '';
    expect(fs.existsSync(path)).toBe(true);
    const text = pdfText(path);
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('My reasons for recovery');
    expect(text).toContain('José Núñez — (541) 555-0177');
    expect(text).toContain('42 CFR part 2');
    await plans.openPdf(RP);
    expect(await plans.printError(RP).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'plans-relapse-prevention-signed');

    // Printed for the client: audited, not a disclosure.
    expect(await ipc(app.harness, 'disclosures.list', { clientId: client.id })).toEqual([]);
  });

  it('starts the aftercare plan from the record, signs it, and prints it under a consent as a recorded disclosure', async () => {
    const { page } = app;
    const consent = await ipc(app.harness, 'consents.create', {
      clientId: client.id,
      consent: aConsent({ patientName: 'Thị Ánh Nguyễn', recipient: 'Dr. Ilse Verhoeven' }),
    });
    await plans.open(AC);
    await plans.start(AC);
    expect(await plans.field(AC, 'Next appointments').inputValue()).toBe(
      'Tuesday 10:00 with Marisol (from the relapse-prevention plan)',
    );
    await expect
      .poll(() => plans.editor(AC).locator('.plan-linked').textContent())
      .toMatch(/^Version 1 of the relapse-prevention plan, signed /);
    expect(await plans.field(AC, 'Crisis numbers').inputValue()).toContain('988');
    await plans
      .field(AC, 'Status and progress at discharge')
      .fill('Completed the programme; no use for 10 weeks.');
    await plans
      .field(AC, 'Outpatient counselling')
      .fill('Weekly counselling at Willamette Counselling, Tuesdays 17:00');
    await plans.field(AC, 'Support groups').fill('SMART Recovery, Thursdays 18:30');
    await plans.field(AC, 'Obstacle 1').fill('No car on Tuesdays');
    await plans.field(AC, 'How to meet obstacle 1').fill('Bus 66, or telehealth that week');
    await plans.field(AC, 'A person to text').fill('José Núñez, (541) 555-0177');
    await expect.poll(() => plans.saveStatus(AC).textContent()).toMatch(/Saved /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'plans-aftercare-draft');

    await plans.sign(AC, CLINIC.passphrase);
    await plans.signedHeading(AC, 1).waitFor();
    await plans.printFor(AC, 'To disclose under a consent');
    const select = plans.printForm(AC).getByLabel('Consent', { exact: true });
    await expect.poll(() => select.locator('option').count()).toBe(2);
    await select.selectOption(consent.id);
    expect(await plans.printForm(AC).getByLabel('Recipient', { exact: true }).inputValue()).toBe(
      'Dr. Ilse Verhoeven',
    );
    // Taken from the consent and not editable: main refuses any other recipient, address or purpose.
    for (const label of ['Recipient', 'Recipient address (if known)', 'Purpose']) {
      expect(await plans.printForm(AC).getByLabel(label, { exact: true }).isEditable(), label).toBe(false);
    }
    await plans.print(AC);
    await plans.printedPath(AC).waitFor();
    const text = pdfText((await plans.printedPath(AC).textContent()) ?? '');
    expect(text).toContain('Where I am now: status and progress at discharge');
    expect(text).toContain('My relapse-prevention plan');
    expect(text).toContain('Disclosed to: Dr. Ilse Verhoeven');
    await expect
      .poll(() => plans.printForm(AC).getByRole('status').last().textContent())
      .toBe('Recorded as a disclosure to Dr. Ilse Verhoeven.');
    const disclosures = await ipc(app.harness, 'disclosures.list', { clientId: client.id });
    expect(disclosures.map((d) => [d.sourceType, d.what])).toEqual([
      ['recovery-plan', `Aftercare plan, version 1 signed ${localDate(Date.now())}`],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'plans-aftercare-signed');

    // Both signatures are on the timeline.
    await chart.tab('Timeline').click();
    await expect.poll(() => page.getByText('Aftercare plan signed').count()).toBe(1);
    expect(await page.getByText('Relapse-prevention plan signed').count()).toBe(1);
  });

  it('records a safety plan and links its signed version when a suicide-risk alert is acknowledged with it', async () => {
    const { page } = app;
    await ipc(app.harness, 'intake.saveSection', {
      clientId: client.id,
      save: {
        section: 'psychiatric',
        data: { depression: null, panic: null, trauma: null, suicidalThoughts: true, notes: '' },
      },
    });
    await chart.open(app.harness.url, client.id);
    // The alert was raised behind the page's back: read the chart again.
    await page.reload();
    await chart.heading().waitFor();
    const alerts = new AlertsPage(page);
    await alerts.banner().waitFor();
    await alerts.startAcknowledge(/./);
    await alerts.checkAction('Safety plan made or reviewed');
    await alerts.note().fill('Safety plan written together; 988 card given.');
    await alerts.submit('Acknowledge');
    await expect
      .poll(() => alerts.dialog().getByRole('group', { name: 'Action taken' }).textContent())
      .toContain('This client has no signed safety plan.');
    await alerts.dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    await alerts.dialog().waitFor({ state: 'detached' });

    await plans.open(SP);
    await plans.start(SP);
    await plans.field(SP, 'Signs that a hard time may be starting').fill('Not sleeping for two nights');
    await plans.field(SP, 'Things the client can do on their own').fill('Hot shower\nWalk by the river');
    await plans.field(SP, 'People and places that take their mind off things').fill('Sister Thu’s kitchen');
    await plans.field(SP, 'Helper 1: name').fill('Thu Nguyễn');
    await plans.field(SP, 'Helper 1: phone').fill('(541) 555-0190');
    await plans
      .field(SP, 'How the surroundings will be made safer')
      .fill('Medicines in the lockbox; Thu keeps the key.');
    await plans.field(SP, 'Reasons for living').fill('Minh\nMy garden');
    await expect.poll(() => plans.saveStatus(SP).textContent()).toMatch(/Saved /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'plans-safety-draft');
    await plans.sign(SP, CLINIC.passphrase);
    await plans.signedHeading(SP, 1).waitFor();
    await plans.print(SP);
    await plans.printedPath(SP).waitFor();
    const text = pdfText((await plans.printedPath(SP).textContent()) ?? '');
    expect(text).toContain('988 Suicide & Crisis Lifeline — call or text 988');
    expect(text).toContain('Thu Nguyễn — (541) 555-0190');
    await screenshot(page, 'plans-safety-signed');

    await alerts.startAcknowledge(/./);
    await alerts.checkAction('Safety plan made or reviewed');
    await alerts.note().fill('Safety plan written together; 988 card given.');
    await alerts.submit('Acknowledge');
    await alerts.dialog().waitFor({ state: 'detached' });
    const assessments = new AssessmentsPage(page);
    await assessments.open();
    await expect
      .poll(() => assessments.alertHistory().first().textContent())
      .toContain('Safety plan version 1 linked.');
  });
});
