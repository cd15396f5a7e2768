import type { Page } from 'playwright-core';

/** Note search in the Sessions area. */
export class SearchPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Sessions' })
      .getByRole('button', { name: 'Search notes' })
      .click();
    await this.page.getByRole('heading', { level: 1, name: 'Search notes' }).waitFor();
  }

  form() {
    return this.page.getByRole('search', { name: 'Search notes' });
  }

  async search(query: string) {
    const box = this.form().getByLabel('Search for', { exact: true });
    await box.fill(query);
    await box.press('Enter');
  }

  /** Picks the client filter with the keyboard: type, then Enter on the first match. */
  async chooseClient(search: string) {
    const picker = this.form().getByRole('combobox', { name: 'Client' });
    await picker.fill(search);
    await this.form().getByRole('listbox').getByRole('option').first().waitFor();
    await picker.press('Enter');
    await this.form()
      .getByRole('button', { name: /^Any client/ })
      .waitFor();
  }

  async clearClient() {
    await this.form()
      .getByRole('button', { name: /^Any client/ })
      .click();
  }

  count() {
    return this.page.locator('.search-count');
  }

  results() {
    return this.page.getByRole('list', { name: 'Matching notes' }).getByRole('listitem');
  }

  /** The highlighted words of every result, in order. */
  marks() {
    return this.page.locator('.search-result .snippet mark');
  }

  async openResult(index: number) {
    await this.results()
      .nth(index)
      .getByRole('button', { name: /open this note in the chart/ })
      .click();
  }
}
