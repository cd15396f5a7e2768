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
