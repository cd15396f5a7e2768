/**
 * The command line: `npm run cli -- <command>`. Main-process code under plain Node, no Electron.
 * Policy: a passphrase never comes from argv (it would sit in shell history and the process list): it is read
 * from --passphrase-file FILE or the CLEARLEAF_PASSPHRASE environment variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClinicProfileSchema, NewUserSchema, PassphraseSchema } from '../../shared/domain/identity';
import { clientOwnRecipient, RecordExportRequestSchema } from '../../shared/domain/recordExport';
import { AppError } from '../errors';
import { getClientByChartNumber } from '../db/repositories/clients';
import { getConsent } from '../db/repositories/consents';
import { demoCaller, demoStartMs, seedDemo } from '../demo/seed';
import { choosableSections, runRecordExport } from '../export/recordExport';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createNodePlatform } from '../platform/nodePlatform';
import { silentLogger } from '../platform/types';
import { defaultDataDir } from '../practice/paths';
import { Practice, type Clock } from '../practice/practice';
import type { KdfCost } from '../security/keyring';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  init     Create a new encrypted practice database.
           --clinic-name NAME --address TEXT --phone PHONE
           --name FULL_NAME --credentials TEXT --username NAME [--role clinician|supervisor]
           Prints the recovery key once: print it or write it down.
           The first account is the practice administrator.
  verify   Health check, full integrity check, foreign keys, schema version, the audit chain, its anchor (kept
           with the keyring), the protecting triggers, and the derived figures (outcome figures, earlier episodes,
           measures due) computed again from the records. Reads only: it writes nothing, not even an audit row.
           --username NAME
  rebuild-figures
           Compute the derived figures again from the records and replace those that differ, after verify found
           them out of step. No record is changed; the rebuild is audited. --username NAME
  backup   Write a verified backup with its recovery kit (FILE.kit.json). --username NAME [--out FILE] [--plaintext]
           Without --out it goes into the practice's backups folder, where the app lists it for restore.
           Without --plaintext the backup is encrypted with the practice key. With it, the copy is decrypted
           for an independent check with the sqlite3 shell: it is a health record, handle it as one.
  demo     Create a new practice in --data DIR with invented clients, each with a course of care.
           --username NAME. Prints the chart numbers created, one a line (the recovery key goes to stderr).
  export   Export one client's record: the same export as the app, recorded in the accounting of disclosures.
           --username NAME --client CHART_NUMBER --out DIR
           [--recipient NAME --purpose TEXT --consent CONSENT_ID] [--recipient-address TEXT] [--paper letter|a4]
           --encrypt | --plain | --archive
           [--include PART,PART...]
           Without --consent the export is made at the client's own request and goes to the client (no --recipient).
           Under --consent, --include names the parts of the record the consent permits, from:
           ${choosableSections()
             .map((s) => s.id)
             .join(', ')}.
           How the copy is written must be chosen: --encrypt writes one .age file (its passphrase comes from
           CLEARLEAF_EXPORT_PASSPHRASE); --plain (a folder) and --archive (a .tar) are NOT encrypted, and say so
           on stderr: they are health records, handle them as such.
  restore  Restore a backup file. --username NAME --from FILE
           Over a damaged or missing database any account may; over a healthy one only an administrator, and
           the current database is backed up and set aside, never deleted.
  recover  Set a new passphrase with the recovery key (read from --recovery-key-file FILE); the new passphrase
           comes from --passphrase-file or CLEARLEAF_PASSPHRASE. --username NAME [--kit FILE]
           --kit names a recovery kit (….kit.json) when keyring.json and the backups folder are lost.

Common options:
  --data DIR              The practice folder (default: ${defaultDataDir()}, or CLEARLEAF_DATA_DIR)
  --passphrase-file FILE  Read the passphrase from FILE (first line). Otherwise CLEARLEAF_PASSPHRASE is used.
`;

class UsageError extends Error {}

/**
 * How an export is written: chosen every time, never by default, so an unencrypted copy of a health record is never
 * made without asking for it (CLINICAL.md §7: exports encrypted at rest).
 */
function exportOutput(values: {
  encrypt?: boolean | undefined;
  plain?: boolean | undefined;
  archive?: boolean | undefined;
}): 'encrypted' | 'folder' | 'archive' {
  const chosen = (['encrypt', 'plain', 'archive'] as const).filter((o) => values[o]);
  const [only] = chosen;
  if (only === undefined || chosen.length > 1) {
    throw new UsageError(
      chosen.length > 1
        ? `Choose one of ${chosen.map((o) => `--${o}`).join(', ')}, not more.`
        : 'Choose how the export is written: --encrypt (one .age file), or --plain (a folder) or --archive (a .tar), which are not encrypted.',
    );
  }
  return only === 'encrypt' ? 'encrypted' : only === 'plain' ? 'folder' : 'archive';
}

/**
 * The demo's clock: it starts on the morning of the first invented admission, is moved forward to each record's own
 * date and time as the course of care is written, and follows the real clock once the demo has caught up with it.
 */
class DemoClock implements Clock {
  private ms: number;
  private live = false;
  constructor(readonly realNowMs: number) {
    this.ms = demoStartMs(realNowMs);
  }
  now(): number {
    return this.live ? Date.now() : this.ms;
  }
  advanceTo(ms: number): void {
    this.ms = Math.max(this.ms, ms);
  }
  followRealTime(): void {
    this.live = true;
  }
}

const DAMAGED_OR_MISSING = new Set(['DB_MISSING', 'DB_EMPTY', 'DB_TRUNCATED', 'DB_UNREADABLE', 'DB_CORRUPT']);

function readPassphrase(file: string | undefined): string {
  if (file) return (fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  const fromEnv = process.env.CLEARLEAF_PASSPHRASE;
  if (fromEnv) return fromEnv;
  throw new UsageError('No passphrase: use --passphrase-file FILE or set CLEARLEAF_PASSPHRASE.');
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

export interface CliOptions {
  /** Where lines that are not the command's output go (the demo's recovery key). */
  err?: (line: string) => void;
  /** Faster key derivation and age work factor, for tests only. */
  kdfCost?: KdfCost;
  scryptWorkFactor?: number;
}

export async function runCli(
  argv: string[],
  out: (line: string) => void,
  options: CliOptions = {},
): Promise<number> {
  const err = options.err ?? ((line: string) => console.error(line));
  if (argv.some((a) => a === '--passphrase' || a.startsWith('--passphrase='))) {
    throw new UsageError(
      'A passphrase is never given on the command line: use --passphrase-file or CLEARLEAF_PASSPHRASE.',
    );
  }
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'clinic-name': { type: 'string' },
      address: { type: 'string' },
      phone: { type: 'string' },
      name: { type: 'string' },
      credentials: { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      kit: { type: 'string' },
      'recovery-key-file': { type: 'string' },
      plaintext: { type: 'boolean' },
      client: { type: 'string' },
      recipient: { type: 'string' },
      'recipient-address': { type: 'string' },
      purpose: { type: 'string' },
      consent: { type: 'string' },
      include: { type: 'string' },
      paper: { type: 'string' },
      archive: { type: 'boolean' },
      encrypt: { type: 'boolean' },
      plain: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
  const demoClock = command === 'demo' ? new DemoClock(Date.now()) : null;
  const practice = new Practice({
    dataDir,
    // Derived figures in the zone the practice keeps them in, whatever TZ this shell was started with.
    zone: 'practice',
    ...(demoClock ? { clock: demoClock } : {}),
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
  });
  try {
    switch (command) {
      case 'init': {
        const clinic = ClinicProfileSchema.parse({
          name: required(values, 'clinic-name'),
          address: required(values, 'address'),
          phone: required(values, 'phone'),
        });
        const user = NewUserSchema.parse({
          displayName: required(values, 'name'),
          credentials: values.credentials ?? '',
          role: values.role ?? 'clinician',
          username: required(values, 'username'),
          passphrase: readPassphrase(values['passphrase-file']),
        });
        const { recoveryKey } = await practice.setup(clinic, user);
        out(`Created an encrypted practice in ${dataDir}`);
        out(`Recovery key (shown once; print it or write it down and keep it in a locked place):`);
        out(`  ${recoveryKey}`);
        return 0;
      }
      case 'verify': {
        const report = await practice.verifyReadOnly(
          required(values, 'username'),
          readPassphrase(values['passphrase-file']),
        );
        out(`database: ${practice.dbFile}`);
        out(`integrity: ${report.integrity.join('; ')}`);
        out(
          `foreign keys: ${report.foreignKeyProblems === 0 ? 'ok' : `${report.foreignKeyProblems} problems`}`,
        );
        out(`schema: ${report.schemaVersion} (this version knows ${report.latestVersion})`);
        out(
          `audit log: ${report.audit.rows} entries, ${report.audit.ok ? 'chain intact' : `chain broken at entry ${report.audit.firstBadId}`}`,
        );
        out(
          report.anchor
            ? `audit anchor: ${report.anchor.rows} entries, last hash ${report.anchor.lastHash.slice(0, 16)}…, ${report.anchor.check}`
            : 'audit anchor: none recorded yet',
        );
        out(
          `protecting triggers: ${report.missingTriggers.length === 0 ? 'all present' : `MISSING ${report.missingTriggers.join(', ')}`}`,
        );
        out(
          `signed discharge summaries: ${report.alteredDischargeSummaries.length === 0 ? 'all match their signatures' : `ALTERED ${report.alteredDischargeSummaries.join(', ')}`}`,
        );
        out(
          `derived figures: ${report.derivedOutOfStep.length === 0 ? 'match the records' : `OUT OF STEP ${report.derivedOutOfStep.join(', ')} (run rebuild-figures)`}`,
        );
        out(report.ok ? 'verify: ok' : 'verify: PROBLEMS FOUND');
        return report.ok ? 0 : 1;
      }
      case 'rebuild-figures': {
        await practice.unlock(required(values, 'username'), readPassphrase(values['passphrase-file']));
        const rebuilt = practice.rebuildDerivedFigures();
        out(
          rebuilt.length === 0
            ? 'The derived figures already matched the records; nothing was changed.'
            : `Computed again from the records: ${rebuilt.join(', ')}.`,
        );
        return 0;
      }
      case 'backup': {
        if (!values.out) {
          if (values.plaintext) throw new UsageError('--plaintext needs --out FILE.');
          await practice.unlock(required(values, 'username'), readPassphrase(values['passphrase-file']));
          const info = practice.backup();
          out(`Encrypted backup written and verified: ${info.path}`);
          return 0;
        }
        const outFile = path.resolve(values.out);
        if (fs.existsSync(outFile))
          throw new UsageError(`${outFile} already exists; choose a new file name.`);
        await practice.unlock(required(values, 'username'), readPassphrase(values['passphrase-file']));
        practice.backupTo(outFile, { plaintext: values.plaintext === true });
        out(`${values.plaintext ? 'Plaintext copy' : 'Encrypted backup'} written and verified: ${outFile}`);
        return 0;
      }
      case 'demo': {
        const passphrase = readPassphrase(values['passphrase-file']);
        if (!demoClock) throw new Error('The demo runs on its own clock.');
        if (practice.state() !== 'needs-setup') {
          throw new UsageError(
            `${dataDir} already holds a practice; the demo makes a new one in an empty folder.`,
          );
        }
        const clinic = {
          name: 'Larchwood Recovery (demonstration)',
          address: '1 Example Way, Eugene, OR 97401',
          phone: '(541) 555-0100',
        };
        const { user, recoveryKey } = await practice.setup(
          ClinicProfileSchema.parse(clinic),
          NewUserSchema.parse({
            displayName: 'Demo Clinician',
            credentials: 'LCSW',
            role: 'clinician',
            username: required(values, 'username'),
            passphrase,
          }),
        );
        err(`Recovery key of the demonstration practice (shown once): ${recoveryKey}`);
        const dispatch = createDispatcher(createHandlers(), {
          practice,
          platform: createNodePlatform(),
          log: silentLogger,
        });
        const clients = await seedDemo({
          call: demoCaller(dispatch),
          passphrase,
          userId: user.id,
          clinicName: clinic.name,
          nowMs: demoClock.realNowMs,
          // Every record is written on its own day: the clock jumps there, and the clinician is at work there.
          advanceTo: (ms) => {
            demoClock.advanceTo(ms);
            practice.touch();
          },
        });
        demoClock.followRealTime();
        for (const c of clients) out(c.chartNumber);
        return 0;
      }
      case 'export': {
        const chartNumber = required(values, 'client');
        const outDir = path.resolve(required(values, 'out'));
        const output = exportOutput(values);
        const exportPassphrase = values.encrypt ? (process.env.CLEARLEAF_EXPORT_PASSPHRASE ?? '') : null;
        if (values.encrypt && !exportPassphrase) {
          throw new UsageError('--encrypt needs the export passphrase in CLEARLEAF_EXPORT_PASSPHRASE.');
        }
        const passphrase = readPassphrase(values['passphrase-file']);
        const user = await practice.unlock(required(values, 'username'), passphrase);
        const { db } = practice.session();
        const client = getClientByChartNumber(db, chartNumber);
        if (!client) throw new UsageError(`No client with chart number ${chartNumber} in this practice.`);
        if (values.consent && !values.include) {
          throw new UsageError(
            `--consent needs --include: the parts of the record the consent permits (${choosableSections()
              .map((s) => s.id)
              .join(', ')}).`,
          );
        }
        // Under a consent, the recipient, address and purpose are the consent's own unless given (and then checked).
        const named = values.consent ? getConsent(db, values.consent) : null;
        const request = RecordExportRequestSchema.parse({
          clientId: client.id,
          basis: values.consent ? 'consent' : 'client-request',
          consentId: values.consent ?? null,
          recipient:
            values.recipient ??
            (values.consent ? (named?.consent.recipient ?? '') : clientOwnRecipient(client)),
          recipientAddress: values['recipient-address'] ?? named?.consent.recipientAddress ?? '',
          purpose:
            values.purpose ?? (values.consent ? (named?.consent.purpose ?? '') : "At the client's request"),
          paper: values.paper ?? 'letter',
          output,
          exportPassphrase,
          // --plain or --archive on the command line is the explicit choice of an unencrypted copy.
          plainConfirmed: output !== 'encrypted',
          ...(values.include ? { include: values.include.split(',').map((p) => p.trim()) } : {}),
        });
        // The export re-authenticates as the app does (CLINICAL.md §7): the passphrase just used to unlock.
        await practice.reauthenticate(passphrase, 'passphrase');
        const result = await runRecordExport({ db, practice, user }, request, outDir, () => {}, {
          ...(options.scryptWorkFactor ? { scryptWorkFactor: options.scryptWorkFactor } : {}),
        });
        out(result.path);
        if (output !== 'encrypted') {
          err(
            `clearleaf: warning: this export is NOT encrypted (${output === 'archive' ? '.tar archive' : 'plain folder'}): it is a health record; keep it under your control and delete it once handed over.`,
          );
        }
        return 0;
      }
      case 'restore': {
        const from = path.resolve(required(values, 'from'));
        const username = required(values, 'username');
        const passphrase = readPassphrase(values['passphrase-file']);
        try {
          await practice.unlock(username, passphrase);
        } catch (err) {
          if (!(err instanceof AppError) || !DAMAGED_OR_MISSING.has(err.code)) throw err;
          const r = await practice.restoreNewestBackup(username, passphrase, from);
          out(`Restored ${from}; the damaged database is kept at ${r.damagedKeptAt ?? '(there was none)'}.`);
          return 0;
        }
        const r = await practice.restoreFileOverHealthy(from, passphrase);
        out(`Restored ${from}; the previous database is kept at ${r.setAsideAt ?? '(there was none)'}.`);
        return 0;
      }
      case 'recover': {
        const keyFile = required(values, 'recovery-key-file');
        const recoveryKey = (fs.readFileSync(keyFile, 'utf8').split(/\r?\n/)[0] ?? '').trim();
        const newPassphrase = PassphraseSchema.parse(readPassphrase(values['passphrase-file']));
        await practice.recover(
          recoveryKey,
          required(values, 'username'),
          newPassphrase,
          values.kit ? path.resolve(values.kit) : null,
        );
        out('The passphrase is reset and the keyring rebuilt. Print a new recovery kit by taking a backup.');
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } finally {
    practice.close();
  }
}

function describe(err: unknown): string {
  if (err instanceof UsageError || err instanceof AppError) return err.message;
  if (err && typeof err === 'object' && 'issues' in err && Array.isArray(err.issues)) {
    return (err.issues as Array<{ path: unknown[]; message: string }>)
      .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
      .join('\n');
  }
  return 'Unexpected error; nothing was changed.';
}

if (require.main === module) {
  runCli(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`clearleaf: ${describe(err)}`);
      process.exit(err instanceof UsageError ? 2 : 1);
    },
  );
}
