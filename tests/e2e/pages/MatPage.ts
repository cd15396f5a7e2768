import type { Locator, Page } from 'playwright-core';

/** The chart's Medications & MAT tab: the medication form and list, the MAT note editor, its signed view. */
export class MatPage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Medications & MAT/ });
  }

  async open() {
    await this.page
      .getByRole('tablist', { name: 'Chart sections' })
      .getByRole('tab', { name: /^Medications & MAT/ })
      .click();
    await this.panel().getByRole('heading', { name: 'Medications', exact: true }).waitFor();
  }

  medicationForm() {
    return this.panel().getByRole('form', {
      name: /^(Add a medication|Record a change to this medication)$/,
    });
  }

  async addMedication(values: Record<string, string>, selects: Record<string, string>) {
    await this.panel().getByRole('button', { name: 'Add medication' }).first().click();
    await this.fillMedication(values, selects);
    await this.medicationForm().getByRole('button', { name: 'Add medication' }).click();
    await this.medicationForm().waitFor({ state: 'detached' });
  }

  async fillMedication(values: Record<string, string>, selects: Record<string, string>) {
    const form = this.medicationForm();
    await form.waitFor();
    for (const [label, option] of Object.entries(selects)) {
      await form.getByLabel(label, { exact: true }).selectOption({ label: option });
    }
    for (const [label, value] of Object.entries(values)) {
      await form.getByLabel(label, { exact: true }).fill(value);
    }
  }

  medications() {
    return this.panel().locator('.med-list > li');
  }

  warnings(): Promise<string[]> {
    return this.panel().locator('.med-list .med-warning').allInnerTexts();
  }

  editor() {
    return this.panel().getByRole('form', { name: 'MAT note editor' });
  }

  field(label: string): Locator {
    return this.editor().getByLabel(label, { exact: true });
  }

  saveStatus() {
    return this.editor().getByTestId('save-status');
  }

  async newNote() {
    await this.panel().getByRole('button', { name: 'New MAT note' }).click();
    await this.editor().waitFor();
  }

  ratingBox(name: RegExp) {
    return this.editor().getByRole('checkbox', { name });
  }

  async sign(passphrase: string) {
    await this.editor().getByRole('button', { name: 'Sign…' }).click();
    const form = this.panel().getByRole('form', { name: 'Sign this MAT note' });
    await form.getByLabel('Your passphrase').fill(passphrase);
    await form.getByRole('button', { name: 'Sign note' }).click();
    await this.signedNote().waitFor();
  }

  signedNote() {
    return this.panel().getByRole('article', { name: /^MAT coordination note of / });
  }

  summaryForm() {
    return this.panel().getByRole('form', { name: 'Summary for the prescriber' });
  }
}
