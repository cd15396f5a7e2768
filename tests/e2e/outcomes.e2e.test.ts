import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredInstrumentId } from '../../shared/instruments/types';
import { addDays } from '../../shared/domain/measures';
import { aClient } from '../support/clients';
import { aRelapsePreventionPlan } from '../support/recoveryPlans';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { DAY, daysAgo } from './support/clock';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';

/**
 * Measurement-based care and follow-up after discharge (issue 15): a client becomes due, the measure is given and the
 * worklist clears; the chart shows the mark, the schedule and the response at a glance; a discharged client's 7-day
 * follow-up is recorded with the relapse-prevention plan open beside the call.
 */
describe('measures and follow-up', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
  });
  afterAll(async () => {
    await app?.close();
  });

  const give = (clientId: string, instrumentId: ScoredInstrumentId, answers: number[], atMs: number) =>
    ipc(app.harness, 'assessments.save', {
      clientId,
      id: null,
      assessment: {
        instrumentId,
        answers,
        context: { sex: 'female', underMedicalSupervision: null },
        lastDoseAtMs: null,
        timePoint: null,
        administeredAtMs: atMs,
        notes: '',
      },
    });

  it('lists a new client as due, marks the chart, and clears as the measures are given', async () => {
    const { page, harness } = app;
    const anh = await ipc(harness, 'clients.create', {
      client: aClient({
        legalFirstName: 'Ánh',
        legalLastName: 'Nguyễn Thị',
        preferredName: '',
        admissionDate: daysAgo(0),
      }),
    });
    await page.goto(`${harness.origin}/?t=${harness.token}#/assessments`);
    const due = page.getByRole('region', { name: /Measures due today or overdue/ });
    const rowsOf = async () =>
      (await due.getByRole('row').allTextContents()).filter((t) => t.includes('Nguyễn Thị, Ánh'));
    await due
      .getByRole('link', { name: /Nguyễn Thị, Ánh/ })
      .first()
      .waitFor();
    const rows = await rowsOf();
    expect(rows.map((r) => r.match(/PHQ-9|GAD-7|AUDIT-C/)?.[0])).toEqual(['PHQ-9', 'GAD-7', 'AUDIT-C']);
    expect(rows.every((r) => r.includes('Due today') && r.includes('At intake'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outcomes-due-measures-worklist');

    // The chart carries the mark; the client's schedule is changed there: no AUDIT-C for this client.
    await due
      .getByRole('link', { name: /Nguyễn Thị, Ánh/ })
      .first()
      .click();
    const measuresTab = page.getByRole('tab', { name: /Measures 3/ });
    await measuresTab.click();
    const dueTable = page.getByRole('table', { name: 'Due measures' });
    await dueTable.getByRole('cell', { name: 'AUDIT-C' }).waitFor();
    await page.getByRole('button', { name: /Change this client's schedule/ }).click();
    await page.getByLabel('AUDIT-C at intake').uncheck();
    await page.getByLabel('Repeat PHQ-9 every (days)').fill('3');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByText('Repeat at most once a week.').waitFor();
    await page.getByLabel('Repeat PHQ-9 every (days)').fill('14');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByRole('button', { name: /Change this client's schedule/ }).waitFor();
    expect(await dueTable.getByRole('cell', { name: 'AUDIT-C' }).count()).toBe(0);
    await page.getByRole('tab', { name: /Measures 2/ }).waitFor();

    // The PHQ-9 is given: it leaves the worklist, due again 14 days on; the GAD-7 stays until it is given too.
    await give(anh.id, 'phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0], Date.now() - 60_000);
    await page.goto(`${harness.origin}/?t=${harness.token}#/assessments`);
    await due
      .getByRole('link', { name: /Nguyễn Thị, Ánh/ })
      .first()
      .waitFor();
    expect((await rowsOf()).map((r) => r.match(/PHQ-9|GAD-7|AUDIT-C/)?.[0])).toEqual(['GAD-7']);
    await give(anh.id, 'gad7', [1, 1, 1, 2, 2, 0, 0], Date.now() - 30_000);
    await page.reload();
    await page.getByRole('region', { name: /Open red-flag alerts/ }).waitFor();
    await due.waitFor();
    expect(await rowsOf()).toEqual([]);

    await page.goto(`${harness.origin}/?t=${harness.token}#/clients/${anh.id}`);
    await page.getByRole('tab', { name: 'Measures' }).click();
    const phq = page.getByRole('table', { name: 'Due measures' }).getByRole('row', { name: /PHQ-9/ });
    expect(await phq.textContent()).toContain('Upcoming');
    expect(await page.getByRole('tab', { name: /Measures \d/ }).count()).toBe(0);
  });

  it('shows response at a glance on the chart', async () => {
    const { page, harness } = app;
    const celi = await ipc(harness, 'clients.create', {
      client: aClient({
        legalFirstName: 'Siobhán',
        legalLastName: 'O’Brien',
        preferredName: '',
        admissionDate: daysAgo(70),
      }),
    });
    const phq9 = [
      [3, 3, 3, 3, 3, 2, 1, 0, 0],
      [2, 2, 2, 2, 1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0, 0, 0, 0, 0],
    ];
    for (const [i, answers] of phq9.entries())
      await give(celi.id, 'phq9', answers, Date.now() - (60 - i * 25) * DAY);
    for (const [i, answers] of [
      [2, 2, 1, 1, 1, 1, 1],
      [2, 2, 2, 1, 1, 1, 1],
      [2, 2, 2, 2, 1, 1, 1],
    ].entries())
      await give(celi.id, 'gad7', answers, Date.now() - (60 - i * 25) * DAY);
    await page.goto(`${harness.origin}/?t=${harness.token}#/clients/${celi.id}`);
    await page.getByRole('tab', { name: /Measures/ }).click();
    const glance = page.getByRole('table', { name: 'Response at a glance' });
    const phqRow = glance.getByRole('row', { name: /PHQ-9/ });
    await phqRow.waitFor();
    expect(await phqRow.textContent()).toMatch(/^PHQ-918.*3.*-15.*3Remission\s*Response$/);
    expect(await glance.getByRole('row', { name: /GAD-7/ }).textContent()).toContain('Not improving');
    expect(await page.getByText('Days in care').locator('..').textContent()).toContain('70');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outcomes-chart-measures');
  });

  it("records a discharged client's 7-day follow-up with the relapse-prevention plan beside the call", async () => {
    const { page, harness } = app;
    const client = await ipc(harness, 'clients.create', {
      client: aClient({
        legalFirstName: 'Łucja',
        legalLastName: 'Đặng',
        preferredName: '',
        admissionDate: daysAgo(40),
      }),
    });
    const draft = await ipc(harness, 'recoveryPlans.startDraft', {
      clientId: client.id,
      kind: 'relapse-prevention',
    });
    const saved = await ipc(harness, 'recoveryPlans.saveDraft', {
      id: draft.id,
      expectedUpdatedAtMs: draft.updatedAtMs,
      content: {
        kind: 'relapse-prevention',
        plan: aRelapsePreventionPlan({ reviewDate: addDays(daysAgo(0), 60) }),
      },
    });
    await ipc(harness, 'recoveryPlans.sign', { id: saved.id, passphrase: CLINIC.passphrase });
    const {
      id: _i,
      assignedClinicianName: _n,
      createdAtMs: _c,
      updatedAtMs: _u,
      discharge: _d,
      ...rest
    } = client;
    await ipc(harness, 'clients.update', {
      id: client.id,
      client: { ...rest, status: 'discharged', discharge: { dischargedOn: daysAgo(7), type: 'completed' } },
    });

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Follow-up' }).click();
    const list = page.getByRole('region', { name: /Follow-up contacts/ });
    const row = list.getByRole('row', { name: /Đặng, Łucja/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Due today.*7-day.*\(541\) 555-0110.*completed/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outcomes-follow-up-worklist');

    await row.getByRole('button', { name: /Record contact: 7-day follow-up/ }).click();
    await page.getByRole('button', { name: 'Show the relapse-prevention plan' }).click();
    await page.getByText('I take the Oak Street route instead', { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'Record a follow-up contact' });
    await form
      .getByRole('group', { name: 'Using since discharge' })
      .getByLabel('Not using', { exact: true })
      .check();
    await form
      .getByRole('group', { name: 'Aftercare' })
      .getByLabel('Engaged in aftercare', { exact: true })
      .check();
    await form.getByLabel('Re-admission offered').check();
    await form.getByLabel('Note').fill('Going to SMART Recovery on Tuesdays; sleeping better.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outcomes-follow-up-call');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '7-day follow-up recorded for Đặng, Łucja: Reached.' })
      .waitFor();
    await list.getByText('No follow-up contact is due this week.').waitFor();

    await page.goto(`${harness.origin}/?t=${harness.token}#/clients/${client.id}`);
    const event = page.getByText('7-day follow-up: Reached');
    await event.waitFor();
    expect(await event.locator('..').textContent()).toContain(
      'Not using; Engaged in aftercare; re-admission offered',
    );
  });

  it('shows the practice outcomes with charts, and writes the PDF and the CSV', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Outcomes' }).click();
    const figures = page.getByRole('region', { name: /All clinicians:/ });
    await figures.waitFor();
    // Three clients so far in this file: Nguyễn Thị (admitted today), O’Brien (70 days ago), Đặng (discharged).
    expect(await figures.getByText('Clients in care').locator('..').textContent()).toContain('3');
    expect(await figures.getByText('Discharges', { exact: true }).locator('..').textContent()).toContain('1');
    await page.getByRole('figure', { name: 'Discharges by type' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outcomes-page');

    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /CSV written to .*practice-outcomes-.*\.csv/ })
      .waitFor();
    await page.getByRole('button', { name: 'Print outcomes PDF' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /PDF written to/ })
      .waitFor();

    // A period that ends before it starts is refused beside the field.
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-12-01');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-11-01');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('The period ends before it starts.').waitFor();
  });

  it('re-admits a discharged client with a re-admission date, starting a new episode', async () => {
    const { page, harness } = app;
    const input = aClient({
      legalFirstName: 'Ciarán',
      legalLastName: 'Ó Súilleabháin',
      preferredName: '',
      admissionDate: daysAgo(60),
    });
    const ciaran = await ipc(harness, 'clients.create', { client: input });
    await give(ciaran.id, 'phq9', [2, 2, 2, 2, 2, 2, 2, 2, 0], Date.now() - 50 * DAY);
    await give(ciaran.id, 'gad7', [2, 2, 2, 2, 2, 2, 2], Date.now() - 50 * DAY);
    await give(ciaran.id, 'auditc', [1, 0, 0], Date.now() - 50 * DAY);
    await ipc(harness, 'clients.update', {
      id: ciaran.id,
      client: {
        ...input,
        status: 'discharged',
        discharge: { dischargedOn: daysAgo(10), type: 'lost-contact' },
      },
    });

    await page.goto(`${harness.origin}/?t=${harness.token}#/clients/${ciaran.id}/edit`);
    const care = page.getByRole('group', { name: 'Care', exact: true });
    await care.getByLabel('Admission date', { exact: true }).waitFor();
    await care.getByLabel('Status', { exact: true }).selectOption({ label: 'Active' });
    // Back from Discharged: the field asks for the re-admission date, today filled in, and says why.
    const readmission = care.getByLabel('Re-admission date', { exact: true });
    expect(await readmission.inputValue()).toBe(daysAgo(0));
    await care.getByText(/on or after their discharge on .*A new episode of care starts on it/).waitFor();
    await screenshot(page, 'outcomes-readmission-form');

    // The old admission date would reopen the old episode: refused beside the field.
    await readmission.fill(daysAgo(20));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await care
      .locator('.field', { has: page.getByLabel('Re-admission date', { exact: true }) })
      .locator('.field__error')
      .filter({ hasText: /^To re-admit the client, .* on or after their discharge on / })
      .waitFor();

    await readmission.fill(daysAgo(0));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`#/clients/${ciaran.id}$`));
    // A new episode: the intake measures are due again today, the old scores notwithstanding.
    await page.goto(`${harness.origin}/?t=${harness.token}#/assessments`);
    const due = page.getByRole('region', { name: /Measures due today or overdue/ });
    await due
      .getByRole('link', { name: /Ó Súilleabháin, Ciarán/ })
      .first()
      .waitFor();
    const rows = (await due.getByRole('row').allTextContents()).filter((t) => t.includes('Ó Súilleabháin'));
    expect(rows.map((r) => r.match(/PHQ-9|GAD-7|AUDIT-C/)?.[0])).toEqual(['PHQ-9', 'GAD-7', 'AUDIT-C']);
    expect(rows.every((r) => r.includes('At intake'))).toBe(true);

    // The chart counts the new episode and keeps the earlier one with its own scores.
    await page.goto(`${harness.origin}/?t=${harness.token}#/clients/${ciaran.id}`);
    await page.getByRole('tab', { name: /Measures/ }).click();
    await page.getByText(/^Episode of care 2, since /).waitFor();
    const earlier = page.getByRole('table', { name: 'Earlier episodes of care' });
    const row = earlier.getByRole('row', { name: /Lost contact/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).slice(2)).toEqual(['Lost contact', '16', '14']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outcomes-earlier-episodes');
  });
});
