import type { Page } from 'playwright-core';

export class SetupPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Set up Clearleaf' });
  }

  async fill(values: {
    clinicName: string;
    address: string;
    phone: string;
    fullName: string;
    credentials: string;
    username: string;
    passphrase: string;
    confirm?: string;
  }) {
    const p = this.page;
    await p.getByLabel('Clinic name').fill(values.clinicName);
    await p.getByLabel('Address').fill(values.address);
    await p.getByLabel('Phone').fill(values.phone);
    await p.getByLabel('Full name').fill(values.fullName);
    await p.getByLabel('Credentials').fill(values.credentials);
    await p.getByLabel('Username').fill(values.username);
    await p.getByLabel('Passphrase', { exact: true }).fill(values.passphrase);
    await p.getByLabel('Passphrase again').fill(values.confirm ?? values.passphrase);
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Create practice' }).click();
  }

  fieldError(label: string) {
    return this.page
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  recoveryKey() {
    return this.page.getByTestId('recovery-key');
  }

  async acknowledgeRecoveryKey() {
    await this.page.getByLabel(/I have printed or written down the recovery key/).check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}
