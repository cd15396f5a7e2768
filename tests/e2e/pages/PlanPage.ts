import type { Page } from 'playwright-core';

/** The chart's Treatment plan tab: the current version, the editor, and earlier versions. */
export class PlanPage {
  constructor(private readonly page: Page) {}

  tab() {
    return this.page
      .getByRole('tablist', { name: 'Chart sections' })
      .getByRole('tab', { name: /^Treatment plan/ });
  }

  panel() {
    return this.page.getByRole('tabpanel', { name: /^Treatment plan/ });
  }

  async open() {
    await this.tab().click();
    await this.panel().waitFor();
  }

  async startEditing() {
    await this.panel()
      .getByRole('button', { name: /^(Write the treatment plan|Revise plan)$/ })
      .click();
    await this.editor().waitFor();
  }

  editor() {
    return this.panel().getByRole('form', { name: /^(Write the treatment plan|Revise treatment plan)/ });
  }

  /** A fieldset of the editor by its legend: "Problem 1", "Goal 1.1", "Objective 1.1.1", "Interventions for goal 1.1". */
  group(legend: string) {
    return this.editor().getByRole('group', { name: legend, exact: true });
  }

  field(label: string) {
    return this.editor().getByLabel(label, { exact: true });
  }

  fieldError(label: string) {
    return this.editor()
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }

  async save() {
    await this.editor().getByRole('button', { name: /^Save/ }).click();
  }

  current() {
    return this.panel().getByRole('article', { name: /^Current plan, version \d+$/ });
  }

  status() {
    return this.panel().getByRole('status').first();
  }

  async viewVersion(n: number) {
    await this.panel()
      .getByRole('button', { name: `Version ${n}`, exact: true })
      .click();
    await this.version(n).waitFor();
  }

  version(n: number) {
    return this.panel().getByRole('article', { name: `Plan version ${n}` });
  }
}
