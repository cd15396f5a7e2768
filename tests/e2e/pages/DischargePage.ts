import type { Page } from 'playwright-core';

/** The Discharge area (the worklist) and the chart's Discharge tab (the summary's draft, signing and printing). */
export class DischargePage {
  constructor(private readonly page: Page) {}

  async openArea() {
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Discharge' })
      .click();
    await this.page.getByRole('heading', { name: 'Discharge', level: 1 }).waitFor();
  }

  worklist() {
    return this.page.getByRole('region', { name: /^Clients due a discharge summary/ });
  }

  row(clientName: string) {
    return this.worklist().getByRole('row', { name: new RegExp(clientName) });
  }

  emptyWorklist() {
    return this.page.getByText('No discharge summary is due.');
  }

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Discharge/ });
  }

  async start() {
    await this.panel()
      .getByRole('button', { name: /^Start (the|a new) discharge summary/ })
      .click();
    await this.editor().waitFor();
  }

  editor() {
    return this.panel().getByRole('form', { name: 'Discharge summary (draft)' });
  }

  field(label: string) {
    return this.editor().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.editor()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  saveStatus() {
    return this.editor().locator('.plan-editor__status');
  }

  async sign(passphrase: string) {
    await this.editor().getByRole('button', { name: 'Sign…' }).click();
    await this.editor().getByLabel('Your passphrase', { exact: true }).fill(passphrase);
    await this.editor().getByRole('button', { name: 'Sign summary' }).click();
  }

  signedHeading() {
    return this.panel().getByRole('heading', { name: /^Signed: discharged / });
  }

  printForm() {
    return this.panel().getByRole('form', { name: 'Print this discharge summary' });
  }

  async print() {
    await this.printForm().getByRole('button', { name: 'Print PDF' }).click();
  }

  printedPath() {
    return this.printForm().locator('.print-pdf__status code.path');
  }
}
