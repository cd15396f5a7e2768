/**
 * A clinician's first day (issue 9, items 1, 6 and 9): setup errors all at once, the empty Overview, names from
 * everywhere found and sorted, discharge through Edit details, the timeline and recent activity, and the lock
 * screen's wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientInput } from '../../shared/domain/clients';
import { listName } from '../../shared/domain/names';
import { ChartPage } from './pages/ChartPage';
import { ClientFormPage } from './pages/ClientFormPage';
import { ClientListPage } from './pages/ClientListPage';
import { FramePage } from './pages/FramePage';
import { IntakePage } from './pages/IntakePage';
import { LockPage } from './pages/LockPage';
import { QuickFindPage } from './pages/QuickFindPage';
import { SetupPage } from './pages/SetupPage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc } from './support/practice';
import { aClient } from '../support/clients';

const PEOPLE: Array<Partial<ClientInput>> = [
  { legalFirstName: 'Văn Minh', legalLastName: 'Đặng', nameOrder: 'family-first' },
  { legalFirstName: 'Zofia', legalLastName: 'Łukasiewicz' },
  { legalFirstName: 'Emre', legalLastName: 'Yılmaz' },
  { legalFirstName: 'Lars', legalLastName: 'Øberg' },
  { legalFirstName: 'Siobhan', legalLastName: 'O’Brien' },
  { legalFirstName: 'Chidi', legalLastName: 'Okafor' },
  { legalFirstName: 'Thị Ánh', legalLastName: 'Nguyễn', nameOrder: 'family-first' },
  { legalFirstName: 'Min', legalLastName: 'Lee' },
  { legalFirstName: 'Wei', legalLastName: 'Zhou' },
  { legalFirstName: 'Anh', legalLastName: 'Dang' },
];

describe('first day: setup, names, discharge and the lock screen', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows every setup error at once and refuses a username that breaks the rule', async () => {
    const { page, harness } = app;
    await page.goto(harness.url);
    const setup = new SetupPage(page);
    await setup.heading().waitFor();
    await setup.fill({
      ...CLINIC,
      clinicName: '',
      username: 'TOkonkwo',
      passphrase: 'short',
      confirm: 'something else',
    });
    await setup.submit();
    await expect.poll(() => setup.fieldError('Clinic name').textContent()).toMatch(/required/);
    expect(await setup.fieldError('Username').textContent()).toMatch(/no capitals/);
    expect(await setup.fieldError('Passphrase').textContent()).toMatch(/at least 12 characters/);
    expect(await setup.fieldError('Passphrase again').textContent()).toMatch(/differ/);
    // Refused, not rewritten: the username is still as typed.
    expect(await page.getByLabel('Username').inputValue()).toBe('TOkonkwo');
    await screenshot(page, 'setup-errors');
    expect(await axeViolations(page)).toEqual([]);

    await setup.fill(CLINIC);
    await setup.submit();
    await setup.recoveryKey().waitFor();
    // Each group of the recovery key is one unbroken line of text.
    const groups = setup.recoveryKey().locator('.recovery__group');
    expect(await groups.count()).toBe(6);
    const linesPerGroup = await groups.evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el.firstChild ?? el);
        return range.getClientRects().length;
      }),
    );
    expect(linesPerGroup).toEqual([1, 1, 1, 1, 1, 1]);
    await screenshot(page, 'recovery-key-groups');
    await setup.acknowledgeRecoveryKey();
    await new FramePage(page).signedInUser().waitFor();
  });

  it('offers "Add your first client" on an empty Overview, with the one Add client button', async () => {
    const { page } = app;
    const empty = page.getByRole('region', { name: 'Add your first client' });
    await empty.waitFor();
    await screenshot(page, 'overview-empty');
    expect(await axeViolations(page)).toEqual([]);
    await empty.getByRole('button', { name: 'Add client' }).click();
    await new ClientFormPage(page).heading('New client').waitFor();
  });

  it('sorts names from everywhere as a collator does and finds "dang" in the list and in quick find', async () => {
    const { page, harness } = app;
    for (const p of PEOPLE) {
      await ipc(harness, 'clients.create', { client: aClient({ preferredName: '', ...p }) });
    }
    const list = new ClientListPage(page);
    await list.open();
    await list.waitForRange(`1–${PEOPLE.length} of ${PEOPLE.length}`);
    const collator = new Intl.Collator('en');
    const expected = PEOPLE.map((p) =>
      listName({ legalFirstName: p.legalFirstName ?? '', legalLastName: p.legalLastName ?? '' }),
    ).sort(collator.compare);
    expect(await list.names()).toEqual(expected);
    await screenshot(page, 'client-list-names');
    await list.sortButton('Name').click();
    await expect.poll(() => list.names()).toEqual([...expected].reverse());
    await list.sortButton('Name').click();
    await expect.poll(() => list.names()).toEqual(expected);

    await list.search().fill('dang');
    await expect.poll(() => list.names()).toEqual(['Dang, Anh', 'Đặng, Văn Minh']);
    await list.search().fill('obrien');
    await expect.poll(() => list.names()).toEqual(['O’Brien, Siobhan']);
    await list.search().fill('');
    await list.waitForRange(`1–${PEOPLE.length} of ${PEOPLE.length}`);

    const quick = new QuickFindPage(page);
    await quick.openWithShortcut();
    await quick.input().fill('dang');
    await expect
      .poll(async () => (await quick.options().allTextContents()).some((t) => t.includes('Đặng, Văn Minh')))
      .toBe(true);
    await screenshot(page, 'quick-find-dang');
    await quick.options().filter({ hasText: 'Đặng, Văn Minh' }).click();
    const chart = new ChartPage(page);
    // The chart header writes the name in the client's own order, family name first.
    await expect.poll(() => chart.heading().textContent()).toBe('Đặng Văn Minh');
  });

  it('discharges through Edit details only with a date and a type, shown on the timeline', async () => {
    const { page } = app;
    const chart = new ChartPage(page);
    await chart.editButton().click();
    const form = new ClientFormPage(page);
    await form.heading('Edit client').waitFor();
    await form.fill({ status: 'Discharged' });
    await form.field('dischargedOn').waitFor();
    await form.submit();
    await expect.poll(() => form.fieldError('dischargedOn').textContent()).toMatch(/discharge date/);
    await screenshot(page, 'client-form-discharge');
    expect(await axeViolations(page)).toEqual([]);
    const today = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await form.fill({ dischargedOn: today });
    await form.submit();
    await expect.poll(() => form.fieldError('dischargeType').textContent()).toMatch(/how the client left/);
    await form.fill({ dischargeType: 'Transferred' });
    await form.submit();
    await expect.poll(() => chart.heading().textContent()).toBe('Đặng Văn Minh');
    await expect.poll(() => chart.fact('Status').textContent()).toBe('Discharged');
    await expect
      .poll(async () => (await chart.timelineEvents().allTextContents()).join('\n'))
      .toMatch(/Discharged: Transferred/);
    // The date column never wraps: every date is one line.
    const lines = await chart
      .panel('Timeline')
      .locator('.timeline__when')
      .evaluateAll((els) => els.map((el) => el.getClientRects().length));
    expect(lines.every((n) => n === 1)).toBe(true);
    await screenshot(page, 'timeline-discharged');
    expect(await axeViolations(page)).toEqual([]);

    // The intake's "Last dose" holds a date and "08:30 AM": twice as wide as a number field.
    await chart.openTab('Intake');
    const intake = new IntakePage(page);
    await intake.sectionHeading('Kratom use').waitFor();
    await intake.field('Last dose').fill(`${today}T08:30`);
    const width = async (label: string) => (await intake.field(label).boundingBox())?.width ?? 0;
    expect(await width('Last dose')).toBeGreaterThan(1.8 * (await width('Years of use')));
    await screenshot(page, 'intake-last-dose');
  });

  it('names the client in Overview’s recent activity', async () => {
    const { page } = app;
    const frame = new FramePage(page);
    await frame.nav('Overview').click();
    const activity = page.getByRole('region', { name: 'Recent activity' });
    await expect
      .poll(async () => (await activity.locator('tbody tr').allTextContents()).join('\n'))
      .toMatch(/Recorded the discharge in client record.*Đặng, Văn Minh/);
    expect(await page.getByRole('region', { name: 'Add your first client' }).count()).toBe(0);
    await screenshot(page, 'overview-activity');
  });

  it('says on the lock screen how long to wait after wrong passphrases', async () => {
    const { page } = app;
    const frame = new FramePage(page);
    await frame.lock();
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    const wait = page.locator('.lock__wait');
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('button', { name: 'Unlock' }).waitFor({ timeout: 20_000 });
      await lock.unlock('not the passphrase at all');
      await expect.poll(() => wait.textContent()).toMatch(/wait \d+ seconds?/);
    }
    // The third wrong try waits 4 s (1, 2, 4: the wait doubles).
    expect(await wait.textContent()).toMatch(/wait [34] seconds/);
    await screenshot(page, 'lock-wait');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Unlock' }).waitFor({ timeout: 20_000 });
    expect(await wait.textContent()).toBe('');
    await lock.unlock(CLINIC.passphrase);
    await frame.signedInUser().waitFor();
  });
});
