import type { Page } from 'playwright-core';

/** The "Export record" dialog of the chart: the form, then the progress and the result. */
export class ExportPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: 'Export record' }).click();
    await this.form().waitFor();
  }

  dialog() {
    return this.page.getByRole('dialog', { name: /^Export the record of / });
  }

  form() {
    return this.dialog().getByRole('form', { name: 'Export record' });
  }

  field(label: string) {
    return this.form().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.form()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  async choose(legend: string, option: string) {
    await this.form()
      .getByRole('group', { name: legend, exact: true })
      .getByRole('radio', { name: option, exact: true })
      .check();
  }

  async submit() {
    await this.form().getByRole('button', { name: 'Export record' }).click();
  }

  /** The finished export's message, with the path. */
  done() {
    return this.dialog().getByRole('status');
  }

  path() {
    return this.dialog().locator('.export-progress__path');
  }

  async close() {
    await this.dialog().getByRole('button', { name: 'Close' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}
