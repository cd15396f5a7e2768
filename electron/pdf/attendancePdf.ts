/**
 * The attendance sheet of one group session: the group's own record, listing every member. Not part of any chart.
 * Policy (issue 8 item 7; CLINICAL.md §5: a client's note never names other members): it is an internal document,
 * marked so on every page, printed only for the clinic's own record (the purpose is printed on it and audited) and
 * never as a disclosure, so it carries no disclosure notice, only the statement on every page.
 */
import type { ClinicProfile } from '../../shared/domain/identity';
import type { GroupSession } from '../../shared/ipc/contract';
import type { ATTENDANCE_PRINT_PURPOSES } from '../../shared/ipc/channels/sessions';
import { createDocument, fields, finish, heading, paragraph } from './document';

const ATTENDANCE_LABELS: Record<string, string> = {
  present: 'Present',
  late: 'Late',
  'left-early': 'Left early',
  absent: 'Absent',
  excused: 'Excused',
};

const MODALITY_WORDS: Record<string, string> = {
  'in-person': 'In person',
  video: 'Video',
  telephone: 'Telephone',
};

export const ATTENDANCE_PURPOSE_WORDS: Record<(typeof ATTENDANCE_PRINT_PURPOSES)[number], string> = {
  'group-record': "For the group's record",
  supervision: 'For clinical supervision',
};

export const INTERNAL_MARK = 'INTERNAL DOCUMENT — names every group member — not for disclosure';

export function renderAttendancePdf(input: {
  clinic: ClinicProfile;
  session: GroupSession;
  paper: 'letter' | 'a4';
  purpose: (typeof ATTENDANCE_PRINT_PURPOSES)[number];
  createdAt: Date;
}): Promise<Buffer> {
  const { session } = input;
  const g = session.group;
  const doc = createDocument({
    clinic: input.clinic,
    title: 'Group attendance sheet (internal)',
    subject: `${g.groupName} — ${g.sessionDate} ${g.startTime}–${g.endTime}`,
    paper: input.paper,
    createdAt: input.createdAt,
    everyPageMark: INTERNAL_MARK,
  });
  fields(doc, [
    ['Printed', ATTENDANCE_PURPOSE_WORDS[input.purpose]],
    ['Topic', g.topic],
    ['What the group covered', g.covered],
    ['Facilitators', session.facilitatorNames.join(', ')],
    ['Modality', MODALITY_WORDS[g.modality] ?? g.modality],
    ['Number present', String(session.numberPresent)],
  ]);
  heading(doc, 'Members');
  for (const m of session.members) {
    doc
      .text(`${m.clientName}`, { continued: true })
      .text(`    ${ATTENDANCE_LABELS[m.attendance ?? ''] ?? 'Not recorded'}`);
  }
  doc.moveDown(1);
  paragraph(
    doc,
    "This sheet is the clinic's internal record of the group and names every member. It is never disclosed: what " +
      "may leave the clinic about one client is that client's own group note, which names no other member.",
  );
  return finish(doc);
}
