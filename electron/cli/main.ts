/**
 * The command line: `npm run cli -- <command>`. Main-process code under plain Node, no Electron.
 * Policy: a passphrase never comes from argv (it would sit in shell history and the process list): it is read
 * from --passphrase-file FILE or the CLEARLEAF_PASSPHRASE environment variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClinicProfileSchema, NewUserSchema } from '../../shared/domain/identity';
import { AppError } from '../errors';
import { defaultDataDir } from '../practice/paths';
import { Practice } from '../practice/practice';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  init     Create a new encrypted practice database.
           --clinic-name NAME --address TEXT --phone PHONE
           --name FULL_NAME --credentials TEXT --username NAME [--role clinician|supervisor]
           Prints the recovery key once: print it or write it down.
  verify   Health check, full integrity check, foreign keys, schema version and the audit chain.
           --username NAME
  backup   Write a verified backup. --username NAME --out FILE [--plaintext]
           Without --plaintext the backup is encrypted with the practice key. With it, the copy is decrypted
           for an independent check with the sqlite3 shell: it is a health record, handle it as one.

Common options:
  --data DIR              The practice folder (default: ${defaultDataDir()}, or CLEARLEAF_DATA_DIR)
  --passphrase-file FILE  Read the passphrase from FILE (first line). Otherwise CLEARLEAF_PASSPHRASE is used.
`;

class UsageError extends Error {}

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

export async function runCli(argv: string[], out: (line: string) => void): Promise<number> {
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
      plaintext: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
  const practice = new Practice({ dataDir });
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
        await practice.unlock(required(values, 'username'), readPassphrase(values['passphrase-file']));
        const report = practice.verify();
        out(`database: ${practice.dbFile}`);
        out(`integrity: ${report.integrity.join('; ')}`);
        out(
          `foreign keys: ${report.foreignKeyProblems === 0 ? 'ok' : `${report.foreignKeyProblems} problems`}`,
        );
        out(`schema: ${report.schemaVersion} (this version knows ${report.latestVersion})`);
        out(
          `audit log: ${report.audit.rows} entries, ${report.audit.ok ? 'chain intact' : `chain broken at entry ${report.audit.firstBadId}`}`,
        );
        out(report.ok ? 'verify: ok' : 'verify: PROBLEMS FOUND');
        return report.ok ? 0 : 1;
      }
      case 'backup': {
        const outFile = path.resolve(required(values, 'out'));
        if (fs.existsSync(outFile))
          throw new UsageError(`${outFile} already exists; choose a new file name.`);
        await practice.unlock(required(values, 'username'), readPassphrase(values['passphrase-file']));
        practice.backupTo(outFile, { plaintext: values.plaintext === true });
        out(`${values.plaintext ? 'Plaintext copy' : 'Encrypted backup'} written and verified: ${outFile}`);
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
