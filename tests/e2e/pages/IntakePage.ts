import type { Page } from 'playwright-core';

/** The intake tab: the progress list and the current section's form. */
export class IntakePage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Intake/ });
  }

  progressItem(title: string) {
    return this.panel()
      .getByRole('navigation', { name: 'Intake' })
      .getByRole('button', { name: new RegExp(`^\\S*\\s*${title}`) });
  }

  savedCount() {
    return this.panel().getByText(/\d of 7 sections saved/);
  }

  async openSection(title: string) {
    await this.progressItem(title).click();
    await this.sectionHeading(title).waitFor();
  }

  sectionHeading(title: string) {
    return this.panel().getByRole('heading', { level: 3, name: title, exact: true });
  }

  field(label: string) {
    return this.panel().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.panel()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  /** Picks Yes, No or Unknown (or another option) in the radio group named `legend`. */
  async answer(legend: string, option: string) {
    await this.group(legend).getByRole('radio', { name: option, exact: true }).check();
  }

  group(legend: string) {
    return this.panel().getByRole('group', { name: legend, exact: true });
  }

  async save() {
    await this.panel()
      .getByRole('button', { name: /^Save / })
      .click();
  }

  savedStatus() {
    return this.panel().getByRole('status');
  }
}
