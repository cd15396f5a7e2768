/**
 * Therapy sessions in Chromium against the harness: the treatment plan and its versions, a SOAP note that survives
 * reloads mid-sentence, signing and addenda, a group session whose members' charts and PDFs never name each other,
 * note search with highlighted words, and private SUD counselling notes kept out of the timeline, search and print,
 * printed only as a disclosure under their consent and listed in the accounting of disclosures.
 * One practice for the file; the tests run in order and build on each other.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import { ChartPage } from './pages/ChartPage';
import { ConsentsPage } from './pages/ConsentsPage';
import { FramePage } from './pages/FramePage';
import { GroupPage } from './pages/GroupPage';
import { LockPage } from './pages/LockPage';
import { NotesPage } from './pages/NotesPage';
import { PlanPage } from './pages/PlanPage';
import { SearchPage } from './pages/SearchPage';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';
import './support/clock';
import { aClient } from '../support/clients';

const MEMBERS = [
  ['Bartholomew', 'Quillfeather'],
  ['Perpetua', 'Okonjo-Haldane'],
  ['Ximena', 'Valdríð'],
] as const;

const SUPERVISOR_PASSPHRASE = 'lantern quarry heron sixty';

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

describe('therapy sessions', () => {
  let app: AppUnderTest;
  let client: Client;
  const members: Client[] = [];
  let chart: ChartPage;

  const newClient = (legalFirstName: string, legalLastName: string) =>
    ipc(app.harness, 'clients.create', {
      client: aClient({
        legalFirstName,
        legalLastName,
        preferredName: '',
        dateOfBirth: '1988-06-14',
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
    client = await newClient('Rosalind', 'Achterberg-Vance');
    for (const [first, last] of MEMBERS) members.push(await newClient(first, last));
    chart = new ChartPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('writes a treatment plan, revises it with a reason, and keeps version 1 viewable with the same goal ids', async () => {
    await chart.open(app.harness.url, client.id);
    const plan = new PlanPage(app.page);
    await plan.open();
    await plan.startEditing();
    await plan
      .group('Problem 1')
      .getByLabel('Problem', { exact: true })
      .fill('Daily kratom use, 5 doses a day');
    const goal = plan.group('Goal 1.1');
    await goal.getByLabel('Goal', { exact: true }).fill('Taper to stop kratom use safely');
    await goal.getByLabel('Goal target date', { exact: true }).fill('2027-02-15');
    const objective = plan.group('Objective 1.1.1');
    await objective
      .getByLabel('Objective', { exact: true })
      .fill('Reduce the daily amount by 10–20 % each week');
    await objective.getByLabel('Measure', { exact: true }).fill('Grams a day in the use log');
    await objective.getByLabel('Target date', { exact: true }).fill('2026-12-20');
    await plan
      .group('Interventions for goal 1.1')
      .getByLabel('Intervention 1')
      .fill('Weekly CBT for triggers');
    await plan.save();
    await plan.current().waitFor();
    expect(await plan.current().textContent()).toContain('Taper to stop kratom use safely');

    await plan.startEditing();
    await plan.group('Objective 1.1.1').getByLabel('Status', { exact: true }).selectOption({ label: 'Met' });
    await plan.editor().getByRole('button', { name: 'Add goal to problem 1' }).click();
    await plan.group('Goal 1.2').getByLabel('Goal', { exact: true }).fill('Sleep seven hours without kratom');
    await plan.group('Objective 1.2.1').getByLabel('Objective', { exact: true }).fill('Keep a sleep diary');
    await plan.save();
    await expect
      .poll(() => plan.fieldError('Reason for revision').textContent())
      .toBe('Say why the plan is being revised.');
    await screenshot(app.page, 'treatment-plan-editor');
    await plan.field('Reason for revision').fill('First objective met; sleep added as a goal.');
    await plan.save();
    await plan.current().waitFor();
    expect(await plan.current().getAttribute('aria-label')).toBe('Current plan, version 2');

    await plan.viewVersion(1);
    const v1 = await plan.version(1).textContent();
    expect(v1).toContain('Taper to stop kratom use safely');
    expect(v1).not.toContain('Sleep seven hours');
    const { versions } = await ipc(app.harness, 'plans.get', { clientId: client.id });
    const goalIds = versions.map((v) => v.plan.problems[0]?.goals[0]?.id);
    expect(goalIds[0]).toBe(goalIds[1]);

    await screenshot(app.page, 'treatment-plan');
    expect(await axeViolations(app.page)).toEqual([]);
    await plan.startEditing();
    expect(await axeViolations(app.page)).toEqual([]);
    await plan.editor().getByRole('button', { name: 'Cancel' }).click();
  });

  it('keeps a SOAP note through a reload after it saved, and through a reload right after typing', async () => {
    const { page } = app;
    const notes = new NotesPage(page);
    await notes.open();
    expect(await notes.panel().textContent()).toContain('No notes for this client yet.');
    expect(await axeViolations(page)).toEqual([]);
    await notes.newNote('SOAP');
    expect(await notes.saveStatus().textContent()).toMatch(/^Not saved yet/);

    await notes
      .field('Subjective')
      .pressSequentially('Client reports cravings at work breaks; slept six hours.');
    await notes.field('Objective').fill('Alert and calm, COWS 3 at arrival.');
    await notes.editor().getByRole('checkbox', { name: 'CBT' }).check();
    await notes.editor().getByRole('checkbox', { name: 'Taper to stop kratom use safely' }).check();
    await notes.field('Assessment').pressSequentially('Taper on track; stress at work is the main');
    await expect.poll(() => notes.saveStatus().textContent(), { timeout: 5000 }).toMatch(/^Saved \d/);
    await screenshot(page, 'note-editor');
    expect(await axeViolations(page)).toEqual([]);

    // 1. Reload once the status line says saved, mid-sentence.
    await page.reload();
    await chart.heading().waitFor();
    await notes.open();
    await expect.poll(() => notes.rows().count()).toBe(1);
    expect(await notes.rows().first().textContent()).toContain('Draft');
    await notes.openNote(/^Individual session/);
    expect(await notes.field('Assessment').inputValue()).toBe('Taper on track; stress at work is the main');
    expect(await notes.editor().getByRole('checkbox', { name: 'CBT' }).isChecked()).toBe(true);

    // 2. Type and reload at once, inside the autosave pause: beforeunload sends the save (as a keepalive request
    // in the browser) and, with no save in flight, does not need to ask.
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await notes.field('Assessment').press('End');
    await notes.field('Assessment').pressSequentially(' trigger; urge surfing helps during the commute.');
    await page.reload();
    await chart.heading().waitFor();
    expect(dialogs).toEqual([]);
    await notes.open();
    await notes.openNote(/^Individual session/);
    expect(await notes.field('Assessment').inputValue()).toBe(
      'Taper on track; stress at work is the main trigger; urge surfing helps during the commute.',
    );
    await notes.field('Plan').fill('Reduce to 9 g a day from Friday; practise urge surfing.');
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);
  });

  it('signs only once the times make a session and the risk review is done, and is read-only while signing', async () => {
    const notes = new NotesPage(app.page);
    // A crisis session past midnight: a half-typed time autosaves, the times are checked when signing.
    await notes.field('End time').fill('');
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);
    await notes.editor().getByRole('button', { name: 'Sign…' }).click();
    await expect.poll(() => notes.fieldError('End time').textContent()).toBe('Enter the end time (HH:MM).');
    expect(await notes.choiceError('Suicidal ideation').textContent()).toMatch(/^Complete the risk review/);
    expect(await notes.choiceError('Homicidal ideation').textContent()).toMatch(/^Complete the risk review/);
    expect(await notes.signForm().count()).toBe(0);
    await notes.field('Start time').fill('23:30');
    await notes.field('End time').fill('00:15');
    await notes.completeRiskReview();
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);
    // Tonight's session has not ended yet: a note is signed once its session is over.
    await notes.editor().getByRole('button', { name: 'Sign…' }).click();
    await expect
      .poll(() => notes.fieldError('End time').textContent())
      .toMatch(/^The session has not ended yet/);
    expect(await notes.signForm().count()).toBe(0);
    // Last night's has.
    await notes.field('Session date').fill(localDate(Date.now() - 86_400_000));
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);

    await notes.editor().getByRole('button', { name: 'Sign…' }).click();
    await notes.signForm().waitFor();
    expect(await notes.field('Plan').isDisabled()).toBe(true);
    expect(await notes.field('End time').isDisabled()).toBe(true);
    await notes.signForm().getByRole('button', { name: 'Cancel' }).click();
    expect(await notes.field('Plan').isDisabled()).toBe(false);
  });

  it('signs the note with the passphrase; the editor is gone and the hash verifies', async () => {
    const { page } = app;
    const notes = new NotesPage(page);
    await notes.sign('not my passphrase at all');
    await expect
      .poll(() => notes.signForm().locator('.field__error').textContent())
      .toMatch(/^That is not your current passphrase\. You can try again in \d+ seconds?\.$/);
    await notes.signForm().getByLabel('Your passphrase', { exact: true }).fill(CLINIC.passphrase);
    await notes.signForm().getByRole('button', { name: 'Sign note' }).click();
    await notes.signedNote().waitFor();
    expect(await notes.editor().count()).toBe(0);
    expect(await notes.panel().getByRole('textbox').count()).toBe(0);
    expect(await notes.hash().textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await notes.signedNote().textContent()).toContain(`Signed by ${CLINIC.fullName}`);
    // Only a supervisor co-signs, and never their own note.
    expect(await notes.signedNote().getByRole('button', { name: 'Co-sign…' }).count()).toBe(0);
    expect(await notes.signedNote().textContent()).toContain('Taper to stop kratom use safely');
    const verdict = await notes.verify();
    await expect
      .poll(() => verdict.textContent())
      .toBe('Intact: the note and its addenda match their signatures.');
    await screenshot(page, 'note-signed');
    expect(await axeViolations(page)).toEqual([]);

    // The timeline, marked stale by the signature, shows it when opened.
    await chart.openTab('Timeline');
    await expect
      .poll(() => chart.timelineEvents().allTextContents())
      .toContainEqual(expect.stringContaining('Progress note signed (SOAP)'));
  });

  it('corrects the signed note with a signed addendum, listed with its hash', async () => {
    const notes = new NotesPage(app.page);
    await notes.open();
    await notes.addAddendum('Correction: the COWS at arrival was 4, not 3.', CLINIC.passphrase);
    await expect.poll(() => notes.addenda().count()).toBe(1);
    const addendum = notes.addenda().first();
    expect(await addendum.textContent()).toContain('Correction: the COWS at arrival was 4, not 3.');
    expect(await addendum.locator('.hash code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await addendum.textContent()).toContain(`Signed by ${CLINIC.fullName}`);
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('files a group session for three clients; each chart and PDF shows only its own member', async () => {
    const { page } = app;
    const group = new GroupPage(page);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Sessions' }).click();
    await group.heading().filter({ hasText: 'Group sessions' }).waitFor();
    // The list loads after the heading: wait for what it says, not for a moment.
    await page.getByText('No group sessions recorded yet.').waitFor();
    await group.startNew();
    await group.field('Group name').fill('Tuesday skills group');
    await group.field('Topic').fill('Coping with cravings at work');
    // Yesterday's group: its members' notes can be signed (a session is signed once it has ended).
    await group.field('Session date').fill(localDate(Date.now() - 86_400_000));
    await group.check('DBT skills');
    await group.check('Psychoeducation');
    expect(
      await group
        .form()
        .getByRole('checkbox', { name: new RegExp(CLINIC.fullName) })
        .isChecked(),
    ).toBe(true);
    for (const [, last] of MEMBERS) await group.addAttendee(last);
    await group.setAttendance('Valdríð, Ximena', 'Late');
    await screenshot(page, 'group-session-new');
    expect(await axeViolations(page)).toEqual([]);
    await group.create();
    await group.heading().filter({ hasText: 'Tuesday skills group' }).waitFor();
    await expect.poll(() => group.memberRows().count()).toBe(3);
    expect(await page.locator('.facts').first().textContent()).toContain('3 of 3');
    await screenshot(page, 'group-session');
    expect(await axeViolations(page)).toEqual([]);

    await group.printAttendance("For the group's record");
    await group.printedPath().waitFor();
    const sheet = pdfText((await group.printedPath().textContent()) ?? '');
    expect(sheet).toContain('INTERNAL DOCUMENT');
    for (const [first, last] of MEMBERS) {
      expect(sheet).toContain(first);
      expect(sheet).toContain(last);
    }
    const groupUrl = page.url();

    // Each member's chart: the group's block and their own, never another member's name.
    for (const [i, [first, last]] of MEMBERS.entries()) {
      await page.goto(groupUrl);
      await group.heading().filter({ hasText: 'Tuesday skills group' }).waitFor();
      await group.openMemberNote(`${last}, ${first}`);
      await chart.heading().filter({ hasText: last }).waitFor();
      const notes = new NotesPage(page);
      await notes.editor().waitFor();
      expect(await notes.panel().textContent()).toContain('Coping with cravings at work');
      expect(await notes.field('Attendance').inputValue()).toBe(i === 2 ? 'late' : 'present');
      const text = (await page.locator('main').textContent()) ?? '';
      for (const [otherFirst, otherLast] of MEMBERS.filter((_, j) => j !== i)) {
        expect(text).not.toContain(otherFirst);
        expect(text).not.toContain(otherLast);
      }
    }

    // The last one opened (Valdríð) is written, signed and printed.
    const notes = new NotesPage(page);
    await notes.field('Participation').fill('Shared a plan for work breaks.');
    await notes.field('Progress toward own goals').fill('Two craving-free breaks this week.');
    await notes.field('Plan').fill('Practise the plan at every break.');
    await notes.completeRiskReview();
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);
    expect(await axeViolations(page)).toEqual([]);
    await notes.sign(CLINIC.passphrase);
    await notes.signedNote().waitFor();
    await notes.print();
    await notes.printedPath().waitFor();
    const path = (await notes.printedPath().textContent()) ?? '';
    expect(fs.existsSync(path)).toBe(true);
    fs.mkdirSync('test-results/screens', { recursive: true });
    fs.copyFileSync(path, 'test-results/screens/note-record-copy.pdf');
    const pdf = pdfText(path);
    expect(pdf).toContain('Valdríð');
    expect(pdf).toContain('Group session, in person');
    expect(pdf).not.toContain('in-person');
    expect(pdf).toContain('42 CFR part 2');
    for (const [first, last] of MEMBERS.slice(0, 2)) {
      expect(pdf).not.toContain(first);
      expect(pdf).not.toContain(last);
    }
  });

  it('searches words, phrases and prefixes with highlighted snippets and opens a result in the chart', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Sessions' }).click();
    const search = new SearchPage(page);
    await search.open();

    // "cravings" is in Rosalind's note and in the group's topic (searchable in each member's note).
    await search.search('cravings');
    await expect.poll(() => search.results().count()).toBe(4);
    expect(await search.marks().allTextContents()).toEqual(Array(4).fill('cravings'));
    await search.chooseClient('Achterberg');
    await search.search('cravings');
    await expect.poll(() => search.results().count()).toBe(1);
    expect(await search.results().first().textContent()).toContain(client.chartNumber);
    await search.clearClient();

    await search.search('"urge surfing"');
    await expect.poll(() => search.results().count()).toBe(1);
    expect((await search.marks().allTextContents()).join(' ').toLowerCase()).toMatch(/urge( |)surfing/);
    expect(await search.results().first().textContent()).toContain('Achterberg-Vance');

    await search.search('commu*');
    await expect.poll(() => search.marks().allTextContents()).toEqual(['commute']);
    await screenshot(page, 'note-search');
    expect(await axeViolations(page)).toEqual([]);

    await search.openResult(0);
    await chart.heading().filter({ hasText: 'Achterberg-Vance' }).waitFor();
    const notes = new NotesPage(page);
    await notes.signedNote().waitFor();
    expect(await notes.tab().getAttribute('aria-selected')).toBe('true');
    await notes.backToList();
    await expect.poll(() => notes.rows().count()).toBe(1);
    await screenshot(page, 'notes-list');
  });

  it('keeps a private SUD counselling note off the timeline, out of search, and unprinted without consent', async () => {
    const { page } = app;
    await chart.open(app.harness.url, client.id);
    await page.reload();
    await chart.heading().waitFor();
    await expect.poll(() => chart.timelineEvents().count()).toBeGreaterThan(0);
    const timelineBefore = await chart.timelineEvents().count();
    const privateNotes = new NotesPage(page, 'Private notes');
    await privateNotes.open();
    expect(await privateNotes.panel().textContent()).toContain('Kept apart from the record');
    await privateNotes.newNote('Free text');
    await privateNotes.field('Note').fill('Zanzibar: my reflection on countertransference this session.');
    await privateNotes.completeRiskReview();
    await expect.poll(() => privateNotes.saveStatus().textContent()).toMatch(/^Saved \d/);
    expect(await axeViolations(page)).toEqual([]);
    await privateNotes.sign(CLINIC.passphrase);
    await privateNotes.signedNote().waitFor();
    // Never offered "for the record": only as a disclosure, and there is no consent yet to choose.
    expect(await privateNotes.printAudience().getByRole('radio').count()).toBe(1);
    expect(await privateNotes.printAudience().textContent()).not.toContain('For the record');
    await privateNotes.print();
    await expect
      .poll(() => privateNotes.printFieldError('Consent').textContent())
      .toMatch(/^Choose the consent/);
    expect(await privateNotes.printedPath().count()).toBe(0);

    await page.reload();
    await chart.heading().waitFor();
    // The timeline arrives whole: it goes from nothing to every event, so a private note would show as one more.
    await expect.poll(() => chart.timelineEvents().count()).toBe(timelineBefore);
    expect(await chart.panel('Timeline').textContent()).not.toMatch(/zanzibar|private|counselling/i);

    await page.goto(`${app.harness.url}#/sessions/search`);
    const search = new SearchPage(page);
    await search.search('zanzibar');
    await expect.poll(() => search.count().textContent()).toBe('No notes match.');
  });

  it('prints a private note under its consent as a recorded disclosure, listed on the Consents tab', async () => {
    const { page } = app;
    await chart.open(app.harness.url, client.id);
    await chart.openTab('Consents');
    const consents = new ConsentsPage(page);
    await consents.startNew();
    await consents.choose('Type of consent', 'SUD counselling notes');
    await consents.field('Information to be disclosed').fill('SUD counselling notes from November 2026');
    await consents.field('Recipient (name or class)').fill('Dr. Marisol Eberhardt, Harbor Light Clinic');
    await consents.field('Recipient address').fill('9 Quay Street, Astoria, OR 97103');
    await consents.field('Purpose of the disclosure').fill('Continuity of counselling after the move');
    await consents
      .form()
      .getByLabel('The right to revoke this consent in writing is stated on the form')
      .check();
    await consents.field('How to revoke').fill('In writing to the clinic at any time');
    await consents.field('Expiry date').fill(localDate(Date.now() + 90 * 86_400_000));
    await consents.submit();
    const recipient = 'Dr. Marisol Eberhardt, Harbor Light Clinic';
    await consents.item(recipient).waitFor();
    await expect.poll(() => consents.disclosures().textContent()).toContain('No disclosures recorded.');

    const privateNotes = new NotesPage(page, 'Private notes');
    await privateNotes.open();
    await privateNotes.openNote(/^Individual session/);
    await privateNotes.signedNote().waitFor();
    const consent = privateNotes.printField('Consent');
    await expect.poll(() => consent.locator('option').count()).toBe(2);
    await consent.selectOption({ index: 1 });
    // The recipient, address and purpose are the consent's own, shown, not typed (issue 8 item 6).
    const scope = privateNotes.panel().getByRole('definition');
    await expect.poll(() => scope.allTextContents()).toContain(recipient);
    expect(await scope.allTextContents()).toContain('9 Quay Street, Astoria, OR 97103');
    expect(await scope.allTextContents()).toContain('Continuity of counselling after the move');
    expect(await privateNotes.panel().getByRole('textbox', { name: 'Recipient' }).count()).toBe(0);
    await privateNotes.panel().locator('.note-print').scrollIntoViewIfNeeded();
    await screenshot(page, 'disclosure-dialog');
    expect(await axeViolations(page)).toEqual([]);
    await privateNotes.print();
    await privateNotes.printedPath().waitFor();
    const pdf = pdfText((await privateNotes.printedPath().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(pdf).toContain('Disclosed under consent');
    expect(pdf).toContain('Purpose: Continuity of counselling after the move');
    expect(pdf).toContain('SUD counselling notes from November 2026');
    expect(pdf).not.toContain('2024-rule-statement-1');
    fs.mkdirSync('test-results/screens', { recursive: true });
    fs.copyFileSync(
      (await privateNotes.printedPath().textContent()) ?? '',
      'test-results/screens/disclosure-copy.pdf',
    );
    expect(await privateNotes.panel().getByRole('status').allTextContents()).toContain(
      `Recorded as a disclosure to ${recipient}.`,
    );

    await chart.openTab('Consents');
    await expect.poll(() => consents.disclosureRows().count()).toBe(1);
    const row = (await consents.disclosureRows().first().textContent()) ?? '';
    expect(row).toContain(recipient);
    expect(row).toContain('9 Quay Street, Astoria, OR 97103');
    expect(row).toMatch(/SUD counselling note, session \d{4}-\d{2}-\d{2}/);
    expect(row).toContain('Continuity of counselling after the move');
    expect(row).toContain('SUD counselling notes');
    await consents.disclosures().getByRole('heading', { name: 'Disclosures' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'disclosures');
    expect(await axeViolations(page)).toEqual([]);

    await consents.disclosures().getByRole('button', { name: 'Print accounting of disclosures' }).click();
    const printed = consents.disclosures().locator('.print-pdf__status code.path');
    await printed.waitFor();
    const accounting = pdfText((await printed.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(accounting).toContain('Accounting of disclosures');
    expect(accounting).toContain('Continuity of counselling after the move');
  });

  it('lets a supervisor co-sign a note signed by the clinician', async () => {
    const { page } = app;
    await ipc(app.harness, 'users.create', {
      user: {
        displayName: 'Wendell Brightwater',
        credentials: 'LCSW',
        role: 'supervisor',
        username: 'wbrightwater',
        passphrase: SUPERVISOR_PASSPHRASE,
      },
      currentPassphrase: CLINIC.passphrase,
    });
    await new FramePage(page).lock();
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    await lock.unlock(SUPERVISOR_PASSPHRASE, 'wbrightwater');
    await expect.poll(() => new FramePage(page).signedInUser().textContent()).toMatch(/^Wendell Brightwater/);

    await chart.open(app.harness.url, client.id);
    const notes = new NotesPage(page);
    await notes.open();
    await notes.openNote(/^Individual session/);
    await notes.signedNote().getByRole('button', { name: 'Co-sign…' }).click();
    const form = notes.signedNote().getByRole('form', { name: 'Co-sign this note' });
    await form.getByLabel('Your passphrase', { exact: true }).fill(SUPERVISOR_PASSPHRASE);
    await form.getByRole('button', { name: 'Co-sign note' }).click();
    await expect.poll(() => notes.signedNote().textContent()).toContain('Co-signed by Wendell Brightwater');
    expect(await notes.signedNote().getByRole('button', { name: 'Co-sign…' }).count()).toBe(0);
    const verdict = await notes.verify();
    await expect.poll(() => verdict.textContent()).toMatch(/^Intact/);
    await notes.backToList();
    expect(await notes.rows().first().textContent()).toContain('Co-signed');
  });

  it('keeps a note open, with its text, when its changes cannot be saved, until saved or left on purpose', async () => {
    const { page } = app;
    await chart.open(app.harness.url, client.id);
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote('DAP');
    await notes.field('Data').fill('Client describes a calm week.');
    await expect.poll(() => notes.saveStatus().textContent()).toMatch(/^Saved \d/);
    // The same draft saved elsewhere (another window): this editor's next save is refused as a conflict.
    const drafts = await ipc(app.harness, 'notes.list', { clientId: client.id, kind: 'record' });
    const draft = drafts.find((n) => n.signedAtMs === null && n.content.format === 'dap');
    if (!draft) throw new Error('the DAP draft is missing');
    await ipc(app.harness, 'notes.saveDraft', {
      id: draft.id,
      content: draft.content,
      attendance: null,
      expectedUpdatedAtMs: draft.updatedAtMs,
    });
    await notes.field('Assessment').fill('Words typed after the conflict.');
    await expect
      .poll(() => notes.saveStatus().textContent())
      .toMatch(/^Not saved — This draft was changed elsewhere/);

    // Neither the list button nor another area takes the editor away.
    await notes.backToList();
    await notes.heldLeave().waitFor();
    expect(await notes.heldLeave().textContent()).toContain('could not be saved');
    const url = page.url();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Sessions' }).click();
    await expect.poll(() => notes.heldLeave().count()).toBe(1);
    expect(page.url()).toBe(url);
    expect(await notes.field('Assessment').inputValue()).toBe('Words typed after the conflict.');
    await screenshot(page, 'note-leave-held');
    expect(await axeViolations(page)).toEqual([]);

    // Leaving without the changes is a choice the clinician makes, not something that happens to them.
    await notes.heldLeave().getByRole('button', { name: 'Leave without these changes' }).click();
    await new GroupPage(page).heading().filter({ hasText: 'Group sessions' }).waitFor();
    expect(page.url()).toMatch(/#\/sessions$/);
  });
});
