import type { Page } from 'playwright-core';

export class ClientListPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Clients', level: 1 });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Clients' })
      .click();
    await this.heading().waitFor();
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  status(label: 'Active' | 'On hold' | 'Discharged') {
    return this.page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: label });
  }

  clinician() {
    return this.page.getByLabel('Clinician', { exact: true });
  }

  table() {
    return this.page.getByRole('table', { name: 'Clients' });
  }

  /** The names in the rows, in order. */
  async names(): Promise<string[]> {
    return this.table().locator('tbody .client-link').allTextContents();
  }

  rows() {
    return this.table().locator('tbody tr');
  }

  activeRow() {
    return this.table().locator('tbody tr.client-row--active');
  }

  sortButton(column: string) {
    return this.table().getByRole('button', { name: column, exact: true });
  }

  /** The aria-sort of a column header, or null when the list is not sorted by it. */
  async sortOf(column: string): Promise<string | null> {
    return this.table().getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-sort');
  }

  range() {
    return this.page.getByTestId('page-range');
  }

  pageButton(name: 'First' | 'Previous' | 'Next' | 'Last') {
    return this.page
      .getByRole('navigation', { name: 'Pages of the client list' })
      .getByRole('button', { name });
  }

  pageSize() {
    return this.page.getByLabel('Rows per page');
  }

  newClientButton() {
    return this.page.getByRole('button', { name: 'Add client' });
  }

  emptyState(title: 'No clients yet' | 'No clients match') {
    return this.page.getByRole('heading', { name: title, level: 2 });
  }

  /** Waits until the list has settled on `range` (e.g. "1–25 of 53") after a search, filter or page change. */
  async waitForRange(range: string) {
    await this.page.waitForFunction(
      ([text]) =>
        document.querySelector('[data-testid="page-range"]')?.textContent === text &&
        document.querySelector('.client-table[aria-busy]') === null,
      [range],
    );
  }
}
