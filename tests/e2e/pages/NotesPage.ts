import type { Locator, Page } from 'playwright-core';

export type NotesTabName = 'Notes' | 'Private notes';

/** A chart's Notes (or Private notes) tab: the list, the editor with its autosave status, the signed note. */
export class NotesPage {
  constructor(
    private readonly page: Page,
    private readonly tabName: NotesTabName = 'Notes',
  ) {}

  tab() {
    return this.page
      .getByRole('tablist', { name: 'Chart sections' })
      .getByRole('tab', { name: new RegExp(`^${this.tabName}`) });
  }

  panel() {
    return this.page.getByRole('tabpanel', { name: new RegExp(`^${this.tabName}`) });
  }

  async open() {
    await this.tab().click();
    await this.panel().waitFor();
  }

  async newNote(format: 'SOAP' | 'DAP' | 'BIRP' | 'Free text') {
    await this.panel().getByLabel('Format', { exact: true }).selectOption({ label: format });
    await this.panel().getByRole('button', { name: 'New note' }).click();
    await this.editor().waitFor();
  }

  rows() {
    return this.panel().locator('table.note-table tbody tr');
  }

  async openNote(name: RegExp) {
    await this.panel().getByRole('button', { name }).first().click();
  }

  async backToList() {
    await this.panel()
      .getByRole('button', { name: /^← All/ })
      .click();
  }

  editor() {
    return this.panel().getByRole('form', { name: 'Note editor' });
  }

  field(label: string): Locator {
    return this.editor().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.editor()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  /** A group of radio buttons in the editor (the risk review's questions). */
  choice(legend: string) {
    return this.editor().getByRole('group', { name: legend, exact: true });
  }

  choiceError(legend: string) {
    return this.choice(legend).locator('.field__error');
  }

  /** Answers the risk review: nothing reported, unless told otherwise. */
  async completeRiskReview(suicidal = 'Denied', homicidal = 'Denied') {
    await this.choice('Suicidal ideation').getByRole('radio', { name: suicidal, exact: true }).check();
    await this.choice('Homicidal ideation').getByRole('radio', { name: homicidal, exact: true }).check();
  }

  /** The banner shown when leaving is held because the latest changes could not be saved. */
  heldLeave() {
    return this.editor().locator('.held-leave');
  }

  saveStatus() {
    return this.editor().getByTestId('save-status');
  }

  async sign(passphrase: string) {
    await this.editor().getByRole('button', { name: 'Sign…' }).click();
    const form = this.signForm();
    await form.getByLabel('Your passphrase', { exact: true }).fill(passphrase);
    await form.getByRole('button', { name: 'Sign note' }).click();
  }

  signForm() {
    return this.panel().getByRole('form', { name: 'Sign this note' });
  }

  signedNote() {
    return this.panel().getByRole('article', { name: 'Signed note' });
  }

  hash() {
    return this.signedNote().getByTestId('note-hash');
  }

  async verify() {
    await this.signedNote().getByRole('button', { name: 'Verify' }).click();
    return this.signedNote().locator('.verify');
  }

  async addAddendum(text: string, passphrase: string) {
    await this.signedNote().getByRole('button', { name: 'Add addendum…' }).click();
    const form = this.signedNote().getByRole('form', { name: 'Add an addendum' });
    await form.getByLabel('Addendum', { exact: true }).fill(text);
    await form.getByLabel('Your passphrase', { exact: true }).fill(passphrase);
    await form.getByRole('button', { name: 'Sign addendum' }).click();
  }

  addenda() {
    return this.signedNote().locator('li.addendum');
  }

  /** Prints with the default paper and returns the status or error element. */
  async print() {
    await this.panel().getByRole('button', { name: 'Print PDF' }).click();
  }

  printedPath() {
    return this.panel().locator('.print-pdf__status code.path');
  }

  printError() {
    return this.panel().locator('.print-pdf__error');
  }

  /** The choice of who a print is for: for the record or the client, or a disclosure under a consent. */
  printAudience() {
    return this.panel().getByRole('group', { name: 'Who is this print for?', exact: true });
  }

  async printFor(option: 'For the record or the client' | 'To disclose under a consent') {
    await this.printAudience().getByRole('radio', { name: option, exact: true }).check();
  }

  /** A field of the disclosure: 'Consent', 'Recipient', 'Recipient address (if known)', 'Purpose'. */
  printField(label: string) {
    return this.panel().getByRole('region', { name: 'Print this note' }).getByLabel(label, { exact: true });
  }

  printFieldError(label: string) {
    return this.panel()
      .getByRole('region', { name: 'Print this note' })
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }
}
