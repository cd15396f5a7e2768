/**
 * One administration of an instrument: a draft that can be saved, edited and deleted until it is signed, then a
 * read-only record. Saving sends the answers exactly as given; the server scores them and raises any safety alert
 * in the same transaction, so after every save the alerts are re-read for the banner. Errors are shown beside the
 * field the server names (`assessment.answers`, `assessment.administeredAtMs`, `assessment.record.riskLevel`).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Assessment, AssessmentKind } from '../../../../shared/domain/assessments';
import type { Sex } from '../../../../shared/instruments';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { FormError } from '../../components/FormError';
import { formatTime, nowToTheMinute } from '../chart/dates';
import { draftComplete, draftOf, newDraft, toInput, type Draft } from './assessmentDraft';
import { AssessmentView } from './AssessmentView';
import { ScoredFields } from './ScoredFields';
import { SignForm } from './SignForm';
import { SuicideScreenFields } from './SuicideScreenFields';
import { fullName, shortName } from './instrumentText';
import { dropAssessment, putAssessment, refreshAlerts } from './records';
import './assessmentForm.css';

type Mode = 'edit' | 'sign' | 'delete' | 'discard';

/** Paths shown beside their field; an error on any other path is shown above the form. */
const SHOWN_PATHS = [
  'assessment.answers',
  'assessment.administeredAtMs',
  'assessment.lastDoseAtMs',
  'assessment.timePoint',
  'assessment.vitals.systolic',
  'assessment.vitals.diastolic',
  'assessment.vitals.heartRate',
  'assessment.vitals.temperatureC',
  'assessment.notes',
  'assessment.record.riskLevel',
  'assessment.record.rationale',
  'assessment.record.answers.behaviourDetail',
  'assessment.record.answers.protectiveNote',
];

export function AssessmentForm({
  clientId,
  kind,
  existing,
  intakeLastDoseAtMs,
  sex,
  onChanged,
  onClose,
  onDirtyChange,
}: {
  clientId: string;
  kind: AssessmentKind;
  existing: Assessment | null;
  intakeLastDoseAtMs: number | null;
  sex: Sex | null;
  /** A save, signature or deletion happened: the chart's timeline is out of date. */
  onChanged: () => void;
  onClose: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const [current, setCurrent] = useState<Assessment | null>(existing);
  const [draft, setDraft] = useState<Draft>(() =>
    existing ? draftOf(existing) : newDraft(kind, nowToTheMinute(), intakeLastDoseAtMs),
  );
  const [saved, setSaved] = useState<string | null>(() =>
    existing ? JSON.stringify(draftOf(existing)) : null,
  );
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [signError, setSignError] = useState<AppErrorShape | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<Mode>('edit');
  const section = useRef<HTMLElement>(null);
  const headingId = useId();
  const dirty = JSON.stringify(draft) !== saved;
  const signed = current?.signedAtMs != null;
  const name = shortName(kind);

  // Opening puts the keyboard on the first answer (or, for a signed record, on its heading).
  useEffect(() => {
    const root = section.current;
    if (!root) return;
    const target = signed
      ? root.querySelector<HTMLElement>('h3')
      : (root.querySelector<HTMLElement>('[data-item-group] input, .screen-items input') ?? null);
    target?.focus();
    // Only on opening and on signing: later focus belongs to the clinician.
  }, [signed]);

  useEffect(() => onDirtyChange(dirty && !signed), [dirty, signed, onDirtyChange]);

  const err = (path: string) => fieldMessage(error, path);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }) as Draft);
    setStatus('');
  };

  /** Saves the draft; returns the saved assessment, or null with the errors shown. */
  async function save(): Promise<Assessment | null> {
    const built = toInput(draft, sex);
    if ('errors' in built) {
      const first = built.errors[0];
      setError({
        code: 'INVALID_INPUT',
        message: first?.message ?? '',
        fields: built.errors,
        retryAfterMs: null,
      });
      return null;
    }
    setBusy(true);
    const result = await call('assessments.save', {
      clientId,
      id: current?.id ?? null,
      assessment: built.input,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setStatus('');
      return null;
    }
    const a = result.value;
    setError(null);
    setCurrent(a);
    setSaved(JSON.stringify(draft));
    putAssessment(clientId, a);
    onChanged();
    // A safety flag raises its alert on the server as part of the save: bring the banner up to date at once.
    void refreshAlerts(clientId);
    return a;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const a = await save();
    if (a) setStatus(`Draft saved at ${formatTime(a.updatedAtMs)}.`);
  }

  async function sign(passphrase: string) {
    const a = dirty || !current ? await save() : current;
    if (!a) {
      setMode('edit');
      return;
    }
    setBusy(true);
    const result = await call('assessments.sign', { id: a.id, passphrase });
    setBusy(false);
    if (!result.ok) {
      setSignError(result.error);
      return;
    }
    setSignError(null);
    setMode('edit');
    setCurrent(result.value);
    putAssessment(clientId, result.value);
    setStatus('Signed.');
    onChanged();
  }

  async function remove() {
    if (!current) return;
    setBusy(true);
    const result = await call('assessments.delete', { id: current.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setMode('edit');
      return;
    }
    dropAssessment(clientId, current.id);
    onChanged();
    onClose();
  }

  const badge = signed ? 'Signed' : current ? 'Draft' : 'New, not saved';
  return (
    <section className="panel aform" ref={section} aria-labelledby={headingId}>
      <div className="aform__head">
        <h3 id={headingId} tabIndex={-1}>
          {name}
          {name !== fullName(kind) && <span className="aform__full"> — {fullName(kind)}</span>}
        </h3>
        <span className={`badge ${signed ? 'badge--signed' : 'badge--draft'}`}>{badge}</span>
      </div>
      {signed && current ? (
        <>
          <AssessmentView assessment={current} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <span role="status" className="saved-note">
              {status}
            </span>
          </div>
        </>
      ) : (
        <>
          <form aria-label={`${name} form`} onSubmit={(e) => void onSubmit(e)} noValidate>
            <FormError error={error} fieldPaths={SHOWN_PATHS} />
            {draft.kind === 'scored' ? (
              <ScoredFields
                draft={draft}
                onChange={change}
                sex={sex}
                intakeLastDoseAtMs={intakeLastDoseAtMs}
                err={err}
              />
            ) : (
              <SuicideScreenFields draft={draft} onChange={change} err={err} />
            )}
            <div className="actions aform__actions">
              <button type="submit" className="primary" disabled={busy}>
                Save draft
              </button>
              <button type="button" onClick={() => setMode('sign')} disabled={busy || mode === 'sign'}>
                Sign…
              </button>
              {current && (
                <button type="button" className="danger" onClick={() => setMode('delete')} disabled={busy}>
                  Delete draft…
                </button>
              )}
              <button type="button" onClick={() => (dirty ? setMode('discard') : onClose())}>
                Close
              </button>
              <span role="status" className="saved-note">
                {status || (dirty && current ? 'Unsaved changes.' : '')}
              </span>
            </div>
          </form>
          {mode === 'sign' && (
            <SignForm
              label={`Sign the ${name}`}
              incomplete={!draftComplete(draft)}
              dirty={dirty || !current}
              busy={busy}
              error={signError}
              onSign={(p) => void sign(p)}
              onCancel={() => {
                setMode('edit');
                setSignError(null);
              }}
            />
          )}
          {mode === 'delete' && (
            <Confirm
              question={`Delete this ${name} draft? It cannot be recovered.`}
              yes="Delete draft"
              no="Keep"
              onYes={() => void remove()}
              onNo={() => setMode('edit')}
            />
          )}
          {mode === 'discard' && (
            <Confirm
              question="Close without saving your changes?"
              yes="Discard changes"
              no="Keep editing"
              onYes={onClose}
              onNo={() => setMode('edit')}
            />
          )}
        </>
      )}
    </section>
  );
}

/** A question answered in place; focus starts on the safe answer, so a stray Enter does nothing harmful. */
function Confirm({
  question,
  yes,
  no,
  onYes,
  onNo,
}: {
  question: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="confirm aform__confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" className="danger" onClick={onYes}>
        {yes}
      </button>
      <button type="button" ref={keep} onClick={onNo}>
        {no}
      </button>
    </div>
  );
}
