import type { Page } from 'playwright-core';
import { AssessmentFormModel, openChartTab } from './AssessmentsPage';

/** The Withdrawal tab: add a COWS or SOWS rating, the flowsheet table and the chart over time. */
export class WithdrawalPage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Withdrawal/ });
  }

  async open() {
    await openChartTab(this.page, 'Withdrawal');
    await this.panel().getByRole('heading', { name: 'Withdrawal flowsheet' }).waitFor();
  }

  async addRating(instrument: 'COWS' | 'SOWS'): Promise<AssessmentFormModel> {
    await this.panel()
      .getByRole('button', { name: `Add ${instrument} rating` })
      .click();
    const form = new AssessmentFormModel(this.page, this.panel(), instrument);
    await form.section().waitFor();
    return form;
  }

  openForm(instrument: 'COWS' | 'SOWS') {
    return new AssessmentFormModel(this.page, this.panel(), instrument);
  }

  rows() {
    return this.panel().getByRole('table', { name: 'Withdrawal ratings, oldest first' }).locator('tbody tr');
  }

  /** The cells of every row as text, for reading the flowsheet as a clinician would. */
  async table(): Promise<string[][]> {
    return this.rows().evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll('th, td')].map((c) =>
          (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
  }

  chart() {
    return this.panel().getByRole('img', { name: /^Withdrawal scores over time/ });
  }

  cowsPoints() {
    return this.chart().locator('.wd-chart__point--cows');
  }

  sowsPoints() {
    return this.chart().locator('.wd-chart__point--sows');
  }

  bands() {
    return this.chart().locator('.wd-chart__band');
  }

  bandLabels() {
    return this.chart().locator('.wd-chart__band-label').allTextContents();
  }

  timePointMarks() {
    return this.chart().locator('.wd-chart__mark-label');
  }
}
