import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClient } from '../support/clients';
import { openApp, type AppUnderTest } from './support/browser';
import { ClientFormPage } from './pages/ClientFormPage';
import { FramePage } from './pages/FramePage';
import { LockPage } from './pages/LockPage';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';

/** Unsaved changes in the client form survive looking elsewhere, and are forgotten on Cancel and on lock. */
describe('client form drafts', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('brings unsaved changes back after a visit elsewhere, until discarded or locked', async () => {
    const { page, harness } = app;
    const client = await ipc(harness, 'clients.create', {
      client: aClient({ legalFirstName: 'Wilhelmina', legalLastName: 'Achterberg', phone: '(541) 555-0100' }),
    });
    const form = new ClientFormPage(page);
    const banner = page.getByRole('status').filter({ hasText: 'Your unsaved changes from earlier are back' });
    const openEdit = async () => {
      await page.goto(`${harness.origin}/?t=${harness.token}#/clients/${client.id}/edit`);
      await form.heading('Edit client').waitFor();
    };

    await openEdit();
    expect(await banner.count()).toBe(0);
    await form.field('phone').fill('(541) 555-0199');
    await page.evaluate(() => {
      window.location.hash = '#/clients';
    });
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await page.evaluate((id) => {
      window.location.hash = `#/clients/${id}/edit`;
    }, client.id);
    await banner.waitFor();
    expect(await form.field('phone').inputValue()).toBe('(541) 555-0199');

    await banner.getByRole('button', { name: 'Discard them' }).click();
    expect(await form.field('phone').inputValue()).toBe('(541) 555-0100');
    expect(await banner.count()).toBe(0);

    // Locking forgets a draft: it is clinical data, and nothing clinical stays in the renderer while locked.
    await form.field('phone').fill('(541) 555-0177');
    await new FramePage(page).lock();
    await new LockPage(page).unlock(CLINIC.passphrase);
    await new FramePage(page).signedInUser().waitFor();
    await page.evaluate((id) => {
      window.location.hash = `#/clients/${id}/edit`;
    }, client.id);
    await form.heading('Edit client').waitFor();
    expect(await banner.count()).toBe(0);
    expect(await form.field('phone').inputValue()).toBe('(541) 555-0100');
  });
});
