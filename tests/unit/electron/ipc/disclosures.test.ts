/**
 * Disclosure accounting for note prints (CLINICAL.md §6): a print for the record is no disclosure; a print under an
 * active consent of this client whose type fits the note is recorded with every element and carries the consent's
 * scope; the accounting lists the past 3 years, newest first, and cannot be changed.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import { recordConsentEndEvent, revokeConsent } from '../../../../electron/db/repositories/consents';
import type { Client } from '../../../../shared/domain/clients';
import type { Consent, ConsentInput } from '../../../../shared/domain/consents';
import type { Disclosure, DisclosureRequest } from '../../../../shared/domain/disclosures';
import { emptyNoteContent, type Note } from '../../../../shared/domain/notes';
import { PART2_NOTICE_SHORT, PART2_NOTICE_VERSION } from '../../../../shared/domain/part2';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { aClinician, FakeClock, setUpPractice } from '../../../support/fixtures';

const PASS = aClinician().passphrase;

const NOW = Date.UTC(2026, 10, 23, 18, 0);
const TODAY = '2026-11-23';

async function setup() {
  const clock = new FakeClock(NOW);
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
  const db = practice.session().db;
  /** A draft of a session held three days ago. */
  const draft = async (kind: Note['kind'], clientId = client.id) =>
    value<Note>(
      await dispatch('notes.create', {
        clientId,
        kind,
        content: {
          ...emptyNoteContent('soap', '2026-11-20'),
          risk: {
            suicidalIdeation: 'denied',
            homicidalIdeation: 'denied',
            redFlagsObserved: false,
            note: '',
          },
          sections: { subjective: 'Talked through the week at work and the cravings at breaks.' },
        },
      }),
    );
  /** A signed note: only signed notes are ever disclosed. */
  const note = async (kind: Note['kind'], clientId = client.id) =>
    value<Note>(await dispatch('notes.sign', { id: (await draft(kind, clientId)).id, passphrase: PASS }));
  const consent = async (over: Partial<ConsentInput> = {}, clientId = client.id) =>
    value<Consent>(await dispatch('consents.create', { clientId, consent: aConsent(over) }));
  const print = (id: string, disclosure: DisclosureRequest | null) =>
    dispatch('notes.printPdf', { id, paper: 'letter', disclosure });
  const count = () => (db.prepare('SELECT count(*) AS n FROM disclosures').get() as { n: number }).n;
  return { practice, user, clock, dispatch, client, db, note, draft, consent, print, count };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

function fieldsOf(r: Result<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected an error');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
}

/** The PDF's text without the footer every page carries, so a block broken across pages reads whole. */
const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => !line.includes(PART2_NOTICE_SHORT) && !/Page \d+ of \d+/.test(line))
    .join('\n');
const under = (consentId: string, over: Partial<DisclosureRequest> = {}): DisclosureRequest => ({
  consentId,
  recipient: 'Dr. Ilse Verhoeven, Cascade Family Medicine',
  recipientAddress: '4 Pine St, Eugene, OR',
  purpose: 'Coordination of buprenorphine prescribing',
  ...over,
});

describe('note prints and disclosures', () => {
  it('removes the printed PDF when its audit row and disclosure cannot be written (issue 12, finding 9)', async () => {
    const { note, consent, print, count, db, practice } = await setup();
    const c = await consent();
    const n = await note('progress');
    // The accounting refuses this one write (as a full disk or a broken trigger would).
    db.exec(`CREATE TEMP TRIGGER refuse_disclosure BEFORE INSERT ON main.disclosures
      BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const r = await print(n.id, under(c.id, { recipient: 'Dr. Ilse Verhoeven', purpose: 'Shared care' }));
    expect(r.ok).toBe(false);
    expect(count()).toBe(0);
    expect(fs.existsSync(practice.documentsDir) ? fs.readdirSync(practice.documentsDir) : []).toEqual([]);
    const printed = db
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'print' AND entity_id = ?`)
      .get(n.id) as { n: number };
    expect(printed.n).toBe(0);
  });

  it('records nothing and keeps no copy when the consent is revoked or ended while the PDF is made', async () => {
    const { note, consent, print, count, db, practice, user } = await setup();
    const n = await note('progress');
    const request = { recipient: 'Dr. Ilse Verhoeven', purpose: 'Shared care' };
    const revoked = await consent(request);
    const ended = await consent({
      ...request,
      expiryKind: 'event',
      expiryDate: null,
      expiryEvent: 'End of probation',
    });
    // The handler checks the consent before its first await (the render); the revocation lands while it renders.
    const printing = print(n.id, under(revoked.id, request));
    revokeConsent(db, revoked.id, { revokedOn: TODAY, receivedHow: 'in-writing', note: '' }, user.id, NOW);
    const r = await printing;
    expect(r).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^The consent changed while the printed copy was being made, so nothing was disclosed and no copy was kept\. That consent is revoked/,
        ),
        fields: [{ path: 'disclosure.consentId' }],
      },
    });
    const printingAgain = print(n.id, under(ended.id, request));
    recordConsentEndEvent(db, ended.id, { happenedOn: TODAY }, user.id, NOW);
    expect(await printingAgain).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/is expired/) },
    });
    expect(count()).toBe(0);
    expect(fs.existsSync(practice.documentsDir) ? fs.readdirSync(practice.documentsDir) : []).toEqual([]);
  });

  it('writes no disclosure for a progress note printed for the record', async () => {
    const { note, consent, print, count, dispatch, client } = await setup();
    await consent();
    const n = await note('progress');
    const { path } = value<{ path: string }>(await print(n.id, null));
    expect(count()).toBe(0);
    expect(value<Disclosure[]>(await dispatch('disclosures.list', { clientId: client.id }))).toEqual([]);
    expect(pdfText(path)).not.toContain('Disclosed under consent');
  });

  it('records a print under an active consent once, with every element, and prints the consent scope', async () => {
    const { note, consent, print, count, dispatch, client, user, db } = await setup();
    const c = await consent({
      expiryKind: 'event',
      expiryDate: null,
      expiryEvent: 'Discharge from the programme',
      recipient: 'Dr. Ilse Verhoeven',
      purpose: 'Shared care of the taper',
    });
    const n = await note('progress');
    const { path } = value<{ path: string }>(
      await print(
        n.id,
        under(c.id, { recipient: 'Dr. Ilse Verhoeven', purpose: 'Shared care of the taper' }),
      ),
    );
    expect(path).toMatch(/disclosure-/);
    expect(count()).toBe(1);
    const listed = value<Disclosure[]>(await dispatch('disclosures.list', { clientId: client.id }));
    expect(listed).toEqual([
      {
        id: expect.any(String),
        clientId: client.id,
        basis: 'consent',
        consentId: c.id,
        consentType: 'single-disclosure',
        consentSignedOn: '2026-11-20',
        disclosedAtMs: NOW,
        disclosedBy: user.id,
        disclosedByName: user.displayName,
        recipient: 'Dr. Ilse Verhoeven',
        recipientAddress: '4 Pine St, Eugene, OR',
        purpose: 'Shared care of the taper',
        what: 'Progress note, session 2026-11-20',
        sourceType: 'note',
        sourceId: n.id,
        noticeVersion: PART2_NOTICE_VERSION,
      },
    ]);

    const text = pdfText(path).replace(/\s+/g, ' ');
    const notice = text.indexOf('Notice: confidentiality');
    const block = text.indexOf('Disclosed under consent');
    const body = text.indexOf('Subjective');
    // The scope sits with the note (before its body), not after the notice.
    expect(block).toBeGreaterThan(0);
    expect(body).toBeGreaterThan(block);
    expect(notice).toBeGreaterThan(body);
    const scope = text.slice(block, body);
    expect(scope).toContain('Disclosed to: Dr. Ilse Verhoeven');
    expect(scope).toContain('Purpose: Shared care of the taper');
    expect(scope).toContain('Who may disclose: Riverbend Recovery Collective');
    expect(scope).toMatch(/Consent signed: \S.* by Araceli Montoya-Brandt/);
    expect(scope).toContain('Attendance dates and taper progress from 1 Nov 2026 to 30 Nov 2026');
    expect(scope).toContain('Consent expires: When: Discharge from the programme');
    expect(scope).not.toContain(PART2_NOTICE_VERSION);
    expect(scope).toMatch(/may revoke this consent at any time/);
    expect(scope).toContain('In writing to the clinic at any time');

    // The print is audited with its disclosure, and the accounting view is itself audited.
    const audit = listAudit(db, { limit: 20, beforeId: null });
    expect(audit.filter((a) => a.action === 'print' && a.entity === 'note').map((a) => a.entityId)).toEqual([
      n.id,
    ]);
    expect(
      audit.filter((a) => a.action === 'view' && a.entity === 'disclosure-list').map((a) => a.entityId),
    ).toEqual([client.id]);
  });

  it('prints a private note only under a consent for SUD counselling notes, never for the record', async () => {
    const { note, consent, print, count } = await setup();
    const n = await note('sud-counselling');
    const general = await consent();
    const sud = await consent({ type: 'sud-counselling-notes' });
    expect(await print(n.id, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fieldsOf(await print(n.id, under(general.id)))['disclosure.consentId']).toMatch(
      /only under a consent for SUD counselling notes/,
    );
    expect(count()).toBe(0);
    const { path } = value<{ path: string }>(await print(n.id, under(sud.id)));
    expect(count()).toBe(1);
    expect(pdfText(path)).toContain('SUD counselling notes');
  });

  it("refuses a revoked, an expired or another client's consent, and a missing recipient or purpose, by field", async () => {
    const { note, consent, print, count, dispatch } = await setup();
    const n = await note('progress');
    const revoked = await consent();
    value(
      await dispatch('consents.revoke', {
        id: revoked.id,
        revocation: { revokedOn: TODAY, receivedHow: 'in-writing', note: '' },
      }),
    );
    const ended = await consent({ expiryKind: 'event', expiryDate: null, expiryEvent: 'Discharge' });
    value(await dispatch('consents.recordEndEvent', { id: ended.id, endEvent: { happenedOn: TODAY } }));
    const other = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Teodor', legalLastName: 'Brindlewood', chartNumber: null }),
      }),
    );
    const theirs = await consent({ patientName: 'Teodor Brindlewood' }, other.id);

    expect(fieldsOf(await print(n.id, under(revoked.id)))['disclosure.consentId']).toMatch(/revoked/);
    expect(fieldsOf(await print(n.id, under(ended.id)))['disclosure.consentId']).toMatch(/expired/);
    expect(fieldsOf(await print(n.id, under(theirs.id)))['disclosure.consentId']).toMatch(
      /not one of this client's/,
    );
    expect(fieldsOf(await print(n.id, under('no-such-consent')))['disclosure.consentId']).toMatch(
      /not one of this client's/,
    );
    const active = await consent();
    const blank = fieldsOf(await print(n.id, under(active.id, { recipient: ' ', purpose: '' })));
    expect(blank['disclosure.recipient']).toMatch(/Recipient is required/);
    expect(blank['disclosure.purpose']).toMatch(/Purpose is required/);
    expect(fieldsOf(await print(n.id, under('')))['disclosure.consentId']).toMatch(/Choose the consent/);
    expect(count()).toBe(0);
  });

  it('refuses any change or deletion of a disclosure in SQL', async () => {
    const { note, consent, print, count, db } = await setup();
    value(await print((await note('progress')).id, under((await consent()).id)));
    expect(count()).toBe(1);
    expect(() => db.prepare(`UPDATE disclosures SET recipient = 'Someone else'`).run()).toThrow(
      /never changed/,
    );
    expect(() => db.prepare(`DELETE FROM disclosures`).run()).toThrow(/never deleted/);
    expect(count()).toBe(1);
  });

  it('lists the past 3 years newest first, and prints that accounting as an audited record, not a disclosure', async () => {
    const { note, consent, print, dispatch, client, db, user } = await setup();
    // A consent for treatment, payment and operations carries many disclosures (a single-disclosure one, one).
    const c = await consent({
      type: 'tpo',
      redisclosureStatementIncluded: true,
      refusalConsequencesExplained: true,
      recipient: 'Printed today',
    });
    const n = await note('progress');
    value(await print(n.id, under(c.id, { recipient: 'Printed today' })));
    const insert = db.prepare(
      `INSERT INTO disclosures (id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient,
         recipient_address, purpose, what, source_type, source_id, notice_version)
       VALUES (?, ?, ?, ?, ?, ?, '', 'Care', 'Progress note, session 2023-01-01', 'note', ?, ?)`,
    );
    const day = 86_400_000;
    const threeYearsAgo = Date.UTC(2023, 10, 23, 18, 0);
    const seed = (id: string, atMs: number) =>
      insert.run(id, client.id, c.id, atMs, user.id, id, n.id, PART2_NOTICE_VERSION);
    seed('Within, at the edge', threeYearsAgo);
    seed('Too old', threeYearsAgo - 1);
    seed('A year ago', NOW - 365 * day);
    seed('Last week', NOW - 7 * day);

    const listed = value<Disclosure[]>(await dispatch('disclosures.list', { clientId: client.id }));
    expect(listed.map((d) => d.recipient)).toEqual([
      'Printed today',
      'Last week',
      'A year ago',
      'Within, at the edge',
    ]);

    const before = listed.length + 1;
    const { path } = value<{ path: string }>(
      await dispatch('disclosures.printPdf', { clientId: client.id, paper: 'a4' }),
    );
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain('Accounting of disclosures');
    expect(text).toContain('Printed today');
    expect(text).toContain('Recipient address: 4 Pine St, Eugene, OR');
    expect(text).toContain('What was disclosed: Progress note, session 2026-11-20');
    expect(text).toContain('Consent: Treatment, payment and health-care operations, signed 2026-11-20');
    expect(text).toContain('Notice: 42 CFR 2.32(a) notice, Statement 1 (2024 rule)');
    expect(text).toContain('Within, at the edge');
    expect(text).not.toContain('Too old');
    expect((db.prepare('SELECT count(*) AS n FROM disclosures').get() as { n: number }).n).toBe(before);
    const audit = listAudit(db, { limit: 5, beforeId: null });
    expect(audit[0]).toMatchObject({ action: 'print', entity: 'disclosure-list', entityId: client.id });
  });

  it('never discloses a draft, whatever the consent (issue 8 item 6)', async () => {
    const { draft, consent, print, count } = await setup();
    const d = await draft('progress');
    const c = await consent();
    expect(fieldsOf(await print(d.id, under(c.id)))['disclosure.consentId']).toMatch(
      /A draft is never disclosed/,
    );
    expect(count()).toBe(0);
    // For the record it still prints, marked as a draft.
    expect(pdfText(value<{ path: string }>(await print(d.id, null)).path)).toContain('DRAFT — not signed');
  });

  it('takes the recipient, purpose and address from the consent, refusing any other on its field', async () => {
    const { note, consent, print, count } = await setup();
    const n = await note('progress');
    const c = await consent();
    const typed = fieldsOf(
      await print(
        n.id,
        under(c.id, {
          recipient: 'Sgt. Halloran, County Probation',
          purpose: 'Court report',
          recipientAddress: '',
        }),
      ),
    );
    expect(typed['disclosure.recipient']).toMatch(/The consent names the recipient "Dr. Ilse Verhoeven/);
    expect(typed['disclosure.purpose']).toMatch(/the one the consent names/);
    expect(typed['disclosure.recipientAddress']).toMatch(/the one the consent names/);
    expect(count()).toBe(0);
    value(await print(n.id, under(c.id)));
    expect(count()).toBe(1);
  });

  it('uses a consent for SUD counselling notes for those notes only (42 CFR 2.31(b))', async () => {
    const { note, consent, print, count } = await setup();
    const progress = await note('progress');
    const sud = await consent({ type: 'sud-counselling-notes' });
    expect(fieldsOf(await print(progress.id, under(sud.id)))['disclosure.consentId']).toMatch(
      /covers only those notes/,
    );
    expect(count()).toBe(0);
  });

  it('uses a single-disclosure consent once: shown as used, a second disclosure refused (issue 9 item 5)', async () => {
    const { note, consent, print, count, dispatch, client, db } = await setup();
    const first = await note('progress');
    const second = await note('progress');
    const single = await consent();
    expect(single.firstDisclosedAtMs).toBeNull();
    value(await print(first.id, under(single.id)));
    const listed = value<Consent[]>(await dispatch('consents.list', { clientId: client.id }));
    expect(listed.find((c) => c.id === single.id)?.firstDisclosedAtMs).toBe(NOW);
    expect(fieldsOf(await print(second.id, under(single.id)))['disclosure.consentId']).toMatch(
      /already been used/,
    );
    expect(count()).toBe(1);
    // The database refuses it too, whatever path a second row comes by.
    expect(() =>
      db
        .prepare(
          `INSERT INTO disclosures (id, client_id, consent_id, disclosed_at_ms, disclosed_by, recipient,
             recipient_address, purpose, what, source_type, source_id, notice_version)
           SELECT 'again', client_id, consent_id, disclosed_at_ms + 1, disclosed_by, recipient, recipient_address,
             purpose, what, source_type, source_id, notice_version FROM disclosures`,
        )
        .run(),
    ).toThrow(/already been used/);
    // A consent for treatment, payment and operations carries more than one.
    const tpo = await consent({
      type: 'tpo',
      redisclosureStatementIncluded: true,
      refusalConsequencesExplained: true,
    });
    value(await print(first.id, under(tpo.id)));
    value(await print(second.id, under(tpo.id)));
    expect(count()).toBe(3);
  });
});
