/**
 * Signed session notes (CLINICAL.md §5, §6). Each is an Encounter and a few pages, drawn as a printed note is (with
 * its signed addenda), in one file of notes. Drafts are not part of the record. A group note carries the shared block and this
 * client's own block only, never another member's. Private SUD counselling notes go only under a consent for them.
 */
import { listNoteRows } from '../../db/repositories/notes';
import { notesFromRows } from '../../notes/noteRecords';
import { renderNotesPdf } from '../../pdf/notePdf';
import { sessionMinutes, type Note, type NoteKind } from '../../../shared/domain/notes';
import { fhirId, instant, labelled, ref } from '../fhir';
import {
  counted,
  printedDisclosure,
  type ExportContext,
  type ExportPdf,
  type ExportSection,
  type FhirResource,
} from '../types';

/** The files of notes: private SUD counselling notes, which need a consent of their own, never share one. */
const NOTE_FILES: ReadonlyArray<{ file: string; title: string; kinds: readonly NoteKind[] }> = [
  { file: 'pdf/session-notes.pdf', title: 'Session notes', kinds: ['progress', 'group-member'] },
  { file: 'pdf/sud-counselling-notes.pdf', title: 'SUD counselling notes', kinds: ['sud-counselling'] },
];

function encounter(ctx: ExportContext, n: Note): FhirResource {
  const c = n.content;
  const minutes = sessionMinutes(c.startTime, c.endTime);
  const virtual = c.modality !== 'in-person';
  return labelled({
    resourceType: 'Encounter',
    id: fhirId('Encounter', n.id),
    status: 'finished',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: virtual ? 'VR' : 'AMB',
      display: virtual ? 'virtual' : 'ambulatory',
    },
    type: [{ text: `${c.sessionType} session (${c.modality})` }],
    subject: ref(ctx.refs.patient),
    episodeOfCare: [ref(ctx.refs.episode)],
    participant: n.signedByName ? [{ individual: { display: n.signedByName } }] : [],
    // Session times are kept as local wall-clock times without a zone: the date alone is exact.
    period: { start: c.sessionDate, end: c.sessionDate },
    ...(minutes === null
      ? {}
      : { length: { value: minutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' } }),
    serviceProvider: ref(ctx.refs.organization),
  });
}

export const notesSection: ExportSection = {
  id: 'notes',
  label: 'Session notes',
  async collect(ctx) {
    const kinds: NoteKind[] = ctx.includeCounsellingNotes
      ? ['progress', 'group-member', 'sud-counselling']
      : ['progress', 'group-member'];
    const notes = notesFromRows(ctx.db, ctx.client.id, listNoteRows(ctx.db, ctx.client.id, kinds))
      .filter((n) => n.signedAtMs !== null)
      .sort(
        (a, b) => a.content.sessionDate.localeCompare(b.content.sessionDate) || a.createdAtMs - b.createdAtMs,
      );
    const resources = notes.map((n) => encounter(ctx, n));
    const encounterOf = new Map(notes.map((n, i) => [n.id, resources[i]!.id]));
    // One file of notes per kind of consent they need, oldest first, each note from its own page and bookmarked:
    // a receiving clinician reads one document, and a long chart exports in seconds rather than minutes.
    const pdfs: ExportPdf[] = [];
    const files = new Map<string, { file: string; page: number }>();
    for (const group of NOTE_FILES) {
      const these = notes.filter((n) => group.kinds.includes(n.kind));
      if (these.length === 0) continue;
      const { bytes, firstPages } = await renderNotesPdf({
        clinic: ctx.clinic,
        client: ctx.client,
        title: group.title,
        notes: these.map((note) => ({
          note,
          goalTexts: new Map((note.signedGoals ?? []).map((g) => [g.id, g.text])),
        })),
        paper: ctx.paper,
        createdAt: new Date(ctx.nowMs),
        disclosure: printedDisclosure(ctx),
      });
      for (const n of these) files.set(n.id, { file: group.file, page: firstPages.get(n.id)! });
      const first = these[0]!.content.sessionDate;
      const last = these[these.length - 1]!.content.sessionDate;
      const addenda = these.reduce((sum, n) => sum + n.addenda.length, 0);
      pdfs.push({
        file: group.file,
        title: `${group.title}, ${first === last ? first : `${first} to ${last}`}`,
        description:
          `${group.title}: ${counted(these.length, 'signed note')}${addenda ? ` with ${counted(addenda, 'signed addendum', 'signed addenda')}` : ''}, ` +
          'oldest first, each from its own page and bookmarked (notes.csv gives the page of each).',
        encounterIds: these.map((n) => encounterOf.get(n.id)!),
        date: first,
        ...(last === first ? {} : { endDate: last }),
        bytes,
      });
    }
    const counselling = notes.filter((n) => n.kind === 'sud-counselling').length;
    return {
      resources,
      pdfs,
      tables: [
        {
          file: 'csv/notes.csv',
          description:
            'Signed session notes: one row per note with session details, who signed and when, the SHA-256 of the signed content, and the PDF and page it starts on.',
          columns: [
            'note_id',
            'kind',
            'session_date',
            'session_type',
            'start_time_local',
            'end_time_local',
            'modality',
            'format',
            'attendance',
            'signed_by',
            'signed_at_utc',
            'cosigned_by',
            'content_sha256',
            'pdf_file',
            'pdf_page',
          ],
          rows: notes.map((n) => [
            n.id,
            n.kind,
            n.content.sessionDate,
            n.content.sessionType,
            n.content.startTime,
            n.content.endTime,
            n.content.modality,
            n.content.format,
            n.attendance,
            n.signedByName,
            n.signedAtMs === null ? null : instant(n.signedAtMs),
            n.cosignedByName,
            n.contentHash,
            files.get(n.id)?.file ?? null,
            files.get(n.id)?.page ?? null,
          ]),
        },
        {
          file: 'csv/addenda.csv',
          description:
            'Signed addenda (corrections) to the notes above: one row each, with the SHA-256 of each.',
          columns: ['note_id', 'addendum_id', 'signed_by', 'signed_at_utc', 'text', 'content_sha256'],
          rows: notes.flatMap((n) =>
            n.addenda.map((a) => [n.id, a.id, a.signedByName, instant(a.signedAtMs), a.text, a.contentHash]),
          ),
        },
      ],
      summary:
        counted(notes.length, 'signed session note') +
        (counselling ? ` (${counted(counselling, 'SUD counselling note')}, under a consent for them)` : ''),
    };
  },
};
