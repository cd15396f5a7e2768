/**
 * The note editor (CLINICAL.md §5): session details, interventions, the format's sections, risk review, plan goals
 * and next appointment. It autosaves (useDraftAutosave) and signs with the passphrase after a last flush, so what
 * is signed is exactly what is on screen.
 */
import { useRef, useState } from 'react';
import { FORMAT_SECTIONS, type Note, type NoteContent } from '../../../../shared/domain/notes';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { SelectField, TextArea } from '../../components/controls';
import { formatTime } from '../chart/dates';
import type { AutosaveStatus, Persist } from './autosave';
import { ATTENDANCE_LABELS, FORMAT_LABELS, options } from './noteLabels';
import { GoalsAddressed, Interventions, RiskReview, SessionDetails, type PlanGoal } from './NoteFields';
import { GroupBlock } from './NoteReadOnly';
import { PassphraseForm } from './PassphraseForms';
import { useDraftAutosave } from './useDraftAutosave';

type Attendance = Note['attendance'];
interface DraftValue {
  content: NoteContent;
  attendance: Attendance;
}

export function NoteEditor({
  clientId,
  kind,
  note,
  initial,
  goals,
  active,
  onSaved,
  onSigned,
  onDiscarded,
}: {
  clientId: string;
  /** The kind a new note is created as; an existing draft keeps its own. */
  kind: 'progress' | 'sud-counselling';
  note: Note | null;
  initial: NoteContent;
  goals: readonly PlanGoal[];
  active: boolean;
  onSaved: (note: Note) => void;
  onSigned: (note: Note) => void;
  onDiscarded: () => void;
}) {
  const [value, setValue] = useState<DraftValue>(() => ({
    content: note?.content ?? initial,
    attendance: note?.attendance ?? null,
  }));
  const [group] = useState(note?.group ?? null);
  const [signing, setSigning] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);
  const signButton = useRef<HTMLButtonElement>(null);

  const persist: Persist<DraftValue> = async (v, base, { urgent }) => {
    const options = { keepalive: urgent };
    const result =
      base === null
        ? await call('notes.create', { clientId, kind, content: v.content }, options)
        : await call(
            'notes.saveDraft',
            {
              id: base.id,
              content: v.content,
              attendance: v.attendance,
              expectedUpdatedAtMs: base.updatedAtMs,
            },
            options,
          );
    if (!result.ok) return { ok: false, error: result.error };
    onSaved(result.value);
    return { ok: true, base: { id: result.value.id, updatedAtMs: result.value.updatedAtMs } };
  };
  const autosave = useDraftAutosave<DraftValue>({
    base: note ? { id: note.id, updatedAtMs: note.updatedAtMs } : null,
    persist,
    active,
  });

  const change = (next: DraftValue) => {
    setValue(next);
    autosave.edit(next);
  };
  const set = (patch: Partial<NoteContent>) => change({ ...value, content: { ...value.content, ...patch } });
  const error = autosave.status.state === 'failed' ? autosave.status.error : null;
  const err = (path: string) => fieldMessage(error, `content.${path}`);
  const c = value.content;

  async function sign(passphrase: string): Promise<AppErrorShape | null> {
    const saved = await autosave.flush();
    const base = autosave.current();
    if (!saved || !base) {
      return {
        code: 'INVALID_INPUT',
        message: base
          ? 'The latest changes are not saved yet; see the status above the Sign button.'
          : 'Write the note before signing it.',
        fields: [],
        retryAfterMs: null,
      };
    }
    const result = await call('notes.sign', { id: base.id, passphrase });
    if (!result.ok) return result.error;
    onSigned(result.value);
    return null;
  }

  async function discard() {
    const base = autosave.current();
    if (!base) return onDiscarded();
    const result = await call('notes.deleteDraft', { id: base.id });
    if (result.ok) onDiscarded();
    else setDiscardError(result.error.message);
  }

  return (
    // A region, not a <form>: the sign form sits inside it, and forms cannot nest.
    <div
      className="note-editor"
      role="form"
      aria-label="Note editor"
      aria-keyshortcuts="Control+S Meta+S"
      onKeyDown={(e) => {
        // Ctrl/Cmd+S saves now: the habit of a lifetime, though the draft saves itself anyway.
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void autosave.flush();
        }
      }}
    >
      <div className="note-editor__bar">
        <p className="eyebrow">{FORMAT_LABELS[c.format]} note · Draft</p>
        <SaveStatus status={autosave.status} savedAtMs={note?.updatedAtMs ?? null} />
      </div>
      {group && <GroupBlock group={group} content={c} />}
      <SessionDetails content={c} set={set} err={err} fixed={group !== null} />
      {group && (
        <SelectField
          label="Attendance"
          className="note-attendance"
          value={value.attendance ?? 'present'}
          options={options(ATTENDANCE_LABELS)}
          onChange={(attendance) => change({ ...value, attendance })}
          error={fieldMessage(error, 'attendance')}
        />
      )}
      {!group && <Interventions content={c} set={set} err={err} />}
      <div className="note-sections">
        {FORMAT_SECTIONS[c.format].map((s) => (
          <TextArea
            key={s.id}
            label={s.label}
            rows={c.format === 'free' ? 10 : 4}
            value={c.sections[s.id] ?? ''}
            onChange={(text) => set({ sections: { ...c.sections, [s.id]: text } })}
            error={err(`sections.${s.id}`)}
          />
        ))}
      </div>
      <RiskReview content={c} set={set} err={err} />
      <GoalsAddressed
        goals={goals}
        selected={c.goalsAddressed}
        onChange={(goalsAddressed) => set({ goalsAddressed })}
      />
      <Field
        label="Next appointment"
        hint="Date, time or how it will be arranged."
        value={c.nextAppointment}
        onChange={(e) => set({ nextAppointment: e.target.value })}
        error={err('nextAppointment')}
      />
      {signing ? (
        <PassphraseForm
          title="Sign this note"
          explanation="A signed note cannot be changed; corrections are added as signed addenda."
          submitLabel="Sign note"
          onSubmit={sign}
          onCancel={() => {
            setSigning(false);
            requestAnimationFrame(() => signButton.current?.focus());
          }}
        />
      ) : (
        <div className="actions note-editor__actions">
          <button type="button" className="primary" ref={signButton} onClick={() => setSigning(true)}>
            Sign…
          </button>
          {note?.kind !== 'group-member' &&
            (discarding ? (
              <span className="confirm" role="group" aria-label="Discard this draft?">
                <span>Discard this draft? It cannot be undone.</span>
                <button type="button" className="danger" onClick={() => void discard()}>
                  Discard
                </button>
                <button type="button" onClick={() => setDiscarding(false)} autoFocus>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setDiscarding(true)}>
                Discard draft…
              </button>
            ))}
          {discardError && (
            <span className="field__error" role="alert">
              {discardError}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** "Saving…", "Saved 10:42" or "Not saved — why": always visible, announced politely. */
function SaveStatus({ status, savedAtMs }: { status: AutosaveStatus; savedAtMs: number | null }) {
  const text = (() => {
    switch (status.state) {
      case 'idle':
        return savedAtMs === null
          ? 'Not saved yet: the draft is kept from the first thing you type.'
          : `Saved ${formatTime(savedAtMs)}`;
      case 'pending':
      case 'saving':
        return 'Saving…';
      case 'saved':
        return `Saved ${formatTime(status.atMs)}`;
      case 'failed':
        return `Not saved — ${status.error.message}`;
    }
  })();
  return (
    <p role="status" className={`save-status save-status--${status.state}`} data-testid="save-status">
      {text}
    </p>
  );
}
