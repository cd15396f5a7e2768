/** The attendance sheet of one group session: the group's own record, listing every member. Not part of any chart. */
import type { ClinicProfile } from '../../shared/domain/identity';
import type { GroupSession } from '../../shared/ipc/contract';
import { createDocument, fields, finish, heading, part2Notice } from '../documents/layout';

const ATTENDANCE_LABELS: Record<string, string> = {
  present: 'Present',
  late: 'Late',
  'left-early': 'Left early',
  absent: 'Absent',
  excused: 'Excused',
};

export function renderAttendancePdf(input: {
  clinic: ClinicProfile;
  session: GroupSession;
  paper: 'letter' | 'a4';
  createdAt: Date;
}): Promise<Buffer> {
  const { session } = input;
  const g = session.group;
  const doc = createDocument({
    clinic: input.clinic,
    title: 'Group attendance sheet',
    subject: `${g.groupName} — ${g.sessionDate} ${g.startTime}–${g.endTime}`,
    paper: input.paper,
    createdAt: input.createdAt,
  });
  fields(doc, [
    ['Topic', g.topic],
    ['Facilitators', session.facilitatorNames.join(', ')],
    ['Modality', g.modality],
    ['Number present', String(session.numberPresent)],
  ]);
  heading(doc, 'Members');
  for (const m of session.members) {
    doc
      .text(`${m.clientName}`, { continued: true })
      .text(`    ${ATTENDANCE_LABELS[m.attendance ?? ''] ?? 'Not recorded'}`);
  }
  part2Notice(doc);
  return finish(doc);
}
