/**
 * The clinic's wording of the client documents' fixed texts: versions per language and message (issue 14, item 3).
 * The newest version is in force. A clinic text based on a shipped text that has since changed stays in force,
 * flagged: it is the wording someone at the clinic reviewed, and a release must not silently replace it — unless it
 * no longer fits the new shipped text (a placeholder the release added, a number it cites): then the shipped text
 * prints, so the document always prints, and the clinic's text is flagged as unusable until someone rewords it.
 */
import type { Db } from '../connection';
import {
  CATALOGUES,
  DOCUMENT_MESSAGE_IDS,
  type MessageId,
  type MessageOverrides,
} from '../../../shared/i18n/catalogue';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../shared/i18n/languages';
import type { WordingEntry, WordingKind, WordingVersion } from '../../../shared/domain/wording';
import { heldNotice, wordingProblem } from '../../../shared/i18n/wordingRules';

export interface ClinicWordingRow {
  language: DocumentLanguage;
  message_id: string;
  version: number;
  source: 'shipped' | 'clinic';
  kind: WordingKind;
  text: string;
  based_on: string | null;
  written_by: string | null;
  reviewed_by: string;
  reviewed_at_ms: number;
  writer_name: string | null;
  reviewer_name: string | null;
}

const SELECT = `SELECT w.*, wu.display_name AS writer_name, ru.display_name AS reviewer_name FROM clinic_wording w
  LEFT JOIN users wu ON wu.id = w.written_by
  LEFT JOIN users ru ON ru.id = w.reviewed_by`;

/** The newest version of each (language, message), with the writer's and reviewer's names. */
function latestRows(db: Db): ClinicWordingRow[] {
  return db
    .prepare(
      `${SELECT} WHERE w.version = (SELECT MAX(version) FROM clinic_wording x
                                    WHERE x.language = w.language AND x.message_id = w.message_id)`,
    )
    .all() as ClinicWordingRow[];
}

export const isDocumentMessageId = (id: string): id is MessageId =>
  (DOCUMENT_MESSAGE_IDS as string[]).includes(id);

/** Why the clinic's text can no longer stand in for today's shipped text, or null. */
const unusable = (r: ClinicWordingRow, id: MessageId): string | null =>
  wordingProblem(r.language, id, CATALOGUES[r.language][id], r.text) ??
  heldNotice(id, r.based_on, CATALOGUES[r.language][id]);

/**
 * The clinic's own texts in force, for printing (flagged ones too, until someone reviews them), but never one that
 * no longer fits today's shipped text: that one would fail to print or drop what the release added.
 */
export function clinicWording(db: Db): MessageOverrides {
  const out: MessageOverrides = {};
  for (const r of latestRows(db)) {
    if (r.source !== 'clinic' || !isDocumentMessageId(r.message_id)) continue;
    if (unusable(r, r.message_id) !== null) continue;
    (out[r.language] ??= {})[r.message_id] = r.text;
  }
  return out;
}

function entryOf(language: DocumentLanguage, id: MessageId, r: ClinicWordingRow | undefined): WordingEntry {
  const shipped = CATALOGUES[language][id];
  const own = r?.source === 'clinic';
  // A review of shipped text holds only while the shipped text is the one reviewed. English is the clinic's own
  // language and ships reviewed by the project, whatever the release; other languages wait for the clinic. The
  // clinic's own text stays reviewed (and in force) but is flagged when the shipped text it was based on changed.
  const reviewedHere = r !== undefined && (own || r.text === shipped);
  const shippedChanged = own
    ? r.based_on !== shipped
    : language !== 'en' && r !== undefined && r.text !== shipped;
  return {
    language,
    messageId: id,
    shipped,
    text: own ? r.text : shipped,
    source: own ? 'clinic' : 'shipped',
    version: r?.version ?? 0,
    reviewed: reviewedHere || (!own && language === 'en'),
    reviewedByName: reviewedHere ? (r.reviewer_name ?? null) : null,
    reviewedAtMs: reviewedHere ? r.reviewed_at_ms : null,
    writtenByName: own ? r.writer_name : null,
    // The shipped text the clinic's text was written against, or the older shipped text the clinic reviewed.
    basedOn: own ? r.based_on : shippedChanged ? (r?.text ?? null) : null,
    shippedChanged,
    unusable: own ? unusable(r, id) : null,
  };
}

/** Every fixed text in every language: the shipped text, the clinic's text in force, and its review. */
export function listWording(db: Db): WordingEntry[] {
  const latest = new Map(latestRows(db).map((r) => [`${r.language}:${r.message_id}`, r]));
  return DOCUMENT_MESSAGE_IDS.flatMap((id) =>
    DOCUMENT_LANGUAGES.map((language) => entryOf(language, id, latest.get(`${language}:${id}`))),
  );
}

export function wordingEntry(db: Db, language: DocumentLanguage, id: MessageId): WordingEntry {
  const r = db
    .prepare(`${SELECT} WHERE w.language = ? AND w.message_id = ? ORDER BY w.version DESC LIMIT 1`)
    .get(language, id) as ClinicWordingRow | undefined;
  return entryOf(language, id, r);
}

/** Every version of one text, newest first. */
export function wordingHistory(db: Db, language: DocumentLanguage, id: MessageId): WordingVersion[] {
  const rows = db
    .prepare(`${SELECT} WHERE w.language = ? AND w.message_id = ? ORDER BY w.version DESC`)
    .all(language, id) as ClinicWordingRow[];
  return rows.map((r) => ({
    version: r.version,
    kind: r.kind,
    source: r.source,
    text: r.text,
    basedOn: r.based_on,
    writtenByName: r.writer_name,
    reviewedByName: r.reviewer_name,
    reviewedAtMs: r.reviewed_at_ms,
  }));
}

export function insertWordingVersion(
  db: Db,
  w: {
    language: DocumentLanguage;
    messageId: MessageId;
    source: 'shipped' | 'clinic';
    kind: WordingKind;
    text: string;
    /** The shipped text this version was written or reviewed against. */
    basedOn: string;
    /** Who wrote a clinic text (its author, when this version only reviews it); null for shipped text. */
    writtenBy: string | null;
    userId: string;
    atMs: number;
  },
): number {
  const row = db
    .prepare(
      'SELECT COALESCE(MAX(version), 0) AS v FROM clinic_wording WHERE language = ? AND message_id = ?',
    )
    .get(w.language, w.messageId) as { v: number };
  const version = row.v + 1;
  db.prepare(
    `INSERT INTO clinic_wording (language, message_id, version, source, kind, text, based_on, written_by,
       reviewed_by, reviewed_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(w.language, w.messageId, version, w.source, w.kind, w.text, w.basedOn, w.writtenBy, w.userId, w.atMs);
  return version;
}

/** Who wrote the clinic's text in force (kept when a later version only reviews it). */
export function currentWriter(db: Db, language: DocumentLanguage, id: MessageId): string | null {
  const r = db
    .prepare(
      `SELECT source, written_by FROM clinic_wording WHERE language = ? AND message_id = ?
       ORDER BY version DESC LIMIT 1`,
    )
    .get(language, id) as { source: string; written_by: string | null } | undefined;
  return r?.source === 'clinic' ? r.written_by : null;
}
