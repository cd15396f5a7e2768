import type { Page } from 'playwright-core';

export class FramePage {
  constructor(private readonly page: Page) {}

  signedInUser() {
    return this.page.getByTestId('signed-in-user');
  }

  nav(name: string) {
    return this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name });
  }

  async lock() {
    await this.page.getByRole('button', { name: 'Lock', exact: true }).click();
  }

  async openSettings() {
    await this.nav('Settings').click();
    await this.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }
}
