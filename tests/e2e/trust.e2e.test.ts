/**
 * Issue 12 through the page: a lost keyring.json is recovered with the recovery key (the keyring comes from the
 * newest backup's recovery kit), and a missing database offers the newest backup on the lock screen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FramePage } from './pages/FramePage';
import { LockPage, RecoverPage, restoreNewestButton } from './pages/LockPage';
import { SetupPage } from './pages/SetupPage';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc } from './support/practice';

let app: AppUnderTest;
let recoveryKey = '';

beforeAll(async () => {
  app = await openApp();
  const { page, harness } = app;
  await page.goto(harness.url);
  const setup = new SetupPage(page);
  await setup.heading().waitFor();
  await setup.fill(CLINIC);
  await setup.submit();
  await setup.recoveryKey().waitFor();
  recoveryKey = ((await setup.recoveryKey().textContent()) ?? '').trim();
  await setup.acknowledgeRecoveryKey();
  await new FramePage(page).signedInUser().waitFor();
});

afterAll(async () => {
  await app.close();
});

describe('keys that cannot be lost, restore that cannot lose the database', () => {
  it('recovers a lost keyring with the recovery key and a backup’s kit', async () => {
    const { page, harness, dataDir } = app;
    await ipc(harness, 'backup.create', {});
    await ipc(harness, 'session.lock', { reason: 'manual' });
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    await page.reload();
    const recover = new RecoverPage(page);
    await recover.heading().waitFor();
    await expect.poll(() => recover.intro().textContent()).toMatch(/keyring file is missing/);
    await screenshot(page, 'recover-lost-keyring');
    await recover.recover({
      recoveryKey,
      username: CLINIC.username,
      newPassphrase: 'tidal juniper ochre bell',
    });
    await new FramePage(page).signedInUser().waitFor();
    expect(fs.existsSync(path.join(dataDir, 'keyring.json'))).toBe(true);
  });

  it('offers the newest backup when the database file is missing', async () => {
    const { page, harness, dataDir } = app;
    await ipc(harness, 'session.lock', { reason: 'manual' });
    for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, `clearleaf.db${s}`), { force: true });
    await page.reload();
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    await restoreNewestButton(page).waitFor();
    await screenshot(page, 'restore-missing-database');
    await page.getByLabel('Passphrase', { exact: true }).fill('tidal juniper ochre bell');
    await restoreNewestButton(page).click();
    await new FramePage(page).signedInUser().waitFor();
    expect(fs.existsSync(path.join(dataDir, 'clearleaf.db'))).toBe(true);
  });

  it('takes a recovery kit chosen from a drive when the keyring and the backups’ kits are gone', async () => {
    const { page, harness, dataDir } = app;
    const backups = path.join(dataDir, 'backups');
    const kit = fs.readdirSync(backups).find((f) => f.endsWith('.kit.json'));
    if (!kit) throw new Error('no kit beside the backups');
    const drive = fs.mkdtempSync(path.join(os.tmpdir(), 'clearleaf-drive-'));
    fs.copyFileSync(path.join(backups, kit), path.join(drive, kit));
    await ipc(harness, 'session.lock', { reason: 'manual' });
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    for (const f of fs.readdirSync(backups)) if (f.endsWith('.kit.json')) fs.rmSync(path.join(backups, f));
    await page.reload();
    const recover = new RecoverPage(page);
    await recover.heading().waitFor();
    const kitField = page.getByLabel(/^Recovery kit/);
    await kitField.fill(path.join(drive, 'not-there.kit.json'));
    await recover.recover({
      recoveryKey,
      username: CLINIC.username,
      newPassphrase: 'cedar lantern moss eleven',
    });
    await page.getByText('is not a readable Clearleaf recovery kit').first().waitFor();
    await screenshot(page, 'recover-chosen-kit');
    await kitField.fill(path.join(drive, kit));
    await recover.recover({
      recoveryKey,
      username: CLINIC.username,
      newPassphrase: 'cedar lantern moss eleven',
    });
    await new FramePage(page).signedInUser().waitFor();
    expect(fs.existsSync(path.join(dataDir, 'keyring.json'))).toBe(true);
  });
});
