import type { Page } from 'playwright-core';

export class LockPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Clearleaf is locked' });
  }

  async unlock(passphrase: string, account?: string) {
    if (account) await this.page.getByLabel('Account').selectOption(account);
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  passphraseError() {
    return this.page
      .locator('.field', { has: this.page.getByLabel('Passphrase', { exact: true }) })
      .locator('.field__error');
  }

  unlockButton() {
    return this.page.getByRole('button', { name: /Unlock|Try again/ });
  }
}

/** The recovery form: from the lock screen's link, or on its own when keyring.json is lost or damaged. */
export class RecoverPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Reset a passphrase with the recovery key' });
  }

  intro() {
    return this.page.getByRole('status');
  }

  async recover(input: { recoveryKey: string; username: string; newPassphrase: string }) {
    await this.page.getByLabel('Recovery key', { exact: true }).fill(input.recoveryKey);
    await this.page.getByLabel('Username of the account to reset').fill(input.username);
    await this.page.getByLabel('New passphrase', { exact: true }).fill(input.newPassphrase);
    await this.page.getByLabel('New passphrase again').fill(input.newPassphrase);
    await this.page.getByRole('button', { name: 'Reset passphrase and unlock' }).click();
  }
}

export function restoreNewestButton(page: Page) {
  return page.getByRole('button', { name: 'Restore the newest backup' });
}
