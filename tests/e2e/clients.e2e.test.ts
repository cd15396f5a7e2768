/**
 * The client list, the client form and quick find, in Chromium against the harness. One practice for the file:
 * the tests run in order and build on each other (the form's client is found by the list and by quick find).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientInput, ClientStatus } from '../../shared/domain/clients';
import { listName } from '../../shared/domain/names';
import { localDate } from '../../shared/domain/common';
import { CLIENT_NAME_MAX, clientDisplayName } from '../../shared/domain/clients';
import { ClientFormPage } from './pages/ClientFormPage';
import { ClientListPage } from './pages/ClientListPage';
import { LockPage } from './pages/LockPage';
import { QuickFindPage } from './pages/QuickFindPage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';

const JOSE = {
  legalFirstName: 'José',
  legalLastName: 'Núñez',
  preferredName: 'Pepe',
  dateOfBirth: '1979-02-28',
  pronouns: 'he/him',
  sex: 'Male',
  phone: '(503) 555-0134',
  email: 'jose.nunez@example.org',
  address: '9 Larch Court, Salem, OR 97301',
  emergencyName: 'Inés Núñez',
  emergencyRelationship: 'sister',
  emergencyPhone: '(503) 555-0135',
} as const;
const JOSE_LISTED = 'Núñez, José (Pepe)';

const FIRST = ['Amara', 'Bastien', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ikaika', 'Jorunn'];
const LAST = [
  'Ahlberg',
  'Brannigan',
  'Castellanos',
  'Dąbrowski',
  'Eriksen',
  'Fonseca',
  'Gallagher',
  'Haddad',
];
const SECOND_CLINICIAN = 'Marisol Quintero-Vance';

/** The order the server's collation key must give: Intl.Collator over "Family, Given" (shared/domain/names.ts). */
const collator = new Intl.Collator('en');
const byName = (a: ClientInput, b: ClientInput) => collator.compare(listName(a), listName(b));
const isoDaysAgo = (days: number) => localDate(Date.now() - days * 86_400_000);
/** Today where the browser is: openApp gives it this process's time zone, so the two agree across midnight. */
const browserToday = () => localDate(Date.now());

/** 60 invented clients: every 8th discharged, every 5th on hold, odd ones with the second clinician. */
function seededClients(clinicians: { me: string; other: string }): ClientInput[] {
  return Array.from({ length: 60 }, (_, i) => {
    const status: ClientStatus = i % 8 === 0 ? 'discharged' : i % 5 === 1 ? 'on-hold' : 'active';
    const first = FIRST[i % FIRST.length] ?? '';
    const last = LAST[(i + 3 * Math.floor(i / FIRST.length)) % LAST.length] ?? '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      legalFirstName: first,
      legalLastName: last,
      nameOrder: 'given-first',
      preferredName: '',
      dateOfBirth: `${1950 + ((i * 7) % 50)}-${pad(1 + ((i * 5) % 12))}-${pad(1 + ((i * 11) % 28))}`,
      pronouns: '',
      sex: i % 3 === 0 ? 'female' : i % 3 === 1 ? 'male' : 'not-recorded',
      chartNumber: null,
      phone: `(541) 555-${String(200 + i).padStart(4, '0')}`,
      email: '',
      address: '',
      emergencyContact: { name: '', relationship: '', phone: '' },
      admissionDate: isoDaysAgo(2 + i * 3),
      status,
      discharge: status === 'discharged' ? { dischargedOn: isoDaysAgo(1), type: 'completed' } : null,
      assignedClinicianId: i % 2 === 0 ? clinicians.me : clinicians.other,
      documentLanguage: i % 4 === 2 ? 'es' : 'en',
      interpreterNeeded: i % 8 === 2,
    };
  });
}

describe('clients: list, form and quick find', () => {
  let app: AppUnderTest;
  let seeded: ClientInput[] = [];
  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a client through the form, with accents intact', async () => {
    const { page, harness } = app;
    const list = new ClientListPage(page);
    await list.open();
    await list.emptyState('No clients yet').waitFor();
    await screenshot(page, 'client-list-empty');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add client' }).click();
    const form = new ClientFormPage(page);
    await form.heading().waitFor();
    await form.field('legalFirstName').waitFor();
    // Defaults: the next chart number, admitted today, active, with the signed-in clinician.
    expect(await form.field('chartNumber').inputValue()).toBe('C-000001');
    expect(await form.field('admissionDate').inputValue()).toBe(browserToday());
    expect(await form.field('status').inputValue()).toBe('active');
    const clinician = await form
      .field('assignedClinician')
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
    expect(clinician).toBe(`${CLINIC.fullName}, ${CLINIC.credentials}`);

    await form.fill(JOSE);
    await screenshot(page, 'client-form');
    expect(await axeViolations(page)).toEqual([]);
    await form.submit();

    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/clients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Núñez/ }).waitFor();
    const [saved] = await ipc(harness, 'clients.quickFind', { search: 'nunez', limit: 5 });
    expect(saved).toMatchObject({
      legalFirstName: 'José',
      legalLastName: 'Núñez',
      preferredName: 'Pepe',
      dateOfBirth: '1979-02-28',
      chartNumber: 'C-000001',
      status: 'active',
      assignedClinicianName: CLINIC.fullName,
    });
  });

  it('refuses invalid input beside the field and keeps everything typed', async () => {
    const { page, harness } = app;
    const list = new ClientListPage(page);
    await list.open();
    await list.newClientButton().click();
    const form = new ClientFormPage(page);
    await form.field('legalFirstName').waitFor();

    await form.fill({ legalFirstName: 'Wren', legalLastName: 'Abernathy', dateOfBirth: '2099-01-01' });
    await form.submit();
    await expect
      .poll(() => form.fieldError('dateOfBirth').textContent())
      .toBe('The date of birth cannot be in the future.');
    expect(await form.field('dateOfBirth').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await form.field('legalFirstName').inputValue()).toBe('Wren');
    expect(await form.field('dateOfBirth').inputValue()).toBe('2099-01-01');
    expect(await form.formError().count()).toBe(0);
    await screenshot(page, 'client-form-error');
    expect(await axeViolations(page)).toEqual([]);

    // A paste longer than a name may be: the page stops at the server's limit (no 10 MB in an input to lay out on
    // every frame), and the server refuses a 10 MB name on its own, beside the field.
    await form.fill({ dateOfBirth: '1990-06-01', legalFirstName: 'Wren'.repeat(60) });
    expect(await form.field('legalFirstName').inputValue()).toBe('Wren'.repeat(60).slice(0, CLIENT_NAME_MAX));
    expect(await form.field('legalLastName').inputValue()).toBe('Abernathy');
    const tooLong = await fetch(`${harness.origin}/__ipc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Clearleaf-Token': harness.token },
      body: JSON.stringify({
        channel: 'clients.create',
        input: {
          client: {
            ...seededClients({ me: 'nobody', other: 'nobody' })[0],
            assignedClinicianId: null,
            legalFirstName: 'Wren'.repeat((10 * 1024 * 1024) / 4),
          },
        },
      }),
    }).then(
      (r) =>
        r.json() as Promise<{
          ok: boolean;
          error?: { code: string; fields: Array<{ path: string; message: string }> };
        }>,
    );
    expect(tooLong.ok).toBe(false);
    expect(tooLong.error?.code).toBe('INVALID_INPUT');
    expect(
      tooLong.error?.fields.some((f) => f.path.endsWith('legalFirstName') && /at most 100/.test(f.message)),
    ).toBe(true);

    const all = await ipc(harness, 'clients.list', {
      search: '',
      statuses: [],
      clinicianId: null,
      sort: { column: 'name', direction: 'asc' },
      page: 0,
      pageSize: 10,
    });
    expect(all.total).toBe(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await list.heading().waitFor();
  });

  it('searches, sorts, filters and pages the list in SQL', async () => {
    const { page, harness } = app;
    const [me] = await ipc(harness, 'users.list', {});
    const other = await ipc(harness, 'users.create', {
      user: {
        displayName: SECOND_CLINICIAN,
        credentials: 'LCSW',
        role: 'clinician',
        username: 'mquintero',
        passphrase: 'copper kettle lantern moss',
      },
      currentPassphrase: CLINIC.passphrase,
    });
    seeded = seededClients({ me: me?.id ?? '', other: other.id });
    for (const client of seeded) await ipc(harness, 'clients.create', { client });

    const inCare = seeded.filter((c) => c.status !== 'discharged');
    const inCareTotal = inCare.length + 1; // and José
    const list = new ClientListPage(page);
    await page.reload();
    await list.open();
    await list.waitForRange(`1–25 of ${inCareTotal}`);

    // By name (the default), on the server: accents folded, the whole list ordered, not just the page.
    const expectedByName = [...inCare, { legalFirstName: 'José', legalLastName: 'Núñez' } as ClientInput]
      .sort(byName)
      .map((c) => clientDisplayName({ ...c, preferredName: c.legalLastName === 'Núñez' ? 'Pepe' : '' }));
    expect(await list.sortOf('Name')).toBe('ascending');
    expect(await list.names()).toEqual(expectedByName.slice(0, 25));

    await list.pageButton('Next').click();
    await list.waitForRange(`26–50 of ${inCareTotal}`);
    expect(await list.names()).toEqual(expectedByName.slice(25, 50));
    await list.pageButton('Last').click();
    await list.waitForRange(`51–${inCareTotal} of ${inCareTotal}`);
    expect(await list.pageButton('Next').isDisabled()).toBe(true);
    await list.pageSize().selectOption('100');
    await list.waitForRange(`1–${inCareTotal} of ${inCareTotal}`);
    expect(await list.names()).toEqual(expectedByName);
    await list.pageSize().selectOption('25');
    await list.waitForRange(`1–25 of ${inCareTotal}`);

    // By date of birth, oldest first, then youngest first; the name header is no longer the sorted one.
    const byBirth = [...inCare].sort((a, b) =>
      a.dateOfBirth === b.dateOfBirth ? byName(a, b) : a.dateOfBirth < b.dateOfBirth ? -1 : 1,
    );
    await list.sortButton('Date of birth').click();
    await expect.poll(() => list.sortOf('Date of birth')).toBe('ascending');
    await list.waitForRange(`1–25 of ${inCareTotal}`);
    expect((await list.names())[0]).toBe(clientDisplayName(byBirth[0] as ClientInput));
    expect(await list.sortOf('Name')).toBeNull();
    await list.sortButton('Date of birth').click();
    await expect.poll(() => list.sortOf('Date of birth')).toBe('descending');
    await expect
      .poll(async () => (await list.names())[0])
      .toBe(clientDisplayName(byBirth.at(-1) as ClientInput));

    // Search: without accents, debounced, from the first page.
    await list.search().fill('nunez');
    await list.waitForRange('1–1 of 1');
    expect(await list.names()).toEqual([JOSE_LISTED]);
    // A date-only value keeps its day in a time zone west of Greenwich (the browser runs in Los Angeles).
    expect(await list.rows().first().locator('td.client-table__col--dateOfBirth').textContent()).toMatch(
      /^Feb 28, 1979/,
    );
    await list.search().fill('zzqx');
    await list.emptyState('No clients match').waitFor();
    await list.search().fill('');
    await list.waitForRange(`1–25 of ${inCareTotal}`);

    // Status: discharged clients join when ticked; only they remain when the others are unticked.
    const discharged = seeded.filter((c) => c.status === 'discharged').length;
    await list.status('Discharged').check();
    await list.waitForRange(`1–25 of ${seeded.length + 1}`);
    await list.status('Active').uncheck();
    await list.status('On hold').uncheck();
    await list.waitForRange(`1–${discharged} of ${discharged}`);
    expect(await list.table().locator('tbody .status-badge').allTextContents()).toEqual(
      Array(discharged).fill('Discharged'),
    );

    // Clinician: the second clinician has no discharged client (an empty result, with a way out), and their
    // clients in care are listed with their name.
    await list.clinician().selectOption({ label: SECOND_CLINICIAN });
    await list.emptyState('No clients match').waitFor();
    await list.status('Active').check();
    await list.status('On hold').check();
    await list.status('Discharged').uncheck();
    const theirs = inCare.filter((c) => c.assignedClinicianId === other.id).length;
    await list.waitForRange(`1–${Math.min(25, theirs)} of ${theirs}`);
    const clinicians = await list.table().locator('tbody td.client-table__col--clinician').allTextContents();
    expect(new Set(clinicians)).toEqual(new Set([SECOND_CLINICIAN]));
    await list.clinician().selectOption({ label: 'All clinicians' });
    await list.waitForRange(`1–25 of ${inCareTotal}`);
  });

  it('moves the row highlight with the arrow keys and opens the chart with Enter', async () => {
    const { page } = app;
    const list = new ClientListPage(page);
    await list.open();
    await list.rows().first().waitFor();
    await list.search().focus();
    await page.keyboard.press('ArrowDown');
    const names = await list.names();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focusedText()).toBe(names[0]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.activeRow().locator('.client-link').textContent()).toBe(names[2]);
    expect(await focusedText()).toBe(names[2]);
    await page.keyboard.press('End');
    expect(await focusedText()).toBe(names.at(-1));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focusedText()).toBe(names[1]);
    // One Tab stop for the whole table: Tab leaves it for the pager.
    expect(await list.table().locator('tbody a[tabindex="0"]').count()).toBe(1);

    await screenshot(page, 'client-list');
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    const lastName = (names[1] ?? '').split(',')[0] ?? '';
    await page.getByRole('heading', { level: 1, name: new RegExp(lastName) }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/clients\/[0-9a-f-]{36}$/);
  });

  it('finds a client with Ctrl+K from anywhere and opens the chart', async () => {
    const { page } = app;
    const list = new ClientListPage(page);
    const find = new QuickFindPage(page);
    await list.open();

    // Esc closes and gives the keyboard back to where it was.
    await list.search().focus();
    await find.openWithShortcut();
    expect(await find.input().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await find.dialog().waitFor({ state: 'detached' });
    expect(await list.search().evaluate((el) => el === document.activeElement)).toBe(true);

    await find.openWithShortcut();
    await find.input().fill('núñez');
    await find.options().first().waitFor();
    expect(await find.options().allTextContents()).toEqual([expect.stringContaining(JOSE_LISTED)]);
    expect(await find.options().first().textContent()).toContain('C-000001');
    expect(await find.selectedOption().textContent()).toContain(JOSE_LISTED);

    // Focus stays inside the dialog.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await find.dialog().evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await find.input().focus();
    await screenshot(page, 'quick-find');
    expect(await axeViolations(page)).toEqual([]);

    // A broader search: arrow keys move the choice, Enter opens it.
    await find.input().fill('a');
    await expect.poll(() => find.options().count()).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    const chosen = (await find.selectedOption().locator('.quick-find__name').textContent()) ?? '';
    expect(chosen).toBe(await find.options().nth(1).locator('.quick-find__name').textContent());
    await page.keyboard.press('Enter');
    await find.dialog().waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: new RegExp(chosen.split(',')[0] ?? '') }).waitFor();

    // And back to José from the chart itself.
    await find.openWithShortcut();
    await find.input().fill('pepe');
    await find.options().first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Núñez/ }).waitFor();
  });

  it('edits a client: the form comes filled in, a taken chart number is refused beside the field', async () => {
    const { page, harness } = app;
    const [jose] = await ipc(harness, 'clients.quickFind', { search: 'nunez', limit: 1 });
    await page.goto(`${harness.url}#/clients/${jose?.id ?? ''}/edit`);
    const form = new ClientFormPage(page);
    await form.heading('Edit client').waitFor();
    await form.field('legalFirstName').waitFor();
    expect(await form.field('legalLastName').inputValue()).toBe('Núñez');
    expect(await form.field('dateOfBirth').inputValue()).toBe('1979-02-28');
    expect(await form.field('emergencyName').inputValue()).toBe('Inés Núñez');
    expect(await form.field('chartNumber').inputValue()).toBe('C-000001');

    await form.fill({ chartNumber: 'C-000002', status: 'On hold', phone: '(503) 555-0199' });
    await form.submit();
    await expect
      .poll(() => form.fieldError('chartNumber').textContent())
      .toBe('Chart number C-000002 belongs to another client.');
    expect(await form.field('phone').inputValue()).toBe('(503) 555-0199');
    await screenshot(page, 'client-form-edit');
    expect(await axeViolations(page)).toEqual([]);

    await form.fill({ chartNumber: 'HL-0001' });
    await form.submit();
    await page.getByRole('heading', { level: 1, name: /Núñez/ }).waitFor();
    const [saved] = await ipc(harness, 'clients.quickFind', { search: 'nunez', limit: 1 });
    expect(saved).toMatchObject({ id: jose?.id, chartNumber: 'HL-0001', status: 'on-hold' });
  });

  it('forgets the search and the client on screen when the app locks', async () => {
    const { page } = app;
    const list = new ClientListPage(page);
    await list.open();
    await list.search().fill('nunez');
    await list.waitForRange('1–1 of 1');
    await page.keyboard.press('Control+Shift+L');
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    const html = await page.content();
    for (const gone of ['nunez', 'Núñez', 'C-000001']) expect(html).not.toContain(gone);

    await lock.unlock(CLINIC.passphrase);
    await list.heading().waitFor();
    expect(await list.search().inputValue()).toBe('');
  });
});
