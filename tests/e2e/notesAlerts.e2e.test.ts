/**
 * Notes, alerts and groups as a clinician meets them (issues 8 and 9), in Chromium against the harness: a draft
 * recording suicidal ideation raises the alert before it is signed, and the Overview lists it; a draft in progress
 * is offered from the chart after a reload; the save state stays in view in a long note; a group gains a late
 * attendee. One practice for the file; the tests run in order and build on each other.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import { AlertsPage } from './pages/AlertsPage';
import { ChartPage } from './pages/ChartPage';
import { GroupPage } from './pages/GroupPage';
import { NotesPage } from './pages/NotesPage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { ipc, setUpPracticeThroughUi } from './support/practice';
import './support/clock';
import { aClient } from '../support/clients';

describe('notes, alerts and groups', () => {
  let app: AppUnderTest;
  let client: Client;
  let chart: ChartPage;

  const newClient = (legalFirstName: string, legalLastName: string) =>
    ipc(app.harness, 'clients.create', {
      client: aClient({
        legalFirstName,
        legalLastName,
        preferredName: '',
        dateOfBirth: '1990-03-09',
        pronouns: '',
        sex: 'not-recorded',
        phone: '',
        email: '',
        address: '',
        emergencyContact: { name: '', relationship: '', phone: '' },
        admissionDate: '2026-10-01',
      }),
    });

  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
    client = await newClient('Văn Minh', 'Đặng');
    chart = new ChartPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('raises the alert when a draft recording suicidal ideation is saved, before it is signed', async () => {
    const { page } = app;
    await chart.open(app.harness.url, client.id);
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote('SOAP');
    // The session defaults to the 50 minutes ending now, not to 09:00.
    expect(await notes.field('Session date').inputValue()).toBe(localDate(Date.now() - 50 * 60_000));
    expect(await notes.field('Start time').inputValue()).not.toBe('09:00');
    await notes.field('Subjective').fill('Says the cravings at night come with thoughts of not waking up.');
    await notes.completeRiskReview('Passive', 'Denied');
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);
    const alerts = new AlertsPage(page);
    await expect
      .poll(() => alerts.items().allTextContents())
      .toContainEqual(expect.stringContaining('Session note: suicidal ideation (passive thoughts)'));
    expect(await notes.signedNote().count()).toBe(0);
    const listed = await ipc(app.harness, 'alerts.list', { clientId: client.id });
    expect(listed.map((a) => [a.finding, a.sourceType])).toEqual([['suicide-risk', 'note']]);
  });

  it('keeps the save state in view while typing far down a long note', async () => {
    const { page } = app;
    const notes = new NotesPage(page);
    const long = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of what the client described.`).join(
      '\n',
    );
    await notes.field('Objective').fill(long);
    await notes.field('Plan').fill('Safety plan reviewed; call 988 if the thoughts return at night.');
    await notes.field('Next appointment').scrollIntoViewIfNeeded();
    await notes.field('Next appointment').fill('Thursday 10:00');
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);
    await expect.poll(() => notes.saveStatus().isVisible()).toBe(true);
    const status = await notes.saveStatus().boundingBox();
    const field = await notes.field('Next appointment').boundingBox();
    const viewport = page.viewportSize();
    // Both on screen at once: the status sticks to the top of the scrolled page.
    expect(status && field && viewport).toBeTruthy();
    expect(status!.y).toBeGreaterThanOrEqual(0);
    expect(field!.y + field!.height).toBeLessThanOrEqual(viewport!.height);
    expect(status!.y).toBeLessThan(field!.y);
    await page.screenshot({ path: path.resolve('test-results/screens/note-editor-sticky.png') });
  });

  it('offers the draft from the chart after a reload', async () => {
    const { page } = app;
    await page.reload();
    await chart.heading().waitFor();
    const reminder = page.getByRole('region', { name: 'Drafts in progress' });
    const continueButton = reminder.getByRole('button', {
      name: /^Continue the draft of individual session/,
    });
    await continueButton.waitFor();
    await screenshot(page, 'chart-continue-draft');
    expect(await axeViolations(page)).toEqual([]);
    await continueButton.click();
    const notes = new NotesPage(page);
    await notes.editor().waitFor();
    expect(await notes.field('Subjective').inputValue()).toContain('thoughts of not waking up');
    expect(await notes.field('Next appointment').inputValue()).toBe('Thursday 10:00');
    await screenshot(page, 'note-editor');
  });

  it('lists the open alert on the Overview, naming the client', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Overview' }).click();
    const panel = page.getByRole('region', { name: 'Open red-flag alerts' });
    await expect.poll(() => panel.textContent()).toContain('Đặng, Văn Minh');
    expect(await panel.textContent()).toContain('Red-flag symptom recorded');
    await screenshot(page, 'overview-open-alerts');
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Đặng, Văn Minh' }).click();
    await chart.heading().filter({ hasText: 'Đặng' }).waitFor();
  });

  it('adds a late attendee to a group until a member’s note is signed', async () => {
    const { page } = app;
    const lukasiewicz = await newClient('Jadwiga', 'Łukasiewicz');
    const obrien = await newClient('Siobhán', 'O’Brien');
    const me = (await ipc(app.harness, 'app.status', {})).user!;
    const session = await ipc(app.harness, 'groups.create', {
      group: {
        groupName: 'Evening skills group',
        topic: 'Urge surfing',
        covered: 'Noticing an urge and riding it out for ten minutes.',
        sessionDate: localDate(Date.now() - 86_400_000),
        startTime: '17:00',
        endTime: '18:30',
        modality: 'in-person',
        interventions: ['dbt-skills'],
        facilitatorIds: [me.id],
      },
      attendees: [{ clientId: lukasiewicz.id, attendance: 'present' }],
    });
    await page.goto(`${app.harness.url}#/sessions/groups/${session.id}`);
    const group = new GroupPage(page);
    await group.heading().filter({ hasText: 'Evening skills group' }).waitFor();
    expect(await page.locator('.facts').first().textContent()).toContain('Noticing an urge');
    await group.addLateAttendee('O’Brien');
    await expect.poll(() => group.memberRows().count()).toBe(2);
    expect(await group.memberRows().filter({ hasText: 'O’Brien' }).textContent()).toContain('Late');
    await screenshot(page, 'group-late-attendee');
    expect(await axeViolations(page)).toEqual([]);
    const after = await ipc(app.harness, 'groups.get', { id: session.id });
    expect(after.members.map((m) => m.clientId).sort()).toEqual([lukasiewicz.id, obrien.id].sort());
  });
});
