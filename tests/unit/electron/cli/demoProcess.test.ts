/**
 * The real command line as a user runs it (issue 11 item 7): `npm run --silent cli -- demo` in a child process on a
 * fresh folder, with the passphrase from CLEARLEAF_PASSPHRASE and the shipped key-derivation cost. Its standard
 * output is the chart numbers and nothing else; the practice it makes holds a full course of care written through
 * the app's handlers (the audit chain verifies); then `export` of the first client, as a folder and with --encrypt,
 * is checked with outside tools: the official FHIR R4 schema, sha256sum, Debian's `age` and qpdf.
 * (tests/unit/electron/export/cliDemoExport.test.ts checks the export's contents in process, with a fast key.)
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleProblems } from '../../../../electron/export/bundleChecks';
import type { FhirResource } from '../../../../electron/export/types';
import { createDispatcher } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { Practice } from '../../../../electron/practice/practice';
import type { Channel, Input, Output } from '../../../../shared/ipc/contract';
import {
  ageCliDecrypt,
  fhirSchemaValidator,
  filesUnder,
  qpdfCheck,
  sha256sumCheck,
  untar,
} from '../../../support/exportChecks';
import { localDate } from '../../../../shared/domain/common';
import { tempDir } from '../../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../../..');
const PASS = 'harbour lichen mosaic eleven';
const EXPORT_PASS = 'quiet orchard compass nine';
const run = promisify(execFile);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `npm run --silent cli -- …` from the project folder; a failure comes back as its exit code, never a throw. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, npm_config_update_notifier: 'false', CLEARLEAF_PASSPHRASE: PASS, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** Each file's SHA-256 matches its manifest line, and the manifest lists every other file exactly once. */
function manifestMatches(dir: string): void {
  const lines = fs.readFileSync(path.join(dir, 'MANIFEST.sha256'), 'utf8').trim().split('\n');
  const listed = lines.map((l) => {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(l);
    expect(m, l).not.toBeNull();
    const [, hash, name] = m as unknown as [string, string, string];
    const actual = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, name)))
      .digest('hex');
    expect(actual, name).toBe(hash);
    return name;
  });
  expect(listed.sort()).toEqual(
    filesUnder(dir)
      .filter((f) => f !== 'MANIFEST.sha256')
      .sort(),
  );
  expect(sha256sumCheck(dir)).not.toMatch(/FAILED/);
}

/** The Bundle against the official schema and our own checks; every PDF through qpdf. */
function exportIsSound(dir: string): FhirResource {
  manifestMatches(dir);
  const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'fhir', 'bundle.json'), 'utf8')) as FhirResource;
  const validate = fhirSchemaValidator();
  expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  expect(bundleProblems(bundle)).toEqual([]);
  const pdfs = filesUnder(dir).filter((f) => f.endsWith('.pdf'));
  expect(pdfs.length).toBeGreaterThan(0);
  for (const f of pdfs) expect(qpdfCheck(path.join(dir, f))).toMatch(/No syntax or stream encoding errors/);
  return bundle;
}

describe('npm run cli -- demo, then export, as child processes', () => {
  let data: string;
  let charts: string[];

  beforeAll(async () => {
    data = path.join(tempDir(), 'practice');
    const demo = await cli(['demo', '--data', data, '--username', 'demo']);
    expect(demo.stderr).toMatch(/Recovery key of the demonstration practice/);
    expect(demo.code).toBe(0);
    // Standard output is the chart numbers, one a line, and nothing else (scripts read it).
    expect(demo.stdout).toMatch(/^([A-Z]-\d{6}\n)+$/);
    charts = demo.stdout.trim().split('\n');
  }, 900_000);

  /** The demo practice, unlocked, with a throwing call to its handlers. */
  async function openDemo() {
    const practice = new Practice({ dataDir: data });
    await practice.unlock('demo', PASS);
    const dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const r = await dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as Output<C>;
    };
    return { call, close: () => practice.close() };
  }

  /** The four clients in the order the demo printed their chart numbers (its people's order). */
  async function demoClients(call: Awaited<ReturnType<typeof openDemo>>['call']) {
    const page = await call('clients.list', {
      search: '',
      statuses: [],
      clinicianId: null,
      sort: { column: 'chartNumber', direction: 'asc' },
      page: 0,
      pageSize: 10,
    });
    expect(page.rows.map((r) => r.chartNumber).sort()).toEqual([...charts].sort());
    return charts.map((chart) => {
      const row = page.rows.find((r) => r.chartNumber === chart);
      if (!row) throw new Error(`No client ${chart}`);
      return row;
    });
  }

  it('prints four new chart numbers, and the practice verifies: every record went through the audited handlers', async () => {
    expect(charts).toHaveLength(4);
    expect(new Set(charts).size).toBe(4);
    const verify = await cli(['verify', '--data', data, '--username', 'demo']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit log: \d+ entries, chain intact/);
    expect(verify.stdout).toContain('verify: ok');
  }, 300_000);

  it('gives each invented client a course of care: taper, MAT, safety, relapse-prevention and aftercare', async () => {
    const { call, close } = await openDemo();
    try {
      const [ann, shiv, jose, luk] = await demoClients(call);
      if (!ann || !shiv || !jose || !luk) throw new Error('four clients expected');
      const ids = [ann.id, shiv.id, jose.id, luk.id];
      const annClient = await call('clients.get', { id: ann.id });
      expect([annClient.legalLastName, annClient.legalFirstName, annClient.nameOrder]).toEqual([
        'Nguyễn',
        'Thị Ánh',
        'family-first',
      ]);

      // Everyone: a signed relapse-prevention plan.
      for (const clientId of ids) {
        const rp = await call('recoveryPlans.list', { clientId, kind: 'relapse-prevention' });
        expect(rp.map((p) => p.signedAtMs !== null)).toEqual([true]);
      }

      // The taper: a step kept two days longer than planned (over plan), and a step held.
      const taper = await call('taper.get', { clientId: ann.id });
      expect(taper.versions.map((v) => v.change)).toEqual(['hold', 'create']);
      expect(taper.current?.form).toBe('leaf-powder');
      expect(taper.actual.filter((d) => d.overPlan)).toHaveLength(2);
      expect(taper.actual.filter((d) => d.loggedGrams !== null).length).toBeGreaterThanOrEqual(28);
      const annCows = (await call('assessments.list', { clientId: ann.id })).filter(
        (a) => a.input.instrumentId === 'cows' && a.input.vitals !== null,
      );
      expect(annCows.map((a) => [a.score?.total, a.signedAtMs !== null])).toEqual([[9, true]]);
      // Still tapering: no post-acute check-ins for her yet (CLINICAL.md §1.4).
      expect(await call('paws.list', { clientId: ann.id })).toEqual([]);
      expect((await call('paws.list', { clientId: shiv.id })).length).toBeGreaterThan(0);

      // The safety plan, and the suicide-risk alert acknowledged naming its signed version.
      const [safety] = await call('recoveryPlans.list', { clientId: shiv.id, kind: 'safety' });
      expect(safety?.signedAtMs).not.toBeNull();
      const alerts = await call('alerts.list', { clientId: shiv.id });
      expect(alerts).toEqual([
        expect.objectContaining({
          kind: 'phq9-item9',
          acknowledgement: expect.objectContaining({
            actions: expect.arrayContaining(['safety-plan', 'crisis-line-988']),
            safetyPlan: { id: safety?.id, version: safety?.version },
          }),
        }),
      ]);

      // Buprenorphine-naloxone: induction rated before, at 30 min and at 2 h; notes signed and intact; the summary
      // disclosed to the prescriber under the consent that names him.
      const level = await call('levelOfCare.get', { clientId: jose.id });
      expect(level.decisions[0]?.decision.level).toBe('detox');
      const meds = await call('medications.list', { clientId: jose.id });
      const bup = meds.find((m) => m.current.medication.medication === 'buprenorphine-naloxone');
      expect(bup?.history.map((h) => h.medication.phase).sort()).toEqual(['induction', 'maintenance']);
      const notes = await call('matNotes.list', { clientId: jose.id });
      expect(notes).toHaveLength(2);
      const induction = notes.find((n) => n.content.induction);
      expect(induction?.ratings.map((r) => r.timePoint).sort()).toEqual([
        '2-h',
        '30-min',
        'before-first-dose',
      ]);
      for (const n of notes) {
        expect(n.signedAtMs).not.toBeNull();
        expect(await call('matNotes.verify', { id: n.id })).toEqual({
          signed: true,
          intact: true,
          addendaIntact: true,
        });
      }
      const disclosures = await call('disclosures.list', { clientId: jose.id });
      expect(disclosures).toEqual([
        expect.objectContaining({ recipient: 'Dr. Amara Okonkwo', basis: 'consent' }),
      ]);
      expect((await call('paws.list', { clientId: jose.id })).length).toBeGreaterThan(0);

      // The discharged client: the taper reached zero, and a signed aftercare plan handing on his relapse plan.
      expect(luk.status).toBe('discharged');
      const lukTaper = await call('taper.get', { clientId: luk.id });
      expect(lukTaper.current?.steps.at(-1)?.dailyGrams).toBe(0);
      const [aftercare] = await call('recoveryPlans.list', { clientId: luk.id, kind: 'aftercare' });
      const [lukRp] = await call('recoveryPlans.list', { clientId: luk.id, kind: 'relapse-prevention' });
      expect(aftercare?.signedAtMs).not.toBeNull();
      expect(aftercare?.content.kind === 'aftercare' && aftercare.content.plan.relapsePreventionPlanId).toBe(
        lukRp?.id,
      );
    } finally {
      close();
    }
  }, 300_000);

  it('writes every record at its own date and time, in order, ending at the real now', async () => {
    const { call, close } = await openDemo();
    try {
      // The audit trail, oldest first: times never go back, span the course of care and end today.
      const rows: Array<{ id: number; atMs: number; action: string }> = [];
      for (let before: number | null = null; ;) {
        const page: Output<'audit.list'> = await call('audit.list', { limit: 500, beforeId: before });
        rows.push(...page);
        if (page.length < 500) break;
        before = page.at(-1)!.id;
      }
      rows.sort((a, b) => a.id - b.id);
      for (const [i, r] of rows.entries())
        if (i > 0) expect(r.atMs).toBeGreaterThanOrEqual(rows[i - 1]!.atMs);
      expect(rows.at(-1)!.atMs - rows[0]!.atMs).toBeGreaterThan(40 * DAY);
      expect(localDate(rows.at(-1)!.atMs)).toBe(localDate(Date.now()));
      expect(rows.some((r) => r.action === 'idle-lock')).toBe(false);

      for (const c of await demoClients(call)) {
        const client = await call('clients.get', { id: c.id });
        // Each note is signed on the day of its session, after it ended.
        for (const note of await call('notes.list', { clientId: c.id, kind: 'record' })) {
          expect(note.signedAtMs).not.toBeNull();
          expect(localDate(note.signedAtMs!)).toBe(note.content.sessionDate);
        }
        // Each assessment is signed the day it was given; nothing before the admission.
        for (const a of await call('assessments.list', { clientId: c.id })) {
          expect(localDate(a.signedAtMs!)).toBe(localDate(a.input.administeredAtMs));
          expect(localDate(a.input.administeredAtMs) >= client.admissionDate).toBe(true);
        }
        // Each dose is logged as it is taken, from the admission on.
        const log = await call('useLog.list', { clientId: c.id });
        for (const e of log) {
          expect(e.recordedAtMs - e.takenAtMs).toBeGreaterThanOrEqual(0);
          expect(e.recordedAtMs - e.takenAtMs).toBeLessThan(HOUR);
          expect(localDate(e.takenAtMs) >= client.admissionDate).toBe(true);
          expect(e.product).toMatch(/leaf powder$/);
        }
        // The intake's last dose is the one logged that morning; the consent is signed at or after admission.
        const intake = await call('intake.get', { clientId: c.id });
        const kratom = intake.sections.kratom!;
        expect(localDate(kratom.lastDoseAtMs!)).toBe(client.admissionDate);
        expect(kratom.productNotes).toBe(log[0]?.product);
        for (const consent of await call('consents.list', { clientId: c.id })) {
          expect(consent.consent.signedOn >= client.admissionDate).toBe(true);
        }
        // The level of care is decided during care, before any discharge.
        const [decision] = (await call('levelOfCare.get', { clientId: c.id })).decisions;
        expect(localDate(decision!.decidedAtMs) > client.admissionDate).toBe(true);
        if (client.discharge)
          expect(localDate(decision!.decidedAtMs) < client.discharge.dischargedOn).toBe(true);
      }
    } finally {
      close();
    }
  }, 300_000);

  it('decides each level of care against CLINICAL.md §3, with each client’s own reason', async () => {
    const { call, close } = await openDemo();
    try {
      const clients = await demoClients(call);
      const reasons = new Set<string>();
      const levels: string[] = [];
      for (const c of clients) {
        const kratom = (await call('intake.get', { clientId: c.id })).sections.kratom!;
        const [decision] = (await call('levelOfCare.get', { clientId: c.id })).decisions;
        const daily = kratom.gramsPerDose! * kratom.dosesPerDay!;
        // §3: over ~5 g a day, more than three doses, waking in withdrawal or derailed quits call for detox.
        const detoxCriteria =
          daily > 5 ||
          kratom.dosesPerDay! > 3 ||
          kratom.wakesInWithdrawal ||
          kratom.withdrawalDerailedQuitting;
        expect(decision!.decision.level).toBe(detoxCriteria ? 'detox' : 'taper');
        reasons.add(decision!.decision.reason);
        levels.push(decision!.decision.level);
      }
      expect(reasons.size).toBe(clients.length);
      expect(levels).toEqual(['taper', 'detox', 'detox', 'taper']);
      // Łukasz lives with his brother: his reason says so, and names no partner.
      expect([...reasons][3]).toMatch(/brother/);
      expect([...reasons][3]).not.toMatch(/partner/);
    } finally {
      close();
    }
  }, 300_000);

  it('discharges Łukasz two to three weeks after his taper reached zero, with a final session and goals met', async () => {
    const { call, close } = await openDemo();
    try {
      const luk = (await demoClients(call))[3]!;
      const client = await call('clients.get', { id: luk.id });
      const dischargedOn = client.discharge!.dischargedOn;
      const taper = await call('taper.get', { clientId: luk.id });
      const zero = taper.current!.steps.find((s) => s.dailyGrams === 0)!.date;
      const days = (Date.parse(dischargedOn) - Date.parse(zero)) / DAY;
      expect(days).toBeGreaterThanOrEqual(14);
      expect(days).toBeLessThanOrEqual(21);
      // Nothing logged after reaching zero.
      const log = await call('useLog.list', { clientId: luk.id });
      expect(log.every((e) => localDate(e.takenAtMs) < zero)).toBe(true);
      // Post-acute check-ins only once the acute withdrawal is over, and before the discharge.
      for (const p of await call('paws.list', { clientId: luk.id })) {
        expect((Date.parse(p.checkinDate) - Date.parse(zero)) / DAY).toBeGreaterThanOrEqual(7);
        expect(p.checkinDate < dischargedOn).toBe(true);
      }
      const notes = await call('notes.list', { clientId: luk.id, kind: 'record' });
      expect(notes.some((n) => n.content.sessionDate === dischargedOn && n.kind === 'progress')).toBe(true);
      const [summary] = await call('discharge.summaries', { clientId: luk.id });
      expect(summary?.signedAtMs).not.toBeNull();
      expect(localDate(summary!.signedAtMs!)).toBe(dischargedOn);
      expect(summary!.content.written.incompleteReason).toBe('');
      expect(summary!.content.written.conditionAtDischarge).toContain(`No kratom use since ${zero}`);
      const plan = await call('plans.get', { clientId: luk.id });
      expect(plan.current!.plan.problems.flatMap((p) => p.goals.map((g) => g.status))).toEqual([
        'met',
        'met',
      ]);
    } finally {
      close();
    }
  }, 300_000);

  it('exports the first client as a folder and as an age file: schema-valid Bundle, matching manifest, sound PDFs', async () => {
    const chart = charts[0] ?? '';
    const out = path.join(tempDir(), 'out');
    const args = ['export', '--data', data, '--username', 'demo', '--client', chart, '--out', out];
    const plain = await cli([...args, '--plain']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/warning: this export is NOT encrypted \(plain folder\)/);
    const folder = plain.stdout.trim();
    expect(plain.stdout).toBe(`${folder}\n`);
    const bundle = exportIsSound(folder);
    const patient = (bundle.entry as Array<{ resource: FhirResource }>)
      .map((e) => e.resource)
      .find((r) => r.resourceType === 'Patient');
    expect(patient).toMatchObject({ name: [{ text: 'Nguyễn Thị Ánh' }] });

    // Without the export passphrase, --encrypt is refused (exit 2) and writes nothing.
    const encryptedOut = path.join(tempDir(), 'encrypted');
    const encryptArgs = [...args.slice(0, -1), encryptedOut, '--encrypt'];
    const refused = await cli(encryptArgs, { CLEARLEAF_EXPORT_PASSPHRASE: '' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/CLEARLEAF_EXPORT_PASSPHRASE/);
    expect(fs.existsSync(encryptedOut) ? fs.readdirSync(encryptedOut) : []).toEqual([]);

    const encrypted = await cli(encryptArgs, { CLEARLEAF_EXPORT_PASSPHRASE: EXPORT_PASS });
    expect(encrypted.code).toBe(0);
    const file = encrypted.stdout.trim();
    expect(file).toMatch(/\.tar\.age$/);
    expect(fs.readdirSync(encryptedOut)).toEqual([path.basename(file)]);
    // Debian's age opens it with the passphrase (and not without the right one).
    const tar = path.join(tempDir(), 'export.tar');
    expect(() =>
      ageCliDecrypt(file, path.join(tempDir(), 'wrong.tar'), 'not the export passphrase'),
    ).toThrow();
    ageCliDecrypt(file, tar, EXPORT_PASS);
    const into = tempDir();
    untar(tar, into);
    const [root] = fs.readdirSync(into);
    exportIsSound(path.join(into, root ?? ''));
  }, 300_000);
});
