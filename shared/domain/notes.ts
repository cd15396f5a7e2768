/**
 * Session notes (CLINICAL.md §5). Formats SOAP, DAP, BIRP or free text; a draft autosaves and is never lost; a
 * signed note is a legal record that cannot change (database triggers), carries a SHA-256 of its signed content,
 * and is corrected only by signed addenda. SUD counselling notes are a separate, private kind (§6).
 *
 * Policy: a draft holds whatever the clinician has typed so far (only types and lengths are checked), so an
 * autosave is never refused for a half-typed time. The rules across fields (a real date, times that make a
 * session, a completed risk review) are checked when the note is signed: `signingProblems`, shared by main and
 * the editor so the clinician sees each problem next to its field.
 */
import { z } from 'zod';
import { isCalendarDate, optionalText } from './common';

/** 'group' is the per-attendee block of a group note; the others are chosen for individual notes. */
export const NOTE_FORMATS = ['soap', 'dap', 'birp', 'free', 'group'] as const;
export const NoteFormatSchema = z.enum(NOTE_FORMATS);
export type NoteFormat = z.infer<typeof NoteFormatSchema>;

/** The sections of each format, in order, with our own labels. */
export const FORMAT_SECTIONS: Record<NoteFormat, ReadonlyArray<{ id: string; label: string }>> = {
  soap: [
    { id: 'subjective', label: 'Subjective' },
    { id: 'objective', label: 'Objective' },
    { id: 'assessment', label: 'Assessment' },
    { id: 'plan', label: 'Plan' },
  ],
  dap: [
    { id: 'data', label: 'Data' },
    { id: 'assessment', label: 'Assessment' },
    { id: 'plan', label: 'Plan' },
  ],
  birp: [
    { id: 'behaviour', label: 'Behaviour' },
    { id: 'intervention', label: 'Intervention' },
    { id: 'response', label: 'Response' },
    { id: 'plan', label: 'Plan' },
  ],
  free: [{ id: 'text', label: 'Note' }],
  group: [
    { id: 'participation', label: 'Participation' },
    { id: 'progress', label: 'Progress toward own goals' },
    { id: 'plan', label: 'Plan' },
  ],
};

export const SESSION_TYPES = ['intake', 'individual', 'family', 'group', 'crisis'] as const;
export const SessionTypeSchema = z.enum(SESSION_TYPES);
export const MODALITIES = ['in-person', 'video', 'telephone'] as const;
export const ModalitySchema = z.enum(MODALITIES);
export const INTERVENTIONS = [
  'mi',
  'cbt',
  'dbt-skills',
  'trauma-informed',
  'psychoeducation',
  'relapse-prevention',
  'other',
] as const;
export const InterventionSchema = z.enum(INTERVENTIONS);
export const INTERVENTION_LABELS: Record<(typeof INTERVENTIONS)[number], string> = {
  mi: 'Motivational interviewing',
  cbt: 'CBT',
  'dbt-skills': 'DBT skills',
  'trauma-informed': 'Trauma-informed',
  psychoeducation: 'Psychoeducation',
  'relapse-prevention': 'Relapse prevention',
  other: 'Other',
};

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** What a date or time field holds while it is being typed: possibly empty or partial. */
const draftText = (label: string, max: number) => z.string().max(max, `${label} is too long.`);

export const RiskReviewNoteSchema = z.object({
  suicidalIdeation: z.enum(['denied', 'passive', 'active', 'not-assessed']),
  homicidalIdeation: z.enum(['denied', 'present', 'not-assessed']),
  redFlagsObserved: z.boolean(),
  note: optionalText('Risk note', 2000),
});

export const NoteContentSchema = z.object({
  format: NoteFormatSchema,
  sessionType: SessionTypeSchema,
  sessionDate: draftText('Session date', 10),
  startTime: draftText('Start time', 5),
  endTime: draftText('End time', 5),
  modality: ModalitySchema,
  interventions: z.array(InterventionSchema).max(INTERVENTIONS.length),
  interventionsOther: optionalText('Other intervention', 200),
  risk: RiskReviewNoteSchema,
  goalsAddressed: z.array(z.string().max(64)).max(50),
  /** Section id → text, per FORMAT_SECTIONS of the format. */
  sections: z.record(
    z.string().max(40),
    z.string().max(100_000, 'A section must be at most 100,000 characters.'),
  ),
  nextAppointment: optionalText('Next appointment', 200),
});
export type NoteContent = z.infer<typeof NoteContentSchema>;

export const NOTE_KINDS = ['progress', 'group-member', 'sud-counselling'] as const;
export const NoteKindSchema = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKindSchema>;

export const AddendumSchema = z.object({
  id: z.string(),
  text: z.string(),
  signedAtMs: z.number().int(),
  signedByName: z.string().nullable(),
  contentHash: z.string(),
});

/** The shared block of a group note as shown; for a signed note, as it was when the note was signed. */
export const GroupBlockSchema = z.object({
  groupSessionId: z.string(),
  groupName: z.string(),
  topic: z.string(),
  /** What the group covered; absent from snapshots signed before it existed (migration 0200). */
  covered: z.string().default(''),
  sessionDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  modality: ModalitySchema,
  interventions: z.array(InterventionSchema),
  facilitatorNames: z.array(z.string()),
  numberPresent: z.number().int(),
});
export type GroupBlock = z.infer<typeof GroupBlockSchema>;

/** A treatment-plan goal's wording as the note's author saw it when signing. */
export const GoalWordingSchema = z.object({ id: z.string(), text: z.string() });
export type GoalWording = z.infer<typeof GoalWordingSchema>;

/**
 * What a signature freezes besides the note's own content: the group's shared block and the wording of the goals
 * addressed. Both live elsewhere (group_sessions, plan versions, user names) and could change later.
 */
export const SignedSnapshotSchema = z.object({
  group: GroupBlockSchema.nullable(),
  goals: z.array(GoalWordingSchema),
});
export type SignedSnapshot = z.infer<typeof SignedSnapshotSchema>;

export const NoteSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  kind: NoteKindSchema,
  content: NoteContentSchema,
  /** Group notes: the shared block (never other members' names). */
  group: GroupBlockSchema.nullable(),
  attendance: z.enum(['present', 'late', 'left-early', 'absent', 'excused']).nullable(),
  authorName: z.string().nullable(),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
  signedAtMs: z.number().int().nullable(),
  signedById: z.string().nullable(),
  signedByName: z.string().nullable(),
  contentHash: z.string().nullable(),
  cosignedAtMs: z.number().int().nullable(),
  cosignedByName: z.string().nullable(),
  addenda: z.array(AddendumSchema),
  /** The addressed goals' wording as signed; null for a draft (which shows the plan as it is now). */
  signedGoals: z.array(GoalWordingSchema).nullable(),
});
export type Note = z.infer<typeof NoteSchema>;

export const AddendumInputSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Write the addendum.')
    .max(20_000, 'An addendum must be at most 20,000 characters.'),
});

/** An empty draft of a given format, for a new note. */
export function emptyNoteContent(format: NoteFormat, sessionDate: string): NoteContent {
  return {
    format,
    sessionType: 'individual',
    sessionDate,
    startTime: '09:00',
    endTime: '09:50',
    modality: 'in-person',
    interventions: [],
    interventionsOther: '',
    risk: {
      suicidalIdeation: 'not-assessed',
      homicidalIdeation: 'not-assessed',
      redFlagsObserved: false,
      note: '',
    },
    goalsAddressed: [],
    sections: Object.fromEntries(FORMAT_SECTIONS[format].map((s) => [s.id, ''])),
    nextAppointment: '',
  };
}

/** The longest session a note can record; longer means the times were mistyped. */
export const MAX_SESSION_MINUTES = 12 * 60;

const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * Minutes from start to end. An end earlier than the start is read as the next day (a crisis session from 23:30
 * to 00:15 lasts 45 minutes). Null when either time is not a whole HH:MM.
 */
export function sessionMinutes(startTime: string, endTime: string): number | null {
  if (!CLOCK_TIME.test(startTime) || !CLOCK_TIME.test(endTime)) return null;
  const minutes = minutesOf(endTime) - minutesOf(startTime);
  return minutes <= 0 ? minutes + 24 * 60 : minutes;
}

export interface FieldProblem {
  /** The input path, as in an error's `fields` (`content.endTime`). */
  path: string;
  message: string;
}

/**
 * What must be right before a note can be signed, each problem on its field. Empty when it can be signed. Given the
 * time now, also that the session has ended.
 */
export function signingProblems(content: NoteContent, nowMs: number | null = null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path: `content.${path}`, message });
  if (!isCalendarDate(content.sessionDate)) add('sessionDate', 'Enter the session date.');
  if (!CLOCK_TIME.test(content.startTime)) add('startTime', 'Enter the start time (HH:MM).');
  if (!CLOCK_TIME.test(content.endTime)) add('endTime', 'Enter the end time (HH:MM).');
  if (content.startTime === content.endTime && CLOCK_TIME.test(content.endTime)) {
    add('endTime', 'The end time must be after the start time.');
  } else {
    const minutes = sessionMinutes(content.startTime, content.endTime);
    if (minutes !== null && minutes > MAX_SESSION_MINUTES) {
      add('endTime', 'A session lasts at most 12 hours. Check the start and end times.');
    }
  }
  if (content.risk.suicidalIdeation === 'not-assessed') {
    add('risk.suicidalIdeation', 'Complete the risk review before signing: record suicidal ideation.');
  }
  if (content.risk.homicidalIdeation === 'not-assessed') {
    add('risk.homicidalIdeation', 'Complete the risk review before signing: record homicidal ideation.');
  }
  const notEnded = nowMs === null ? null : sessionNotEndedProblem(content, nowMs);
  if (notEnded && !problems.some((p) => p.path === notEnded.path)) problems.push(notEnded);
  return problems;
}

/** A risk finding a note can record, each raising its own alert (CLINICAL.md §4). */
export const NOTE_RISK_FINDINGS = ['suicidal-ideation', 'homicidal-ideation', 'red-flags'] as const;
export type NoteRiskFinding = (typeof NOTE_RISK_FINDINGS)[number];

const SUICIDAL_WORDS: Record<NoteContent['risk']['suicidalIdeation'], string> = {
  denied: 'Denied',
  passive: 'Passive thoughts',
  active: 'Active thoughts',
  'not-assessed': 'Not assessed',
};
const HOMICIDAL_WORDS: Record<NoteContent['risk']['homicidalIdeation'], string> = {
  denied: 'Denied',
  present: 'Present',
  'not-assessed': 'Not assessed',
};
/** The risk review's answers in words, as the editor shows them and a printed note prints them. */
export const RISK_WORDS = { suicidal: SUICIDAL_WORDS, homicidal: HOMICIDAL_WORDS } as const;

/**
 * Risk recorded in a note that needs an alert (CLINICAL.md §4), one entry per finding, in a fixed order. A draft
 * raises them when it is saved and a signature when it is signed; each note raises each finding once.
 */
export function noteRiskFindings(
  risk: NoteContent['risk'],
): Array<{ finding: NoteRiskFinding; suicidal: boolean; detail: string }> {
  const found: Array<{ finding: NoteRiskFinding; suicidal: boolean; detail: string }> = [];
  if (risk.suicidalIdeation === 'passive' || risk.suicidalIdeation === 'active') {
    found.push({
      finding: 'suicidal-ideation',
      suicidal: true,
      detail: `Session note: suicidal ideation (${SUICIDAL_WORDS[risk.suicidalIdeation].toLowerCase()})`,
    });
  }
  if (risk.homicidalIdeation === 'present') {
    found.push({
      finding: 'homicidal-ideation',
      suicidal: false,
      detail: 'Session note: homicidal ideation',
    });
  }
  if (risk.redFlagsObserved) {
    found.push({ finding: 'red-flags', suicidal: false, detail: 'Session note: red flags observed' });
  }
  return found;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The times a new note starts with: the session's usual length (50 minutes for one client, 90 for a group) ending
 * now, rounded down to 5 minutes, on the day it started. A note is written during or just after its session, so
 * "now" is the best guess, never a fixed 09:00 or 17:00.
 */
export function defaultSessionTimes(
  nowMs: number,
  minutes = 50,
): Pick<NoteContent, 'sessionDate' | 'startTime' | 'endTime'> {
  const end = new Date(nowMs);
  end.setMinutes(end.getMinutes() - (end.getMinutes() % 5), 0, 0);
  const start = new Date(end.getTime() - minutes * 60_000);
  return {
    sessionDate: `${start.getFullYear()}-${pad2(start.getMonth() + 1)}-${pad2(start.getDate())}`,
    startTime: `${pad2(start.getHours())}:${pad2(start.getMinutes())}`,
    endTime: `${pad2(end.getHours())}:${pad2(end.getMinutes())}`,
  };
}

/**
 * When the session ends, as local 'YYYY-MM-DDTHH:MM' (an end before the start is the next day), or null while the
 * date or times are incomplete.
 */
export function sessionEndLocal(
  c: Pick<NoteContent, 'sessionDate' | 'startTime' | 'endTime'>,
): string | null {
  if (!isCalendarDate(c.sessionDate) || !CLOCK_TIME.test(c.startTime) || !CLOCK_TIME.test(c.endTime))
    return null;
  if (minutesOf(c.endTime) > minutesOf(c.startTime)) return `${c.sessionDate}T${c.endTime}`;
  const [y, m, d] = c.sessionDate.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.getUTCFullYear()}-${pad2(next.getUTCMonth() + 1)}-${pad2(next.getUTCDate())}T${c.endTime}`;
}

/** This computer's local time as 'YYYY-MM-DDTHH:MM'. */
export function localMinute(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * Policy (CLINICAL.md §5: a note documents a session that took place): a note cannot be signed before its session
 * has ended. Null when it has ended (or its times are not complete: signingProblems names those).
 */
export function sessionNotEndedProblem(content: NoteContent, nowMs: number): FieldProblem | null {
  const end = sessionEndLocal(content);
  if (end === null || end <= localMinute(nowMs)) return null;
  return {
    path: 'content.endTime',
    message: `The session has not ended yet (it ends at ${content.endTime}${end.slice(0, 10) !== content.sessionDate ? ' the next day' : ''}). Sign the note once it has ended.`,
  };
}
