/**
 * Signed session notes (CLINICAL.md §5, §6). Each is an Encounter and a PDF from the same renderer as a printed note
 * (with its signed addenda). Drafts are not part of the record. A group note carries the shared block and this
 * client's own block only, never another member's. Private SUD counselling notes go only under a consent for them.
 */
import { listNoteRows } from '../../db/repositories/notes';
import { notesFromRows } from '../../notes/noteRecords';
import { renderNotePdf } from '../../pdf/notePdf';
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

const TITLES: Record<NoteKind, string> = {
  progress: 'Progress note',
  'group-member': 'Group session note',
  'sud-counselling': 'SUD counselling note',
};

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
    const pdfs: ExportPdf[] = [];
    const resources: FhirResource[] = [];
    const files = new Map<string, string>();
    for (const n of notes) {
      const file = `pdf/${n.kind}-${n.content.sessionDate}-${n.id.slice(0, 8)}.pdf`.replace(
        /[^A-Za-z0-9./_-]/g,
        '-',
      );
      files.set(n.id, file);
      const enc = encounter(ctx, n);
      resources.push(enc);
      pdfs.push({
        file,
        title: `${TITLES[n.kind]}, session ${n.content.sessionDate}`,
        description: `${TITLES[n.kind]} of the session on ${n.content.sessionDate}, signed${n.addenda.length ? `, with ${n.addenda.length} signed addenda` : ''}.`,
        encounterId: enc.id,
        date: n.content.sessionDate,
        bytes: await renderNotePdf({
          clinic: ctx.clinic,
          client: ctx.client,
          note: n,
          goalTexts: new Map((n.signedGoals ?? []).map((g) => [g.id, g.text])),
          paper: ctx.paper,
          createdAt: new Date(ctx.nowMs),
          disclosure: printedDisclosure(ctx),
        }),
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
            'Signed session notes: one row per note with session details, who signed and when, the SHA-256 of the signed content, and its PDF.',
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
            files.get(n.id) ?? null,
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
