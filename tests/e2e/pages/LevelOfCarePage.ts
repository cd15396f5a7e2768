import type { Page } from 'playwright-core';
import { openChartTab } from './AssessmentsPage';

/** The Level of care tab: criteria by group, the suggestion, the risk review, the decision and its history. */
export class LevelOfCarePage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Level of care/ });
  }

  async open() {
    await openChartTab(this.page, 'Level of care');
    await this.panel().getByRole('heading', { name: 'Level of care', level: 2 }).waitFor();
  }

  suggestion() {
    return this.panel().getByTestId('suggested-level');
  }

  group(title: string) {
    return this.panel().getByRole('region', { name: new RegExp(`^(⚠ )?${title}`) });
  }

  criterion(id: string) {
    return this.panel().locator(`[data-criterion="${id}"]`);
  }

  async judge(criterionId: string, answer: 'Yes' | 'No') {
    await this.criterion(criterionId).getByRole('radio', { name: answer, exact: true }).check();
  }

  form() {
    return this.panel().getByRole('form', { name: 'Decide the level of care' });
  }

  async rate(dimension: string, rating: number, note: string) {
    const group = this.form().getByRole('group', { name: dimension, exact: true });
    await group.getByRole('radio', { name: new RegExp(`^${rating}:`) }).check();
    await group.getByRole('textbox').fill(note);
  }

  /** Leaves a dimension unrated, with the reason written in its note. */
  async notRated(dimension: string, reason: string) {
    await this.form().getByRole('group', { name: dimension, exact: true }).getByRole('textbox').fill(reason);
  }

  reviewError() {
    return this.form().locator('.risk-review > .field__error');
  }

  async choose(level: string) {
    await this.form()
      .getByRole('group', { name: 'Level of care chosen' })
      .getByRole('radio', { name: new RegExp(`^${level}`) })
      .check();
  }

  reason() {
    return this.form().getByLabel('Reason for this level of care', { exact: true });
  }

  reasonError() {
    return this.form()
      .locator('.field', { has: this.page.getByLabel('Reason for this level of care', { exact: true }) })
      .locator('.field__error');
  }

  async submit() {
    await this.form().getByRole('button', { name: 'Record decision' }).click();
  }

  decisions() {
    return this.panel()
      .getByRole('region', { name: /^Decisions/ })
      .locator('li.decision');
  }
}
