/**
 * The record export from the app (issue 11 item 6; CLINICAL.md §6, §7): the consent is checked as note disclosures
 * are, the passphrase is asked for, progress can be polled, the export is recorded in the accounting with its audit
 * row, and private SUD counselling notes go only under a consent for them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import { revokeConsent } from '../../../../electron/db/repositories/consents';
import {
  choosableSections,
  exportStepCount,
  runRecordExport,
  sectionsFor,
} from '../../../../electron/export/recordExport';
import { EXPORT_SECTIONS } from '../../../../electron/export/sections';
import type { Client } from '../../../../shared/domain/clients';
import type { Consent, ConsentInput } from '../../../../shared/domain/consents';
import type { Disclosure } from '../../../../shared/domain/disclosures';
import { emptyNoteContent, type Note } from '../../../../shared/domain/notes';
import {
  clientOwnRecipient,
  type ExportProgress,
  type RecordExportRequest,
} from '../../../../shared/domain/recordExport';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { aClinician, FakeClock, setUpPractice } from '../../../support/fixtures';
import { filesUnder, sha256sumCheck } from '../../../support/exportChecks';
import { checkPdf } from '../../../support/pdfChecks';

const NOW = Date.UTC(2026, 10, 23, 18, 0);
const PASS = aClinician().passphrase;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

async function setup() {
  const clock = new FakeClock(NOW);
  const { practice, dataDir } = await setUpPractice({ clock });
  const platform = createNodePlatform();
  const dispatch: Dispatch = createDispatcher(createHandlers(), { practice, platform, log: silentLogger });
  const client = value<Client>(
    await dispatch('clients.create', {
      client: aClient({ legalFirstName: 'Thị Ánh', legalLastName: 'Nguyễn' }),
    }),
  );
  const other = value<Client>(
    await dispatch('clients.create', {
      client: aClient({ legalFirstName: 'Bartłomiej', legalLastName: 'Ó Dálaigh' }),
    }),
  );
  const consent = async (over: Partial<ConsentInput> = {}, clientId = client.id) =>
    value<Consent>(await dispatch('consents.create', { clientId, consent: aConsent(over) }));
  const signedNote = async (kind: Note['kind'], text: string, sessionDate = '2026-11-20') => {
    const n = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind,
        content: {
          ...emptyNoteContent('soap', sessionDate),
          risk: {
            suicidalIdeation: 'denied',
            homicidalIdeation: 'denied',
            redFlagsObserved: false,
            note: '',
          },
          sections: { subjective: text, objective: '', assessment: '', plan: '' },
        },
      }),
    );
    return value<Note>(await dispatch('notes.sign', { id: n.id, passphrase: PASS }));
  };
  const request = (over: Partial<RecordExportRequest> = {}): RecordExportRequest => ({
    clientId: client.id,
    basis: 'client-request',
    consentId: null,
    recipient: clientOwnRecipient(client),
    recipientAddress: '',
    purpose: 'Personal copy at discharge',
    paper: 'letter',
    output: 'folder',
    exportPassphrase: null,
    plainConfirmed: true,
    // What a consent permits (read only under one): the signed notes.
    include: ['notes'],
    ...over,
  });
  const run = async (over: Partial<RecordExportRequest> = {}): Promise<ExportProgress> => {
    clock.advance(1000);
    const { jobId } = value<{ jobId: string }>(
      await dispatch('recordExport.start', { request: request(over), passphrase: PASS }),
    );
    let p = value<ExportProgress>(await dispatch('recordExport.progress', { jobId }));
    await expect
      .poll(async () => {
        p = value<ExportProgress>(await dispatch('recordExport.progress', { jobId }));
        return p.state;
      })
      .not.toBe('running');
    return p;
  };
  const disclosures = async () =>
    value<Disclosure[]>(await dispatch('disclosures.list', { clientId: client.id }));
  return {
    practice,
    dataDir,
    platform,
    dispatch,
    client,
    other,
    consent,
    signedNote,
    request,
    run,
    disclosures,
  };
}

const fieldsOf = (r: Result<unknown>) => {
  if (r.ok) throw new Error('expected a refusal');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
};

describe('record export from the app', () => {
  it('refuses another client’s, a revoked and an expired consent beside the consent, and a wrong passphrase', async () => {
    const { dispatch, consent, other, request, disclosures } = await setup();
    const theirs = await consent({}, other.id);
    const revoked = await consent();
    value(
      await dispatch('consents.revoke', {
        id: revoked.id,
        revocation: { revokedOn: '2026-11-22', receivedHow: 'in-writing', note: '' },
      }),
    );
    const expired = await consent({ expiryDate: '2026-11-21' });
    const start = (over: Partial<RecordExportRequest>, passphrase = PASS) =>
      dispatch('recordExport.start', { request: request(over), passphrase });
    expect(fieldsOf(await start({ basis: 'consent', consentId: theirs.id }))['request.consentId']).toMatch(
      /not one of this client's/,
    );
    expect(fieldsOf(await start({ basis: 'consent', consentId: revoked.id }))['request.consentId']).toMatch(
      /revoked/,
    );
    expect(fieldsOf(await start({ basis: 'consent', consentId: expired.id }))['request.consentId']).toMatch(
      /expired/,
    );
    expect(fieldsOf(await start({ basis: 'consent', consentId: null }))['request.consentId']).toMatch(
      /Choose the consent/,
    );
    expect(
      fieldsOf(await start({ output: 'encrypted', exportPassphrase: 'short' }))['request.exportPassphrase'],
    ).toMatch(/at least 12/);
    expect(await start({}, 'not my passphrase at all')).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'passphrase' }] },
    });
    expect(await disclosures()).toEqual([]);
  });

  it('runs with progress, writes owner-only files and records the disclosure with its audit row', async () => {
    const { run, signedNote, disclosures, practice, dataDir, dispatch, platform, client } = await setup();
    await signedNote('progress', 'Talked through cravings at work breaks.');
    const done = await run();
    expect(done.state).toBe('done');
    expect(done.done).toBe(done.total);
    const dir = done.result!.path;
    expect(path.dirname(dir)).toBe(path.join(dataDir, 'exports'));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of filesUnder(dir)) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    expect(sha256sumCheck(dir)).toMatch(/fhir\/bundle.json: OK/);
    const [d] = await disclosures();
    expect(d).toMatchObject({
      basis: 'client-request',
      consentId: null,
      consentType: null,
      recipient: 'Thị Ánh Nguyễn (the client)',
      purpose: 'Personal copy at discharge',
      sourceType: 'export',
      disclosedAtMs: NOW + 1000,
      what: expect.stringContaining('1 signed session note;'),
    });
    expect(done.result!.disclosureId).toBe(d!.id);
    const audit = listAudit(practice.session().db, { limit: 5, beforeId: null });
    expect(audit.find((a) => a.action === 'export')).toMatchObject({ entity: 'client', entityId: client.id });

    value(await dispatch('recordExport.show', { path: dir }));
    expect(platform.shown).toEqual([dir]);
    expect(await dispatch('recordExport.show', { path: dataDir })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reports each step in order: every section, the assembly, writing and recording', async () => {
    const { practice, client, request, dataDir } = await setup();
    const steps: Array<[number, string]> = [];
    const { db, user } = practice.session();
    await runRecordExport({ db, practice, user }, request(), path.join(dataDir, 'out'), (done, label) =>
      steps.push([done, label]),
    );
    expect(steps.map(([n]) => n)).toEqual([...Array(exportStepCount(EXPORT_SECTIONS)).keys()]);
    expect(steps.map(([, l]) => l)).toEqual([
      ...EXPORT_SECTIONS.map((s) => s.label),
      'FHIR Bundle, README and manifest',
      'Writing files',
      'Recording the disclosure',
    ]);
    expect(client.id).toBeTruthy();
    // Under a consent: the client, the consent copy and what was chosen; never the accounting of disclosures.
    expect(sectionsFor({ basis: 'consent', include: ['notes'] }).map((s) => s.id)).toEqual([
      'patient',
      'notes',
      'consents',
    ]);
    expect(choosableSections().map((s) => s.id)).not.toContain('disclosures');
  });

  it('puts every signed note in one file, oldest first, each from its own page and bookmarked, its page in notes.csv', async () => {
    const { run, signedNote } = await setup();
    // Signed out of order; the middle one long enough to run onto a second page.
    const late = await signedNote('progress', 'Marker-late: slept through the night.', '2026-11-20');
    const early = await signedNote('progress', 'Marker-early: first week off kratom.', '2026-10-02');
    const long =
      'Marker-middle: cravings after work. ' + 'Walked, called her sister, urge passed. '.repeat(160);
    const middle = await signedNote('progress', long, '2026-11-05');
    const out = (await run()).result!.path;
    expect(filesUnder(out).filter((f) => f.endsWith('.pdf'))).toEqual(['pdf/session-notes.pdf']);
    const file = path.join(out, 'pdf/session-notes.pdf');
    const { pages } = checkPdf(file, 'export-session-notes.pdf');

    const [head = '', ...rows] = fs
      .readFileSync(path.join(out, 'csv/notes.csv'), 'utf8')
      .trim()
      .split('\r\n');
    expect(head.split(',').slice(-2)).toEqual(['pdf_file', 'pdf_page']);
    const pageOf = new Map(rows.map((r) => [r.split(',')[0]!, Number(r.split(',').at(-1))]));
    expect(rows.map((r) => r.split(',')[0])).toEqual([early.id, middle.id, late.id]);
    const [p1, p2, p3] = [pageOf.get(early.id)!, pageOf.get(middle.id)!, pageOf.get(late.id)!];
    expect(p1).toBe(1);
    expect(p3).toBeGreaterThan(p2 + 1); // the long note took more than one page
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
    expect(pageText(p1)).toContain('Marker-early');
    expect(pageText(p2)).toContain('Marker-middle');
    expect(pageText(p2)).not.toContain('Marker-early');
    expect(pageText(p3)).toContain('Marker-late');
    expect(pageText(p3)).not.toContain('Marker-middle');
    // The notice once, at the end; the short statement and the page count on every page.
    expect(pageText(pages)).toContain('Notice: confidentiality of substance use disorder records');
    expect(pageText(p2 + 1)).toContain(`of ${pages}`);
    // A page a note runs onto says whose it is.
    expect(pageText(p2 + 1)).toMatch(/^Progress note · .+ \(continued\)$/m);
    expect(pageText(p1)).not.toContain('(continued)');
    const outline = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' }),
    ) as { outlines: Array<{ title: string; destpageposfrom1: number }> };
    expect(outline.outlines.map((o) => o.destpageposfrom1)).toEqual([p1, p2, p3]);
    expect(outline.outlines.every((o) => o.title.startsWith('Progress note'))).toBe(true);

    const bundle = JSON.parse(fs.readFileSync(path.join(out, 'fhir/bundle.json'), 'utf8')) as {
      entry: Array<{
        resource: { resourceType: string; context?: { encounter?: unknown[]; period?: unknown } };
      }>;
    };
    const refs = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'DocumentReference');
    expect(refs).toHaveLength(1);
    expect(refs[0]!.context).toMatchObject({ period: { start: '2026-10-02', end: '2026-11-20' } });
    expect(refs[0]!.context!.encounter).toHaveLength(3);
    // The file's name is the same in every export: its DocumentReference's id is not, for this client or another.
    const again = (await run()).result!.path;
    const idsOf = (dir: string) =>
      (
        JSON.parse(fs.readFileSync(path.join(dir, 'fhir/bundle.json'), 'utf8')) as {
          entry: Array<{ resource: { resourceType: string; id: string } }>;
        }
      ).entry
        .map((e) => e.resource)
        .filter((r) => r.resourceType === 'DocumentReference')
        .map((r) => r.id);
    expect(idsOf(again)).toHaveLength(1);
    expect(idsOf(again)).not.toEqual(idsOf(out));
  }, 60_000);

  it('leaves private SUD counselling notes out; a consent must be able to carry the whole record, to its own recipient', async () => {
    const { run, signedNote, consent, dispatch, request } = await setup();
    await signedNote('progress', 'Progress: urge surfing at breaks.');
    await signedNote('sud-counselling', 'Private: the clinician’s own formulation.');
    const tpo = await consent({
      type: 'tpo',
      redisclosureStatementIncluded: true,
      refusalConsequencesExplained: true,
    });
    const counselling = await consent({ type: 'sud-counselling-notes' });
    const pdfsOf = (p: ExportProgress) => filesUnder(p.result!.path).filter((f) => f.endsWith('.pdf'));

    const own = await run();
    expect(pdfsOf(own)).toEqual(['pdf/session-notes.pdf']);
    const under = (c: Consent): Partial<RecordExportRequest> => ({
      basis: 'consent',
      consentId: c.id,
      recipient: c.consent.recipient,
      recipientAddress: c.consent.recipientAddress,
      purpose: c.consent.purpose,
    });
    const underTpo = await run(under(tpo));
    expect(pdfsOf(underTpo)).toEqual(['pdf/session-notes.pdf']);
    // A consent for SUD counselling notes covers those notes only (42 CFR 2.31(b)): never the whole record.
    const refused = await dispatch('recordExport.start', {
      request: request(under(counselling)),
      passphrase: PASS,
    });
    expect(fieldsOf(refused)['request.consentId']).toMatch(/covers only those notes/);
    // Nor may a consent carry the record to anyone or for anything else than it names.
    const elsewhere = await dispatch('recordExport.start', {
      request: request({
        ...under(tpo),
        recipient: 'Brightside Staffing (employer)',
        purpose: 'Fitness for duty',
      }),
      passphrase: PASS,
    });
    expect(fieldsOf(elsewhere)['request.recipient']).toMatch(/consent names the recipient/);
    expect(fieldsOf(elsewhere)['request.purpose']).toMatch(/the one the consent names/);
    const readme = fs.readFileSync(path.join(underTpo.result!.path, 'README.txt'), 'utf8');
    expect(readme).toMatch(/private SUD counselling notes \(they need a consent of their own/);
  });

  it("at the client's own request goes to the client only: anyone else needs a consent (checked in main)", async () => {
    const { dispatch, request, client, disclosures, run } = await setup();
    const start = (over: Partial<RecordExportRequest>) =>
      dispatch('recordExport.start', { request: request(over), passphrase: PASS });
    const typed = await start({ recipient: 'Brightside Staffing (employer)' });
    expect(fieldsOf(typed)['request.recipient']).toMatch(
      /goes to the client \(Thị Ánh Nguyễn \(the client\)\).*choose the consent/,
    );
    expect(await disclosures()).toEqual([]);
    const done = await run();
    expect(done.state).toBe('done');
    expect((await disclosures())[0]).toMatchObject({
      basis: 'client-request',
      recipient: clientOwnRecipient(client),
    });
  });

  it('under a consent holds only that consent and no accounting; at the client’s request, all of both', async () => {
    const { run, consent, signedNote } = await setup();
    await signedNote('progress', 'Practised the if-then plan for work breaks.');
    const tpo = await consent({
      type: 'tpo',
      recipient: 'Dr. Ilse Verhoeven, Cascade Family Medicine',
      redisclosureStatementIncluded: true,
      refusalConsequencesExplained: true,
    });
    const employer = await consent({
      recipient: 'Brightside Staffing (employer)',
      purpose: 'Return to work',
    });
    const first = await run();
    expect(first.state).toBe('done');
    const under = await run({
      basis: 'consent',
      consentId: tpo.id,
      recipient: tpo.consent.recipient,
      recipientAddress: tpo.consent.recipientAddress,
      purpose: tpo.consent.purpose,
    });
    expect(under.state).toBe('done');
    const dir = under.result!.path;
    const files = filesUnder(dir);
    expect(files).not.toContain('csv/disclosures.csv');
    const consentsCsv = fs.readFileSync(path.join(dir, 'csv', 'consents.csv'), 'utf8');
    expect(consentsCsv).toContain(tpo.id);
    expect(consentsCsv).not.toContain(employer.id);
    const everything = [...files]
      .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
      .join('\n');
    expect(everything).not.toContain('Brightside');
    expect(everything).not.toContain(employer.id);
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'fhir', 'bundle.json'), 'utf8')) as {
      entry: Array<{ resource: { resourceType: string } }>;
    };
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Consent')).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'README.txt'), 'utf8')).not.toMatch(/earlier disclosure/);

    // The client's own copy made after it: every consent, and the accounting with the export under the consent.
    const own = await run();
    const ownDir = own.result!.path;
    const accounting = fs.readFileSync(path.join(ownDir, 'csv', 'disclosures.csv'), 'utf8');
    expect(accounting).toContain('Dr. Ilse Verhoeven, Cascade Family Medicine');
    const all = fs.readFileSync(path.join(ownDir, 'csv', 'consents.csv'), 'utf8');
    expect(all).toContain(tpo.id);
    expect(all).toContain(employer.id);
  });

  it('is encrypted unless a plain copy is confirmed, and a plain copy in the practice folder goes at lock', async () => {
    const { dispatch, request, run, practice, dataDir } = await setup();
    const unconfirmed = await dispatch('recordExport.start', {
      request: request({ plainConfirmed: false }),
      passphrase: PASS,
    });
    expect(fieldsOf(unconfirmed)['request.plainConfirmed']).toMatch(/unencrypted/);
    const plain = await run();
    const tarOnly = await run({ output: 'archive' });
    const sealed = await run({ output: 'encrypted', exportPassphrase: 'borrowed ferry inkwell tundra' });
    for (const p of [plain, tarOnly, sealed]) expect(p.state).toBe('done');
    const exportsDir = path.join(dataDir, 'exports');
    expect(fs.readdirSync(exportsDir)).toHaveLength(3);
    practice.lock('manual');
    expect(fs.existsSync(plain.result!.path)).toBe(false);
    expect(fs.existsSync(tarOnly.result!.path)).toBe(false);
    expect(fs.readdirSync(exportsDir)).toEqual([path.basename(sealed.result!.path)]);
  });

  it('under a consent holds only the parts chosen as what it permits, and refuses a part it may never hold', async () => {
    const { run, consent, signedNote, dispatch, request, disclosures } = await setup();
    await signedNote('progress', 'Named the triggers at the loading dock.');
    const tpo = await consent({
      type: 'tpo',
      redisclosureStatementIncluded: true,
      refusalConsequencesExplained: true,
    });
    const under = (include?: string[]): Partial<RecordExportRequest> => ({
      basis: 'consent',
      consentId: tpo.id,
      recipient: tpo.consent.recipient,
      recipientAddress: tpo.consent.recipientAddress,
      purpose: tpo.consent.purpose,
      include,
    });
    const start = (over: Partial<RecordExportRequest>) =>
      dispatch('recordExport.start', { request: request(over), passphrase: PASS });
    expect(fieldsOf(await start(under([])))['request.include']).toMatch(/Choose the parts of the record/);
    expect(fieldsOf(await start(under(undefined)))['request.include']).toMatch(/Choose the parts/);
    expect(fieldsOf(await start(under(['notes', 'disclosures'])))['request.include']).toMatch(
      /cannot hold disclosures/,
    );
    expect(fieldsOf(await start(under(['patient'])))['request.include']).toMatch(/cannot hold patient/);
    expect(await disclosures()).toEqual([]);

    const done = await run(under(['assessments', 'medications']));
    expect(done.state).toBe('done');
    const files = filesUnder(done.result!.path);
    expect(files.filter((f) => f.startsWith('csv/')).sort()).toEqual([
      'csv/assessments.csv',
      'csv/client.csv',
      'csv/consents.csv',
      'csv/medications.csv',
    ]);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    const [d] = await disclosures();
    expect(d?.what).not.toMatch(/session note/);
    expect(d?.what).toMatch(/signed assessment/);
  });
});

describe('a consent revoked while the export is being made', () => {
  it('records no disclosure, keeps no file and says why', async () => {
    const { practice, consent, signedNote, request, dataDir, disclosures } = await setup();
    await signedNote('progress', 'Planned the route home that avoids the smoke shop.');
    const tpo = await consent({
      type: 'tpo',
      redisclosureStatementIncluded: true,
      refusalConsequencesExplained: true,
    });
    const { db, user } = practice.session();
    const outDir = path.join(dataDir, 'out');
    const labels: string[] = [];
    // Between the check at the start and the recording at the end: the files are being written.
    const revokeWhileWriting = (_done: number, label: string) => {
      labels.push(label);
      if (label === 'Writing files') {
        revokeConsent(
          db,
          tpo.id,
          { revokedOn: '2026-11-23', receivedHow: 'in-writing', note: '' },
          user.id,
          NOW,
        );
      }
    };
    const made = runRecordExport(
      { db, practice, user },
      request({
        basis: 'consent',
        consentId: tpo.id,
        recipient: tpo.consent.recipient,
        recipientAddress: tpo.consent.recipientAddress,
        purpose: tpo.consent.purpose,
      }),
      outDir,
      revokeWhileWriting,
    );
    await expect(made).rejects.toThrow(
      /consent changed while the export was being made, so nothing was disclosed and no copy was kept\. That consent is revoked/,
    );
    expect(labels).toContain('Recording the disclosure');
    expect(await disclosures()).toEqual([]);
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(listAudit(db, { limit: 20, beforeId: null }).some((a) => a.action === 'export')).toBe(false);
  });
});
