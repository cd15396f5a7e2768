import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyNoteContent } from '../../shared/domain/notes';
import { aClient } from '../support/clients';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { ipc, setUpPracticeThroughUi } from './support/practice';

/** The Assessments and Plans areas: what waits across the practice, each row opening the chart. */
describe('practice-wide worklists', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists open alerts and unsigned assessments, and opens the chart from a row', async () => {
    const { page, harness } = app;
    const ilse = await ipc(harness, 'clients.create', {
      client: aClient({ legalFirstName: 'Ilse', legalLastName: 'Bergström-Achebe', preferredName: '' }),
    });
    await ipc(harness, 'assessments.save', {
      clientId: ilse.id,
      id: null,
      assessment: {
        instrumentId: 'phq9',
        answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
        context: { sex: null, underMedicalSupervision: null },
        lastDoseAtMs: null,
        timePoint: null,
        administeredAtMs: Date.now() - 60_000,
        notes: '',
      },
    });
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Assessments' })
      .click();
    const alerts = page.getByRole('region', { name: /Open red-flag alerts/ });
    await alerts.getByRole('cell', { name: /PHQ-9/ }).waitFor();
    const unsigned = page.getByRole('region', { name: /Assessments not yet signed/ });
    expect(await unsigned.getByRole('row').nth(1).textContent()).toContain('9 (mild)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'worklist-assessments');
    await alerts.getByRole('link', { name: /Bergström-Achebe, Ilse/ }).click();
    await page.getByRole('heading', { level: 1, name: /Bergström-Achebe/ }).waitFor();
  });

  it('lists clients without a plan and my unsigned notes', async () => {
    const { page, harness } = app;
    const tove = await ipc(harness, 'clients.create', {
      client: aClient({ legalFirstName: 'Tove', legalLastName: 'Okafor-Lindqvist', preferredName: '' }),
    });
    await ipc(harness, 'notes.create', {
      clientId: tove.id,
      kind: 'progress',
      content: emptyNoteContent('dap', '2026-11-20'),
    });
    await page.goto(`${harness.origin}/?t=${harness.token}#/plans`);
    const withoutPlan = page.getByRole('region', { name: /without a treatment plan/ });
    await withoutPlan.getByRole('link', { name: /Okafor-Lindqvist, Tove/ }).waitFor();
    const drafts = page.getByRole('region', { name: /My unsigned notes/ });
    expect(await drafts.getByRole('row').nth(1).textContent()).toContain('Progress note');
    expect(await page.getByRole('region', { name: /Plans due for review/ }).textContent()).toContain(
      'No plan is due for review.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'worklist-plans');
  });
});
