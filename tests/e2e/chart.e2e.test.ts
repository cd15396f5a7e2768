/**
 * The client chart in Chromium: header and risk flags, intake saved in parts and resumed, the baseline use log by
 * keyboard with its chart and summary, Part 2 consents with a refused element and a revocation, and the timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';
import { ChartPage } from './pages/ChartPage';
import { ConsentsPage } from './pages/ConsentsPage';
import { IntakePage } from './pages/IntakePage';
import { LevelOfCarePage } from './pages/LevelOfCarePage';
import { UseLogPage } from './pages/UseLogPage';
import { DAY, dayOf, daysAgo } from './support/clock';
import { aClient } from '../support/clients';

describe('client chart', () => {
  let app: AppUnderTest;
  let client: Client;
  let chart: ChartPage;

  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
    client = await ipc(app.harness, 'clients.create', {
      client: aClient({
        legalFirstName: 'Theodora',
        legalLastName: 'Quillon-Marsh',
        preferredName: 'Teddy',
        dateOfBirth: '1985-03-09',
        phone: '(541) 555-0129',
        email: '',
        address: '5 Sandpiper Court, Waldport, OR 97394',
        emergencyContact: { name: 'Jonah Marsh', relationship: 'partner', phone: '(541) 555-0130' },
        admissionDate: daysAgo(20),
      }),
    });
    chart = new ChartPage(app.page);
    await chart.open(app.harness.url, client.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows who the client is in the header', async () => {
    expect(await chart.heading().textContent()).toBe('Theodora Quillon-Marsh (Teddy)');
    expect(await chart.fact('Pronouns').textContent()).toBe('she/her');
    expect(await chart.fact('Born').textContent()).toMatch(/^Mar 9, 1985 \(age \d+\)$/);
    expect(await chart.fact('Chart').textContent()).toBe(client.chartNumber);
    expect(await chart.fact('Status').textContent()).toBe('Active');
    expect(await chart.fact('In care').textContent()).toMatch(/^20 days \(admitted /);
    expect(await chart.urgentAlert().count()).toBe(0);
    expect(await chart.tab('Timeline').getAttribute('aria-selected')).toBe('true');
  });

  it('saves intake in parts: refuses a bad number beside the field, resumes after a reload, raises flags', async () => {
    const { page } = app;
    await chart.openTab('Intake');
    const intake = new IntakePage(page);
    await intake.sectionHeading('Kratom use').waitFor();
    expect(await intake.savedCount().textContent()).toBe('0 of 7 sections saved');
    // Unknown is the starting answer, never "No".
    expect(
      await intake.group('Wakes in withdrawal').getByRole('radio', { name: 'Unknown' }).isChecked(),
    ).toBe(true);

    await intake.field('Doses per day').fill('5');
    await intake.field('Grams per dose').fill('-2.5');
    await intake.field('Years of use').fill('3.5');
    await intake.answer('Wakes in withdrawal', 'Yes');
    await intake.save();
    await expect
      .poll(() => intake.fieldError('Grams per dose').textContent())
      .toBe('Grams per dose cannot be negative.');
    // Nothing typed is lost on a refusal.
    expect(await intake.field('Doses per day').inputValue()).toBe('5');
    expect(await intake.field('Years of use').inputValue()).toBe('3.5');

    await intake.field('Grams per dose').fill('2.5');
    await intake.save();
    await expect.poll(() => intake.savedStatus().textContent()).toBe('Saved.');
    expect(await intake.fieldError('Grams per dose').count()).toBe(0);
    expect(await intake.progressItem('Kratom use').textContent()).toMatch(/Saved /);
    // The header's flags follow the saved intake at once.
    await expect
      .poll(() => chart.cautions().allTextContents())
      .toEqual(expect.arrayContaining(['5 doses a day (more than 3)', 'About 12.5 g a day (over 5 g)']));

    // Resume: after a reload the section is still there and marked saved; the form opens on the next section.
    await page.reload();
    await chart.heading().waitFor();
    await chart.openTab('Intake');
    await intake.sectionHeading('Other substances').waitFor();
    expect(await intake.savedCount().textContent()).toBe('1 of 7 sections saved');
    expect(await intake.progressItem('Kratom use').textContent()).toMatch(/Saved /);
    await intake.openSection('Kratom use');
    expect(await intake.field('Doses per day').inputValue()).toBe('5');
    expect(await intake.field('Grams per dose').inputValue()).toBe('2.5');
    expect(await intake.group('Wakes in withdrawal').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(
      true,
    );
    expect(
      await intake.group('Doses through the night').getByRole('radio', { name: 'Unknown' }).isChecked(),
    ).toBe(true);

    await intake.openSection('Mental health history');
    await intake.answer('Depression', 'Yes');
    await intake.answer('Suicidal thoughts', 'Yes');
    await intake.save();
    await expect.poll(() => intake.savedStatus().textContent()).toBe('Saved.');
    const alert = chart.urgentAlert();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Suicidal thoughts reported at intake');
    expect(await alert.textContent()).toContain('911');
    expect(await alert.textContent()).toContain('988');
    expect(await intake.savedCount().textContent()).toBe('2 of 7 sections saved');

    await screenshot(page, 'intake');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('logs three days of doses from the keyboard and shows the chart and the baseline', async () => {
    const { page } = app;
    await chart.openTab('Use log');
    const log = new UseLogPage(page);
    await log.baseline().waitFor();
    expect(await log.baseline().textContent()).toContain('No doses logged yet');

    // The row starts at now, to the minute, in local time.
    const now = await page.evaluate(() => {
      const d = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    expect(await log.field('Taken at').inputValue()).toMatch(new RegExp(`^${now}T\\d\\d:\\d\\d$`));

    const [d3, d2, d1] = [daysAgo(3), daysAgo(2), daysAgo(1)];
    await log.field('Taken at').focus();
    await log.logByKeyboard({
      when: `${d3}T07:30`,
      product: 'Red Bali powder',
      amount: '2',
      trigger: 'Withdrawal symptoms',
    });
    await expect.poll(() => log.status().textContent()).toMatch(/^Dose saved: 2 g/);
    // Focus is back on the first field; product and form carry over.
    expect(await log.focusedLabel()).toBe('Taken at');
    expect(await log.field('Product').inputValue()).toBe('Red Bali powder');
    expect(await log.field('Amount').inputValue()).toBe('');
    expect(await log.baselineIncomplete().textContent()).toMatch(/Only 1 day logged/);

    const doses = [
      { when: `${d3}T12:15`, amount: '3', trigger: 'Stress' },
      { when: `${d3}T19:00`, amount: '4', trigger: 'Stress' },
      { when: `${d2}T07:00`, amount: '3', trigger: 'Withdrawal symptoms' },
      { when: `${d2}T11:00`, amount: '3', trigger: 'Stress' },
      { when: `${d2}T15:30`, amount: '3' },
      { when: `${d2}T21:00`, amount: '3', trigger: 'Craving' },
      { when: `${d1}T06:45`, amount: '2', trigger: 'Withdrawal symptoms' },
      { when: `${d1}T10:00`, amount: '2', trigger: 'Stress' },
      { when: `${d1}T13:30`, amount: '3' },
      { when: `${d1}T17:00`, amount: '3', trigger: 'Craving' },
      { when: `${d1}T22:10`, amount: '2.5' },
    ];
    for (const dose of doses) {
      const before = await log.doseRows().count();
      await log.logByKeyboard(dose);
      await expect.poll(() => log.doseRows().count()).toBe(before + 1);
    }
    expect(await log.focusedLabel()).toBe('Taken at');

    // 3 + 4 + 5 doses over 3 days; 9 g, 12 g and 12.5 g.
    await log.chart().waitFor();
    expect(await log.doseBars().count()).toBe(3);
    expect(await log.baselineIncomplete().count()).toBe(0);
    expect(await log.figure('mean-doses').textContent()).toBe('4');
    expect(await log.figure('mean-grams').textContent()).toBe('11.2 g');
    expect(await log.baselineFigure('Largest leaf dose').textContent()).toBe('4 g');
    expect(await log.byFormRows().allInnerTexts()).toEqual(['Leaf, powder or capsules\t4\t11.2 g']);
    expect(await log.strongForms().count()).toBe(0);
    expect(await log.figure('top-triggers').getByRole('listitem').allTextContents()).toEqual([
      'Stress ×4',
      'Withdrawal symptoms ×3',
      'Craving ×2',
    ]);
    await log.panel().getByText('Daily totals as a table').click();
    expect(await log.dailyTable().locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/\t3\t9 g$/),
      expect.stringMatching(/\t4\t12 g$/),
      expect.stringMatching(/\t5\t12\.5 g$/),
    ]);

    await screenshot(page, 'use-log-chart');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a negative amount, more than 100 g and a dose in the future, beside the field', async () => {
    const log = new UseLogPage(app.page);
    const count = await log.doseRows().count();
    await log.field('Taken at').focus();
    await log.logByKeyboard({ when: `${daysAgo(1)}T23:00`, amount: '-1' });
    await expect.poll(() => log.fieldError('Amount').textContent()).toBe('The amount must be more than 0.');
    expect(await log.field('Amount').inputValue()).toBe('-1');

    await log.field('Amount').fill('200');
    await log.field('Amount').press('Enter');
    await expect
      .poll(() => log.fieldError('Amount').textContent())
      .toBe('The amount must be at most 100 g per dose.');

    await log.field('Amount').fill('2');
    await log.field('Taken at').fill(`${dayOf(Date.now() + DAY)}T09:00`);
    await log.field('Amount').press('Enter');
    await expect
      .poll(() => log.fieldError('Taken at').textContent())
      .toBe('A dose cannot be logged in the future.');
    expect(await log.fieldError('Amount').count()).toBe(0);
    expect(await log.doseRows().count()).toBe(count);

    // A mistyped year: refused beside the field, with the bound in the message; the typed row is kept.
    await log.field('Taken at').fill('1970-01-01T09:00');
    await log.field('Amount').press('Enter');
    await expect
      .poll(() => log.fieldError('Taken at').textContent())
      .toBe("A dose cannot be before the client's date of birth: check the year.");
    expect(await log.field('Taken at').inputValue()).toBe('1970-01-01T09:00');
    await log.field('Taken at').fill(`${dayOf(Date.now() - 3 * 365 * DAY)}T09:00`);
    await log.field('Amount').press('Enter');
    await expect
      .poll(() => log.fieldError('Taken at').textContent())
      .toBe('A dose must be within the past 2 years: check the year.');
    expect(await log.field('Amount').inputValue()).toBe('2');
    expect(await log.doseRows().count()).toBe(count);
    expect(await log.doseBars().count()).toBe(3);
  });

  it('edits a dose and deletes one after asking', async () => {
    const { page } = app;
    const log = new UseLogPage(page);
    const largest = log.doseRows().filter({ hasText: /7:00\sPM/ });
    await largest.getByRole('button', { name: /^Edit/ }).click();
    await log.entryForm().getByRole('heading', { name: 'Edit dose' }).waitFor();
    await log.field('Amount').fill('5');
    await log.field('Amount').press('Enter');
    await expect.poll(() => log.figure('mean-grams').textContent()).toBe('11.5 g');
    expect(await log.baselineFigure('Largest leaf dose').textContent()).toBe('5 g');

    const count = await log.doseRows().count();
    const row = log.doseRows().filter({ hasText: /10:10\sPM/ });
    await row.getByRole('button', { name: /^Delete/ }).click();
    // Asking first: Keep has focus, so a stray Enter does not delete.
    await row.getByRole('button', { name: 'Keep' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await log.doseRows().count()).toBe(count);
    // Focus goes back to the row's Delete button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toMatch(/^Delete dose of /);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => log.doseRows().count()).toBe(count - 1);
  });

  it('refuses a consent without its recipient, records a valid one, and revokes it', async () => {
    const { page } = app;
    await chart.openTab('Consents');
    const consents = new ConsentsPage(page);
    await consents.startNew();
    // Prefilled from the client and the clinic profile.
    expect(await consents.field('Patient name').inputValue()).toBe('Theodora Quillon-Marsh');
    expect(await consents.field('Who may disclose').inputValue()).toBe(CLINIC.clinicName);
    expect(await consents.field('Date signed').inputValue()).toBe(daysAgo(0));

    // The treatment, payment and operations elements appear only for that type.
    expect(await consents.form().getByLabel('The redisclosure statement is included').count()).toBe(0);
    await consents.choose('Type of consent', 'Treatment, payment and health-care operations');
    await consents.form().getByLabel('The redisclosure statement is included').waitFor();
    await consents.choose('Type of consent', 'Single disclosure');

    await consents
      .field('Information to be disclosed')
      .fill('Attendance dates and baseline use log, last 30 days');
    await consents.field('Recipient address').fill('210 Tidewater Ave, Newport, OR 97365');
    await consents.field('Purpose of the disclosure').fill('Coordinate buprenorphine-naloxone induction');
    await consents
      .form()
      .getByLabel('The right to revoke this consent in writing is stated on the form')
      .check();
    await consents.field('How to revoke').fill('In writing to the clinic at any time');
    await consents.field('Expiry date').fill(dayOf(Date.now() + 180 * DAY));
    await consents.submit();
    await expect
      .poll(() => consents.fieldError('Recipient (name or class)').textContent())
      .toBe('Recipient (name or class) is required.');
    expect(await consents.field('Purpose of the disclosure').inputValue()).toBe(
      'Coordinate buprenorphine-naloxone induction',
    );
    await screenshot(page, 'consents-refused');
    expect(await axeViolations(page)).toEqual([]);

    await consents.field('Recipient (name or class)').fill('Dr. Odalys Fenwick, Yaquina Bay Family Medicine');
    await consents.submit();
    const recipient = 'Dr. Odalys Fenwick';
    await consents.item(recipient).waitFor();
    expect(await consents.badge(recipient).textContent()).toBe('Active');
    expect(await chart.tab('Consents').textContent()).toMatch(/^Consents 1/);
    await consents.item(recipient).getByText('All elements').click();
    expect(await consents.item(recipient).textContent()).toContain('In writing to the clinic at any time');
    await screenshot(page, 'consents');
    expect(await axeViolations(page)).toEqual([]);

    await consents.revoke(recipient, 'In writing', 'Letter received at the front desk');
    await expect.poll(() => consents.badge(recipient).textContent()).toMatch(/^Revoked /);
    expect(await consents.item(recipient).textContent()).toContain(
      '(in writing): Letter received at the front desk',
    );
    expect(await chart.tab('Consents').textContent()).toMatch(/^Consents 0/);
  });

  it('lists what was recorded on the timeline, newest first, each opening its tab; tabs work by keyboard', async () => {
    const { page } = app;
    await chart.openTab('Timeline');
    await expect.poll(() => chart.timelineEvents().count()).toBeGreaterThanOrEqual(8);
    const titles = (await chart.timelineEvents().allTextContents()).join('\n');
    for (const expected of [
      'Consent revoked: Single disclosure',
      'Consent recorded: Single disclosure',
      'Intake: Mental health history saved',
      'Intake: Kratom use saved',
      'Use log: ',
      'Client added',
    ]) {
      expect(titles).toContain(expected);
    }
    expect(await chart.timelineEvents().first().textContent()).toContain('Consent revoked');
    const times = await chart
      .panel('Timeline')
      .locator('time')
      .evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // One event per day of doses, with that day's count and total.
    expect(titles).toMatch(/Use log: 3 doses \(open Use log\) — 10\.0 g on /);
    expect(titles).toMatch(/Use log: 4 doses \(open Use log\) — 12\.0 g on /);
    expect(titles).toMatch(/Use log: 4 doses \(open Use log\) — 10\.0 g on /);

    await screenshot(page, 'chart-page');
    expect(await axeViolations(page)).toEqual([]);

    await chart
      .panel('Timeline')
      .getByRole('button', { name: /Intake: Kratom use saved/ })
      .click();
    expect(await chart.tab('Intake').getAttribute('aria-selected')).toBe('true');

    await chart.tab('Intake').focus();
    await page.keyboard.press('ArrowRight');
    expect(await chart.tab('Use log').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.keyboard.press('End');
    // The private SUD counselling notes tab is the last one.
    expect(await chart.tab('Private notes').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await chart.tab('Timeline').getAttribute('aria-selected')).toBe('true');
  });
  it('records that the event ending a consent happened: the consent is then expired, not revoked', async () => {
    const { page } = app;
    const recipient = 'Lincoln County Drug Court';
    await ipc(app.harness, 'consents.create', {
      clientId: client.id,
      consent: {
        type: 'single-disclosure',
        patientName: 'Theodora Quillon-Marsh',
        disclosingParty: CLINIC.clinicName,
        informationDescription: 'Attendance and urine drug screen results',
        recipient: `${recipient}, case coordinator`,
        recipientAddress: '',
        purpose: 'Compliance reports while in the programme',
        revocationRightExplained: true,
        howToRevoke: 'In writing to the clinic at any time',
        expiryKind: 'event',
        expiryDate: null,
        expiryEvent: 'Discharge from the programme',
        signedBy: 'patient',
        signerName: 'Theodora Quillon-Marsh',
        representativeAuthority: '',
        signedOn: daysAgo(10),
        redisclosureStatementIncluded: false,
        refusalConsequencesExplained: false,
      },
    });
    await page.reload();
    await chart.heading().waitFor();
    await chart.openTab('Consents');
    const consents = new ConsentsPage(page);
    await consents.item(recipient).waitFor();
    expect(await consents.badge(recipient).textContent()).toBe('Active');
    expect(await chart.tab('Consents').textContent()).toMatch(/^Consents 1/);

    await consents.startEndEvent(recipient, 'Discharge from the programme');
    await consents.endEventDate(recipient).fill(dayOf(Date.now() + 2 * DAY));
    await consents.submitEndEvent(recipient);
    await expect
      .poll(() => consents.endEventError(recipient).textContent())
      .toBe('The date it happened cannot be in the future.');
    expect(await consents.badge(recipient).textContent()).toBe('Active');
    await screenshot(page, 'consent-end-event');
    expect(await axeViolations(page)).toEqual([]);

    await consents.endEventDate(recipient).fill(daysAgo(1));
    await consents.submitEndEvent(recipient);
    await expect.poll(() => consents.badge(recipient).textContent()).toMatch(/^Expired /);
    const item = await consents.item(recipient).textContent();
    expect(item).toContain('Ends: Discharge from the programme');
    expect(item).toContain('The ending event happened on');
    expect(item).not.toContain('Revoked');
    expect(
      await consents
        .item(recipient)
        .getByRole('button', { name: /^Revoke/ })
        .count(),
    ).toBe(0);
    expect(await chart.tab('Consents').textContent()).toMatch(/^Consents 0/);
    // Still expired after a reload: it was saved.
    await page.reload();
    await chart.heading().waitFor();
    await chart.openTab('Consents');
    await expect.poll(() => consents.badge(recipient).textContent()).toMatch(/^Expired /);
  });

  it('reads a 3-day log of extract shots as a strong product whatever the intake says, and suggests no taper', async () => {
    const { page } = app;
    // Issue 8 items 1 and 2: the intake says leaf powder, the log says extract shots.
    const shots = await ipc(app.harness, 'clients.create', {
      client: aClient({
        legalFirstName: 'Thị Ánh',
        legalLastName: 'Nguyễn',
        nameOrder: 'family-first',
        preferredName: '',
        dateOfBirth: '1990-06-02',
        pronouns: '',
        phone: '',
        email: '',
        address: '',
        emergencyContact: { name: '', relationship: '', phone: '' },
        admissionDate: daysAgo(10),
      }),
    });
    await ipc(app.harness, 'intake.saveSection', {
      clientId: shots.id,
      save: {
        section: 'kratom',
        data: {
          productForms: ['leaf-powder'],
          productNotes: 'Says plain leaf powder',
          gramsPerDose: 2,
          dosesPerDay: 2,
          yearsOfUse: 2,
          lastDoseAtMs: null,
          wakesInWithdrawal: false,
          dosesOvernight: false,
          withdrawalDerailedQuitting: false,
          priorQuitAttempts: '',
        },
      },
    });
    const [d3, d2, d1] = [daysAgo(3), daysAgo(2), daysAgo(1)];
    for (const [date, time] of [
      [d3, '08:00'],
      [d3, '18:00'],
      [d2, '08:00'],
      [d2, '18:00'],
      [d1, '08:00'],
    ] as const) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [h, mi] = time.split(':').map(Number) as [number, number];
      await ipc(app.harness, 'useLog.add', {
        clientId: shots.id,
        entry: {
          takenAtMs: new Date(y, m - 1, d, h, mi).getTime(),
          product: 'Extract shot',
          form: 'extract',
          amount: 0.5,
          unit: 'g',
          trigger: null,
          symptomsBetweenDoses: '',
          note: '',
        },
      });
    }
    await chart.open(app.harness.url, shots.id);
    await chart.openTab('Use log');
    const log = new UseLogPage(page);
    await log.baseline().waitFor();
    // The last shot of the third day, logged by hand in millilitres: shots may be measured by volume.
    await log.field('Taken at').fill(`${d1}T18:00`);
    await log.field('Product').fill('Extract shot');
    await log.field('Form').selectOption({ label: 'Liquid shot' });
    await log.field('Unit').selectOption({ label: 'millilitres' });
    await log.field('Amount').fill('15');
    await log.field('Amount').press('Enter');
    await expect.poll(() => log.status().textContent()).toMatch(/^Dose saved: 15 ml/);
    // Leaf and capsules are weighed: the unit falls back to grams, with no millilitres offered.
    await log.field('Form').selectOption({ label: 'Leaf powder' });
    expect(await log.field('Unit').locator('option').allTextContents()).toEqual(['grams']);
    await log.field('Form').selectOption({ label: 'Liquid shot' });

    await expect.poll(() => log.strongForms().count()).toBe(1);
    expect(await log.strongForms().textContent()).toContain(
      'Strong products in the log: Extract, Liquid shot',
    );
    expect(await log.figure('mean-grams').textContent()).toBe('0 g');
    expect(await log.byFormRows().allInnerTexts()).toEqual(['Extracts\t1.7\t0.8 g', 'Shots\t0.3\t5 ml']);
    await screenshot(page, 'use-log-strong-forms');
    expect(await axeViolations(page)).toEqual([]);
    await expect
      .poll(() => chart.cautions().allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Use log: Extract, Liquid shot logged/)]));

    const loc = new LevelOfCarePage(page);
    await loc.open();
    expect(await loc.criterion('detox-potent').textContent()).toMatch(/^Met/);
    expect(await loc.criterion('detox-potent').textContent()).toContain(
      'Intake: Leaf powder. Use log: Extract, Liquid shot',
    );
    expect(await loc.criterion('taper-measurable').textContent()).toMatch(/^Not met/);
    // Nothing is suggested while the clinician's residential criteria are open — and never a taper.
    expect(await loc.suggestion().textContent()).toMatch(
      /^Not enough information to suggest a level — record: /,
    );
    expect(await loc.suggestion().textContent()).not.toContain('Clinician-guided taper');
    await screenshot(page, 'level-of-care-not-enough-information');
    expect(await axeViolations(page)).toEqual([]);
    for (const id of [
      'residential-environment',
      'residential-broader',
      'residential-mental-health',
      'residential-time-away',
    ]) {
      await loc.judge(id, 'No');
    }
    await loc.judge('taper-support', 'Yes');
    await expect.poll(() => loc.suggestion().textContent()).toContain('Medically supported detox');
  });
});
