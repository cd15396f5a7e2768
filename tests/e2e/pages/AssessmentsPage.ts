import type { Locator, Page } from 'playwright-core';

/** A chart tab by its visible name (the tab list is shared with other capabilities' tabs). */
export async function openChartTab(page: Page, name: string): Promise<Locator> {
  await page
    .getByRole('tablist', { name: 'Chart sections' })
    .getByRole('tab', { name: new RegExp(`^${name}`) })
    .click();
  const panel = page.getByRole('tabpanel', { name: new RegExp(`^${name}`) });
  await panel.waitFor();
  return panel;
}

/** One open assessment form (in the Assessments or the Withdrawal tab): items, live score, save, sign, delete. */
export class AssessmentFormModel {
  constructor(
    private readonly page: Page,
    private readonly root: Locator,
    readonly instrument: string,
  ) {}

  /** The section holding the form, its sign form and, once signed, the read-only record. */
  section() {
    return this.root.locator('section.aform');
  }

  form() {
    return this.root.getByRole('form', { name: `${this.instrument} form`, exact: true });
  }

  item(label: string | RegExp) {
    return this.form().getByRole('group', { name: label });
  }

  /** The accessible names of an item's options ("0: 80 bpm or less"), in order. */
  optionNames(label: string | RegExp): Promise<string[]> {
    return this.item(label)
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** Puts the keyboard on the first item, where number keys start filling the form. */
  async focusFirstItem() {
    await this.form().locator('[data-item-group] input').first().focus();
  }

  /** Types one key per item ("1112200"): each picks that score and moves to the next item. */
  async typeScores(keys: string) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  field(label: string) {
    return this.form().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.form()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  groupError(legend: string | RegExp) {
    return this.form().getByRole('group', { name: legend }).locator('.field__error');
  }

  liveScore() {
    return this.form().getByTestId('live-score');
  }

  status() {
    return this.form().getByRole('status').last();
  }

  async saveDraft() {
    await this.form().getByRole('button', { name: 'Save draft' }).click();
  }

  async close() {
    await this.form().getByRole('button', { name: 'Close' }).click();
    await this.section().waitFor({ state: 'detached' });
  }

  signForm() {
    return this.root.getByRole('form', { name: `Sign the ${this.instrument}` });
  }

  async sign(passphrase: string) {
    if (!(await this.signForm().isVisible())) {
      await this.form().getByRole('button', { name: 'Sign…' }).click();
    }
    await this.signForm().getByLabel('Your passphrase').fill(passphrase);
    await this.signForm().getByRole('button', { name: 'Sign', exact: true }).click();
  }

  passphraseError() {
    return this.signForm().locator('.field__error');
  }

  signedBy() {
    return this.section().getByTestId('signed-by');
  }
}

/** The Assessments tab: new-assessment buttons, the open form, the list, trends and the alert history. */
export class AssessmentsPage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Assessments/ });
  }

  async open() {
    await openChartTab(this.page, 'Assessments');
    await this.panel().getByRole('heading', { name: 'Assessments', level: 2 }).waitFor();
  }

  async startNew(instrument: string): Promise<AssessmentFormModel> {
    await this.panel()
      .getByRole('group', { name: 'New assessment' })
      .getByRole('button', { name: `New ${instrument}`, exact: true })
      .click();
    const form = new AssessmentFormModel(this.page, this.panel(), instrument);
    await form.section().waitFor();
    return form;
  }

  openForm(instrument: string) {
    return new AssessmentFormModel(this.page, this.panel(), instrument);
  }

  rows() {
    return this.panel()
      .getByRole('table', { name: 'Administered instruments, newest first' })
      .locator('tbody tr');
  }

  row(instrument: string) {
    return this.rows().filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${instrument}`) }),
    });
  }

  trendChart(instrument: string) {
    return this.panel().getByRole('img', { name: new RegExp(`^${instrument} totals over time`) });
  }

  trendRow(instrument: string) {
    return this.panel()
      .getByRole('table', { name: 'First and latest totals by instrument' })
      .getByRole('row', { name: new RegExp(`^${instrument}`) });
  }

  alertHistory() {
    return this.panel().getByRole('region', { name: 'Red-flag alerts' }).locator('li');
  }
}
