/**
 * Assessments in Chromium: COWS ratings typed from the keyboard (allowed values only, the live score) and a SOWS
 * into the withdrawal flowsheet and its chart, a draft deleted after asking; a PHQ-9 whose item 9 raises an alert
 * that outlives a reload until it is acknowledged with an action and a note; a GAD-7 signed with the passphrase;
 * AUDIT-C scored with the client's recorded sex and the SUD checklist with the supervision rule; the suicide-risk
 * screen's high-risk rule; a level-of-care decision that reaches the timeline; a red-flag symptom recorded by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';
import { AlertsPage } from './pages/AlertsPage';
import { AssessmentsPage, openChartTab } from './pages/AssessmentsPage';
import { ChartPage } from './pages/ChartPage';
import { LevelOfCarePage } from './pages/LevelOfCarePage';
import { WithdrawalPage } from './pages/WithdrawalPage';
import { DAY, dayOf, daysAgo, localMs } from './support/clock';
import { aClient } from '../support/clients';

/** Yesterday in the browser's zone: every rating below is in the past whatever the time of day the test runs. */
const yesterday = daysAgo(1);

describe('assessments, withdrawal flowsheet, level of care and red flags', () => {
  let app: AppUnderTest;
  let client: Client;
  let chart: ChartPage;

  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
    client = await ipc(app.harness, 'clients.create', {
      client: aClient({
        legalFirstName: 'Marisol',
        legalLastName: 'Vantreight',
        preferredName: '',
        dateOfBirth: '1979-07-14',
        phone: '(971) 555-0144',
        email: '',
        address: '88 Fernhill Lane, Seaside, OR 97138',
        emergencyContact: { name: 'Aurelio Vantreight', relationship: 'brother', phone: '(971) 555-0145' },
        admissionDate: dayOf(Date.now() - 3 * DAY),
      }),
    });
    // The intake's last dose is what a new COWS rating starts from; six shots a day makes detox the suggestion.
    await ipc(app.harness, 'intake.saveSection', {
      clientId: client.id,
      save: {
        section: 'kratom',
        data: {
          productForms: ['shot'],
          productNotes: 'Gas-station extract shots',
          gramsPerDose: 2,
          dosesPerDay: 6,
          yearsOfUse: 4,
          lastDoseAtMs: localMs(yesterday, '02:00'),
          wakesInWithdrawal: true,
          dosesOvernight: false,
          withdrawalDerailedQuitting: true,
          priorQuitAttempts: 'Two attempts, stopped by day 2',
        },
      },
    });
    chart = new ChartPage(app.page);
    await chart.open(app.harness.url, client.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('records COWS ratings by keyboard and a SOWS into the flowsheet table and chart; deletes a draft after asking', async () => {
    const { page } = app;
    const withdrawal = new WithdrawalPage(page);
    await withdrawal.open();
    expect(await withdrawal.panel().textContent()).toContain('No COWS or SOWS ratings yet');

    const ratings = [
      { at: '08:00', keys: '11111111110', timePoint: null, total: '10' },
      { at: '14:00', keys: '22322222223', timePoint: 'Induction: before first dose', total: '24' },
      { at: '16:00', keys: '11111111010', timePoint: 'Induction: 2 h after', total: '9' },
    ];
    for (const [n, r] of ratings.entries()) {
      const form = await withdrawal.addRating('COWS');
      // Only each item's allowed values are offered: COWS values are not contiguous.
      if (n === 0) {
        expect(await form.optionNames(/Resting pulse/)).toEqual([
          '0: 80 or below',
          '1: 81–100',
          '2: 101–120',
          '4: Over 120',
        ]);
        // Issue 8 item 3: the published scale's words at each step, each item with its instruction, and once
        // per form the note that this is an opioid scale used for kratom.
        expect(await form.optionNames(/^Sweating/)).toEqual([
          '0: No report of chills or flushing',
          '1: Subjective chills or flushing',
          '2: Flushed or observable moistness on the face',
          '3: Beads of sweat on brow or face',
          '4: Sweat streaming off the face',
        ]);
        expect(await form.item(/^Sweating/).textContent()).toContain(
          'Over the past half hour, not explained by room temperature or activity.',
        );
        expect(await form.item(/Bone or joint aches/).textContent()).toContain(
          'score only the part beyond it',
        );
        expect(await form.item(/Runny nose/).textContent()).toContain(
          'Not explained by a cold or allergies.',
        );
        expect(await form.item(/^Tremor/).textContent()).toContain('hands held out');
        const note = form.form().getByTestId('instrument-note');
        expect(await note.count()).toBe(1);
        expect(await note.textContent()).toMatch(
          /opioid withdrawal scale, used here for kratom.*stimulant-like/,
        );
        expect((await form.optionNames(/Restlessness/)).map((o) => o.split(':')[0])).toEqual([
          '0',
          '1',
          '3',
          '5',
        ]);
        expect((await form.optionNames(/Gooseflesh/)).map((o) => o.split(':')[0])).toEqual(['0', '3', '5']);
        // The last dose comes from intake.
        expect(await form.field('Last dose').inputValue()).toBe(`${yesterday}T02:00`);
        expect(await form.liveScore().textContent()).toBe('Incomplete — 11 items unanswered');
      }
      await form.field('Administered at').fill(`${yesterday}T${r.at}`);
      if (r.timePoint) await form.field('Induction time point').selectOption({ label: r.timePoint });
      await form.focusFirstItem();
      if (n === 0) {
        // A value outside the item's set picks nothing: pulse has no 3.
        await form.typeScores('3');
        expect(
          await form
            .item(/Resting pulse/)
            .locator('input:checked')
            .count(),
        ).toBe(0);
      }
      await form.typeScores(r.keys.slice(0, 5));
      expect(await form.liveScore().textContent()).toBe('Incomplete — 6 items unanswered');
      await form.typeScores(r.keys.slice(5));
      await expect.poll(() => form.liveScore().textContent()).toMatch(new RegExp(`^${r.total} of 48`));
      if (n === 1) {
        expect(await form.liveScore().textContent()).toBe('24 of 48Moderate withdrawal');
        await screenshot(page, 'assessment-form');
        expect(await axeViolations(page)).toEqual([]);
      }
      // After the last item the keyboard is on the notes, one Tab from Save draft.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await form.saveDraft();
      await expect.poll(() => form.status().textContent()).toMatch(/^Draft saved at /);
      await form.close();
    }

    await expect.poll(() => withdrawal.rows().count()).toBe(3);
    const table = await withdrawal.table();
    expect(table.map((row) => row.slice(1, 5))).toEqual([
      ['6 h', '10 · Mild withdrawal', '', ''],
      ['12 h', '24 · Moderate withdrawal', '', 'Induction: before first dose'],
      ['14 h', '9 · Mild withdrawal', '', 'Induction: 2 h after'],
    ]);
    await withdrawal.chart().waitFor();
    expect(await withdrawal.cowsPoints().count()).toBe(3);
    expect(await withdrawal.bands().count()).toBe(4);
    expect(await withdrawal.bandLabels()).toEqual([
      'Mild 5–12',
      'Moderate 13–24',
      'Moderately severe 25–36',
      'Severe 37–48',
    ]);
    expect(await withdrawal.timePointMarks().allTextContents()).toEqual(['Before 1st dose', '2 h after']);

    // The client's own rating: SOWS has no published bands, so the total stands alone.
    const sows = await withdrawal.addRating('SOWS');
    await sows.field('Administered at').fill(`${yesterday}T12:00`);
    await sows.focusFirstItem();
    await sows.typeScores('1111111111111111');
    await expect.poll(() => sows.liveScore().textContent()).toBe('16 of 64Total only: no published bands');
    await sows.saveDraft();
    await expect.poll(() => sows.status().textContent()).toMatch(/^Draft saved at /);
    await sows.close();
    await expect.poll(() => withdrawal.rows().count()).toBe(4);
    expect((await withdrawal.table())[1]?.slice(1, 5)).toEqual(['10 h', '', '16', '']);
    expect(await withdrawal.sowsPoints().count()).toBe(1);
    await screenshot(page, 'flowsheet');
    expect(await axeViolations(page)).toEqual([]);

    // A draft can be deleted, after asking; Keep has the focus, so a stray Enter deletes nothing.
    await withdrawal
      .rows()
      .nth(1)
      .getByRole('button', { name: /^Edit SOWS/ })
      .click();
    const draft = withdrawal.openForm('SOWS');
    await draft.form().getByRole('button', { name: 'Delete draft…' }).click();
    await page.keyboard.press('Enter');
    expect(await withdrawal.rows().count()).toBe(4);
    await draft.form().getByRole('button', { name: 'Delete draft…' }).click();
    await withdrawal.panel().getByRole('button', { name: 'Delete draft', exact: true }).click();
    await expect.poll(() => withdrawal.rows().count()).toBe(3);
    expect(await draft.section().count()).toBe(0);
  });

  it('raises an alert for PHQ-9 item 9 that stays after a reload until acknowledged with an action and a note', async () => {
    const { page } = app;
    const assessments = new AssessmentsPage(page);
    await assessments.open();
    // The COWS ratings from the flowsheet are here too, newest first.
    expect(await assessments.rows().count()).toBe(3);
    const phq = await assessments.startNew('PHQ-9');
    // The server refuses a date in the future, beside the field.
    await phq.field('Administered at').fill(`${dayOf(Date.now() + DAY)}T09:00`);
    await phq.saveDraft();
    await expect
      .poll(() => phq.fieldError('Administered at').textContent())
      .toBe('An assessment cannot be dated in the future.');
    await phq.field('Administered at').fill(`${yesterday}T18:00`);
    await phq.focusFirstItem();
    await phq.typeScores('000000001');
    await expect
      .poll(() =>
        phq
          .form()
          .getByText(/Thoughts of death or self-harm endorsed/)
          .count(),
      )
      .toBe(1);
    expect(await phq.liveScore().textContent()).toBe('1 of 27Minimal');
    await phq.saveDraft();

    const alerts = new AlertsPage(page);
    await alerts.banner().waitFor();
    expect(await alerts.items().count()).toBe(1);
    const banner = await alerts.banner().textContent();
    expect(banner).toContain('PHQ-9: thoughts of being better off dead or of self-harm');
    expect(banner).toContain('911');
    expect(banner).toContain('988');

    await page.reload();
    await chart.heading().waitFor();
    await alerts.banner().waitFor();
    expect(await alerts.items().count()).toBe(1);

    await alerts.startAcknowledge(/PHQ-9/);
    await alerts.checkAction('Supervisor consulted');
    await alerts.checkAction('Connected with the 988 Suicide & Crisis Lifeline');
    await alerts.submit('Acknowledge');
    await expect.poll(() => alerts.noteError().textContent()).toBe('What was done is required.');
    expect(await alerts.items().count()).toBe(1);
    await screenshot(page, 'alert-dialog');
    expect(await axeViolations(page)).toEqual([]);

    await alerts.note().fill('Supervisor consulted; 988 card given; follow-up call tomorrow.');
    await alerts.submit('Acknowledge');
    await alerts.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => alerts.banner().count()).toBe(0);

    await assessments.open();
    await expect.poll(() => assessments.alertHistory().count()).toBe(1);
    const history = await assessments.alertHistory().first().textContent();
    expect(history).toContain('Acknowledged');
    expect(history).toContain('Connected with the 988 Suicide & Crisis Lifeline; Supervisor consulted.');
    expect(history).toContain('988 card given');
  });

  it('signs a GAD-7 with the passphrase, after which it is read-only', async () => {
    const { page } = app;
    const assessments = new AssessmentsPage(page);
    await assessments.open();
    const gad = await assessments.startNew('GAD-7');
    await gad.focusFirstItem();
    await gad.typeScores('1112200');
    await expect.poll(() => gad.liveScore().textContent()).toBe('7 of 21Mild');

    await gad.sign('not my passphrase at all');
    await expect
      .poll(() => gad.passphraseError().textContent())
      .toMatch(/^That is not your current passphrase\. You can try again in 1 seconds?\.$/);
    expect(await gad.signedBy().count()).toBe(0);
    // The wrong attempt saved the draft first, and is throttled for a second.
    await page.waitForTimeout(1100);
    await gad.sign(CLINIC.passphrase);
    await expect.poll(() => gad.signedBy().count()).toBe(1);
    expect(await gad.signedBy().textContent()).toContain(`by ${CLINIC.fullName}`);
    // Read-only: no form, no answer can be changed, no delete.
    expect(await gad.form().count()).toBe(0);
    expect(await gad.section().getByRole('radio').count()).toBe(0);
    expect(
      await gad
        .section()
        .getByRole('button', { name: /Delete/ })
        .count(),
    ).toBe(0);
    expect(await gad.section().textContent()).toContain('7 · Mild');
    await screenshot(page, 'assessment-signed');
    await gad.section().getByRole('button', { name: 'Close' }).click();
    expect(await assessments.row('GAD-7').textContent()).toMatch(/Signed /);

    // Trends: COWS first 10, latest 9; PHQ-9 and GAD-7 once each.
    expect(await assessments.trendChart('COWS').locator('circle').count()).toBe(3);
    expect(await assessments.trendRow('COWS').locator('td').allInnerTexts()).toEqual([
      expect.stringMatching(/^10 \(/),
      expect.stringMatching(/^9 \(/),
      expect.stringMatching(/^−1/),
      '3',
    ]);
    expect(await assessments.trendChart('SOWS').count()).toBe(0);
    await screenshot(page, 'assessments');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("scores AUDIT-C with the client's recorded sex and the SUD checklist with the supervision rule", async () => {
    const { page } = app;
    const assessments = new AssessmentsPage(page);
    await assessments.open();
    const audit = await assessments.startNew('AUDIT-C');
    await audit.focusFirstItem();
    await audit.typeScores('111');
    // The client is recorded as female: positive at 3 or more.
    await expect
      .poll(() => audit.liveScore().textContent())
      .toBe('3 of 12At or above the screening threshold');
    expect(await audit.form().textContent()).toContain('Client record: female. Positive at 3 or more.');
    // Closing with unsaved answers asks first.
    await audit.form().getByRole('button', { name: 'Close' }).click();
    await assessments.panel().getByRole('button', { name: 'Discard changes' }).click();
    await audit.section().waitFor({ state: 'detached' });

    const sud = await assessments.startNew('SUD checklist');
    await sud.focusFirstItem();
    await sud.typeScores('yynnnnnnnyy');
    await expect.poll(() => sud.liveScore().textContent()).toBe('4 of 11Moderate');
    await sud.form().getByLabel('The substance is taken only under medical supervision').check();
    await expect.poll(() => sud.liveScore().textContent()).toBe('2 of 11Mild');
    expect(await sud.form().textContent()).toContain('Tolerance or withdrawal endorsed but not counted');
    // Issue 8 item 5: no code until the substance is chosen, then that substance's family.
    expect(await sud.form().textContent()).toContain('Choose the substance checked');
    await sud.field('Substance checked').selectOption({ label: 'Kratom — F19' });
    await expect
      .poll(() => sud.form().getByTestId('icd-code').textContent())
      .toBe('ICD-10-CM F19.10 — Kratom use disorder, mild');
    await sud.field('Substance checked').selectOption({ label: 'Opioids — F11' });
    await expect
      .poll(() => sud.form().getByTestId('icd-code').textContent())
      .toBe('ICD-10-CM F11.10 — Opioid use disorder, mild');
    await sud.field('Remission specifier').selectOption({ label: 'Early (3–12 months)' });
    await sud.field('Severity before remission').selectOption({ label: 'Moderate or severe' });
    await expect
      .poll(() => sud.form().getByTestId('icd-code').textContent())
      .toBe('ICD-10-CM F11.21 — Opioid use disorder, moderate or severe, in early remission');
    await screenshot(page, 'sud-form');
    expect(await axeViolations(page)).toEqual([]);
    await sud.form().getByRole('button', { name: 'Close' }).click();
    await assessments.panel().getByRole('button', { name: 'Discard changes' }).click();
    await sud.section().waitFor({ state: 'detached' });
  });

  it('holds a suicide-risk screen to high risk when the rule fires, showing the refusal beside the level', async () => {
    const { page } = app;
    const assessments = new AssessmentsPage(page);
    await assessments.open();
    const screen = await assessments.startNew('Suicide-risk screen');
    const answer = (item: RegExp, timing: string) =>
      screen.item(item).getByRole('radio', { name: timing, exact: true }).check();
    await answer(/^Passive wish/, 'Yes, within the past 3 months');
    for (const item of [/^Active thoughts/, /^Has thought about a method/, /^Some intent/, /^Preparatory/]) {
      await answer(item, 'No');
    }
    await screen
      .item(/^Risk level/)
      .getByRole('radio', { name: 'Low', exact: true })
      .check();
    await answer(/^Has worked out a plan/, 'Yes, within the past 3 months');
    await screen.form().getByTestId('high-risk-rule').waitFor();
    expect(
      await screen
        .item(/^Risk level/)
        .getByRole('radio', { name: 'Moderate' })
        .isDisabled(),
    ).toBe(true);
    await screen.saveDraft();
    await expect
      .poll(() => screen.groupError(/^Risk level/).textContent())
      .toBe('Intent, plan or behaviour in the past 3 months: record high risk and make a safety plan.');

    await screen
      .item(/^Risk level/)
      .getByRole('radio', { name: 'High', exact: true })
      .check();
    await screen.field('Rationale for the risk level').fill('Plan within the past month; lives alone.');
    await screen.saveDraft();
    await expect.poll(() => screen.status().textContent()).toMatch(/^Draft saved at /);
    const alerts = new AlertsPage(page);
    await expect.poll(() => alerts.item(/Suicide-risk screen: high risk/).count()).toBe(1);
  });

  it('records a level-of-care decision with its reason, which appears in the timeline', async () => {
    const { page } = app;
    const loc = new LevelOfCarePage(page);
    await loc.open();
    // Detox is met, but the residential criteria are still open: no level yet (issue 8 item 1).
    expect(await loc.suggestion().textContent()).toMatch(
      /^Not enough information to suggest a level — record: Cannot stay stopped in the current environment; /,
    );
    expect(await loc.criterion('detox-many-doses').textContent()).toMatch(/^Met/);
    // Shots' grams are not leaf grams (issue 8 item 2).
    expect(await loc.criterion('detox-high-amount').textContent()).toContain(
      '6 doses a day, leaf grams a day unknown',
    );
    expect(await loc.criterion('detox-potent').textContent()).toContain('Intake: Liquid shot');
    expect(await loc.criterion('caution-doses').textContent()).toMatch(/^Met/);
    expect(await loc.group('Caution against stopping cold turkey').count()).toBe(1);
    await loc.judge('taper-support', 'No');
    await loc.judge('residential-environment', 'Yes');
    await expect.poll(() => loc.suggestion().textContent()).toContain('Residential or higher level of care');
    for (const id of [
      'residential-environment',
      'residential-broader',
      'residential-mental-health',
      'residential-time-away',
    ]) {
      await loc.judge(id, 'No');
    }
    await expect.poll(() => loc.suggestion().textContent()).toContain('Medically supported detox');
    expect(await loc.panel().textContent()).not.toMatch(/ASAM/i);

    await loc.rate('Intoxication and withdrawal', 3, 'COWS up to 24 on induction day');
    await loc.rate('Recovery environment', 2, 'Lives with a brother who is supportive');
    await loc.choose('Medically supported detox');
    const reasonText =
      'Six extract shots a day, waking in withdrawal, two failed attempts: supervised detox.';
    await loc.reason().fill(reasonText);
    // Issue 9 item 8: each dimension rated, or not rated with a reason.
    await loc.submit();
    await expect
      .poll(() => loc.reviewError().textContent())
      .toBe(
        'Rate each dimension of the risk review, or write in its note why it was not rated: Physical health, ' +
          'Emotional, behavioural and cognitive, Readiness to change, Relapse or continued-use potential.',
      );
    await loc.rate('Physical health', 1, '');
    await loc.rate('Emotional, behavioural and cognitive', 2, 'PHQ-9 item 9 alert acknowledged');
    await loc.rate('Readiness to change', 2, '');
    await loc.notRated('Relapse or continued-use potential', 'Not assessed yet: first visit');
    await loc.reason().fill('');
    await loc.submit();
    await expect
      .poll(() => loc.reasonError().textContent())
      .toBe('Reason for this level of care is required.');
    expect(await loc.decisions().count()).toBe(0);
    await screenshot(page, 'level-of-care');
    expect(await axeViolations(page)).toEqual([]);

    const reason = reasonText;
    await loc.reason().fill(reason);
    await loc.submit();
    await expect.poll(() => loc.decisions().count()).toBe(1);
    expect(await loc.decisions().first().textContent()).toContain(reason);
    expect(await loc.decisions().first().textContent()).toContain(CLINIC.fullName);
    await loc.decisions().first().locator('summary').click();
    expect(await loc.decisions().first().textContent()).toContain(
      'Why not rated: Not assessed yet: first visit',
    );
    expect(await loc.reason().inputValue()).toBe('');

    const timeline = await openChartTab(page, 'Timeline');
    await expect
      .poll(() => timeline.getByRole('listitem').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Level of care: Medically supported detox/)]));
    const titles = (await timeline.getByRole('listitem').allTextContents()).join('\n');
    expect(titles).toContain('COWS: 24 (moderate)');
    expect(titles).toContain('Alert acknowledged: PHQ-9');
  });

  it('records a red-flag symptom, which raises an alert on the chart', async () => {
    const { page } = app;
    const alerts = new AlertsPage(page);
    await alerts.startRedFlag();
    await alerts.submit('Record and raise alert');
    await expect.poll(() => alerts.symptomsError().textContent()).toBe('Choose at least one symptom.');
    await alerts.checkSymptom('Chest pain');
    await alerts.checkSymptom('Fainting');
    await alerts.note('Note').fill('Collapsed briefly in the waiting room; pulse 128.');
    await alerts.submit('Record and raise alert');
    await alerts.dialog().waitFor({ state: 'detached' });
    const item = alerts.item(/Red-flag symptom recorded/);
    await item.waitFor();
    expect(await item.textContent()).toContain(
      'Chest pain, Fainting — Collapsed briefly in the waiting room',
    );
    await screenshot(page, 'alerts');
    expect(await axeViolations(page)).toEqual([]);
  });
});
