/**
 * The note editor (CLINICAL.md §5): session details, interventions, the format's sections, risk review, plan goals
 * and next appointment. It autosaves (useDraftAutosave) and signs with the passphrase after a last flush, so what
 * is signed is exactly what is on screen: the rules for signing are checked first, each next to its field, and
 * the note cannot be edited while the passphrase form is open.
 */
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import {
  FORMAT_SECTIONS,
  noteRiskFindings,
  signingProblems,
  type Note,
  type NoteContent,
} from '../../../../shared/domain/notes';
import { refreshAlerts } from '../assessments/records';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { SelectField, TextArea } from '../../components/controls';
import type { Persist } from './autosave';
import { ATTENDANCE_LABELS, FORMAT_LABELS, options } from './noteLabels';
import { GoalsAddressed, Interventions, RiskReview, SessionDetails, type PlanGoal } from './NoteFields';
import { GroupBlock } from './NoteReadOnly';
import { PassphraseForm } from './PassphraseForms';
import { DraftHeader } from './DraftHeader';
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
  leaveRef,
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
  /** Set to the editor's way out: runs the given step once the text is saved (see useDraftAutosave's `leave`). */
  leaveRef?: MutableRefObject<((proceed: () => void) => Promise<boolean>) | null>;
}) {
  const [value, setValue] = useState<DraftValue>(() => ({
    content: note?.content ?? initial,
    attendance: note?.attendance ?? null,
  }));
  const [group] = useState(note?.group ?? null);
  const [signing, setSigning] = useState(false);
  /** "Sign…" was pressed and the last save and the signing rules are being checked: no typing meanwhile. */
  const [checking, setChecking] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);
  /** Why the note cannot be signed yet: field errors shown next to their fields. */
  const [signError, setSignError] = useState<AppErrorShape | null>(null);
  const signButton = useRef<HTMLButtonElement>(null);
  /** The risk findings last saved: when a save records a new one, main has raised its alert — show it at once. */
  const savedFindings = useRef(findingsKey(note?.content ?? initial));
  const editorRef = useRef<HTMLDivElement>(null);

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
    const findings = findingsKey(result.value.content);
    if (findings !== savedFindings.current) {
      savedFindings.current = findings;
      if (findings !== '') void refreshAlerts(clientId);
    }
    return { ok: true, base: { id: result.value.id, updatedAtMs: result.value.updatedAtMs } };
  };
  const autosave = useDraftAutosave<DraftValue>({
    base: note ? { id: note.id, updatedAtMs: note.updatedAtMs } : null,
    persist,
    active,
  });

  if (leaveRef) leaveRef.current = autosave.leave;
  useEffect(
    () => () => {
      if (leaveRef) leaveRef.current = null;
    },
    [leaveRef],
  );

  const change = (next: DraftValue) => {
    // Read-only while the passphrase form is open: what is signed is what was checked and saved.
    if (signing || checking) return;
    setValue(next);
    autosave.edit(next);
  };
  const set = (patch: Partial<NoteContent>) => change({ ...value, content: { ...value.content, ...patch } });
  const error = autosave.status.state === 'failed' ? autosave.status.error : null;
  const err = (path: string) =>
    fieldMessage(error, `content.${path}`) ?? fieldMessage(signError, `content.${path}`);
  const c = value.content;

  /** Shows why the note cannot be signed yet, next to the fields, and takes the keyboard to the first. */
  function showSignProblems(problem: AppErrorShape) {
    setSignError(problem);
    setSigning(false);
    requestAnimationFrame(() =>
      editorRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .choice--error input')?.focus(),
    );
  }

  /** "Sign…": everything typed is saved and the signing rules hold before the passphrase is asked for. */
  async function startSigning() {
    setChecking(true);
    try {
      await checkBeforeSigning();
    } finally {
      setChecking(false);
    }
  }

  async function checkBeforeSigning() {
    const saved = await autosave.flush();
    if (!saved || !autosave.current()) {
      setSignError({
        code: 'INVALID_INPUT',
        message: autosave.current()
          ? 'The latest changes are not saved yet; see the status above.'
          : 'Write the note before signing it.',
        fields: [],
        retryAfterMs: null,
      });
      return;
    }
    const fields = signingProblems(value.content, Date.now());
    if (fields.length > 0) {
      showSignProblems({
        code: 'INVALID_INPUT',
        message: 'Complete the fields marked below before signing.',
        fields,
        retryAfterMs: null,
      });
      return;
    }
    setSignError(null);
    setSigning(true);
  }

  async function sign(passphrase: string): Promise<AppErrorShape | null> {
    const base = autosave.current();
    if (!base) return null;
    const result = await call('notes.sign', { id: base.id, passphrase });
    if (!result.ok) {
      // Field problems belong next to their fields, which the passphrase form keeps read-only: close it.
      if (result.error.fields.some((f) => f.path === 'attendance' || f.path.startsWith('content.'))) {
        showSignProblems(result.error);
        return null;
      }
      return result.error;
    }
    onSigned(result.value);
    // The chart's alert banner shows what the signature raised.
    void refreshAlerts(clientId);
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
      ref={editorRef}
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
      <DraftHeader
        label={`${FORMAT_LABELS[c.format]} note · Draft`}
        status={autosave.status}
        held={autosave.held}
        savedAtMs={note?.updatedAtMs ?? null}
        saveError={error}
        signError={signError}
      />
      {/* Disabled while the passphrase form is open, so nothing typed then is left out of the signature. */}
      <fieldset className="note-editor__fields" disabled={signing || checking}>
        {group && <GroupBlock group={group} />}
        <SessionDetails content={c} set={set} err={err} fixed={group !== null} />
        {group && (
          <SelectField
            label="Attendance"
            className="note-attendance"
            value={value.attendance ?? 'present'}
            options={options(ATTENDANCE_LABELS)}
            onChange={(attendance) => change({ ...value, attendance })}
            error={fieldMessage(error, 'attendance') ?? fieldMessage(signError, 'attendance')}
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
      </fieldset>
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
          <button type="button" className="primary" ref={signButton} onClick={() => void startSigning()}>
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

const findingsKey = (content: NoteContent) =>
  noteRiskFindings(content.risk)
    .map((f) => f.finding)
    .join(',');

/** "Saving…", "Saved 10:42" or "Not saved — why": always visible, announced politely. */
