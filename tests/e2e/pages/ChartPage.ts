import type { Page } from 'playwright-core';

export type ChartTab =
  'Timeline' | 'Intake' | 'Use log' | 'Taper' | 'Notes' | 'Treatment plan' | 'Consents' | 'Private notes';

/** The client chart: header, risk flags, tabs and the timeline. */
export class ChartPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, clientId: string) {
    await this.page.goto(`${baseUrl}#/clients/${encodeURIComponent(clientId)}`);
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  header() {
    return this.page.locator('header.chart-header');
  }

  fact(term: string) {
    return this.header().locator('.chart-header__facts > div', { hasText: term }).locator('dd');
  }

  /** Red-flag alerts waiting for an acknowledgement (the banner under the header). */
  urgentAlert() {
    return this.page.locator('.alert-banner');
  }

  cautions() {
    return this.page.getByRole('region', { name: 'Cautions from the record' }).getByRole('listitem');
  }

  tab(name: ChartTab) {
    return this.page
      .getByRole('tablist', { name: 'Chart sections' })
      .getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  panel(name: ChartTab) {
    return this.page.getByRole('tabpanel', { name: new RegExp(`^${name}`) });
  }

  async openTab(name: ChartTab) {
    await this.tab(name).click();
    await this.panel(name).waitFor();
  }

  timelineEvents() {
    return this.panel('Timeline').getByRole('listitem');
  }

  editButton() {
    return this.page.getByRole('button', { name: 'Edit details' });
  }
}
