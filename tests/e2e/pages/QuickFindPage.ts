import type { Page } from 'playwright-core';

export class QuickFindPage {
  constructor(private readonly page: Page) {}

  /** Opens quick find with its shortcut, from wherever the keyboard is. */
  async openWithShortcut() {
    await this.page.keyboard.press('Control+k');
    await this.dialog().waitFor();
  }

  dialog() {
    return this.page.getByRole('dialog', { name: 'Find a client' });
  }

  input() {
    return this.dialog().getByRole('combobox', { name: 'Name or chart number' });
  }

  options() {
    return this.dialog().getByRole('option');
  }

  selectedOption() {
    return this.dialog().getByRole('option', { selected: true });
  }

  status() {
    return this.dialog().getByRole('status');
  }
}
