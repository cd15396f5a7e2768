/**
 * The texts every export carries: its README (the format and every file), the Part 2 notice (CLINICAL.md §6,
 * exactly as the regulation gives it) and the copy of the consent the export is made under — or, at the client's own
 * request, a statement saying so.
 */
import { clientDisplayName } from '../../shared/domain/clients';
import { CONSENT_TYPE_LABELS, consentEndText, type Consent } from '../../shared/domain/consents';
import { PART2_NOTICE_FULL, PART2_NOTICE_VERSION } from '../../shared/domain/part2';
import type { ExportContext } from './types';

export const NOTICE_FILE = 'NOTICE-42-CFR-PART-2.txt';
export const CONSENT_FILE = 'CONSENT.txt';
export const README_FILE = 'README.txt';
export const MANIFEST_FILE = 'MANIFEST.sha256';
export const BUNDLE_FILE = 'fhir/bundle.json';

/** Wraps text at `width` columns on spaces. */
export function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

export function noticeText(): string {
  return `${wrap(PART2_NOTICE_FULL)}\n\n(42 CFR 2.32(a), Statement 1; notice version ${PART2_NOTICE_VERSION})\n`;
}

export function consentText(ctx: ExportContext): string {
  const d = ctx.disclosure;
  if (d.consent === null) {
    return (
      wrap(
        [
          'Copy of consent',
          '',
          `This export was made on ${ctx.today} at the client's own request, to ${d.recipient}, for: ${d.purpose}.`,
          "A client's access to their own record needs no consent to disclose, so there is no consent to copy. The",
          'notice in NOTICE-42-CFR-PART-2.txt still applies to anyone the client passes this record to.',
        ].join('\n'),
      ) + '\n'
    );
  }
  return consentCopy(d.consent, ctx.today);
}

function consentCopy(k: Consent, today: string): string {
  const c = k.consent;
  const rows: Array<[string, string]> = [
    ['Type', CONSENT_TYPE_LABELS[c.type]],
    ['Patient', c.patientName],
    ['Who may disclose', c.disclosingParty],
    ['Information to be disclosed', c.informationDescription],
    ['Recipient', c.recipient],
    ['Recipient address', c.recipientAddress],
    ['Purpose', c.purpose],
    ['Right to revoke', c.revocationRightExplained ? 'Explained to the patient' : 'Not recorded'],
    ['How to revoke', c.howToRevoke],
    ['Expires', consentEndText(c)],
    [
      'Signed by',
      `${c.signerName} (${c.signedBy === 'patient' ? 'the patient' : `authorised representative: ${c.representativeAuthority}`})`,
    ],
    ['Signed on', c.signedOn],
    ['Redisclosure statement included', c.redisclosureStatementIncluded ? 'Yes' : 'No'],
    ['Consequences of refusing explained', c.refusalConsequencesExplained ? 'Yes' : 'No'],
    ['Consent id', k.id],
  ];
  return (
    [
      `Copy of the consent this export was made under (active on ${today})`,
      '',
      ...rows.filter(([, v]) => v !== '').map(([label, v]) => wrap(`${label}: ${v}`)),
    ].join('\n') + '\n'
  );
}

export interface ReadmeFile {
  file: string;
  description: string;
}

export function readmeText(
  ctx: ExportContext,
  files: readonly ReadmeFile[],
  summaries: readonly string[],
): string {
  const d = ctx.disclosure;
  const basis =
    d.consent === null
      ? "at the client's own request (no consent needed)"
      : `under consent ${d.consent.id} (${CONSENT_TYPE_LABELS[d.consent.consent.type]}, signed ${d.consent.consent.signedOn})`;
  const out = [
    `Clearleaf record export — ${clientDisplayName(ctx.client)}, chart ${ctx.client.chartNumber}`,
    '',
    'THIS IS A CONFIDENTIAL SUBSTANCE-USE TREATMENT RECORD. 42 CFR part 2 prohibits unauthorized use or',
    'disclosure of these records: read NOTICE-42-CFR-PART-2.txt before using or passing on any part of it.',
    '',
    `Exported by: ${ctx.clinic.name}, ${ctx.clinic.address}, ${ctx.clinic.phone}`,
    `Exported on: ${ctx.today} (${new Date(ctx.nowMs).toISOString()})`,
    `Recipient: ${d.recipient}${d.recipientAddress ? `, ${d.recipientAddress}` : ''}`,
    `Purpose: ${d.purpose}`,
    `Made: ${basis}`,
    '',
    'What it holds',
    ...summaries.map((s) => `- ${s}`),
    '',
    wrap(
      'What it never holds: drafts (only signed notes and signed assessments are part of the record); other group ' +
        "members' names or blocks (a group note carries the shared block and this client's own block only); private SUD " +
        (ctx.includeCounsellingNotes
          ? 'counselling notes are included because the consent above is a consent for SUD counselling notes.'
          : 'counselling notes (they need a consent of their own, which this export was not made under).') +
        (d.consent === null
          ? ''
          : " Made under a consent, it holds that consent's copy only, not the client's other consents, and not " +
            "the accounting of disclosures, which is the client's own to ask for."),
    ),
    '',
    'Format',
    wrap(
      '- fhir/bundle.json: one FHIR R4 Bundle of type "collection" (JSON). Every resource and the Bundle carry the ' +
        'security labels 42CFRPart2 (HL7 v3 ActCode) and R (restricted, HL7 v3 Confidentiality). References are ' +
        'urn:uuid: full URLs that resolve inside the Bundle. Resources: Patient (identifier system ' +
        'urn:clearleaf:chart-number), Organization (the clinic), EpisodeOfCare, Encounter per signed session note, ' +
        'QuestionnaireResponse and Observation per signed scored assessment (LOINC: PHQ-9 panel 44249-1, total ' +
        '44261-6, item 9 44260-8; GAD-7 total 70274-6; AUDIT-C total 75626-2; COWS, SOWS and the SUD checklist in the ' +
        'local code system urn:clearleaf:instrument), Condition for a substance use disorder (ICD-10-CM), CarePlan and ' +
        'Goal for the treatment plan, MedicationStatement per medication (RxNorm where a single ingredient has a ' +
        'code; prescriber and pharmacy as notes), Encounter per signed MAT coordination note with Observations for ' +
        'craving (0-10) and each urine-screen result (local codes in urn:clearleaf:observation, value SNOMED CT ' +
        'positive or negative), vital-sign Observations taken with withdrawal ratings (LOINC 85354-9 blood ' +
        'pressure, 8867-4 heart rate, 8310-5 body temperature), an Observation per post-acute check-in, a CarePlan ' +
        'for the taper schedule (one activity per step, amount for the day in grams), a CarePlan per signed ' +
        'relapse-prevention, safety and aftercare plan version (earlier versions revoked and replaced by the next; ' +
        "the relapse-prevention plan's one concrete change as its Goal), Consent per consent included, and " +
        "DocumentReference per PDF (attachment url is the PDF's path in this export; hash is its SHA-1 in base64, " +
        'as FHIR R4 defines it).',
    ),
    wrap(
      '- csv/*.csv: tables as RFC 4180 describes (UTF-8, comma-separated, CRLF line ends, a header row, fields ' +
        'with commas, quotes or line breaks in double quotes). Times ending in _utc are ISO 8601 UTC; dates are ' +
        'YYYY-MM-DD. Open them as text: a spreadsheet may treat a field starting with = as a formula.',
    ),
    wrap(
      '- pdf/*.pdf: the signed session notes (session-notes.pdf; private SUD counselling notes, when a consent ' +
        'for them allows, in sud-counselling-notes.pdf) and MAT coordination notes (mat-coordination-notes.pdf), ' +
        'one file each, oldest first, each note from its own page and bookmarked (the notes tables give the page ' +
        'it starts on); the taper schedule and the newest signed relapse-prevention, safety and aftercare plans; ' +
        'as printed by the clinic, each with the Part 2 notice.',
    ),
    wrap(
      `- ${MANIFEST_FILE}: the SHA-256 of every other file, in the format of sha256sum; check it with ` +
        '"sha256sum -c MANIFEST.sha256" in this folder.',
    ),
    '',
    'Files',
    ...files.map((f) => wrap(`- ${f.file}: ${f.description}`)),
    `- ${README_FILE}: this file.`,
    `- ${MANIFEST_FILE}: SHA-256 hashes of every file above.`,
    '',
  ];
  return out.join('\n');
}
