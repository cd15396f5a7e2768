/**
 * The taper in Chromium, by keyboard: a plan refused beside its field (a cut over 20 %, then an extract) and then
 * saved, a week of doses logged, plan versus actual with the day over plan and the day with an extract marked, a
 * step held (a new version, the old one kept), and the schedule printed for the client and read back from the PDF.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { ipc, setUpPracticeThroughUi } from './support/practice';
import { ChartPage } from './pages/ChartPage';
import { TaperPage } from './pages/TaperPage';
import { daysAgo, localMs } from './support/clock';

/** Local time `hour`:00 on the day `n` days ago. */
const atDaysAgo = (n: number, hour: number) => localMs(daysAgo(n), `${String(hour).padStart(2, '0')}:00`);

describe('taper', () => {
  let app: AppUnderTest;
  let client: Client;
  let chart: ChartPage;
  let taper: TaperPage;

  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
    client = await ipc(app.harness, 'clients.create', {
      client: {
        legalFirstName: 'Siobhán',
        legalLastName: 'O’Brien-Łukasiewicz',
        nameOrder: 'given-first',
        preferredName: '',
        dateOfBirth: '1983-07-21',
        pronouns: 'she/her',
        sex: 'female',
        chartNumber: null,
        phone: '(541) 555-0177',
        email: '',
        address: '9 Heron Way, Florence, OR 97439',
        emergencyContact: { name: 'Aoife O’Brien', relationship: 'sister', phone: '(541) 555-0178' },
        admissionDate: daysAgo(21),
        status: 'active',
        discharge: null,
        assignedClinicianId: null,
      },
    });
    chart = new ChartPage(app.page);
    taper = new TaperPage(app.page);
    await chart.open(app.harness.url, client.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('plans a taper by keyboard, refusing a cut over 20 % beside its field', async () => {
    const { page } = app;
    await chart.openTab('Taper');
    const form = 'Plan a taper';
    await taper.field(form, 'Product').waitFor();
    // The first field has focus: type through the form with Tab.
    await page.keyboard.type('Green Maeng Da powder (Riverside Botanicals)');
    await page.keyboard.press('Tab'); // Product form (leaf powder already chosen)
    await page.keyboard.press('Tab');
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await taper.field(form, 'Cut per step (%)').fill('25');
    await taper.field(form, 'Start date').fill(daysAgo(7));
    await taper.field(form, 'Start date').press('Enter');
    await expect.poll(() => taper.fieldError(form, 'Cut per step (%)').textContent()).toMatch(/10–20 %/);
    expect(await taper.field(form, 'Cut per step (%)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'taper-plan-form');
    // A taper is never built on an extract (CLINICAL.md §1.5): refused beside the product form, not only warned.
    await taper.field(form, 'Cut per step (%)').fill('10');
    await taper.field(form, 'Product form').selectOption('extract');
    await taper.field(form, 'Cut per step (%)').press('Enter');
    await expect
      .poll(() => taper.fieldError(form, 'Product form').textContent())
      .toMatch(/never built on an extract, shot or 7-OH product.*medically supported detox/);
    expect(await taper.field(form, 'Product form').getAttribute('aria-invalid')).toBe('true');
    // Said once, beside the field: the note that stood before saving gives way to the refusal.
    expect(await page.locator('.taper-warning').count()).toBe(0);
    expect(await taper.saved().count()).toBe(0);
    await screenshot(page, 'taper-plan-extract-refused');
    // Nothing typed is lost: back to the leaf powder, and save.
    await taper.field(form, 'Product form').selectOption('leaf-powder');
    await taper.field(form, 'Cut per step (%)').press('Enter');
    await expect.poll(() => taper.saved().textContent()).toBe('Taper planned: version 1 saved.');
    expect(await taper.fact('Today').textContent()).toBe('7.2 g a day');
    expect(await taper.stepRows().first().textContent()).toContain('8 g');
  });

  it('shows a logged week against the plan, the day over plan and the day with an extract marked', async () => {
    for (let n = 7; n >= 1; n -= 1) {
      const morning = n === 5 ? 4.5 : 4;
      await ipc(app.harness, 'useLog.add', { clientId: client.id, entry: dose(atDaysAgo(n, 9), morning) });
      await ipc(app.harness, 'useLog.add', { clientId: client.id, entry: dose(atDaysAgo(n, 20), 4) });
    }
    await ipc(app.harness, 'useLog.add', {
      clientId: client.id,
      entry: { ...dose(atDaysAgo(3, 22), 0.5), form: 'extract', product: 'Kratom extract tablets' },
    });
    // The tab reads again when shown.
    await chart.openTab('Timeline');
    await chart.openTab('Taper');
    await taper.chart().waitFor();
    await expect.poll(() => taper.loggedBars().count()).toBe(7);
    expect(await taper.overPlanBars().count()).toBe(1);
    expect(await taper.strongMarks().count()).toBe(1);
    const rows = taper.planRows();
    expect(await rows.count()).toBe(8);
    // Newest first: today (nothing logged yet), then yesterday.
    expect(await rows.nth(0).textContent()).toContain('Not logged');
    expect(await rows.nth(5).textContent()).toContain('Over plan by 0.5 g');
    expect(await rows.nth(3).textContent()).toContain('Strong form: Extract 0.5 g (1 dose)');
    expect(await rows.nth(3).textContent()).toContain('Within plan');
    expect(await axeViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'taper-plan-versus-actual');
  });

  it('holds the step as a new version, keeping the old one', async () => {
    const { page } = app;
    const before = await taper.stepRows().nth(2).locator('th').textContent();
    await taper.button('Hold this step').click();
    const form = 'Hold this step';
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('inputmode')))
      .toBe('numeric');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sweats and poor sleep since the cut to 7.2 g');
    await taper.field(form, 'Hold for (days)').press('Enter');
    await expect.poll(() => taper.saved().textContent()).toBe('Step held: version 2 saved.');
    expect(await taper.versions().count()).toBe(2);
    expect(await taper.versions().nth(0).textContent()).toContain('Version 2: Step held');
    expect(await taper.versions().nth(0).textContent()).toContain('held 3 days');
    expect(await taper.versions().nth(1).textContent()).toContain('Version 1: Taper planned');
    expect(await taper.stepRows().nth(2).locator('th').textContent()).not.toBe(before);
    await screenshot(page, 'taper-tab');
  });

  it('prints the schedule for the client', async () => {
    await taper.button('Print taper schedule').click();
    await taper.printedPath().waitFor();
    const file = (await taper.printedPath().textContent()) ?? '';
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Your taper schedule');
    expect(text).toContain('Green Maeng Da powder (Riverside Botanicals)');
    // A full name is written in the client's own order (issue 9 item 1), not "Family, Given" as in lists.
    expect(text).toContain('Siobhán O’Brien-Łukasiewicz');
    expect(text).toMatch(/7\.2 ?g/);
    expect(text).toContain('Never switch to extracts');
    expect(text).toContain('988');
    expect(text).toContain('42 CFR part 2');
    const audit = await ipc(app.harness, 'audit.list', { limit: 5, beforeId: null });
    expect(audit.some((e) => e.action === 'print' && e.entity === 'taper')).toBe(true);
  });
});

function dose(takenAtMs: number, amount: number) {
  return {
    takenAtMs,
    product: 'Green Maeng Da powder (Riverside Botanicals)',
    form: 'leaf-powder' as const,
    amount,
    unit: 'g' as const,
    trigger: null,
    symptomsBetweenDoses: '',
    note: '',
  };
}
