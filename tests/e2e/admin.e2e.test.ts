/**
 * Issue 12 through the page: what only a practice administrator does in Settings — set a role, choose a second
 * backup folder and see each folder's last result, preview a restore (from the list and from a chosen file) and
 * restore — and what a supervisor sees instead: the same lists, with the reason the rest is not offered.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClient } from '../support/clients';
import { tempDir } from '../support/fixtures';
import { FramePage } from './pages/FramePage';
import { LockPage } from './pages/LockPage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';

const SUPERVISOR = {
  displayName: 'Siobhán O’Brien',
  credentials: 'LMHC',
  role: 'clinician' as const,
  username: 'sobrien',
  passphrase: 'amber trellis wren four',
};

let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp();
  await setUpPracticeThroughUi(app.page, app.harness);
  await ipc(app.harness, 'users.create', { user: SUPERVISOR, currentPassphrase: CLINIC.passphrase });
});

afterAll(async () => {
  await app.close();
});

/** The staff table's row holding `name`. */
const row = (page: Page, name: string | RegExp) =>
  page.getByRole('table', { name: 'Staff accounts' }).getByRole('row').filter({ hasText: name });
const roleForm = (page: Page) => page.getByRole('form', { name: /^Role of / });

describe('Settings for a practice administrator', () => {
  it('sets a role, and cannot remove the last administrator', async () => {
    const { page } = app;
    const frame = new FramePage(page);
    await frame.openSettings();
    await expect.poll(() => row(page, SUPERVISOR.displayName).textContent()).toContain('Clinician');

    await page.getByRole('button', { name: `Change role of ${SUPERVISOR.displayName}` }).click();
    await roleForm(page).getByLabel('Clinical role').selectOption('supervisor');
    await roleForm(page).getByLabel('Your passphrase, to confirm').fill(CLINIC.passphrase);
    await roleForm(page).getByRole('button', { name: 'Save role' }).click();
    await roleForm(page).getByRole('status').filter({ hasText: 'is now: Supervisor' }).waitFor();
    await expect.poll(() => row(page, SUPERVISOR.displayName).textContent()).toContain('Supervisor');
    await roleForm(page).getByRole('button', { name: 'Close' }).click();

    // The last administrator stays one: the refusal is beside the checkbox.
    await page.getByRole('button', { name: `Change role of ${CLINIC.fullName}` }).click();
    await roleForm(page).getByLabel('Practice administrator').uncheck();
    await roleForm(page).getByLabel('Your passphrase, to confirm').fill(CLINIC.passphrase);
    await roleForm(page).getByRole('button', { name: 'Save role' }).click();
    await roleForm(page).getByText('The practice needs at least one administrator.').waitFor();
    await expect.poll(() => row(page, CLINIC.fullName).textContent()).toContain('Practice administrator');
    await screenshot(page, 'settings-roles');
    expect(await axeViolations(page)).toEqual([]);
    await roleForm(page).getByRole('button', { name: 'Close' }).click();
  });

  it('sets a second backup folder and backs up to both', async () => {
    const { page } = app;
    const drive = tempDir('clearleaf-usb-');
    const folders = page.getByRole('table', { name: 'Backup folders' });

    await page.getByLabel('Folder path').fill('relative/folder');
    await page.getByRole('button', { name: 'Save second folder' }).click();
    await page.getByText('Give the full path of the folder').waitFor();

    await page.getByLabel('Folder path').fill(drive);
    await page.getByRole('button', { name: 'Save second folder' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Backups will also be copied to ${drive}` })
      .waitFor();
    await folders.getByRole('row', { name: /Second folder/ }).waitFor();

    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('status').filter({ hasText: 'Backed up at' }).waitFor();
    for (const name of ['Backups folder', 'Second folder']) {
      await expect
        .poll(() => folders.getByRole('row', { name: new RegExp(name) }).textContent())
        .toMatch(/Succeeded/);
    }
    // Copies go into this practice's own subfolder of the drive (several practices may share one drive).
    const [own, ...others] = fs.readdirSync(drive);
    expect(others).toEqual([]);
    const copies = fs.readdirSync(path.join(drive, own ?? ''));
    expect(copies.some((f) => f.endsWith('.db'))).toBe(true);
    expect(copies.some((f) => f.endsWith('.kit.json'))).toBe(true);
    await screenshot(page, 'settings-backup-folders');
  });

  it('previews a restore from a chosen file and from the list, then restores', async () => {
    const { page, harness } = app;
    // Records made after the backup: what a restore would set aside.
    for (const [first, last] of [
      ['Ánh', 'Nguyễn Thị'],
      ['Łucja', 'Łukasiewicz'],
    ] as const) {
      await ipc(harness, 'clients.create', {
        client: aClient({ legalFirstName: first, legalLastName: last }),
      });
    }
    const backups = await ipc(harness, 'backup.list', {});
    const newest = backups[0];
    if (!newest) throw new Error('no backup');
    const frame = new FramePage(page);
    await frame.nav('Overview').click();
    await frame.openSettings();

    // A chosen file: a wrong path is refused beside the field; the backup copied to a drive previews.
    const fileField = page.getByLabel('Or a backup file');
    await fileField.fill(path.join(tempDir('clearleaf-empty-'), 'nothing.db'));
    await page.getByRole('button', { name: 'Preview this file' }).click();
    await page.getByText('There is no Clearleaf backup (….db) at that path.').waitFor();
    const drive = tempDir('clearleaf-drive-');
    const copied = path.join(drive, 'carried-home.db');
    fs.copyFileSync(newest.path, copied);
    await fileField.fill(copied);
    await page.getByRole('button', { name: 'Preview this file' }).click();
    await page.getByRole('heading', { name: 'Restore carried-home.db?' }).waitFor();
    const table = page.getByRole('table', { name: 'What the backup holds and what would be set aside' });
    await expect.poll(() => table.getByRole('row', { name: /^Clients/ }).textContent()).toBe('Clients022');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // From the list: the same counts, the dates of what is newer, and the restore itself.
    await page
      .getByRole('button', { name: /^Preview restore of the backup taken/ })
      .first()
      .click();
    await page.getByRole('heading', { name: `Restore ${newest.fileName}?` }).waitFor();
    await expect.poll(() => table.getByRole('row', { name: /^Clients/ }).textContent()).toBe('Clients022');
    await page
      .getByText(/Would be set aside: \d+ changes? to records made after this backup, from/)
      .waitFor();
    await screenshot(page, 'settings-restore-preview');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Your passphrase, to restore').fill(CLINIC.passphrase);
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Restored ${newest.fileName}.` })
      .waitFor();
    // Every section reads the restored practice: the later clients' audit rows are gone from the log shown.
    await expect.poll(() => page.getByRole('cell', { name: 'Łukasiewicz, Łucja' }).count()).toBe(0);
    await screenshot(page, 'settings-restored');
    const preview = await ipc(harness, 'backup.preview', { source: { fileName: newest.fileName } });
    expect(preview.current.counts.clients ?? 0).toBe(0);
  });
});

describe('Settings for a supervisor', () => {
  it('shows the roles and folders, with the reason the administrator’s controls are not offered', async () => {
    const { page } = app;
    const frame = new FramePage(page);
    await frame.lock();
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    await lock.unlock(SUPERVISOR.passphrase, SUPERVISOR.username);
    await frame.signedInUser().waitFor();
    await frame.openSettings();
    await page.getByText('Only a practice administrator can add staff accounts or set roles.').waitFor();
    await page.getByText('Only a practice administrator can restore a backup over the practice.').waitFor();
    await page.getByText('Only a practice administrator can choose the second backup folder.').waitFor();
    expect(await page.getByRole('button', { name: /^Change role of/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Preview restore/ }).count()).toBe(0);
    expect(await page.getByLabel('Clinic name').isDisabled()).toBe(true);
    // Backing up is for everyone.
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('status').filter({ hasText: 'Backed up at' }).waitFor();
    await screenshot(page, 'settings-supervisor');
    expect(await axeViolations(page)).toEqual([]);
  });
});
