import type { Page } from 'playwright-core';

export type PlanKindTab = 'Relapse-prevention plan' | 'Safety plan' | 'Aftercare plan';

/** The chart's Plans tab: the relapse-prevention, safety and aftercare plans, each on its own inner tab. */
export class PlansPage {
  constructor(private readonly page: Page) {}

  chartTab() {
    return this.page.getByRole('tablist', { name: 'Chart sections' }).getByRole('tab', { name: /^Plans/ });
  }

  async open(kind: PlanKindTab) {
    await this.chartTab().click();
    await this.page
      .getByRole('tablist', { name: 'Plans' })
      .getByRole('tab', { name: kind, exact: true })
      .click();
    await this.panel(kind).waitFor();
  }

  panel(kind: PlanKindTab) {
    return this.page.getByRole('tabpanel', { name: kind, exact: true });
  }

  async start(kind: PlanKindTab) {
    await this.panel(kind)
      .getByRole('button', { name: /^(Write the|Revise)/ })
      .click();
    await this.editor(kind).waitFor();
  }

  editor(kind: PlanKindTab) {
    return this.panel(kind).getByRole('form', { name: new RegExp(`^${kind}, version \\d+ \\(draft\\)$`) });
  }

  field(kind: PlanKindTab, label: string) {
    return this.editor(kind).getByLabel(label, { exact: true });
  }

  fieldError(kind: PlanKindTab, label: string) {
    return this.editor(kind)
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  saveStatus(kind: PlanKindTab) {
    return this.editor(kind).locator('.plan-editor__status');
  }

  async sign(kind: PlanKindTab, passphrase: string) {
    await this.editor(kind).getByRole('button', { name: 'Sign…' }).click();
    await this.editor(kind).getByLabel('Your passphrase', { exact: true }).fill(passphrase);
    await this.editor(kind).getByRole('button', { name: 'Sign plan' }).click();
  }

  signedHeading(kind: PlanKindTab, version: number) {
    return this.panel(kind).getByRole('heading', { name: `Signed version ${version}`, exact: true });
  }

  printForm(kind: PlanKindTab) {
    return this.panel(kind).getByRole('form', { name: 'Print this plan' });
  }

  async printFor(kind: PlanKindTab, option: 'For the client or the record' | 'To disclose under a consent') {
    await this.printForm(kind).getByRole('radio', { name: option, exact: true }).check();
  }

  async print(kind: PlanKindTab) {
    await this.printForm(kind).getByRole('button', { name: 'Print PDF' }).click();
  }

  printedPath(kind: PlanKindTab) {
    return this.printForm(kind).locator('.print-pdf__status code.path');
  }

  async openPdf(kind: PlanKindTab) {
    await this.printForm(kind).getByRole('button', { name: 'Open PDF' }).click();
  }

  printError(kind: PlanKindTab) {
    return this.printForm(kind).locator('.print-pdf__error, .field__error');
  }
}
