/** Words for note values, in one place so the list, the editor, the signed view and the group screens agree. */
import type { Note, NoteContent, NoteFormat } from '../../../../shared/domain/notes';
import type { GroupSession } from '../../../../shared/ipc/channels/sessions';
import type { Option } from '../../components/controls';
import { isCalendarDate } from '../../../../shared/domain/common';
import { formatDate } from '../chart/dates';

type Attendance = NonNullable<Note['attendance']>;
type SessionType = NoteContent['sessionType'];
type Modality = NoteContent['modality'];
type Suicidal = NoteContent['risk']['suicidalIdeation'];
type Homicidal = NoteContent['risk']['homicidalIdeation'];

export const FORMAT_LABELS: Record<NoteFormat, string> = {
  soap: 'SOAP',
  dap: 'DAP',
  birp: 'BIRP',
  free: 'Free text',
  group: 'Group',
};

/** Formats a clinician chooses for a new note ('group' notes come from a group session). */
export const NEW_NOTE_FORMATS: readonly Option<Exclude<NoteFormat, 'group'>>[] = [
  { value: 'soap', label: 'SOAP' },
  { value: 'dap', label: 'DAP' },
  { value: 'birp', label: 'BIRP' },
  { value: 'free', label: 'Free text' },
];

export const SESSION_TYPE_LABELS: Record<SessionType, string> = {
  intake: 'Intake',
  individual: 'Individual',
  family: 'Family',
  group: 'Group',
  crisis: 'Crisis',
};

export const MODALITY_LABELS: Record<Modality, string> = {
  'in-person': 'In person',
  video: 'Video',
  telephone: 'Telephone',
};

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Present',
  late: 'Late',
  'left-early': 'Left early',
  absent: 'Absent',
  excused: 'Excused',
};

export const SUICIDAL_LABELS: Record<Suicidal, string> = {
  denied: 'Denied',
  passive: 'Passive',
  active: 'Active',
  'not-assessed': 'Not assessed',
};

export const HOMICIDAL_LABELS: Record<Homicidal, string> = {
  denied: 'Denied',
  present: 'Present',
  'not-assessed': 'Not assessed',
};

export const options = <T extends string>(labels: Record<T, string>): Option<T>[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

/** "Signed", "Co-signed" or "Draft": where a note stands. */
export function noteState(note: Pick<Note, 'signedAtMs' | 'cosignedAtMs'>): 'Draft' | 'Signed' | 'Co-signed' {
  if (note.cosignedAtMs !== null) return 'Co-signed';
  return note.signedAtMs !== null ? 'Signed' : 'Draft';
}

/** "Individual session", or "Group: Tuesday skills group" for a group attendee note. */
export function noteTitle(note: Pick<Note, 'content' | 'group'>): string {
  if (note.group) return `Group: ${note.group.groupName}`;
  return `${SESSION_TYPE_LABELS[note.content.sessionType]} session`;
}

export function memberNoteState(member: GroupSession['members'][number]): string {
  return member.signed ? 'Signed' : 'Draft';
}

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'UTC' });

/** 'HH:MM' → "5:00 PM" (or "17:00"), as the clinician's locale writes a time of day; anything else as it is. */
export function formatClock(time: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m ? clock.format(Date.UTC(1970, 0, 1, Number(m[1]), Number(m[2]))) : time;
}

/** A note's session date for reading; a draft's may still be half-typed, and is then said so. */
export function noteDateText(date: string): string {
  return isCalendarDate(date) ? formatDate(date) : 'date not set';
}

/** "5:00 PM – 6:30 PM". */
export const formatClockRange = (start: string, end: string): string =>
  `${formatClock(start)} – ${formatClock(end)}`;
