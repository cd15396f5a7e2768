/**
 * Assembles an export in memory from its sections: the FHIR Bundle (with a DocumentReference per PDF), the CSV
 * tables, the PDFs, the notice, the consent copy, the README and the manifest. The Bundle is checked before anything
 * is written; a Bundle with a broken reference never leaves the clinic.
 */
import { createHash } from 'node:crypto';
import { bundleProblems } from './bundleChecks';
import { toCsv } from './csv';
import { bundle, fhirId, instant, labelled, ref } from './fhir';
import {
  BUNDLE_FILE,
  CONSENT_FILE,
  consentText,
  MANIFEST_FILE,
  NOTICE_FILE,
  noticeText,
  README_FILE,
  readmeText,
  type ReadmeFile,
} from './readme';
import type { ExportContext, ExportPdf, ExportSection, FhirResource } from './types';

export type Progress = (label: string) => void;

export interface BuiltExport {
  /** Path inside the export → contents, README and manifest included. */
  files: Map<string, Buffer>;
  bundle: FhirResource;
  /** What was disclosed, for the accounting. */
  what: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function documentReference(ctx: ExportContext, pdf: ExportPdf): FhirResource {
  return labelled({
    resourceType: 'DocumentReference',
    // Unique to this client and this export: a receiving system keying resources by id must not merge two.
    id: fhirId('DocumentReference', `${ctx.client.id}@${ctx.nowMs}/${pdf.file}`),
    status: 'current',
    docStatus: 'final',
    type: { text: pdf.title },
    subject: ref(ctx.refs.patient),
    date: instant(ctx.nowMs),
    custodian: ref(ctx.refs.organization),
    description: pdf.description,
    securityLabel: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
    ],
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          url: pdf.file,
          size: pdf.bytes.length,
          hash: createHash('sha1').update(pdf.bytes).digest('base64'),
          title: pdf.title,
        },
      },
    ],
    context: {
      ...(pdf.encounterIds.length ? { encounter: pdf.encounterIds.map((id) => ref(id)) } : {}),
      period: { start: pdf.date, end: pdf.endDate ?? pdf.date },
    },
  });
}

/** The manifest: `sha256sum` format, one line per file, sorted by path. */
export function manifest(files: ReadonlyMap<string, Buffer>): string {
  return [...files.keys()]
    .sort()
    .map((name) => `${sha256(files.get(name)!)}  ${name}\n`)
    .join('');
}

export async function buildExport(
  ctx: ExportContext,
  sections: readonly ExportSection[],
  progress: Progress,
): Promise<BuiltExport> {
  const resources: FhirResource[] = [];
  const files = new Map<string, Buffer>();
  const described: ReadmeFile[] = [];
  const summaries: string[] = [];
  for (const section of sections) {
    progress(section.label);
    const out = await section.collect(ctx);
    resources.push(...out.resources);
    summaries.push(out.summary);
    for (const t of out.tables) {
      files.set(t.file, Buffer.from(toCsv(t.columns, t.rows), 'utf8'));
      described.push({ file: t.file, description: t.description });
    }
    for (const p of out.pdfs) {
      files.set(p.file, p.bytes);
      described.push({ file: p.file, description: p.description });
      resources.push(documentReference(ctx, p));
    }
  }
  progress('FHIR Bundle, README and manifest');
  const b = bundle(fhirId('Bundle', `${ctx.client.id}@${ctx.nowMs}`), ctx.nowMs, resources);
  const problems = bundleProblems(b);
  if (problems.length) throw new Error(`export bundle failed its checks: ${problems.slice(0, 3).join('; ')}`);
  files.set(BUNDLE_FILE, Buffer.from(`${JSON.stringify(b, null, 2)}\n`, 'utf8'));
  described.unshift({
    file: BUNDLE_FILE,
    description: `The record as one FHIR R4 Bundle (${resources.length} resources).`,
  });
  files.set(NOTICE_FILE, Buffer.from(noticeText(), 'utf8'));
  files.set(CONSENT_FILE, Buffer.from(consentText(ctx), 'utf8'));
  described.push(
    { file: NOTICE_FILE, description: 'The 42 CFR part 2 notice that accompanies this disclosure.' },
    {
      file: CONSENT_FILE,
      description:
        ctx.disclosure.consent === null
          ? "A statement that this export was made at the client's own request."
          : 'A copy of the consent this export was made under.',
    },
  );
  files.set(README_FILE, Buffer.from(readmeText(ctx, described, summaries), 'utf8'));
  files.set(MANIFEST_FILE, Buffer.from(manifest(files), 'utf8'));
  return {
    files,
    bundle: b,
    what: `Record export (FHIR R4 Bundle, CSV tables, PDFs): ${summaries.join('; ')}`,
  };
}
