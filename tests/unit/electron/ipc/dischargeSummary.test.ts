/**
 * The discharge summary through the real handlers (issue 11 item 5; CLINICAL.md §5): pre-filled from a full course
 * of care (the demo's), signed only when complete and with the passphrase, immutable in the app and in SQL, and on
 * signing the client is discharged on its date and type and the consents that end at discharge expire. Printed as
 * a PDF checked with qpdf, pdffonts and pdftotext; listed on the Discharge worklist until signed.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { DEMO_STEPS, demoCaller, demoStartMs, seedDemo } from '../../../../electron/demo/seed';
import { dischargeSummarySection } from '../../../../electron/export/sections/dischargeSummary';
import { getClinic } from '../../../../electron/db/repositories/clinic';
import { listAudit } from '../../../../electron/db/repositories/audit';
import type { Client, ClientInput } from '../../../../shared/domain/clients';
import { consentStatus, type Consent } from '../../../../shared/domain/consents';
import type { DischargeSummary, DischargeWritten } from '../../../../shared/domain/dischargeSummary';
import type { Chart, DischargeWorklist } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { checkPdf, flat } from '../../../support/pdfChecks';
import { FakeClock, aClinician, setUpPractice } from '../../../support/fixtures';

const PASS = aClinician().passphrase;
const NOW = Date.UTC(2026, 11, 2, 18, 0);
const TODAY = '2026-12-02';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

function fieldsOf(r: Result<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected an error');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
}

/** A practice with the demo's course of care for each invented client, none of them discharged yet. */
async function setup() {
  // The demo's course of care is written on its own days; the clock then stands at NOW.
  const clock = new FakeClock(demoStartMs(NOW));
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const db = practice.session().db;
  const clients = await seedDemo(
    {
      call: demoCaller(dispatch),
      passphrase: PASS,
      userId: user.id,
      clinicName: getClinic(db)!.name,
      nowMs: NOW,
      advanceTo: (ms) => {
        clock.ms = Math.max(clock.ms, ms);
        practice.touch();
      },
    },
    DEMO_STEPS.filter((s) => s.id !== 'discharge'),
  );
  const client = clients[0]!;
  const start = async (clientId = client.id) =>
    value<DischargeSummary>(await dispatch('discharge.startSummary', { clientId }));
  const save = async (s: DischargeSummary, over: Partial<DischargeWritten>) =>
    value<DischargeSummary>(
      await dispatch('discharge.saveSummary', {
        id: s.id,
        written: { ...s.content.written, ...over },
        expectedUpdatedAtMs: s.updatedAtMs,
      }),
    );
  const complete = (s: DischargeSummary): Partial<DischargeWritten> => ({
    dischargedOn: TODAY,
    dischargeType: 'completed',
    presentingProblem: 'Daily kratom use with withdrawal on waking.',
    goalProgress: s.content.facts.goals.map((g) => ({ goalId: g.id, progress: `Progress on ${g.text}.` })),
    conditionAtDischarge: 'Stable; no kratom for three weeks; sleeping six hours.',
    levelOfCareAtDischarge: 'Weekly outpatient counselling; no further taper support needed.',
    recommendations: 'Continue weekly counselling for three months.',
    referrals: [{ to: 'Cascade Family Medicine', reason: 'Primary care follow-up' }],
    incompleteReason: 'No signed aftercare plan: the client declined to write one.',
  });
  const chart = async (id = client.id) => value<Chart>(await dispatch('clients.chart', { id }));
  return { dispatch, db, clock, user, practice, clients, client, start, save, complete, chart };
}

describe('the discharge summary', () => {
  it('is pre-filled from the record: dates, counts, goals, instrument trends, diagnoses, level of care, medications', async () => {
    const { dispatch, db, client, start } = await setup();
    // One signed MAT coordination contact and one current and one stopped medication.
    // (Written as SQL: the MAT note's own tests cover its form; here only that a signed contact is counted.)
    db.prepare(
      `INSERT INTO mat_notes (id, client_id, content, contact_date, search_text, author_id, created_at_ms,
         updated_at_ms) SELECT 'mat-1', ?, '{}', '2026-11-28', '', id, 1, 1 FROM users LIMIT 1`,
    ).run(client.id);
    db.prepare(
      `UPDATE mat_notes SET signed_at_ms = 2, signed_by = author_id, content_hash = 'h', signed_snapshot = '{}'
       WHERE id = 'mat-1'`,
    ).run();
    const medication = (over: Record<string, unknown>) => ({
      medication: 'buprenorphine-naloxone',
      otherName: '',
      formulation: 'sublingual film',
      dose: 8,
      unit: 'mg',
      schedule: 'once daily',
      prescriber: 'Dr. Ilse Verhoeven',
      pharmacy: 'Alder Street Pharmacy',
      phase: 'maintenance',
      startDate: '2026-11-10',
      stopDate: '',
      changeNote: '',
      opioidHistory: 'yes',
      ...over,
    });
    value(
      await dispatch('medications.save', {
        clientId: client.id,
        id: null,
        baseVersion: 0,
        medication: medication({}),
      } as never),
    );
    value(
      await dispatch('medications.save', {
        clientId: client.id,
        id: null,
        baseVersion: 0,
        medication: medication({
          medication: 'clonidine',
          dose: 0.1,
          phase: 'stopped',
          stopDate: '2026-11-20',
        }),
      } as never),
    );

    const s = await start();
    const f = s.content.facts;
    expect(f.admissionDate).toBe(client.admissionDate);
    // Signed sessions: two individual (the level-of-care visit and 21 days back), one group attended (14); the MAT
    // contact.
    expect(f.services).toEqual({ individual: 2, group: 1, family: 0, other: 0, matContacts: 1 });
    expect(f.lastServiceOn).toBe('2026-11-28');
    expect(f.goals.map((g) => [g.id, g.text, g.status])).toEqual([
      ['g1', 'Taper to no kratom use', 'Active'],
      ['g2', 'Sleep six hours or more most nights', 'Active'],
    ]);
    expect(s.content.written.goalProgress).toEqual([
      { goalId: 'g1', progress: '' },
      { goalId: 'g2', progress: '' },
    ]);
    const phq9 = f.instruments.find((i) => i.instrumentId === 'phq9');
    expect(phq9).toMatchObject({
      title: 'PHQ-9',
      administrations: 2,
      first: { on: '2026-10-19', total: 12, band: 'Moderate' },
      latest: { on: '2026-11-25', total: 6, band: 'Mild' },
    });
    expect(f.instruments.map((i) => i.instrumentId).sort()).toEqual(
      ['auditc', 'cows', 'gad7', 'phq9', 'sows', 'sud'].sort(),
    );
    expect(f.diagnoses).toEqual([
      expect.objectContaining({
        code: 'F19.20',
        severity: expect.stringMatching(/severe/i),
        remission: 'Not in remission',
      }),
    ]);
    expect(f.levelOfCare?.level).toMatch(/taper/i);
    expect(f.levelOfCare?.dimensions).toHaveLength(6);
    expect(f.levelOfCare?.dimensions[0]).toMatchObject({ rating: '1 – Low concern' });
    expect(f.medications).toEqual([
      {
        summary: expect.stringContaining('8 mg sublingual film, once daily (maintenance)'),
        prescriber: 'Dr. Ilse Verhoeven',
        pharmacy: 'Alder Street Pharmacy',
      },
    ]);
    expect(f.aftercarePlan).toBeNull();
    expect(f.recordedDischarge).toBeNull();
    // Starting again returns the same draft.
    expect((await start()).id).toBe(s.id);
  });

  it('signs only when complete, with the passphrase, naming each missing part beside its field', async () => {
    const { dispatch, clock, start, save, complete } = await setup();
    const s = await start();
    const incomplete = await dispatch('discharge.signSummary', { id: s.id, passphrase: PASS });
    expect(fieldsOf(incomplete)).toMatchObject({
      'written.dischargedOn': 'Enter the discharge date.',
      'written.dischargeType': 'Choose how the client left care.',
      'written.goalProgress.0.progress': 'Write the progress on “Taper to no kratom use”.',
      'written.conditionAtDischarge': expect.any(String),
      'written.levelOfCareAtDischarge': 'Write the level of care recommended at discharge.',
      'written.recommendations': 'Write the recommendations.',
      'written.incompleteReason': expect.stringContaining('no signed aftercare plan'),
    });
    const beforeService = await save(s, { ...complete(s), dischargedOn: '2026-11-01' });
    expect(
      fieldsOf(await dispatch('discharge.signSummary', { id: s.id, passphrase: PASS }))[
        'written.dischargedOn'
      ],
    ).toMatch(/before the last service/);
    const done = await save(beforeService, complete(s));
    expect(
      await dispatch('discharge.signSummary', { id: s.id, passphrase: 'wrong passphrase' }),
    ).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(
      value<DischargeSummary[]>(await dispatch('discharge.summaries', { clientId: s.clientId }))[0]
        ?.signedAtMs,
    ).toBeNull();
    clock.advance(5_000); // past the wait after a wrong passphrase
    const signed = value<DischargeSummary>(
      await dispatch('discharge.signSummary', { id: done.id, passphrase: PASS }),
    );
    expect(signed.signedAtMs).not.toBeNull();
    expect(signed.signerCredentials).toBe(aClinician().credentials);
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signing discharges the client, keeps the chart readable and expires consents that end at discharge', async () => {
    const { dispatch, db, client, start, save, complete, chart } = await setup();
    const consent = async (over: Parameters<typeof aConsent>[0]) =>
      value<Consent>(await dispatch('consents.create', { clientId: client.id, consent: aConsent(over) }));
    const atDischarge = await consent({ expiryKind: 'discharge', expiryDate: null, expiryEvent: '' });
    const otherEvent = await consent({
      expiryKind: 'event',
      expiryDate: null,
      expiryEvent: 'End of probation',
    });
    // Worded as a discharge but with the end chosen as another event (a drug court's programme, say): the words
    // alone end nothing; only the structured choice does.
    const worded = await consent({
      expiryKind: 'event',
      expiryDate: null,
      expiryEvent: 'Discharge from the drug court programme',
    });
    const s = await start();
    const done = await save(s, complete(s));
    value(await dispatch('discharge.signSummary', { id: done.id, passphrase: PASS }));

    const after = await chart();
    expect(after.client.status).toBe('discharged');
    expect(after.client.discharge).toMatchObject({ dischargedOn: TODAY, type: 'completed' });
    const byId = new Map(after.consents.map((c) => [c.id, c]));
    expect(consentStatus(byId.get(atDischarge.id)!, TODAY)).toBe('expired');
    expect(byId.get(atDischarge.id)!.endEvent?.happenedOn).toBe(TODAY);
    expect(consentStatus(byId.get(otherEvent.id)!, TODAY)).toBe('active');
    expect(consentStatus(byId.get(worded.id)!, TODAY)).toBe('active');
    expect(after.timeline.find((e) => e.kind === 'discharge-summary-signed')).toMatchObject({
      title: 'Discharge summary signed',
      detail: `Completed treatment, discharged ${TODAY}`,
      area: 'discharge',
    });
    // The record stays readable: notes and the summary itself.
    expect(
      value<unknown[]>(await dispatch('notes.list', { clientId: client.id, kind: 'record' })).length,
    ).toBeGreaterThan(0);
    expect(
      value<DischargeSummary[]>(await dispatch('discharge.summaries', { clientId: client.id })),
    ).toHaveLength(1);

    // A signed summary cannot change, in the app or in SQL.
    expect(await save(done, { recommendations: 'Changed' }).catch((e: Error) => e.message)).toMatch(
      /CONFLICT/,
    );
    expect(() =>
      db.prepare(`UPDATE discharge_summaries SET content = '{}' WHERE id = ?`).run(done.id),
    ).toThrow(/kept as it was/);
    expect(() => db.prepare('DELETE FROM discharge_summaries WHERE id = ?').run(done.id)).toThrow(
      /never deleted/,
    );

    const audit = listAudit(db, { limit: 200, beforeId: null }).map((a) => `${a.action}:${a.entity}`);
    expect(audit).toEqual(
      expect.arrayContaining(['sign:discharge-summary', 'discharge:client', 'record-end-event:consent']),
    );
  });

  it('keeps a discharge already recorded in Edit details when the summary agrees, and records a correction when not', async () => {
    const { dispatch, clients, start, save, complete, chart } = await setup();
    const discharge = async (c: Client, dischargedOn: string) => {
      const { id, assignedClinicianName: _n, createdAtMs: _c, updatedAtMs: _u, ...input } = c;
      value(
        await dispatch('clients.update', {
          id,
          client: { ...input, status: 'discharged', discharge: { dischargedOn, type: 'lost-contact' } },
        }),
      );
    };
    const [, agrees, differs] = clients;
    await discharge(agrees!, '2026-11-29');
    await discharge(differs!, '2026-11-29');

    const a = await start(agrees!.id);
    expect(a.content.written).toMatchObject({ dischargedOn: '2026-11-29', dischargeType: 'lost-contact' });
    value(
      await dispatch('discharge.signSummary', {
        id: (await save(a, { ...complete(a), dischargedOn: '2026-11-29', dischargeType: 'lost-contact' })).id,
        passphrase: PASS,
      }),
    );
    const keptChart = await chart(agrees!.id);
    expect(keptChart.timeline.filter((e) => e.kind === 'discharge')).toHaveLength(1);

    const d = await start(differs!.id);
    const corrected = await save(d, {
      ...complete(d),
      dischargedOn: '2026-11-30',
      dischargeType: 'completed',
    });
    value(await dispatch('discharge.signSummary', { id: corrected.id, passphrase: PASS }));
    const fixed = await chart(differs!.id);
    expect(fixed.client.discharge).toMatchObject({ dischargedOn: '2026-11-30', type: 'completed' });
    // The first discharge stays as history; the correction is the latest.
    expect(fixed.timeline.filter((e) => e.kind === 'discharge')).toHaveLength(2);
  });

  it('signs the summary of an episode the client was re-admitted after, keeping its discharge and the new episode', async () => {
    const { dispatch, db, clients, start, save, complete, chart } = await setup();
    const [, sameDay, later] = clients;
    const edit = async (c: Client, over: Partial<ClientInput>) => {
      const {
        id,
        assignedClinicianName: _n,
        createdAtMs: _c,
        updatedAtMs: _u,
        discharge: _d,
        ...input
      } = (await chart(c.id)).client;
      value(await dispatch('clients.update', { id, client: { ...input, discharge: null, ...over } }));
    };
    for (const [c, back] of [
      [sameDay!, '2026-11-29'],
      [later!, '2026-12-01'],
    ] as const) {
      await edit(c, {
        status: 'discharged',
        discharge: { dischargedOn: '2026-11-29', type: 'lost-contact' },
      });
      await edit(c, { status: 'active', admissionDate: back });
      const s = await start(c.id);
      // The summary of the episode says how it ended; saying otherwise is refused beside the date.
      const differs = await save(s, {
        ...complete(s),
        dischargedOn: '2026-11-29',
        dischargeType: 'completed',
      });
      const refused = await dispatch('discharge.signSummary', { id: differs.id, passphrase: PASS });
      expect(fieldsOf(refused)['written.dischargedOn'], back).toBe(
        'The client was re-admitted after this episode of care. Its summary gives the discharge that ended it: Nov 29, 2026, lost contact.',
      );
      const agrees = await save(differs, { dischargeType: 'lost-contact' });
      expect(agrees.content.facts.recordedDischarge).toEqual({
        dischargedOn: '2026-11-29',
        type: 'lost-contact',
      });
      value(await dispatch('discharge.signSummary', { id: agrees.id, passphrase: PASS }));
      // Still in the new episode; no discharge added; the closed episode still ends with its own discharge.
      const after = await chart(c.id);
      expect([after.client.status, after.client.admissionDate], back).toEqual(['active', back]);
      expect(after.timeline.filter((e) => e.kind === 'discharge')).toHaveLength(1);
      expect(
        db.prepare(`SELECT ended_on, left_on FROM closed_episodes WHERE client_id = ?`).all(c.id),
      ).toEqual([{ ended_on: '2026-11-29', left_on: '2026-11-29' }]);
    }
  });

  it('lists clients due a summary with the due date, until it is signed', async () => {
    const { dispatch, clients, start, save, complete } = await setup();
    const due = async () => value<DischargeWorklist>(await dispatch('worklists.discharge', {})).due;
    // The demo's last service was the group 14 days ago: nobody is due yet.
    expect(await due()).toEqual([]);
    const [first] = clients;
    const { id, assignedClinicianName: _n, createdAtMs: _c, updatedAtMs: _u, ...input } = first!;
    value(
      await dispatch('clients.update', {
        id,
        client: {
          ...input,
          status: 'discharged',
          discharge: { dischargedOn: '2026-11-30', type: 'completed' },
        },
      }),
    );
    expect(await due()).toEqual([
      expect.objectContaining({
        clientId: first!.id,
        reason: 'discharged',
        lastServiceOn: '2026-11-18',
        dischargedOn: '2026-11-30',
        dueBy: '2026-11-25',
        hasDraft: false,
      }),
    ]);
    // An active client with no service for 30 days and more is listed as "consider discharge".
    const quiet = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Ōtsuka', legalLastName: 'Brennan', admissionDate: '2026-10-01' }),
      }),
    );
    const listed = await due();
    // No summary is due while the client is not discharged: no due date, the days without service instead.
    expect(listed.map((r) => [r.clientId, r.reason, r.dueBy, r.daysWithoutService])).toEqual([
      [first!.id, 'discharged', '2026-11-25', null],
      [quiet.id, 'consider-discharge', null, 62],
    ]);
    const s = await start(first!.id);
    value(
      await dispatch('discharge.signSummary', {
        id: (await save(s, { ...complete(s), dischargedOn: '2026-11-30' })).id,
        passphrase: PASS,
      }),
    );
    expect((await due()).map((r) => r.clientId)).toEqual([quiet.id]);
  });

  it('prints the signed summary with every element, the Unicode name, page numbers and the Part 2 notice', async () => {
    const { dispatch, db, client, start, save, complete, practice } = await setup();
    const s = await start();
    expect(
      await dispatch('discharge.printSummary', { id: s.id, paper: 'letter', disclosure: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const done = await save(s, complete(s));
    value(await dispatch('discharge.signSummary', { id: done.id, passphrase: PASS }));
    const { path } = value<{ path: string }>(
      await dispatch('discharge.printSummary', {
        id: done.id,
        paper: 'letter',
        disclosure: null,
        locale: 'en-US',
      }),
    );
    const { text, pages } = checkPdf(path, 'discharge-summary-letter.pdf');
    const t = flat(text);
    expect(t).toContain('Nguyễn Thị Ánh');
    for (const section of [
      'Dates and discharge',
      'Presenting problem',
      'Services provided',
      'Progress on the treatment-plan goals',
      'Condition at discharge',
      'Instrument trends',
      'Diagnoses',
      'Level of care at discharge',
      'Dimension ratings used',
      'Medications at discharge',
      'Recommendations, referrals and aftercare',
      'Elements that could not be completed',
      'Signed electronically by',
      'This record which has been disclosed to you is protected by Federal confidentiality rules',
    ]) {
      expect(t).toContain(section);
    }
    // The clinician's recommendation is the level at discharge; the latest decision is printed as context.
    expect(t).toMatch(
      /Recommended at discharge:? Weekly outpatient counselling; no further taper support needed\./,
    );
    expect(t).toContain('Latest level-of-care decision');
    expect(t).toContain(`Page ${pages} of ${pages}`);
    // Dates print as the screen shows them (in the screen's locale: en-US, en-GB below), never ISO.
    expect(t).toContain(
      'PHQ-9: first 12 (Moderate) on Oct 19, 2026; latest 6 (Mild) on Nov 25, 2026 (2 scores)',
    );
    expect(t).not.toMatch(/\b2026-\d\d-\d\d\b/);
    const gb = value<{ path: string }>(
      await dispatch('discharge.printSummary', {
        id: done.id,
        paper: 'a4',
        disclosure: null,
        locale: 'en-GB',
      }),
    );
    expect(flat(checkPdf(gb.path, 'discharge-summary-en-gb.pdf').text)).toContain(
      'first 12 (Moderate) on 19 Oct 2026',
    );

    // A print for a third party is a disclosure under an active consent, with the consent's scope.
    const consent = value<Consent>(
      await dispatch('consents.create', { clientId: client.id, consent: aConsent() }),
    );
    const disclosure = {
      consentId: consent.id,
      recipient: consent.consent.recipient,
      recipientAddress: consent.consent.recipientAddress,
      purpose: consent.consent.purpose,
    };
    const third = value<{ path: string }>(
      await dispatch('discharge.printSummary', { id: done.id, paper: 'a4', disclosure }),
    );
    expect(flat(checkPdf(third.path, 'discharge-summary-a4-disclosure.pdf').text)).toContain('Disclosed to:');
    const rows = db.prepare(`SELECT source_type, what FROM disclosures WHERE source_id = ?`).all(done.id);
    expect(rows).toEqual([{ source_type: 'discharge-summary', what: `Discharge summary signed ${TODAY}` }]);

    // The record export carries the signed summary: its PDF and a CSV row.
    const out = await dischargeSummarySection.collect({
      db,
      clinic: getClinic(db)!,
      client: (await dispatch('clients.get', { id: client.id }).then(value)) as Client,
      nowMs: practice.clock.now(),
      today: TODAY,
      paper: 'letter',
      disclosure: {
        basis: 'client-request',
        consent: null,
        recipient: 'The client',
        recipientAddress: '',
        purpose: 'Own copy',
      },
      includeCounsellingNotes: false,
      refs: { patient: 'p', episode: 'e', organization: 'o' },
    });
    expect(out.pdfs).toHaveLength(1);
    expect(out.tables[0]!.rows).toEqual([
      expect.arrayContaining([
        done.id,
        TODAY,
        'Completed treatment',
        aClinician().credentials,
        out.pdfs[0]!.file,
      ]),
    ]);
    expect(out.summary).toBe('1 signed discharge summary');
  });

  it('is part of the demo: its discharged client has a signed summary and is not due one', async () => {
    // The demo's course of care is written on its own days; the clock then stands at NOW.
    const clock = new FakeClock(demoStartMs(NOW));
    const { practice, user } = await setUpPractice({ clock });
    const dispatch: Dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    const db = practice.session().db;
    const clients = await seedDemo({
      call: demoCaller(dispatch),
      passphrase: PASS,
      userId: user.id,
      clinicName: getClinic(db)!.name,
      nowMs: NOW,
      advanceTo: (ms) => {
        clock.ms = Math.max(clock.ms, ms);
        practice.touch();
      },
    });
    const last = clients[clients.length - 1]!;
    expect(last.status).toBe('discharged');
    const [summary] = value<DischargeSummary[]>(await dispatch('discharge.summaries', { clientId: last.id }));
    expect(summary?.signedAtMs).not.toBeNull();
    expect(value<DischargeWorklist>(await dispatch('worklists.discharge', {})).due).toEqual([]);
  });
});
