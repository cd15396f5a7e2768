/**
 * A MAT coordination note being written (CLINICAL.md §5): medication and dose now, adherence, missed doses, side
 * effects, craving, use, naloxone, storage, the urine drug screen per substance, the withdrawal ratings taken (linked
 * from the flowsheet, with their times and vital signs), plan and next appointment. It autosaves like a session note
 * (useDraftAutosave), and signs with the passphrase after a last save, once the signing rules hold.
 */
import { useRef, useState } from 'react';
import { INDUCTION_TIME_POINT_LABELS, type Assessment } from '../../../../shared/domain/assessments';
import {
  ADHERENCE,
  ADHERENCE_LABELS,
  UDS_LABELS,
  UDS_SUBSTANCES,
  YES_NO_ASKED_LABELS,
  matSigningProblems,
  type LinkedRating,
  type MatNote,
  type MatNoteContent,
  type UdsResult,
} from '../../../../shared/domain/matNotes';
import { vitalsText } from '../../../../shared/domain/vitals';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { CheckField, SelectField, TextArea, type Option } from '../../components/controls';
import { formatDateTime } from '../../format';
import { useLoadedAssessments } from '../assessments/records';
import { PassphraseForm } from '../sessions/PassphraseForms';
import type { Persist } from '../sessions/autosave';
import { DraftHeader } from '../sessions/DraftHeader';
import { useDraftAutosave } from '../sessions/useDraftAutosave';

const options = <T extends string>(labels: Record<T, string>): Option<T>[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
const ADHERENCE_OPTIONS = ADHERENCE.map((a) => ({ value: a, label: ADHERENCE_LABELS[a] }));
const YNA = options(YES_NO_ASKED_LABELS);
const UDS_OPTIONS: Option<UdsResult>[] = [
  { value: 'not-tested', label: 'Not tested' },
  { value: 'negative', label: 'Negative' },
  { value: 'positive', label: 'Positive' },
];
const CRAVING_OPTIONS: Option<string>[] = [
  { value: '', label: 'Not asked' },
  ...Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) })),
];

type WithdrawalRating = Assessment & {
  input: Extract<Assessment['input'], { instrumentId: 'cows' | 'sows' | 'phq9' | 'gad7' | 'auditc' | 'sud' }>;
};
const isRating = (a: Assessment): a is WithdrawalRating =>
  a.input.instrumentId === 'cows' || a.input.instrumentId === 'sows';

/** A flowsheet rating as the note links it (the server freezes the same shape when signing). */
export function asLinked(a: WithdrawalRating): LinkedRating {
  const input = a.input;
  return {
    id: a.id,
    instrument: input.instrumentId === 'sows' ? 'sows' : 'cows',
    administeredAtMs: input.administeredAtMs,
    total: a.score?.status === 'complete' ? a.score.total : null,
    band: a.score?.band ?? null,
    timePoint: input.timePoint,
    vitals: input.vitals,
  };
}

export function ratingText(r: LinkedRating): string {
  const score =
    r.total === null ? 'incomplete' : `${r.total}${r.band ? ` (${r.band.replace(/-/g, ' ')})` : ''}`;
  const point = r.timePoint ? ` — ${INDUCTION_TIME_POINT_LABELS[r.timePoint]}` : '';
  const vitals = vitalsText(r.vitals);
  return `${formatDateTime(r.administeredAtMs)}${point}: ${r.instrument.toUpperCase()} ${score}${vitals ? `; ${vitals}` : ''}`;
}

export function MatNoteEditor({
  clientId,
  note,
  initial,
  active,
  onSaved,
  onSigned,
  onDiscarded,
}: {
  clientId: string;
  note: MatNote | null;
  initial: MatNoteContent;
  active: boolean;
  onSaved: (n: MatNote) => void;
  onSigned: (n: MatNote) => void;
  onDiscarded: () => void;
}) {
  const [content, setContent] = useState<MatNoteContent>(note?.content ?? initial);
  const [signing, setSigning] = useState(false);
  const [checking, setChecking] = useState(false);
  const [signError, setSignError] = useState<AppErrorShape | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const editorRef = useRef<HTMLDivElement>(null);
  const { assessments } = useLoadedAssessments(clientId);
  const ratings = (assessments ?? [])
    .filter(isRating)
    .sort((a, b) => b.input.administeredAtMs - a.input.administeredAtMs);

  const persist: Persist<MatNoteContent> = async (v, base, { urgent }) => {
    const opts = { keepalive: urgent };
    const result =
      base === null
        ? await call('matNotes.create', { clientId, content: v }, opts)
        : await call(
            'matNotes.saveDraft',
            { id: base.id, content: v, expectedUpdatedAtMs: base.updatedAtMs },
            opts,
          );
    if (!result.ok) return { ok: false, error: result.error };
    onSaved(result.value);
    return { ok: true, base: { id: result.value.id, updatedAtMs: result.value.updatedAtMs } };
  };
  const autosave = useDraftAutosave<MatNoteContent>({
    base: note ? { id: note.id, updatedAtMs: note.updatedAtMs } : null,
    persist,
    active,
  });
  const linkedOf = (c: MatNoteContent) => ratings.filter((r) => c.ratingIds.includes(r.id)).map(asLinked);
  const set = (patch: Partial<MatNoteContent>) => {
    if (signing || checking) return;
    const next = { ...content, ...patch };
    setContent(next);
    autosave.edit(next);
    // Problems found at "Sign…" go from beside their fields as soon as they are fixed.
    if (signError?.fields.length) {
      const still = matSigningProblems(next, linkedOf(next));
      setSignError(still.length === 0 ? null : { ...signError, fields: still });
    }
  };
  const saveError = autosave.status.state === 'failed' ? autosave.status.error : null;
  const err = (path: string) =>
    fieldMessage(saveError, `content.${path}`) ?? fieldMessage(signError, `content.${path}`);

  function showProblems(problem: AppErrorShape) {
    setSignError(problem);
    setSigning(false);
    requestAnimationFrame(() =>
      editorRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  async function startSigning() {
    setChecking(true);
    try {
      const saved = await autosave.flush();
      if (!saved || !autosave.current()) {
        setSignError({
          code: 'INVALID_INPUT',
          message: autosave.current()
            ? 'The latest changes are not saved yet.'
            : 'Write the note before signing it.',
          fields: [],
          retryAfterMs: null,
        });
        return;
      }
      const fields = matSigningProblems(content, linkedOf(content));
      if (fields.length > 0) {
        showProblems({
          code: 'INVALID_INPUT',
          message: 'Complete the fields marked below before signing.',
          fields,
          retryAfterMs: null,
        });
        return;
      }
      setSignError(null);
      setSigning(true);
    } finally {
      setChecking(false);
    }
  }

  async function sign(passphrase: string): Promise<AppErrorShape | null> {
    const base = autosave.current();
    if (!base) return null;
    const result = await call('matNotes.sign', { id: base.id, passphrase });
    if (!result.ok) {
      if (result.error.fields.some((f) => f.path.startsWith('content.'))) {
        showProblems(result.error);
        return null;
      }
      return result.error;
    }
    onSigned(result.value);
    return null;
  }

  async function discard() {
    const base = autosave.current();
    if (!base) return onDiscarded();
    const result = await call('matNotes.deleteDraft', { id: base.id });
    if (result.ok) onDiscarded();
    else setSignError(result.error);
  }

  const toggleRating = (id: string, on: boolean) =>
    set({ ratingIds: on ? [...content.ratingIds, id] : content.ratingIds.filter((r) => r !== id) });

  return (
    <div ref={editorRef} className="note-editor mat-editor" role="form" aria-label="MAT note editor">
      <DraftHeader
        label="MAT coordination note · Draft"
        status={autosave.status}
        held={autosave.held}
        savedAtMs={note?.updatedAtMs ?? null}
        saveError={saveError}
        signError={signError}
      />
      <fieldset className="note-editor__fields" disabled={signing || checking}>
        <div className="form-grid">
          <Field
            label="Contact date"
            type="date"
            value={content.contactDate}
            onChange={(e) => set({ contactDate: e.target.value })}
            error={err('contactDate')}
          />
          <CheckField
            label="Induction contact (first dose)"
            hint="Link ratings before, 30 min and 2 h after the first dose."
            checked={content.induction}
            onChange={(induction) => set({ induction })}
          />
        </div>
        <TextArea
          label="Medication and dose now"
          rows={2}
          value={content.medicationNow}
          onChange={(medicationNow) => set({ medicationNow })}
          error={err('medicationNow')}
        />
        <div className="form-grid">
          <SelectField
            label="Adherence"
            value={content.adherence}
            options={ADHERENCE_OPTIONS}
            onChange={(adherence) => set({ adherence })}
          />
          <SelectField
            label="Craving now (0–10)"
            value={content.craving === null ? '' : String(content.craving)}
            options={CRAVING_OPTIONS}
            onChange={(v) => set({ craving: v === '' ? null : Number(v) })}
            error={err('craving')}
          />
          <SelectField
            label="Naloxone on hand"
            value={content.naloxoneOnHand}
            options={YNA}
            onChange={(naloxoneOnHand) => set({ naloxoneOnHand })}
          />
          <SelectField
            label="Safe storage"
            value={content.safeStorage}
            options={YNA}
            onChange={(safeStorage) => set({ safeStorage })}
          />
        </div>
        <div className="form-grid form-grid--wide">
          <TextArea
            label="Missed doses"
            rows={2}
            value={content.missedDoses}
            onChange={(missedDoses) => set({ missedDoses })}
          />
          <TextArea
            label="Side effects"
            rows={2}
            value={content.sideEffects}
            onChange={(sideEffects) => set({ sideEffects })}
          />
        </div>
        <TextArea
          label="Use since last contact"
          rows={2}
          value={content.useSinceLastContact}
          onChange={(useSinceLastContact) => set({ useSinceLastContact })}
        />
        <fieldset className="uds">
          <legend>Urine drug screen</legend>
          <Field
            label="Collected on"
            type="date"
            value={content.udsCollectedOn}
            onChange={(e) => set({ udsCollectedOn: e.target.value })}
            error={err('udsCollectedOn')}
          />
          <div className="uds__grid">
            {UDS_SUBSTANCES.map((s) => (
              <SelectField
                key={s}
                label={UDS_LABELS[s]}
                value={content.uds[s] ?? 'not-tested'}
                options={UDS_OPTIONS}
                onChange={(r) => set({ uds: { ...content.uds, [s]: r } })}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className={err('ratingIds') ? 'mat-ratings mat-ratings--error' : 'mat-ratings'}>
          <legend>Withdrawal ratings taken at this contact</legend>
          {ratings.length === 0 ? (
            <p className="muted">No COWS or SOWS ratings on the withdrawal flowsheet yet.</p>
          ) : (
            ratings.map((r) => (
              <CheckField
                key={r.id}
                label={ratingText(asLinked(r))}
                checked={content.ratingIds.includes(r.id)}
                onChange={(on) => toggleRating(r.id, on)}
              />
            ))
          )}
          {err('ratingIds') && (
            <p className="field__error" role="alert" aria-invalid="true" tabIndex={-1}>
              {err('ratingIds')}
            </p>
          )}
        </fieldset>
        <TextArea
          label="Plan"
          rows={3}
          value={content.plan}
          onChange={(plan) => set({ plan })}
          error={err('plan')}
        />
        <Field
          label="Next appointment"
          value={content.nextAppointment}
          onChange={(e) => set({ nextAppointment: e.target.value })}
        />
      </fieldset>
      {signing ? (
        <PassphraseForm
          title="Sign this MAT note"
          explanation="A signed note cannot be changed; corrections are added as signed addenda."
          submitLabel="Sign note"
          onSubmit={sign}
          onCancel={() => setSigning(false)}
        />
      ) : (
        <div className="actions note-editor__actions">
          <button type="button" className="primary" onClick={() => void startSigning()}>
            Sign…
          </button>
          {discarding ? (
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
          )}
        </div>
      )}
    </div>
  );
}
