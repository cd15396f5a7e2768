import type { Page } from 'playwright-core';

/** The Taper tab: the plan form, the summary and its change buttons, plan versus actual, steps, print, versions. */
export class TaperPage {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Taper/ });
  }

  form(name: string) {
    return this.panel().getByRole('form', { name });
  }

  field(form: string, label: string) {
    return this.form(form).getByLabel(label, { exact: true });
  }

  fieldError(form: string, label: string) {
    return this.form(form)
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  button(name: string) {
    return this.panel().getByRole('button', { name, exact: true });
  }

  saved() {
    return this.panel().locator('.taper__saved');
  }

  fact(term: string) {
    return this.panel().locator('.taper__facts > div', { hasText: term }).locator('dd');
  }

  chart() {
    return this.panel().getByRole('img', { name: /Plan versus actual/ });
  }

  overPlanBars() {
    return this.panel().locator('.plan-chart__bar--over');
  }

  loggedBars() {
    return this.panel().locator('.plan-chart__bar');
  }

  strongMarks() {
    return this.panel().locator('.plan-chart__strong');
  }

  planRows() {
    return this.panel()
      .getByRole('table', { name: 'Planned and logged amounts per day' })
      .locator('tbody tr');
  }

  stepRows() {
    return this.panel().locator('table.taper-steps tbody tr');
  }

  versions() {
    return this.panel().locator('.taper-versions > li');
  }

  printedPath() {
    return this.panel().locator('.print-pdf__status code.path');
  }
}
