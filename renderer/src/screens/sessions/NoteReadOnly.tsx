/** A note as read, not edited: the group's shared block, and the content of a signed note. */
import type { ReactNode } from 'react';
import {
  FORMAT_SECTIONS,
  INTERVENTION_LABELS,
  type Note,
  type NoteContent,
} from '../../../../shared/domain/notes';
import {
  ATTENDANCE_LABELS,
  formatClockRange,
  HOMICIDAL_LABELS,
  MODALITY_LABELS,
  noteDateText,
  SESSION_TYPE_LABELS,
  SUICIDAL_LABELS,
} from './noteLabels';

/**
 * The shared block of a group note: what every attendee's note says about the group. No other member's name.
 * For a signed note this is the block as signed (main sends the snapshot), not the group session as it is now.
 */
export function GroupBlock({ group }: { group: NonNullable<Note['group']> }) {
  return (
    <section className="group-block" aria-label="Group session">
      <dl className="facts">
        <Fact term="Group">{group.groupName}</Fact>
        <Fact term="Topic">{group.topic}</Fact>
        <Fact term="Date">{noteDateText(group.sessionDate)}</Fact>
        <Fact term="Time">{formatClockRange(group.startTime, group.endTime)}</Fact>
        <Fact term="Modality">{MODALITY_LABELS[group.modality]}</Fact>
        <Fact term="Interventions">
          {interventionsText({ interventions: group.interventions, interventionsOther: '' })}
        </Fact>
        <Fact term="Facilitators">{group.facilitatorNames.join(', ') || '—'}</Fact>
        <Fact term="Present">{group.numberPresent}</Fact>
      </dl>
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function interventionsText(
  content: Pick<NoteContent, 'interventions' | 'interventionsOther'>,
): string {
  const list = content.interventions.map((i) =>
    i === 'other' && content.interventionsOther
      ? `Other: ${content.interventionsOther}`
      : INTERVENTION_LABELS[i],
  );
  return list.length > 0 ? list.join(', ') : 'None recorded';
}

/**
 * Everything a signed note says, in the order of the editor. Goals read as they were worded when it was signed;
 * `goalTexts` (the plan now) only serves notes signed before that wording was kept.
 */
export function NoteBody({ note, goalTexts }: { note: Note; goalTexts: ReadonlyMap<string, string> }) {
  const c = note.content;
  const wording = note.signedGoals ? new Map(note.signedGoals.map((g) => [g.id, g.text])) : goalTexts;
  const goals = c.goalsAddressed.map((id) => wording.get(id) ?? 'A goal no longer in the plan');
  return (
    <div className="note-body">
      {note.group ? (
        <GroupBlock group={note.group} />
      ) : (
        <dl className="facts">
          <Fact term="Session">{SESSION_TYPE_LABELS[c.sessionType]}</Fact>
          <Fact term="Date">{noteDateText(c.sessionDate)}</Fact>
          <Fact term="Time">{formatClockRange(c.startTime, c.endTime)}</Fact>
          <Fact term="Modality">{MODALITY_LABELS[c.modality]}</Fact>
        </dl>
      )}
      <dl className="facts facts--stacked">
        {note.attendance && <Fact term="Attendance">{ATTENDANCE_LABELS[note.attendance]}</Fact>}
        <Fact term="Interventions">{interventionsText(c)}</Fact>
        <Fact term="Risk review">
          Suicidal ideation: {SUICIDAL_LABELS[c.risk.suicidalIdeation]}; homicidal ideation:{' '}
          {HOMICIDAL_LABELS[c.risk.homicidalIdeation]}; red flags{' '}
          {c.risk.redFlagsObserved ? 'observed' : 'not observed'}
          {c.risk.note ? `. ${c.risk.note}` : '.'}
        </Fact>
        <Fact term="Plan goals addressed">{goals.length > 0 ? goals.join('; ') : 'None linked'}</Fact>
      </dl>
      {FORMAT_SECTIONS[c.format].map((s) => (
        <section key={s.id} className="note-section" aria-label={s.label}>
          <h4>{s.label}</h4>
          <p className="note-text">{c.sections[s.id] || <span className="muted">Nothing written.</span>}</p>
        </section>
      ))}
      {c.nextAppointment && (
        <p>
          <strong>Next appointment:</strong> {c.nextAppointment}
        </p>
      )}
    </div>
  );
}
