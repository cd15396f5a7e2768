/**
 * The CLI `demo` then `export` on a fresh folder (issue 11 item 7), and the export it writes checked with outside
 * tools (item 6): the Bundle against the official FHIR R4 JSON schema plus our own checks, the manifest with
 * sha256sum, each PDF with qpdf and pdftotext, the encrypted archive with the age library and with Debian's `age`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { bundleProblems } from '../../../../electron/export/bundleChecks';
import { decryptWithPassphrase } from '../../../../electron/export/encrypt';
import type { FhirResource } from '../../../../electron/export/types';
import { listConsents } from '../../../../electron/db/repositories/consents';
import { listDisclosures } from '../../../../electron/db/repositories/disclosures';
import { getClientByChartNumber } from '../../../../electron/db/repositories/clients';
import { Practice } from '../../../../electron/practice/practice';
import { PART2_NOTICE_FULL, PART2_NOTICE_SHORT } from '../../../../shared/domain/part2';
import { FAST_KDF, tempDir } from '../../../support/fixtures';
import {
  ageCliDecrypt,
  fhirSchemaValidator,
  filesUnder,
  pdfFontsEmbedded,
  pdfText,
  qpdfCheck,
  sha256sumCheck,
  untar,
} from '../../../support/exportChecks';

const PASS = 'lantern quarry heron seven';
const EXPORT_PASS = 'borrowed ferry inkwell tundra';

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), {
    err: (l) => err.push(l),
    kdfCost: FAST_KDF,
    scryptWorkFactor: 10,
  });
  return { code, out, err };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as FhirResource;
const resources = (b: FhirResource) => (b.entry as Array<{ resource: FhirResource }>).map((e) => e.resource);

describe('CLI demo then export', () => {
  let data: string;
  let charts: string[];

  beforeAll(async () => {
    process.env.CLEARLEAF_PASSPHRASE = PASS;
    data = path.join(tempDir(), 'practice');
    const demo = await cli(['demo', '--data', data, '--username', 'demo']);
    expect(demo.code).toBe(0);
    charts = demo.out;
    expect(demo.err.join('\n')).toMatch(/Recovery key/);
  }, 120_000);

  afterEach(() => {
    delete process.env.CLEARLEAF_EXPORT_PASSPHRASE;
  });

  it('prints only the chart numbers it created, one a line', () => {
    expect(charts).toHaveLength(4);
    for (const c of charts) expect(c).toMatch(/^[A-Z]-\d{6}$/);
    expect(new Set(charts).size).toBe(4);
  });

  it('refuses to make a demo over an existing practice', async () => {
    await expect(cli(['demo', '--data', data, '--username', 'demo'])).rejects.toThrow(
      /already holds a practice/,
    );
  });

  it('exports a client at their own request: a valid Bundle, CSV, PDFs, README, notice and a matching manifest', async () => {
    const out = path.join(tempDir(), 'out');
    const chart = charts[0]!;
    const args = ['export', '--data', data, '--username', 'demo', '--client', chart, '--out', out];
    // How the copy is written is always chosen: never an unencrypted copy by default.
    await expect(cli(args)).rejects.toThrow(/Choose how the export is written: --encrypt/);
    await expect(cli([...args, '--plain', '--archive'])).rejects.toThrow(/Choose one of --plain, --archive/);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    const r = await cli([...args, '--plain']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([
      expect.stringMatching(/^clearleaf: warning: this export is NOT encrypted \(plain folder\)/),
    ]);
    const dir = r.out[0]!;
    expect(path.dirname(dir)).toBe(out);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const files = filesUnder(dir).sort();
    for (const f of files) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.txt',
        'MANIFEST.sha256',
        'NOTICE-42-CFR-PART-2.txt',
        'CONSENT.txt',
        'fhir/bundle.json',
        'csv/client.csv',
        'csv/use-log.csv',
        'csv/assessments.csv',
        'csv/notes.csv',
        'csv/consents.csv',
      ]),
    );

    // The manifest: every other file, each hash right (checked by coreutils' sha256sum).
    const manifestNames = fs
      .readFileSync(path.join(dir, 'MANIFEST.sha256'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.slice(66));
    expect(manifestNames.sort()).toEqual(files.filter((f) => f !== 'MANIFEST.sha256'));
    expect(sha256sumCheck(dir)).not.toMatch(/FAILED/);
    fs.appendFileSync(path.join(dir, 'csv', 'client.csv'), 'tampered\r\n');
    expect(() => sha256sumCheck(dir)).toThrow();

    // The Bundle: the official schema, then what the schema cannot say.
    const bundle = readJson(path.join(dir, 'fhir', 'bundle.json'));
    const validate = fhirSchemaValidator();
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bundleProblems(bundle)).toEqual([]);
    const all = resources(bundle);
    const types = new Set(all.map((x) => x.resourceType));
    for (const t of [
      'Patient',
      'EpisodeOfCare',
      'Encounter',
      'QuestionnaireResponse',
      'Observation',
      'Condition',
      'CarePlan',
      'Goal',
      'Consent',
      'DocumentReference',
    ]) {
      expect(types, t).toContain(t);
    }
    const codes = JSON.stringify(all.filter((x) => x.resourceType === 'Observation').map((x) => x.code));
    for (const loinc of ['44261-6', '70274-6', '75626-2']) expect(codes).toContain(loinc);
    expect(codes).toContain('urn:clearleaf:instrument');
    const phq = all.find((x) => JSON.stringify(x.code ?? '').includes('44261-6'))!;
    expect(JSON.stringify(phq.component)).toContain('44260-8');
    expect(JSON.stringify(all)).toContain('http://loinc.org/q/44249-1');
    for (const x of all) {
      expect((x.meta as { security: Array<{ code: string }> }).security.map((s) => s.code)).toEqual([
        '42CFRPart2',
        'R',
      ]);
    }
    expect(all.find((x) => x.resourceType === 'Patient')).toMatchObject({
      name: [{ text: 'Nguyễn Thị Ánh', family: 'Nguyễn', given: ['Thị Ánh'] }],
    });
    // Four signed sessions: two individual, one group... per client: 2 individual + 1 group.
    expect(all.filter((x) => x.resourceType === 'Encounter')).toHaveLength(3);
    // Her signed notes (one file), her taper schedule and her signed relapse-prevention plan.
    const docs = all.filter((x) => x.resourceType === 'DocumentReference');

    // PDFs: her three signed notes in one file, her taper schedule and her signed relapse-prevention plan, each a
    // sound file with the name and the notice, none naming another member; a DocumentReference for each.
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(docs).toHaveLength(pdfs.length);
    expect(pdfs).toContain('pdf/session-notes.pdf');
    const notesDoc = docs.find((d) => JSON.stringify(d).includes('pdf/session-notes.pdf'))!;
    expect((notesDoc.context as { encounter: unknown[] }).encounter).toHaveLength(3);
    expect(pdfs).toContainEqual(expect.stringMatching(/^pdf\/taper-schedule-v\d+\.pdf$/));
    expect(pdfs).toContainEqual(expect.stringMatching(/^pdf\/relapse-prevention-plan-v\d+\.pdf$/));
    const others = ['Siobhán', 'O’Brien', 'Núñez', 'Łukasz', 'Đặng'];
    for (const f of pdfs) {
      expect(qpdfCheck(path.join(dir, f))).toMatch(/No syntax or stream encoding errors/);
      const fonts = pdfFontsEmbedded(path.join(dir, f));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every(Boolean)).toBe(true);
      const text = pdfText(path.join(dir, f));
      expect(text).toContain('Nguyễn Thị Ánh');
      expect(text).toContain(PART2_NOTICE_SHORT);
      for (const name of others) expect(text).not.toContain(name);
    }
    for (const f of files.filter((x) => !x.endsWith('.pdf'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const name of others) expect(text, f).not.toContain(name);
    }
    const notice = fs.readFileSync(path.join(dir, 'NOTICE-42-CFR-PART-2.txt'), 'utf8');
    expect(notice.replace(/\s+/g, ' ')).toContain(PART2_NOTICE_FULL);
    expect(fs.readFileSync(path.join(dir, 'CONSENT.txt'), 'utf8')).toMatch(/client's own request/);
    const readme = fs.readFileSync(path.join(dir, 'README.txt'), 'utf8');
    for (const f of files.filter((x) => x !== 'README.txt')) expect(readme).toContain(f);
    // RFC 4180: CRLF records, a quoted field for a comma.
    const client = fs.readFileSync(path.join(dir, 'csv', 'client.csv'), 'utf8');
    expect(client).toMatch(/^chart_number,legal_first_name,.*\r\n/);
    expect(client).toContain('"12 Larch Street, Eugene, OR 97401"');
  }, 120_000);

  it('exports under a consent into one age file that the library and Debian’s age both open', async () => {
    const chart = charts[1]!;
    const practice = new Practice({ dataDir: data, kdfCost: FAST_KDF });
    await practice.unlock('demo', PASS);
    const clientId = getClientByChartNumber(practice.session().db, chart)!.id;
    const consent = listConsents(practice.session().db, clientId)[0]!;
    practice.close();

    const out = path.join(tempDir(), 'out');
    const args = ['export', '--data', data, '--username', 'demo', '--client', chart, '--out', out];
    // Refusals made whatever the output (here, an archive): none writes anything.
    const archived = [...args, '--archive'];
    // A recipient or purpose other than the consent's is refused; left out, they are the consent's own.
    await expect(
      cli([
        ...archived,
        '--recipient',
        'Brightside Staffing (employer)',
        '--consent',
        consent.id,
        '--include',
        'notes',
      ]),
    ).rejects.toThrow(/consent names the recipient/);
    // Under a consent, what it permits is named; the accounting of disclosures is never one of those.
    await expect(cli([...archived, '--consent', consent.id])).rejects.toThrow(/--consent needs --include/);
    await expect(
      cli([...archived, '--consent', consent.id, '--include', 'notes,disclosures']),
    ).rejects.toThrow(/cannot hold disclosures/);
    const withConsent = [
      ...args,
      '--consent',
      consent.id,
      '--include',
      'intake,assessments,treatment-plan,notes',
    ];
    await expect(cli([...withConsent, '--encrypt'])).rejects.toThrow(/CLEARLEAF_EXPORT_PASSPHRASE/);
    process.env.CLEARLEAF_EXPORT_PASSPHRASE = EXPORT_PASS;
    const r = await cli([...withConsent, '--encrypt']);
    expect(r.code).toBe(0);
    const file = r.out[0]!;
    expect(fs.readdirSync(out)).toEqual([path.basename(file)]);
    expect(file).toMatch(/\.tar\.age$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file).subarray(0, 21).toString()).toBe('age-encryption.org/v1');

    // The age library's own decryption…
    const tarBytes = await decryptWithPassphrase(fs.readFileSync(file), EXPORT_PASS);
    await expect(decryptWithPassphrase(fs.readFileSync(file), 'not the passphrase at all')).rejects.toThrow();
    // …and Debian's age command, through a pseudo-terminal.
    const viaCli = path.join(tempDir(), 'export.tar');
    ageCliDecrypt(file, viaCli, EXPORT_PASS);
    expect(fs.readFileSync(viaCli).equals(tarBytes)).toBe(true);

    const into = tempDir();
    untar(viaCli, into);
    const [root] = fs.readdirSync(into);
    const dir = path.join(into, root!);
    expect(sha256sumCheck(dir)).not.toMatch(/FAILED/);
    const bundle = readJson(path.join(dir, 'fhir', 'bundle.json'));
    expect(fhirSchemaValidator()(bundle)).toBe(true);
    expect(bundleProblems(bundle)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'csv', 'disclosures.csv'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'csv', 'use-log.csv'))).toBe(false);
    const copy = fs.readFileSync(path.join(dir, 'CONSENT.txt'), 'utf8');
    expect(copy).toContain('Copy of the consent');
    expect(copy).toContain(consent.id);
    for (const f of filesUnder(dir).filter((x) => x.endsWith('.pdf'))) {
      expect(pdfText(path.join(dir, f))).toContain('Dr. Ilse Verhoeven');
    }

    // Both exports are in the accounting: one under the consent, one at the client's own request.
    const again = new Practice({ dataDir: data, kdfCost: FAST_KDF });
    await again.unlock('demo', PASS);
    const list = listDisclosures(again.session().db, clientId, 0);
    again.close();
    expect(list).toEqual([
      expect.objectContaining({
        basis: 'consent',
        consentId: consent.id,
        recipient: consent.consent.recipient,
        purpose: consent.consent.purpose,
        sourceType: 'export',
        what: expect.stringMatching(/^Record export .*3 signed session notes/),
        noticeVersion: '2024-rule-statement-1',
      }),
    ]);
  }, 120_000);
});
