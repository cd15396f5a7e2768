/**
 * Making a record export (issue 11 item 6). Policy:
 * - Made under one of this client's consents that is active today and can carry a record (not a consent for SUD
 *   counselling notes), checked as note disclosures are, or at the client's own request, which needs no consent,
 *   goes to the client and to no one else, and never includes private counselling notes (CLINICAL.md §6).
 * - Under a consent, the export holds what that consent permits: the parts of the record the clinician has chosen
 *   as what it covers, its own copy (never the client's other consents), and never the accounting of disclosures,
 *   which is the client's own right (sections marked clientOnly). At the client's own request, the whole record.
 * - Re-authentication comes first (CLINICAL.md §7); the caller does it.
 * - Files are written owner-only (folders 0700, files 0600); an encrypted export is one age file (passphrase,
 *   scrypt) made by the age library, never by our own cryptography.
 * - The export is a disclosure: recorded in the accounting (date, recipient, what, purpose, consent or the client's
 *   own request, notice version) in the same transaction as its audit row, and dated then. Building, writing and
 *   encrypting take time, so the consent is checked again inside that transaction: one revoked or ended meanwhile
 *   never carries the export (the database refuses it too, migration 0770). If that fails, the written files are
 *   removed: a copy that is not in the accounting must not be handed out.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { localDate } from '../../shared/domain/common';
import { consentStatus } from '../../shared/domain/consents';
import { consentUsedUp, disclosureOutsideConsent } from '../../shared/domain/disclosures';
import {
  clientOwnRecipient,
  type RecordExportRequest,
  type RecordExportResult,
} from '../../shared/domain/recordExport';
import { PART2_NOTICE_VERSION } from '../../shared/domain/part2';
import type { Client } from '../../shared/domain/clients';
import { consentStillPermits } from '../documents/delivery';
import { AppError, fieldError } from '../errors';
import type { Db } from '../db/connection';
import { getClient } from '../db/repositories/clients';
import { getClinic } from '../db/repositories/clinic';
import { getConsent } from '../db/repositories/consents';
import { insertDisclosure } from '../db/repositories/disclosures';
import type { Practice } from '../practice/practice';
import { buildExport } from './build';
import { encryptToPassphrase } from './encrypt';
import { EXPORT_SECTIONS } from './sections';
import { patientRefs } from './sections/patient';
import { tarArchive } from './tar';
import type { ExportContext, ExportDisclosure, ExportSection } from './types';

export interface ExportDeps {
  db: Db;
  practice: Practice;
  user: { id: string };
}

export interface ExportOptions {
  sections?: readonly ExportSection[];
  /** age's scrypt work factor (log2 N); the library's default unless a test asks for a faster one. */
  scryptWorkFactor?: number;
}

/** The sections an export on this basis holds: what only the client may have goes only at their own request. */
/** The parts a clinician may choose for an export under a consent: not the ones always in, not the client's own. */
export const choosableSections = (sections: readonly ExportSection[] = EXPORT_SECTIONS) =>
  sections.filter((s) => !s.always && !s.clientOnly);

/**
 * The sections an export holds: at the client's own request, all; under a consent, those always in and those chosen
 * as what the consent permits. A choice that is not a part an export under a consent may hold is refused.
 */
export function sectionsFor(
  req: Pick<RecordExportRequest, 'basis' | 'include'>,
  sections: readonly ExportSection[] = EXPORT_SECTIONS,
  field = 'include',
): ExportSection[] {
  if (req.basis === 'client-request') return [...sections];
  const include = new Set(req.include ?? []);
  const allowed = new Set(choosableSections(sections).map((s) => s.id));
  const stray = [...include].filter((id) => !allowed.has(id));
  if (stray.length > 0) {
    throw fieldError(
      'INVALID_INPUT',
      field,
      `An export under a consent cannot hold ${stray.join(', ')}: choose from the parts of the record listed.`,
    );
  }
  if (include.size === 0) {
    throw fieldError(
      'INVALID_INPUT',
      field,
      'Choose the parts of the record this consent permits to be disclosed.',
    );
  }
  return sections.filter((s) => s.always || include.has(s.id));
}

/** Steps the progress display counts: each section, the assembly, writing, and recording the disclosure. */
export const exportStepCount = (sections: readonly ExportSection[]) => sections.length + 3;

export function requireExportClient(db: Db, clientId: string): Client {
  const client = getClient(db, clientId);
  if (!client) throw new AppError('NOT_FOUND', 'That client is not in this practice.');
  return client;
}

/**
 * The disclosure an export is, once its consent is shown to be this client's, active today, able to carry the
 * whole record (a consent for SUD counselling notes covers those notes only, 42 CFR 2.31(b)), not a used
 * single-disclosure consent, and naming the recipient, address and purpose asked for (CLINICAL.md §6).
 */
export function resolveExportDisclosure(
  db: Db,
  req: RecordExportRequest,
  today: string,
  field = 'consentId',
): ExportDisclosure {
  const base = { recipient: req.recipient, recipientAddress: req.recipientAddress, purpose: req.purpose };
  const prefix = field.slice(0, field.length - 'consentId'.length);
  if (req.basis === 'client-request') {
    const client = requireExportClient(db, req.clientId);
    const own = clientOwnRecipient(client);
    if (req.recipient.trim() !== own) {
      throw fieldError(
        'INVALID_INPUT',
        `${prefix}recipient`,
        `At the client's own request the export goes to the client (${own}). To send it to anyone else, choose the consent that names them.`,
      );
    }
    return { basis: 'client-request', consent: null, ...base, recipient: own };
  }
  const refuse = (message: string) => fieldError('INVALID_INPUT', field, message);
  const consent = req.consentId ? getConsent(db, req.consentId) : null;
  if (!consent || consent.clientId !== req.clientId) {
    throw refuse("That consent is not one of this client's. Choose one of this client's active consents.");
  }
  const status = consentStatus(consent, today);
  if (status !== 'active')
    throw refuse(`That consent is ${status} and cannot be used. Choose an active consent.`);
  if (consent.consent.type === 'sud-counselling-notes') {
    throw refuse(
      'A consent for SUD counselling notes covers only those notes (42 CFR 2.31(b)), not the whole record. Print the notes it covers from the Private notes tab.',
    );
  }
  if (consentUsedUp(consent)) {
    throw refuse(
      'This single-disclosure consent has already been used. Record a new consent to disclose again.',
    );
  }
  const outside = disclosureOutsideConsent({ consentId: consent.id, ...base }, consent.consent).map((p) => ({
    path: `${prefix}${p.path.replace(/^disclosure\./, '')}`,
    message: p.message,
  }));
  const [first] = outside;
  if (first) throw new AppError('INVALID_INPUT', first.message, { fields: outside });
  return { basis: 'consent', consent, ...base };
}

/** "clearleaf-export-C-000123-20261123-1400": plain characters only, whatever the chart number holds. */
export function exportName(chartNumber: string, nowMs: number): string {
  const d = new Date(nowMs);
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  return `clearleaf-export-${chartNumber.replace(/[^A-Za-z0-9-]/g, '-')}-${stamp}`;
}

function writeFolder(dir: string, files: ReadonlyMap<string, Buffer>): void {
  fs.mkdirSync(dir, { mode: 0o700 });
  for (const [name, bytes] of files) {
    const file = path.join(dir, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
  }
}

export async function runRecordExport(
  deps: ExportDeps,
  req: RecordExportRequest,
  outDir: string,
  progress: (done: number, label: string) => void,
  options: ExportOptions = {},
): Promise<RecordExportResult> {
  const { db, practice, user } = deps;
  const nowMs = practice.clock.now();
  const today = localDate(nowMs);
  const client = requireExportClient(db, req.clientId);
  const clinic = getClinic(db);
  if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
  const disclosure = resolveExportDisclosure(db, req, today);
  const sections = sectionsFor(req, options.sections);
  const ctx: ExportContext = {
    db,
    clinic,
    client,
    nowMs,
    today,
    paper: req.paper,
    disclosure,
    // Counselling notes leave only under their own consent, which cannot carry a whole record (above).
    includeCounsellingNotes: false,
    refs: patientRefs(client.id),
  };
  let step = 0;
  const built = await buildExport(ctx, sections, (label) => progress(step++, label));

  progress(step++, req.output === 'encrypted' ? 'Encrypting and writing' : 'Writing files');
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const name = exportName(client.chartNumber, nowMs);
  let target: string;
  if (req.output === 'folder') {
    target = path.join(outDir, name);
    if (fs.existsSync(target))
      throw new AppError('CONFLICT', `${target} already exists; export again in a moment.`);
    try {
      writeFolder(target, built.files);
    } catch (e) {
      fs.rmSync(target, { recursive: true, force: true });
      throw e;
    }
  } else {
    const tar = tarArchive(name, built.files, nowMs);
    const bytes =
      req.output === 'encrypted'
        ? await encryptToPassphrase(tar, req.exportPassphrase ?? '', options.scryptWorkFactor)
        : tar;
    target = path.join(outDir, `${name}.tar${req.output === 'encrypted' ? '.age' : ''}`);
    fs.writeFileSync(target, bytes, { mode: 0o600, flag: 'wx' });
  }

  progress(step++, 'Recording the disclosure');
  const disclosureId = randomUUID();
  try {
    db.transaction(() => {
      const atMs = practice.clock.now();
      const still = consentStillPermits(() => resolveExportDisclosure(db, req, localDate(atMs)), 'export');
      insertDisclosure(db, {
        id: disclosureId,
        clientId: client.id,
        basis: still.basis,
        consentId: still.consent?.id ?? null,
        disclosedAtMs: atMs,
        disclosedBy: user.id,
        recipient: disclosure.recipient,
        recipientAddress: disclosure.recipientAddress,
        purpose: disclosure.purpose,
        what: built.what,
        sourceType: 'export',
        sourceId: disclosureId,
        noticeVersion: PART2_NOTICE_VERSION,
      });
      practice.audit({ action: 'export', entity: 'client', entityId: client.id });
    })();
  } catch (e) {
    fs.rmSync(target, { recursive: true, force: true });
    throw e;
  }
  return { path: target, fileCount: built.files.size, what: built.what, disclosureId };
}
