/**
 * Medications and MAT coordination in Chromium (issue 10 items 1–2): a buprenorphine-naloxone induction recorded as
 * a clinician would — the medication (current medications then in the chart header, with the cautions that apply),
 * COWS ratings with vital signs before the first dose, at 30 minutes and at 2 hours (an impossible heart rate refused
 * beside its field), the expected course beside the ratings, a MAT note linking the three ratings and signed with the
 * passphrase, found by the note search, and the prescriber's summary printed as a disclosure under the consent that
 * names them; a post-acute check-in charted.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/clients';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';
import { ChartPage } from './pages/ChartPage';
import { MatPage } from './pages/MatPage';
import { WithdrawalPage } from './pages/WithdrawalPage';
import { DAY, dayOf, daysAgo, localMs } from './support/clock';
import { aClient } from '../support/clients';

const yesterday = daysAgo(1);

describe('medications, the MAT induction note and the withdrawal course', () => {
  let app: AppUnderTest;
  let client: Client;
  let chart: ChartPage;

  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
    client = await ipc(app.harness, 'clients.create', {
      client: aClient({
        legalFirstName: 'Thị Ánh',
        legalLastName: 'Nguyễn',
        preferredName: '',
        dateOfBirth: '1986-02-09',
        phone: '(503) 555-0170',
        email: '',
        address: '12 Tern Road, Astoria, OR 97103',
        emergencyContact: { name: 'Đặng Văn Minh', relationship: 'partner', phone: '(503) 555-0171' },
        admissionDate: dayOf(Date.now() - 3 * DAY),
      }),
    });
    await ipc(app.harness, 'intake.saveSection', {
      clientId: client.id,
      save: {
        section: 'kratom',
        data: {
          productForms: ['leaf-powder'],
          productNotes: 'Red vein powder',
          gramsPerDose: 4,
          dosesPerDay: 5,
          yearsOfUse: 3,
          lastDoseAtMs: localMs(yesterday, '02:00'),
          wakesInWithdrawal: true,
          dosesOvernight: true,
          withdrawalDerailedQuitting: true,
          priorQuitAttempts: 'Twice, stopped on day 2',
        },
      },
    });
    // The client's consent names the prescriber; another names only the clinic.
    for (const recipient of ['Cascade Family Medicine', 'Dr. Ilse Verhoeven, Cascade Family Medicine']) {
      await ipc(app.harness, 'consents.create', {
        clientId: client.id,
        consent: {
          type: 'single-disclosure',
          patientName: 'Nguyễn Thị Ánh',
          disclosingParty: 'Harborlight Counseling',
          informationDescription:
            'Medication coordination: medications, adherence, withdrawal ratings, screens',
          recipient,
          recipientAddress: '4 Pine St, Astoria, OR',
          purpose: 'Coordination of buprenorphine prescribing',
          revocationRightExplained: true,
          howToRevoke: 'In writing to the clinic',
          expiryKind: 'date',
          expiryDate: dayOf(Date.now() + 180 * DAY),
          expiryEvent: '',
          signedBy: 'patient',
          signerName: 'Nguyễn Thị Ánh',
          representativeAuthority: '',
          signedOn: dayOf(Date.now() - 2 * DAY),
          redisclosureStatementIncluded: false,
          refusalConsequencesExplained: false,
        },
      });
    }
    chart = new ChartPage(app.page);
    await chart.open(app.harness.url, client.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('records the medication; the chart header shows the current medications', async () => {
    const { page } = app;
    const mat = new MatPage(page);
    await mat.open();
    await mat.addMedication(
      {
        Formulation: 'sublingual film',
        Dose: '4',
        Schedule: 'first dose in clinic, repeat per prescriber',
        Prescriber: 'Dr. Ilse Verhoeven',
        Pharmacy: 'Alder Street Pharmacy',
        'Start date': yesterday,
      },
      { Medication: 'Buprenorphine-naloxone', Phase: 'Induction' },
    );
    await mat.addMedication(
      {
        Dose: '0.1',
        Formulation: 'tablet',
        Schedule: 'twice daily as needed',
        Prescriber: 'Dr. Ilse Verhoeven',
      },
      { Medication: 'Clonidine', Phase: 'Maintenance' },
    );
    await expect.poll(() => mat.medications().count()).toBe(2);
    const header = chart.header().getByRole('region', { name: 'Current medications' });
    await expect
      .poll(() => header.getByRole('listitem').allInnerTexts())
      .toEqual([
        'Clonidine 0.1 mg tablet, twice daily as needed (maintenance)',
        'Buprenorphine-naloxone 4 mg sublingual film, first dose in clinic, repeat per prescriber (induction)',
      ]);
    // Opioid history not recorded: the induction caution shows; clonidine asks for blood pressure.
    const warnings = await mat.warnings();
    expect(warnings.some((w) => /blood pressure/.test(w))).toBe(true);
    expect(warnings.some((w) => /no opioid history/.test(w))).toBe(true);
  });

  it('takes COWS with vital signs before, at 30 min and at 2 h, refusing an impossible reading beside its field', async () => {
    const { page } = app;
    const withdrawal = new WithdrawalPage(page);
    await withdrawal.open();
    const ratings = [
      {
        at: '14:00',
        point: 'Induction: before first dose',
        keys: '22322222223',
        v: ['146', '94', '112', '37.6'],
      },
      { at: '14:30', point: 'Induction: 30 min after', keys: '11111111110', v: ['132', '86', '96', '37.3'] },
      { at: '16:00', point: 'Induction: 2 h after', keys: '10101010000', v: ['124', '80', '84', '37.0'] },
    ];
    for (const [n, r] of ratings.entries()) {
      const form = await withdrawal.addRating('COWS');
      await form.field('Administered at').fill(`${yesterday}T${r.at}`);
      await form.field('Induction time point').selectOption({ label: r.point });
      const labels = [
        'Blood pressure, systolic (mmHg)',
        'Blood pressure, diastolic (mmHg)',
        'Heart rate (beats/min)',
        'Temperature (°C)',
      ];
      for (const [i, label] of labels.entries()) await form.field(label).fill(r.v[i] ?? '');
      if (n === 0) await form.field('Heart rate (beats/min)').fill('1120');
      await form.focusFirstItem();
      await form.typeScores(r.keys);
      await form.saveDraft();
      if (n === 0) {
        await expect
          .poll(() => form.fieldError('Heart rate (beats/min)').textContent())
          .toBe('Heart rate must be between 20 and 250 beats/min.');
        // Nothing typed is lost: fix the one value and save.
        expect(await form.field('Blood pressure, systolic (mmHg)').inputValue()).toBe('146');
        await form.field('Heart rate (beats/min)').fill('112');
        await form.saveDraft();
      }
      await expect.poll(() => form.status().textContent()).toMatch(/^Draft saved at /);
      await form.close();
    }
    await expect.poll(() => withdrawal.rows().count()).toBe(3);
    const table = await withdrawal.table();
    expect(table.map((row) => [row[4], row[5]])).toEqual([
      ['Induction: before first dose', 'BP 146/94 · HR 112 · 37.6 °C'],
      ['Induction: 30 min after', 'BP 132/86 · HR 96 · 37.3 °C'],
      ['Induction: 2 h after', 'BP 124/80 · HR 84 · 37.0 °C'],
    ]);
    // The client takes clonidine: blood pressure is asked for with each rating.
    expect(await withdrawal.panel().getByRole('note').innerText()).toMatch(/lower blood pressure/);
    const course = withdrawal
      .panel()
      .getByRole('region', { name: 'Where the client is on the expected course' });
    await course.waitFor();
    expect(await course.getByTestId('course-now').innerText()).toMatch(
      /since the last dose — Usual peak \(days 1–3\)/,
    );
    expect(await course.locator('circle').count()).toBe(3);
    await course.scrollIntoViewIfNeeded();
    await screenshot(page, 'withdrawal-vitals-course');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('links the three ratings in an induction MAT note and signs it with the passphrase', async () => {
    const { page } = app;
    const mat = new MatPage(page);
    await mat.open();
    await mat.newNote();
    expect(await mat.field('Medication and dose now').inputValue()).toMatch(/Buprenorphine-naloxone 4 mg/);
    await mat.field('Contact date').fill(yesterday);
    await mat.editor().getByRole('checkbox', { name: 'Induction contact (first dose)' }).check();
    await mat.field('Adherence').selectOption({ label: 'Taking as prescribed' });
    await mat.field('Craving now (0–10)').selectOption('7');
    await mat.field('Side effects').fill('Mild headache and constipation after the first film');
    await mat.field('Naloxone on hand').selectOption({ label: 'Yes' });
    await mat.field('Safe storage').selectOption({ label: 'Yes' });
    await mat.field('Collected on').fill(yesterday);
    await mat.field('Mitragynine (kratom)').selectOption({ label: 'Positive' });
    await mat.field('Fentanyl').selectOption({ label: 'Negative' });
    await mat.ratingBox(/Induction: before first dose/).check();
    await mat.ratingBox(/Induction: 30 min after/).check();
    await mat
      .field('Plan')
      .fill('Continue 4 mg; second film if COWS above 8. Review with Dr. Verhoeven tomorrow.');
    await mat.field('Next appointment').fill('Tomorrow 10:00');
    await expect.poll(() => mat.saveStatus().textContent()).toMatch(/^Saved /);
    // Signing checks the induction rule first: the 2 h rating is not linked yet.
    await mat.editor().getByRole('button', { name: 'Sign…' }).click();
    await expect
      .poll(() => mat.editor().locator('.mat-ratings .field__error').textContent())
      .toMatch(/missing: 2 h after/);
    await mat.ratingBox(/Induction: 2 h after/).check();
    // Fixed: the problem leaves its field at once.
    await expect.poll(() => mat.editor().locator('.mat-ratings .field__error').count()).toBe(0);
    await expect.poll(() => mat.saveStatus().textContent()).toMatch(/^Saved /);
    await screenshot(page, 'mat-note-editor');
    expect(await axeViolations(page)).toEqual([]);
    await mat.sign(CLINIC.passphrase);
    const signed = mat.signedNote();
    const ratings = await signed.locator('.mat-view__ratings li').allInnerTexts();
    expect(ratings.map((r) => r.replace(/^.*?— /, ''))).toEqual([
      'Induction: before first dose: COWS 24 (moderate); BP 146/94 · HR 112 · 37.6 °C',
      'Induction: 30 min after: COWS 10 (mild); BP 132/86 · HR 96 · 37.3 °C',
      'Induction: 2 h after: COWS 4 (below threshold); BP 124/80 · HR 84 · 37.0 °C',
    ]);
    expect(await signed.innerText()).toMatch(/Mitragynine \(kratom\) positive; Fentanyl negative/);
    await screenshot(page, 'mat-note-signed');
  });

  it("prints the prescriber's summary only under the consent that names them, and accounts for it", async () => {
    const { page } = app;
    const mat = new MatPage(page);
    await mat.signedNote().getByRole('button', { name: 'Summary for the prescriber…' }).click();
    const form = mat.summaryForm();
    await form.waitFor();
    const consent = form.getByLabel('Consent', { exact: true });
    // Only the consent naming Dr. Verhoeven is offered; the clinic-only one is not.
    expect(await consent.locator('option').allInnerTexts()).toEqual([
      'Choose a consent',
      expect.stringMatching(/^Dr\. Ilse Verhoeven, Cascade Family Medicine — signed /),
    ]);
    await consent.selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Print summary as a disclosure' }).click();
    const written = form.locator('code.path');
    await written.waitFor();
    const pdf = (await written.textContent()) ?? '';
    expect(fs.existsSync(pdf)).toBe(true);
    const dir = path.resolve('test-results/screens');
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'mat-summary')]);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toMatch(/Nguyễn/);
    const accounting = await ipc(app.harness, 'disclosures.list', { clientId: client.id });
    expect(accounting).toHaveLength(1);
    expect(accounting[0]).toMatchObject({
      recipient: 'Dr. Ilse Verhoeven',
      recipientAddress: '4 Pine St, Astoria, OR',
      purpose: 'Coordination of buprenorphine prescribing',
    });
    await screenshot(page, 'mat-summary-form');
  });

  it('finds the MAT note by the note search and opens it on its tab', async () => {
    const { page } = app;
    await page.goto(`${app.harness.url}#/sessions/search`);
    const box = page.getByRole('search', { name: 'Search notes' }).getByLabel('Search for', { exact: true });
    await box.fill('constipation');
    await box.press('Enter');
    const result = page.locator('.search-result').first();
    await result.waitFor();
    expect(await result.innerText()).toMatch(/MAT coordination note/);
    await result.getByRole('button').first().click();
    await new MatPage(page).signedNote().waitFor();
    expect(await new MatPage(page).panel().isVisible()).toBe(true);
  });

  it('records a post-acute check-in and charts it', async () => {
    const { page } = app;
    // Two earlier check-ins, weeks apart, so the chart spans weeks (seeded; the one under test is typed).
    for (const [weeksAgo, sleep, craving] of [
      [4, 2, 9],
      [2, 3, 8],
    ] as const) {
      await ipc(app.harness, 'paws.add', {
        clientId: client.id,
        checkin: {
          checkinDate: dayOf(Date.now() - (weeksAgo * 7 + 1) * DAY),
          sleep,
          mood: 3,
          craving,
          energy: 2,
          note: '',
        },
      });
    }
    await page.reload();
    await chart.heading().waitFor();
    const withdrawal = new WithdrawalPage(page);
    await withdrawal.open();
    const panel = withdrawal.panel().getByRole('region', { name: 'Post-acute check-ins' });
    await panel.getByRole('button', { name: 'Add check-in' }).click();
    const form = panel.getByRole('form', { name: 'Add a post-acute check-in' });
    await form.getByLabel('Date', { exact: true }).fill(yesterday);
    await form.getByRole('button', { name: 'Save check-in' }).click();
    // Unchosen scores are refused beside their fields, and the date typed stays.
    await expect.poll(() => form.locator('.field__error').count()).toBe(4);
    for (const [label, v] of [
      ['Sleep (0 very poor – 10 very good)', '3'],
      ['Mood (0 very low – 10 very good)', '4'],
      ['Craving (0 none – 10 extreme)', '7'],
      ['Energy (0 none – 10 full)', '3'],
    ] as const) {
      await form.getByLabel(label, { exact: true }).selectOption(v);
    }
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await form.waitFor({ state: 'detached' });
    await panel.getByRole('img', { name: /^Post-acute check-ins over the weeks/ }).waitFor();
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(3);
    expect(await panel.locator('tbody tr').last().innerText()).toMatch(/3\s+4\s+7\s+3/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'withdrawal-paws');
    expect(await axeViolations(page)).toEqual([]);
  });
});
