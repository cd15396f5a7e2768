/**
 * The record export's extension point. An export is assembled from sections, one module per kind of record, listed
 * in sections/index.ts. Each section reads its part of the chart and returns FHIR resources, CSV tables and PDFs;
 * the builder adds what every export has (the Bundle, DocumentReferences, README, notice, consent copy, manifest).
 * A new kind of record (plans, medications, MAT notes, tapers) is one more module in that list.
 */
import type { Client } from '../../shared/domain/clients';
import type { Consent } from '../../shared/domain/consents';
import type { DisclosureBasis } from '../../shared/domain/disclosures';
import type { ClinicProfile } from '../../shared/domain/identity';
import type { Db } from '../db/connection';
import type { DocumentDisclosure } from '../documents/consentScope';
import type { Paper } from '../pdf/document';

/** A FHIR R4 resource as plain JSON. */
export interface FhirResource {
  resourceType: string;
  id: string;
  [field: string]: unknown;
}

export interface CsvTable {
  /** Path inside the export, e.g. 'csv/use-log.csv'. */
  file: string;
  /** One sentence for the export's README. */
  description: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
}

export interface ExportPdf {
  /** Path inside the export, e.g. 'pdf/note-2026-11-20-1a2b3c4d.pdf'. */
  file: string;
  title: string;
  description: string;
  bytes: Buffer;
  /** The Encounters this document records (a note's session; every session of a file of notes). */
  encounterIds: readonly string[];
  /** 'YYYY-MM-DD' the document is about, or the first day of the span it covers. */
  date: string;
  /** The last day of that span, when it covers more than one. */
  endDate?: string;
}

export interface SectionOutput {
  resources: FhirResource[];
  tables: CsvTable[];
  pdfs: ExportPdf[];
  /** What the section put in, for the accounting's "what was disclosed" and the README, e.g. "3 signed notes". */
  summary: string;
}

/** Who the export is for and why: what the accounting records. */
export interface ExportDisclosure {
  basis: DisclosureBasis;
  /** The consent it is made under; null at the client's own request. */
  consent: Consent | null;
  recipient: string;
  recipientAddress: string;
  purpose: string;
}

export interface ExportContext {
  db: Db;
  clinic: ClinicProfile;
  client: Client;
  nowMs: number;
  /** 'YYYY-MM-DD', local. */
  today: string;
  paper: Paper;
  disclosure: ExportDisclosure;
  /** Private SUD counselling notes go only under a consent for them (CLINICAL.md §6). */
  includeCounsellingNotes: boolean;
  /** FHIR ids of the resources every section refers to. */
  refs: { patient: string; episode: string; organization: string };
}

export interface ExportSection {
  id: string;
  /** Shown while the export runs, e.g. "Session notes". */
  label: string;
  /** The client's own right (the accounting of disclosures): exported only at the client's own request. */
  clientOnly?: boolean;
  /**
   * In every export (the client the record is about; the consent copy). The other sections go under a consent only
   * when the clinician has chosen them as what that consent permits.
   */
  always?: boolean;
  collect(ctx: ExportContext): SectionOutput | Promise<SectionOutput>;
}

export const emptyOutput = (summary: string): SectionOutput => ({
  resources: [],
  tables: [],
  pdfs: [],
  summary,
});

/** "1 signed note", "3 signed notes": counts in the accounting and the README read as sentences. */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** What a PDF in the export prints about the disclosure: the consent's scope, or nothing at the client's request. */
export function printedDisclosure(ctx: ExportContext): DocumentDisclosure | null {
  const d = ctx.disclosure;
  return d.consent === null
    ? null
    : {
        recipient: d.recipient,
        recipientAddress: d.recipientAddress,
        purpose: d.purpose,
        disclosedOn: ctx.today,
        consent: d.consent.consent,
      };
}
