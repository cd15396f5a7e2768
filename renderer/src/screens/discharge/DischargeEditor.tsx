/**
 * The discharge summary's draft (CLINICAL.md §5). The record's part is shown read-only and refreshed on every save;
 * the clinician writes the rest. It autosaves as it is typed (the notes' autosave queue) and "Sign…" saves what is
 * left, asks for the passphrase and signs. Signing discharges the client on the date and type written here.
 */
import { useEffect, useState } from 'react';
import {
  DISCHARGE_TYPES,
  DISCHARGE_TYPE_LABELS,
  type DischargeType,
} from '../../../../shared/domain/clients';
import {
  goalProgressRows,
  missingElements,
  type DischargeSummary,
  type DischargeWritten,
} from '../../../../shared/domain/dischargeSummary';
import { CONSENT_TYPE_LABELS, type Consent } from '../../../../shared/domain/consents';
import { consentsEndedByDischarge } from '../../../../shared/domain/discharge';
import type { AppErrorShape, Result } from '../../../../shared/ipc/result';
import { call, fieldMessage } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { PassphraseRow } from '../../components/PassphraseRow';
import { NativeSelectField, TextArea } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { formatDate } from '../chart/dates';
import { formatDateTime } from '../../format';
import type { Persist } from '../sessions/autosave';
import { useDraftAutosave } from '../sessions/useDraftAutosave';
import { DischargeFactsView } from './DischargeFacts';
import { DraftActions } from '../plans/DraftActions';

const MAX_REFERRALS = 20;

const notSaved = (error: AppErrorShape | null): Result<DischargeSummary> => ({
  ok: false,
  error: error ?? {
    code: 'CONFLICT',
    message: 'The draft could not be saved. Try again.',
    fields: [],
    retryAfterMs: null,
  },
});

export function DischargeEditor({
  draft,
  active,
  onSigned,
  onDiscarded,
}: {
  draft: DischargeSummary;
  active: boolean;
  onSigned: (s: DischargeSummary) => void;
  onDiscarded: () => void;
}) {
  const [facts, setFacts] = useState(draft.content.facts);
  const [signing, setSigning] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  // The client's consents, read when signing starts: those that end at this discharge are named before signing.
  const [consents, setConsents] = useState<readonly Consent[] | null>(null);
  useEffect(() => {
    if (!signing) return;
    let live = true;
    void call('consents.list', { clientId: draft.clientId }).then((r) => {
      if (live) setConsents(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [signing, draft.clientId]);

  const persist: Persist<DischargeWritten> = async (written, base, { urgent }) => {
    const result = await call(
      'discharge.saveSummary',
      { id: draft.id, written, expectedUpdatedAtMs: base?.updatedAtMs ?? draft.updatedAtMs },
      { keepalive: urgent },
    );
    if (!result.ok) return { ok: false, error: result.error };
    setFacts(result.value.content.facts);
    return { ok: true, base: { id: result.value.id, updatedAtMs: result.value.updatedAtMs } };
  };
  const autosave = useDraftAutosave<DischargeWritten>({
    base: { id: draft.id, updatedAtMs: draft.updatedAtMs },
    persist,
    active,
  });

  const form = useForm<{ written: DischargeWritten }, DischargeSummary>({
    initial: { written: draft.content.written },
    send: async () => {
      if (!(await autosave.flush())) {
        return notSaved(autosave.status.state === 'failed' ? autosave.status.error : null);
      }
      const result = await call('discharge.signSummary', { id: draft.id, passphrase });
      if (!result.ok && result.error.fields.some((f) => f.path.startsWith('written.'))) setSigning(false);
      return result;
    },
    onDone: (signed) => {
      setPassphrase('');
      onSigned(signed);
    },
    autoFocus: false,
  });

  // An error beside a field goes once that field is edited; signing again checks everything afresh.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [form.error]);
  const w = form.values.written;
  const change = (patch: Partial<DischargeWritten>, paths: readonly string[] = Object.keys(patch)) => {
    if (signing) return;
    const next = { ...w, ...patch };
    form.setValues({ written: next });
    autosave.edit(next);
    setEdited((s) => new Set([...s, ...paths]));
  };
  const saveError = autosave.status.state === 'failed' ? autosave.status.error : null;
  const err = (path: string) =>
    (edited.has(path) ? null : form.fieldError(`written.${path}`)) ??
    fieldMessage(saveError, `written.${path}`);
  const passError = form.fieldError('passphrase') ? (form.error?.message ?? null) : null;
  const bannerError =
    form.error && !passError && !form.error.fields.some((f) => f.path.startsWith('written.'))
      ? form.error.message
      : null;
  const missing =
    form.error?.fields.filter(
      (f) => f.path.startsWith('written.') && !edited.has(f.path.slice('written.'.length)),
    ).length ?? 0;
  const goals = goalProgressRows({ facts, written: w });
  const gaps = missingElements(facts);
  const setProgress = (i: number, goalId: string, progress: string) =>
    change({ goalProgress: [...w.goalProgress.filter((g) => g.goalId !== goalId), { goalId, progress }] }, [
      `goalProgress.${i}.progress`,
    ]);
  const setReferral = (i: number, patch: Partial<DischargeWritten['referrals'][number]>) =>
    change(
      { referrals: w.referrals.map((r, j) => (j === i ? { ...r, ...patch } : r)) },
      Object.keys(patch).map((k) => `referrals.${i}.${k}`),
    );

  return (
    <form
      ref={form.form}
      className="plan-editor discharge-editor"
      aria-label="Discharge summary (draft)"
      onSubmit={form.submit}
      noValidate
    >
      <p className="plan-editor__status muted" role="status">
        Draft started {formatDateTime(draft.createdAtMs)}
        {draft.createdByName ? ` by ${draft.createdByName}` : ''}.{' '}
        {autosave.status.state === 'saving' && 'Saving…'}
        {autosave.status.state === 'pending' && 'Changes not saved yet…'}
        {autosave.status.state === 'saved' && `Saved ${formatDateTime(autosave.status.atMs)}.`}
      </p>
      {saveError && (
        <div className="banner banner--error" role="alert">
          Not saved: {saveError.message}
        </div>
      )}
      {missing > 0 && (
        <div className="banner banner--error" role="alert">
          {missing === 1 ? 'One thing needs' : `${missing} things need`} completing before signing: see beside
          the fields.
        </div>
      )}
      <FormMessage message={bannerError} />
      <fieldset className="plan-editor__fields" disabled={signing}>
        <legend className="visually-hidden">Discharge summary</legend>
        <fieldset className="plan-section">
          <legend>Discharge</legend>
          {facts.recordedDischarge && (
            <p className="muted plan-section__hint">
              Recorded in the client’s details: {DISCHARGE_TYPE_LABELS[facts.recordedDischarge.type]} on{' '}
              {formatDate(facts.recordedDischarge.dischargedOn)}. A different date or type here is recorded as
              a correction when you sign.
            </p>
          )}
          <div className="form-grid">
            <Field
              label="Discharge date"
              type="date"
              value={w.dischargedOn}
              onChange={(e) => change({ dischargedOn: e.target.value })}
              error={err('dischargedOn')}
            />
            <NativeSelectField
              label="How the client left care"
              value={w.dischargeType ?? ''}
              onChange={(e) =>
                change({ dischargeType: e.target.value === '' ? null : (e.target.value as DischargeType) })
              }
              error={err('dischargeType')}
            >
              <option value="">Choose…</option>
              {DISCHARGE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {DISCHARGE_TYPE_LABELS[t]}
                </option>
              ))}
            </NativeSelectField>
          </div>
        </fieldset>
        <fieldset className="plan-section">
          <legend>From the record</legend>
          <DischargeFactsView facts={facts} />
        </fieldset>
        <fieldset className="plan-section">
          <legend>Presenting problem</legend>
          <TextArea
            label="Presenting problem"
            value={w.presentingProblem}
            onChange={(x) => change({ presentingProblem: x })}
            error={err('presentingProblem')}
            hint="Started from the intake’s reasons for seeking care."
            rows={3}
          />
        </fieldset>
        <fieldset className="plan-section">
          <legend>Progress on each treatment-plan goal</legend>
          {goals.length === 0 && <p className="muted">No treatment plan was recorded.</p>}
          {goals.map((g, i) => (
            <TextArea
              key={g.id}
              label={`${g.text} (${g.status.toLowerCase()})`}
              value={g.progress}
              onChange={(x) => setProgress(i, g.id, x)}
              error={err(`goalProgress.${i}.progress`)}
              rows={2}
            />
          ))}
        </fieldset>
        <fieldset className="plan-section">
          <legend>Condition at discharge</legend>
          <TextArea
            label="Condition at discharge"
            value={w.conditionAtDischarge}
            onChange={(x) => change({ conditionAtDischarge: x })}
            error={err('conditionAtDischarge')}
            hint="With the instrument trends above in mind: use, withdrawal, mood, risk."
            rows={3}
          />
        </fieldset>
        <fieldset className="plan-section">
          <legend>Level of care at discharge</legend>
          <TextArea
            label="Level of care recommended at discharge"
            value={w.levelOfCareAtDischarge}
            onChange={(x) => change({ levelOfCareAtDischarge: x })}
            error={err('levelOfCareAtDischarge')}
            hint={
              facts.levelOfCare
                ? `Latest level-of-care decision: ${facts.levelOfCare.level}, decided ${formatDate(facts.levelOfCare.decidedOn)} (its dimension ratings are listed above and print with the summary).`
                : 'No level-of-care decision was recorded.'
            }
            rows={2}
          />
        </fieldset>
        <fieldset className="plan-section">
          <legend>Recommendations, referrals and aftercare</legend>
          <TextArea
            label="Recommendations"
            value={w.recommendations}
            onChange={(x) => change({ recommendations: x })}
            error={err('recommendations')}
            rows={3}
          />
          {w.referrals.map((r, i) => (
            <div className="plan-row" key={i}>
              <Field
                label={`Referral ${i + 1}: to`}
                value={r.to}
                onChange={(e) => setReferral(i, { to: e.target.value })}
                error={err(`referrals.${i}.to`)}
              />
              <Field
                label={`Referral ${i + 1}: reason`}
                value={r.reason}
                onChange={(e) => setReferral(i, { reason: e.target.value })}
              />
              <button
                type="button"
                onClick={() => change({ referrals: w.referrals.filter((_, j) => j !== i) })}
              >
                Remove<span className="visually-hidden"> referral {i + 1}</span>
              </button>
            </div>
          ))}
          {w.referrals.length < MAX_REFERRALS && (
            <button
              type="button"
              onClick={() => change({ referrals: [...w.referrals, { to: '', reason: '' }] })}
            >
              Add a referral
            </button>
          )}
        </fieldset>
        <fieldset className="plan-section">
          <legend>Elements that could not be completed</legend>
          {gaps.length > 0 && (
            <p className="muted plan-section__hint">
              Not in the record: {gaps.join('; ')}. Say why each could not be completed.
            </p>
          )}
          <TextArea
            label="Reason any element could not be completed"
            value={w.incompleteReason}
            onChange={(x) => change({ incompleteReason: x })}
            error={err('incompleteReason')}
            rows={2}
          />
        </fieldset>
      </fieldset>
      {signing ? (
        <div className="sign-form">
          <h3>Sign the discharge summary</h3>
          <p className="muted">
            Signing makes the summary final and discharges the client on{' '}
            {w.dischargedOn ? formatDate(w.dischargedOn) : 'the date above'}. The chart stays readable.
          </p>
          <EndingConsents consents={consents} dischargedOn={w.dischargedOn} />
          <PassphraseRow
            value={passphrase}
            onChange={setPassphrase}
            error={passError}
            submitLabel="Sign summary"
            disabled={form.busy}
            onCancel={() => setSigning(false)}
          />
        </div>
      ) : (
        <DraftActions
          formRef={form.form}
          onSign={() => setSigning(true)}
          discardQuestion={'Discard this draft for good?'}
          deleteDraft={() => call('discharge.deleteSummaryDraft', { id: draft.id })}
          onDiscarded={onDiscarded}
        />
      )}
    </form>
  );
}

/** Each consent that signing ends, by name: the clinician sees whose permission stops before it stops. */
function EndingConsents({
  consents,
  dischargedOn,
}: {
  consents: readonly Consent[] | null;
  dischargedOn: string;
}) {
  if (consents === null) return <p className="muted">Consents that end at discharge will expire.</p>;
  const ending = new Set(
    dischargedOn ? consentsEndedByDischarge(consents, dischargedOn).map((e) => e.id) : [],
  );
  const named = consents.filter((c) => ending.has(c.id));
  if (named.length === 0) return <p className="muted">No consent ends at this discharge.</p>;
  return (
    <div className="muted">
      <p>
        {named.length === 1 ? 'This consent ends' : `These ${named.length} consents end`} when the summary is
        signed:
      </p>
      <ul aria-label="Consents that end at discharge">
        {named.map((c) => (
          <li key={c.id}>
            {CONSENT_TYPE_LABELS[c.consent.type]} to {c.consent.recipient}
            {c.consent.purpose ? ` (${c.consent.purpose})` : ''}, signed {formatDate(c.consent.signedOn)}
          </li>
        ))}
      </ul>
    </div>
  );
}
