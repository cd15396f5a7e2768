/** The clinic's wording of the client documents' fixed texts: versions per language and message (issue 14, item 3). */
import type { Db } from '../connection';
import {
  CATALOGUES,
  MESSAGE_IDS,
  type MessageId,
  type MessageOverrides,
} from '../../../shared/i18n/catalogue';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../shared/i18n/languages';
import type { WordingEntry } from '../../../shared/domain/wording';

export interface ClinicWordingRow {
  language: DocumentLanguage;
  message_id: string;
  version: number;
  source: 'shipped' | 'clinic';
  text: string;
  reviewed_by: string;
  reviewed_at_ms: number;
  reviewer_name: string | null;
}

/** The newest version of each (language, message), with the reviewer's name. */
function latestRows(db: Db): ClinicWordingRow[] {
  return db
    .prepare(
      `SELECT w.*, u.display_name AS reviewer_name FROM clinic_wording w
       LEFT JOIN users u ON u.id = w.reviewed_by
       WHERE w.version = (SELECT MAX(version) FROM clinic_wording x
                          WHERE x.language = w.language AND x.message_id = w.message_id)`,
    )
    .all() as ClinicWordingRow[];
}

const isMessageId = (id: string): id is MessageId => (MESSAGE_IDS as string[]).includes(id);

/** The clinic's own texts in force, for printing. */
export function clinicWording(db: Db): MessageOverrides {
  const out: MessageOverrides = {};
  for (const r of latestRows(db)) {
    if (r.source !== 'clinic' || !isMessageId(r.message_id)) continue;
    (out[r.language] ??= {})[r.message_id] = r.text;
  }
  return out;
}

/** Every fixed text in every language: the shipped text, the clinic's text in force, and its review. */
export function listWording(db: Db): WordingEntry[] {
  const latest = new Map(latestRows(db).map((r) => [`${r.language}:${r.message_id}`, r]));
  return MESSAGE_IDS.flatMap((id) =>
    DOCUMENT_LANGUAGES.map((language): WordingEntry => {
      const shipped = CATALOGUES[language][id];
      const r = latest.get(`${language}:${id}`);
      // A review of shipped text holds only while the shipped text is the one reviewed.
      const reviewed = r !== undefined && (r.source === 'clinic' || r.text === shipped);
      return {
        language,
        messageId: id,
        shipped,
        text: r?.source === 'clinic' ? r.text : shipped,
        source: r?.source === 'clinic' ? 'clinic' : 'shipped',
        version: r?.version ?? 0,
        // English is the clinic's own language and ships reviewed by the project; other languages wait for the clinic.
        reviewed: reviewed || (language === 'en' && r === undefined),
        reviewedByName: reviewed ? (r?.reviewer_name ?? null) : null,
        reviewedAtMs: reviewed ? (r?.reviewed_at_ms ?? null) : null,
      };
    }),
  );
}

export function insertWordingVersion(
  db: Db,
  w: {
    language: DocumentLanguage;
    messageId: MessageId;
    source: 'shipped' | 'clinic';
    text: string;
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
    `INSERT INTO clinic_wording (language, message_id, version, source, text, reviewed_by, reviewed_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(w.language, w.messageId, version, w.source, w.text, w.userId, w.atMs);
  return version;
}
