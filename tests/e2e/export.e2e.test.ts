/**
 * Exporting a record from the chart (issue 11 item 6): under a consent, with the passphrase asked again, progress
 * shown until done, the files written and hashed, and the disclosure then listed in the chart's accounting; a plain
 * folder only after its warning is confirmed; and an encrypted export (the default) at the client's own request,
 * to the client only, that the age library opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptWithPassphrase } from '../../electron/export/encrypt';
import type { Client } from '../../shared/domain/clients';
import type { Consent } from '../../shared/domain/consents';
import { emptyNoteContent } from '../../shared/domain/notes';
import { sha256sumCheck, untar } from '../support/exportChecks';
import { tempDir } from '../support/fixtures';
import { axeViolations } from './support/axe';
import { openApp, screenshot, type AppUnderTest } from './support/browser';
import { CLINIC, ipc, setUpPracticeThroughUi } from './support/practice';
import { ChartPage } from './pages/ChartPage';
import { ExportPage } from './pages/ExportPage';

describe('record export from the chart', () => {
  let app: AppUnderTest;
  let client: Client;
  let consent: Consent;
  let chart: ChartPage;
  let dialog: ExportPage;

  beforeAll(async () => {
    app = await openApp();
    await setUpPracticeThroughUi(app.page, app.harness);
    client = await ipc(app.harness, 'clients.create', {
      client: {
        legalFirstName: 'Thị Ánh',
        legalLastName: 'Nguyễn',
        nameOrder: 'given-first',
        preferredName: '',
        dateOfBirth: '1991-06-02',
        pronouns: 'she/her',
        sex: 'female',
        chartNumber: null,
        phone: '',
        email: '',
        address: '',
        emergencyContact: { name: '', relationship: '', phone: '' },
        admissionDate: '2026-10-01',
        status: 'active',
        discharge: null,
        assignedClinicianId: null,
      },
    });
    consent = await ipc(app.harness, 'consents.create', {
      clientId: client.id,
      consent: {
        type: 'tpo',
        patientName: 'Thị Ánh Nguyễn',
        disclosingParty: CLINIC.clinicName,
        informationDescription: 'Assessments, plan and signed session notes',
        recipient: 'Dr. Siobhán O’Brien, Coastline Family Practice',
        recipientAddress: '9 Jetty Road, Astoria, OR',
        purpose: 'Continuity of care after discharge',
        revocationRightExplained: true,
        howToRevoke: 'In writing to the clinic',
        expiryKind: 'event',
        expiryDate: null,
        expiryEvent: 'One year after discharge',
        signedBy: 'patient',
        signerName: 'Thị Ánh Nguyễn',
        representativeAuthority: '',
        signedOn: '2026-10-01',
        redisclosureStatementIncluded: true,
        refusalConsequencesExplained: true,
      },
    });
    const note = await ipc(app.harness, 'notes.create', {
      clientId: client.id,
      kind: 'progress',
      content: {
        ...emptyNoteContent('soap', '2026-10-08'),
        risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
        sections: {
          subjective: 'Slept better; two cravings at work.',
          objective: '',
          assessment: '',
          plan: '',
        },
      },
    });
    await ipc(app.harness, 'notes.sign', { id: note.id, passphrase: CLINIC.passphrase });
    chart = new ChartPage(app.page);
    dialog = new ExportPage(app.page);
    await chart.open(app.harness.url, client.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports under a consent after the passphrase, then lists the disclosure in the accounting', async () => {
    const { page } = app;
    await dialog.open();
    // Encrypted unless the clinician chooses otherwise.
    expect(
      await dialog
        .form()
        .getByRole('radio', { name: 'One encrypted archive (.tar.age), opened with a passphrase' })
        .isChecked(),
    ).toBe(true);
    // The consent's recipient and purpose come with it, read-only.
    await dialog.field('Consent').selectOption(consent.id);
    expect(await dialog.field('Recipient').inputValue()).toBe(
      'Dr. Siobhán O’Brien, Coastline Family Practice',
    );
    expect(await dialog.field('Purpose').inputValue()).toBe('Continuity of care after discharge');
    for (const label of ['Recipient', 'Recipient address', 'Purpose']) {
      expect(await dialog.field(label).isEditable(), label).toBe(false);
    }
    // What it permits, in the consent's own words; only the parts ticked go.
    const permits = dialog.form().getByRole('group', { name: 'What this consent permits' });
    expect(await permits.textContent()).toContain('Assessments, plan and signed session notes');
    expect(await permits.textContent()).toMatch(/never do/);
    expect(await permits.getByRole('checkbox').count()).toBeGreaterThanOrEqual(10);
    expect(await permits.getByLabel('Accounting of disclosures').count()).toBe(0);
    for (const part of ['Assessments', 'Treatment plan', 'Session notes']) {
      await permits.getByLabel(part, { exact: true }).check();
    }
    await permits.scrollIntoViewIfNeeded();
    await screenshot(page, 'export-dialog-consent-parts');

    // A plain folder only with its warning confirmed.
    await dialog.choose('Write it as', 'A folder');
    const warning = dialog.form().getByRole('note');
    expect(await warning.textContent()).toMatch(/Not encrypted: anyone who gets hold of these files/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'export-dialog');
    await dialog.field('Your passphrase').fill(CLINIC.passphrase);
    await dialog.submit();
    await expect
      .poll(() => warning.locator('.field__error').textContent())
      .toMatch(/Confirm that you want an unencrypted export/);
    await dialog.form().getByLabel('I understand: make an unencrypted copy').check();
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'export-dialog-plain-confirmed');

    await dialog.field('Your passphrase').fill('not the right passphrase');
    await dialog.submit();
    await expect.poll(() => dialog.fieldError('Your passphrase').textContent()).toMatch(/not your current/);

    await dialog.field('Your passphrase').fill(CLINIC.passphrase);
    // A wrong passphrase makes the next attempt wait a second (Practice's throttle): try until it is let through.
    await expect
      .poll(
        async () => {
          if (await dialog.form().isVisible()) await dialog.submit();
          return dialog.done().count();
        },
        { interval: 700, timeout: 20_000 },
      )
      .toBe(1);
    expect(await dialog.done().textContent()).toMatch(
      /Exported\..*recorded in the accounting of disclosures/,
    );
    await screenshot(page, 'export-done');
    const dir = (await dialog.path().textContent()) ?? '';
    expect(path.dirname(dir)).toBe(path.join(app.dataDir, 'exports'));
    expect(sha256sumCheck(dir)).toMatch(/fhir\/bundle\.json: OK/);
    expect(fs.readdirSync(path.join(dir, 'pdf'))).toHaveLength(1);
    // Under a consent: what was ticked, that consent's copy, and no accounting of disclosures.
    expect(fs.readdirSync(path.join(dir, 'csv')).sort()).toEqual([
      'addenda.csv',
      'assessments.csv',
      'client.csv',
      'consents.csv',
      'notes.csv',
      'treatment-plan-goals.csv',
    ]);
    expect(fs.readFileSync(path.join(dir, 'CONSENT.txt'), 'utf8')).toContain(consent.id);
    await dialog.close();

    await chart.openTab('Consents');
    const row = chart.panel('Consents').locator('.disclosures tbody tr').first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Dr. Siobhán O’Brien, Coastline Family Practice');
    expect(text).toContain('Record export');
    expect(text).toContain('Continuity of care after discharge');
    expect(text).toContain('Treatment, payment and health-care operations');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'export-accounting');
  });

  it('writes an encrypted archive at the client’s own request, opened with its passphrase', async () => {
    const exportPass = 'tidepool anchor marigold ninety';
    await chart.openTab('Timeline');
    await dialog.open();
    await dialog.choose('Made', "At the client's own request (no consent needed)");
    expect(await dialog.form().getByLabel('Consent', { exact: true }).count()).toBe(0);
    // To the client, and to no one else: the recipient is fixed.
    expect(await dialog.field('Recipient').inputValue()).toBe('Thị Ánh Nguyễn (the client)');
    expect(await dialog.field('Recipient').isEditable()).toBe(false);
    await dialog.field('Purpose').fill('Her own copy');
    await dialog.field('Passphrase for the export').fill('short');
    await dialog.field('Your passphrase').fill(CLINIC.passphrase);
    await dialog.submit();
    await expect
      .poll(() => dialog.fieldError('Passphrase for the export').textContent())
      .toMatch(/at least 12 characters/);
    await dialog.field('Passphrase for the export').fill(exportPass);
    await dialog.submit();
    await dialog.done().waitFor();
    const file = (await dialog.path().textContent()) ?? '';
    expect(file).toMatch(/\.tar\.age$/);
    const into = tempDir();
    const tar = path.join(into, 'export.tar');
    fs.writeFileSync(tar, await decryptWithPassphrase(fs.readFileSync(file), exportPass));
    untar(tar, into);
    const root = fs.readdirSync(into).find((n) => n.startsWith('clearleaf-export-'))!;
    expect(sha256sumCheck(path.join(into, root))).toMatch(/CONSENT\.txt: OK/);
    await dialog.close();

    await chart.openTab('Consents');
    await expect.poll(() => chart.panel('Consents').locator('.disclosures tbody tr').count()).toBe(2);
    expect(await chart.panel('Consents').locator('.disclosures tbody tr').first().textContent()).toContain(
      "At the client's own request",
    );
  });
});
