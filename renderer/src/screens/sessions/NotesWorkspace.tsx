/**
 * A client's notes of one kind (the record's progress and group notes, or the private SUD counselling notes): the
 * list, a new note in a chosen format, and the open note — the editor while it is a draft, read-only once signed.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { User } from '../../../../shared/domain/identity';
import {
  defaultSessionTimes,
  emptyNoteContent,
  type Note,
  type NoteFormat,
} from '../../../../shared/domain/notes';
import { planGoals, type TreatmentPlan } from '../../../../shared/domain/treatmentPlans';
import { call } from '../../api/client';
import { SelectField } from '../../components/controls';
import { todayLocal } from '../chart/dates';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { FORMAT_LABELS, NEW_NOTE_FORMATS, noteDateText, noteTitle } from './noteLabels';
import { NoteView } from './NoteView';
import './sessions.css';

type NewFormat = Exclude<NoteFormat, 'group'>;
/** The open note; `key` stays the same when a new note gets its id, so the editor is not remounted. */
type Open = {
  key: string;
  id: string | null;
  format: NewFormat;
  /** A new note's session: the 50 minutes ending when it was started, never a fixed 09:00. */
  times?: ReturnType<typeof defaultSessionTimes>;
};

let editorCount = 0;

export function NotesWorkspace({
  clientId,
  kind,
  heading,
  intro,
  openNoteId,
  active,
  onSigned,
}: {
  clientId: string;
  kind: 'record' | 'sud-counselling';
  heading: string;
  intro?: ReactNode;
  /** A note to open when the chart is opened on it (a search result, a group member's link). */
  openNoteId: string | null;
  active: boolean;
  onSigned: () => void;
}) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [plans, setPlans] = useState<TreatmentPlan[]>([]);
  const [user, setUser] = useState<User | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [format, setFormat] = useState<NewFormat>('soap');
  const heading2 = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  /** The open editor's way out: leaving waits for its text to be saved, and stays if it cannot be. */
  const editorLeave = useRef<((proceed: () => void) => Promise<boolean>) | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('notes.list', { clientId, kind }),
      call('plans.get', { clientId }),
      call('app.status', {}),
    ]).then(([list, plan, status]) => {
      if (!live) return;
      if (!list.ok) return setLoadError(list.error.message);
      setNotes(list.value);
      if (plan.ok) setPlans(plan.value.versions);
      if (status.ok) setUser(status.value.user);
    });
    return () => {
      live = false;
    };
  }, [clientId, kind]);

  useEffect(() => {
    if (openNoteId !== null) setOpen({ key: openNoteId, id: openNoteId, format: 'soap' });
  }, [openNoteId]);

  useEffect(() => {
    if (moved.current) heading2.current?.focus();
    moved.current = false;
  }, [open?.key]);

  if (loadError) {
    return (
      <div className="banner banner--error" role="alert">
        {loadError}
      </div>
    );
  }
  if (!notes) return <div aria-busy="true" />;

  const current = plans[0] ?? null;
  const goals = current ? planGoals(current.plan) : [];
  // Goal names from every version, newest last: a draft's links read well even to an older plan's goals. A signed
  // note reads its goals as they were worded when it was signed (note.signedGoals) and uses this only if older.
  const goalTexts = new Map(
    [...plans].reverse().flatMap((v) => planGoals(v.plan).map((g) => [g.id, g.text] as const)),
  );
  const upsert = (note: Note) =>
    setNotes((list) => (list ? [note, ...list.filter((n) => n.id !== note.id)] : [note]));
  const go = (next: Open | null) => {
    moved.current = true;
    setOpen(next);
  };

  const note = open?.id ? (notes.find((n) => n.id === open.id) ?? null) : null;
  if (open) {
    const missing = open.id !== null && note === null;
    const title = note
      ? `${noteTitle(note)}, ${noteDateText(note.content.sessionDate)}`
      : `New ${FORMAT_LABELS[open.format]} note`;
    return (
      <div className="notes">
        <div className="notes__head">
          <button
            type="button"
            className="link"
            onClick={() => {
              const leave = editorLeave.current;
              if (leave) void leave(() => go(null));
              else go(null);
            }}
          >
            ← All {heading.toLowerCase()}
          </button>
        </div>
        {intro}
        <h2 ref={heading2} tabIndex={-1}>
          {title}
        </h2>
        {missing ? (
          <p className="banner banner--error" role="alert">
            That note is not among this client&apos;s {heading.toLowerCase()}.
          </p>
        ) : note && note.signedAtMs !== null ? (
          <NoteView note={note} user={user} goalTexts={goalTexts} active={active} onChanged={upsert} />
        ) : (
          <NoteEditor
            key={open.key}
            clientId={clientId}
            kind={kind === 'record' ? 'progress' : 'sud-counselling'}
            note={note}
            initial={{ ...emptyNoteContent(open.format, todayLocal()), ...open.times }}
            goals={goals}
            active={active}
            leaveRef={editorLeave}
            onSaved={(n) => {
              upsert(n);
              setOpen((o) => (o && o.key === open.key ? { ...o, id: n.id } : o));
            }}
            onSigned={(n) => {
              upsert(n);
              onSigned();
              // The editor (and the focus in it) is replaced by the signed note: start again from its title.
              requestAnimationFrame(() => heading2.current?.focus());
            }}
            onDiscarded={() => {
              setNotes((list) => list?.filter((n) => n.id !== open.id) ?? list);
              go(null);
            }}
          />
        )}
      </div>
    );
  }

  return (
    <div className="notes">
      <div className="notes__head">
        <h2 ref={heading2} tabIndex={-1}>
          {heading}
        </h2>
        <form
          className="new-note"
          aria-label="Start a new note"
          onSubmit={(e) => {
            e.preventDefault();
            editorCount += 1;
            go({ key: `new-${editorCount}`, id: null, format, times: defaultSessionTimes(Date.now()) });
          }}
        >
          <SelectField label="Format" value={format} options={NEW_NOTE_FORMATS} onChange={setFormat} />
          <button type="submit" className="primary">
            New note
          </button>
        </form>
      </div>
      {intro}
      <NoteList
        notes={notes}
        emptyText={kind === 'record' ? 'No notes for this client yet.' : 'No private notes for this client.'}
        onOpen={(id) => go({ key: id, id, format: 'soap' })}
      />
    </div>
  );
}
