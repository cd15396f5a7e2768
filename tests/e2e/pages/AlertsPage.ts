import type { Page } from 'playwright-core';

/** Red-flag alerts under the chart header, and the dialogs that acknowledge one or record a symptom. */
export class AlertsPage {
  constructor(private readonly page: Page) {}

  banner() {
    return this.page.getByRole('alert').filter({
      has: this.page.getByRole('heading', { name: /^Red-flag alerts?: act and acknowledge$/ }),
    });
  }

  items() {
    return this.banner().locator('li');
  }

  item(text: string | RegExp) {
    return this.items().filter({ hasText: text });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async startAcknowledge(text: string | RegExp) {
    await this.item(text)
      .getByRole('button', { name: /^Acknowledge/ })
      .click();
    await this.dialog().getByRole('heading', { name: 'Acknowledge a red-flag alert' }).waitFor();
  }

  async checkAction(label: string) {
    await this.dialog()
      .getByRole('group', { name: 'Action taken' })
      .getByLabel(label, { exact: true })
      .check();
  }

  note(label = 'What was done') {
    return this.dialog().getByLabel(label, { exact: true });
  }

  noteError(label = 'What was done') {
    return this.dialog()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  async submit(name: 'Acknowledge' | 'Record and raise alert') {
    await this.dialog().getByRole('button', { name, exact: true }).click();
  }

  async startRedFlag() {
    await this.page.getByRole('button', { name: 'Record a red-flag symptom…' }).click();
    await this.dialog().getByRole('heading', { name: 'Record a red-flag symptom' }).waitFor();
  }

  async checkSymptom(label: string) {
    await this.dialog().getByRole('group', { name: 'Symptoms' }).getByLabel(label, { exact: true }).check();
  }

  symptomsError() {
    return this.dialog().getByRole('group', { name: 'Symptoms' }).locator('.field__error');
  }
}
