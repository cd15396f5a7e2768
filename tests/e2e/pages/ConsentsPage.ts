import type { Page } from 'playwright-core';

/** The consents tab: the list with status badges, the consent form, the revoke form and the disclosures. */
export class ConsentsPage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Consents/ });
  }

  form() {
    return this.panel().getByRole('form', { name: 'Record a consent to disclose' });
  }

  async startNew() {
    await this.panel().getByRole('button', { name: 'Record a consent' }).click();
    await this.form().waitFor();
  }

  field(label: string) {
    return this.form().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.form()
      .locator('.field, .check-field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  async choose(legend: string, option: string) {
    await this.form()
      .getByRole('group', { name: legend, exact: true })
      .getByRole('radio', { name: option, exact: true })
      .check();
  }

  async submit() {
    await this.form().getByRole('button', { name: 'Record consent' }).click();
  }

  item(recipient: string) {
    return this.panel().locator('li.consent', { hasText: recipient });
  }

  badge(recipient: string) {
    return this.item(recipient).locator('.badge');
  }

  async revoke(recipient: string, how: 'In writing' | 'Verbally' | 'Other', note: string) {
    const item = this.item(recipient);
    await item.getByRole('button', { name: /^Revoke/ }).click();
    const form = item.getByRole('form', { name: /^Revoke the consent/ });
    await form.getByRole('radio', { name: how, exact: true }).check();
    await form.getByLabel('Note', { exact: true }).fill(note);
    await form.getByRole('button', { name: 'Record revocation' }).click();
  }

  /** Opens the form that records that the consent's ending event happened. */
  async startEndEvent(recipient: string, event: string) {
    await this.item(recipient)
      .getByRole('button', { name: `Record that “${event}” happened…`, exact: false })
      .click();
    await this.endEventForm(recipient).waitFor();
  }

  endEventForm(recipient: string) {
    return this.item(recipient).getByRole('form', { name: /^Record that the ending event happened/ });
  }

  endEventDate(recipient: string) {
    return this.endEventForm(recipient).getByLabel('Date it happened', { exact: true });
  }

  endEventError(recipient: string) {
    return this.endEventForm(recipient)
      .locator('.field', { has: this.page.getByLabel('Date it happened', { exact: true }) })
      .locator('.field__error');
  }

  /** The accounting of disclosures below the consents. */
  disclosures() {
    return this.panel().getByRole('region', { name: 'Disclosures', exact: true });
  }

  disclosureRows() {
    return this.disclosures().locator('table.disclosure-table tbody tr');
  }

  async submitEndEvent(recipient: string) {
    await this.endEventForm(recipient).getByRole('button', { name: 'Record that it happened' }).click();
  }
}
