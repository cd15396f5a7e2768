import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { FramePage } from './pages/FramePage';
import { LockPage } from './pages/LockPage';
import { SetupPage } from './pages/SetupPage';

const CLINIC = {
  clinicName: 'Harborlight Counseling',
  address: '401 Wren Street, Astoria, OR 97103',
  phone: '(503) 555-0188',
  fullName: 'Tobias Okonkwo-Reyes',
  credentials: 'LPC, CADC II',
  username: 'tokonkwo',
  passphrase: 'granite harbor lilac seventeen',
};

describe('first run, lock and unlock, idle lock', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets up the practice, refusing bad input next to the field', async () => {
    const { page, harness } = app;
    await page.goto(harness.url);
    const setup = new SetupPage(page);
    await setup.heading().waitFor();
    await screenshot(page, 'setup');
    expect(await axeViolations(page)).toEqual([]);

    await setup.fill({ ...CLINIC, passphrase: 'short', confirm: 'short' });
    await setup.submit();
    await expect.poll(() => setup.fieldError('Passphrase').textContent()).toMatch(/at least 12 characters/);

    await setup.fill({ ...CLINIC, confirm: 'something else entirely' });
    await setup.submit();
    await expect.poll(() => setup.fieldError('Passphrase again').textContent()).toMatch(/differ/);

    await setup.fill(CLINIC);
    await setup.submit();
    await setup.recoveryKey().waitFor();
    expect(await setup.recoveryKey().textContent()).toMatch(
      /^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    await screenshot(page, 'recovery-key');
    expect(await axeViolations(page)).toEqual([]);
    await setup.acknowledgeRecoveryKey();

    const frame = new FramePage(page);
    await expect
      .poll(() => frame.signedInUser().textContent())
      .toBe(`${CLINIC.fullName}, ${CLINIC.credentials}`);
    await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
    await page.getByText(CLINIC.address).waitFor();
    await screenshot(page, 'overview');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('locks, refuses a wrong passphrase with a delay, and unlocks with the right one', async () => {
    const { page } = app;
    const frame = new FramePage(page);
    await frame.lock();
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    expect(await page.locator('.frame').count()).toBe(0);

    await lock.unlock('not the passphrase at all');
    await expect.poll(() => lock.passphraseError().textContent()).toMatch(/do not match/);
    await expect.poll(() => lock.unlockButton().textContent()).toMatch(/Try again in \d+ s/);
    expect(await lock.unlockButton().isDisabled()).toBe(true);
    await screenshot(page, 'lock-wrong-passphrase');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Unlock' }).waitFor({ timeout: 5000 });
    await lock.unlock(CLINIC.passphrase);
    await expect.poll(() => frame.signedInUser().textContent()).toContain(CLINIC.fullName);

    // The failed attempt is in the audit log, in plain words.
    await frame.openSettings();
    await page.getByRole('cell', { name: 'Failed unlock attempt' }).first().waitFor();
    await screenshot(page, 'settings');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('locks itself after the idle time and leaves no practice data in the page', async () => {
    const { page, harness } = app;
    await page.clock.install();
    await page.goto(harness.url);
    const frame = new FramePage(page);
    await frame.signedInUser().waitFor();
    await page.getByText(CLINIC.address).waitFor();

    await page.clock.fastForward('09:00');
    expect(await page.locator('.frame').count()).toBe(1);
    await page.clock.fastForward('01:10');
    await new LockPage(page).heading().waitFor();

    const text = await page.locator('body').innerText();
    for (const gone of [CLINIC.address, CLINIC.phone, 'Recent activity', CLINIC.credentials]) {
      expect(text).not.toContain(gone);
    }
    expect(await page.content()).not.toContain(CLINIC.address);
    expect(harness.practice.state()).toBe('locked');
  });
});
