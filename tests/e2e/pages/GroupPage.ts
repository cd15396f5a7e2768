import type { Page } from 'playwright-core';

/** The Sessions area's group screens: the list, the new-group form and a group's own record. */
export class GroupPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async startNew() {
    await this.page.getByRole('button', { name: 'New group session' }).click();
    await this.form().waitFor();
  }

  form() {
    return this.page.getByRole('form', { name: 'New group session' });
  }

  field(label: string) {
    return this.form().getByLabel(label, { exact: true });
  }

  async check(label: string) {
    await this.form().getByRole('checkbox', { name: label, exact: true }).check();
  }

  /** Types a name into the attendee picker and picks the first match with Enter. */
  async addAttendee(search: string) {
    const picker = this.form().getByRole('combobox', { name: 'Add an attendee' });
    await picker.fill(search);
    await this.form().getByRole('listbox').getByRole('option').first().waitFor();
    await picker.press('Enter');
    await this.form().locator('table.attendee-table tbody tr', { hasText: search }).waitFor();
  }

  async setAttendance(name: string, label: string) {
    await this.form()
      .getByRole('combobox', { name: `Attendance of ${name}` })
      .selectOption({ label });
  }

  async create() {
    await this.form().getByRole('button', { name: 'Create group session' }).click();
  }

  /** Adds a late attendee on the group's own screen. */
  async addLateAttendee(search: string) {
    const picker = this.page.getByRole('combobox', { name: 'Add a late attendee' });
    await picker.fill(search);
    await this.page.getByRole('listbox').getByRole('option').first().waitFor();
    await picker.press('Enter');
  }

  memberRows() {
    return this.page.locator('table.member-table tbody tr');
  }

  async openMemberNote(name: string) {
    await this.page.getByRole('button', { name: new RegExp(`open the note of ${name}`) }).click();
  }

  /** The sheet is internal: its purpose is chosen first. */
  async printAttendance(purpose: "For the group's record" | 'For clinical supervision') {
    await this.page
      .getByRole('group', { name: 'Why is it printed?' })
      .getByRole('radio', { name: purpose, exact: true })
      .check();
    await this.page.getByRole('button', { name: 'Print attendance sheet' }).click();
  }

  printedPath() {
    return this.page.locator('.print-pdf__status code.path');
  }

  groupRows() {
    return this.page.locator('table.group-table tbody tr');
  }
}
