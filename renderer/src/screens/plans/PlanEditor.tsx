/**
 * A plan's draft, written with the client in session: it autosaves as it is typed (the notes' autosave queue, so
 * leaving, locking or closing never loses text), and "Sign…" saves what is left, asks for the passphrase and signs.
 * The form is our useForm hook: its submit is signing, so what the server says is missing comes back beside each
 * field and the keyboard goes to the first of them.
 */
import { useState } from 'react';
import {
  RECOVERY_PLAN_TITLES,
  type RecoveryPlan,
  type RecoveryPlanContent,
} from '../../../../shared/domain/recoveryPlans';
import type { AppErrorShape, Result } from '../../../../shared/ipc/result';
import { call, fieldMessage } from '../../api/client';
import { FormMessage } from '../../components/FormError';
import { PassphraseRow } from '../../components/PassphraseRow';
import { useForm } from '../../components/useForm';
import { formatDateTime } from '../../format';
import type { Persist } from '../sessions/autosave';
import { useDraftAutosave } from '../sessions/useDraftAutosave';
import { AftercareFields, RelapsePreventionFields, SafetyFields } from './planFields';
import { DraftActions } from './DraftActions';

type Plan = RecoveryPlanContent['plan'];

const notSaved = (error: AppErrorShape | null): Result<RecoveryPlan> => ({
  ok: false,
  error: error ?? {
    code: 'CONFLICT',
    message: 'The draft could not be saved. Try again.',
    fields: [],
    retryAfterMs: null,
  },
});

export function PlanEditor({
  draft,
  active,
  relapsePlanLabel,
  onSigned,
  onDiscarded,
}: {
  draft: RecoveryPlan;
  active: boolean;
  relapsePlanLabel: string;
  onSigned: (plan: RecoveryPlan) => void;
  onDiscarded: () => void;
}) {
  const kind = draft.content.kind;
  const [signing, setSigning] = useState(false);
  const [passphrase, setPassphrase] = useState('');

  const persist: Persist<Plan> = async (plan, base, { urgent }) => {
    const result = await call(
      'recoveryPlans.saveDraft',
      {
        id: base?.id ?? draft.id,
        content: { kind, plan } as RecoveryPlanContent,
        expectedUpdatedAtMs: base?.updatedAtMs ?? draft.updatedAtMs,
      },
      { keepalive: urgent },
    );
    if (!result.ok) return { ok: false, error: result.error };
    return { ok: true, base: { id: result.value.id, updatedAtMs: result.value.updatedAtMs } };
  };
  const autosave = useDraftAutosave<Plan>({
    base: { id: draft.id, updatedAtMs: draft.updatedAtMs },
    persist,
    active,
  });

  const form = useForm<{ plan: Plan }, RecoveryPlan>({
    initial: { plan: draft.content.plan },
    send: async () => {
      if (!(await autosave.flush())) {
        return notSaved(autosave.status.state === 'failed' ? autosave.status.error : null);
      }
      const result = await call('recoveryPlans.sign', { id: draft.id, passphrase });
      // Something is missing: close the passphrase row so the fields named beside them can be completed.
      if (!result.ok && result.error.fields.some((f) => f.path.startsWith('content.'))) setSigning(false);
      return result;
    },
    onDone: (signed) => {
      setPassphrase('');
      onSigned(signed);
    },
    autoFocus: false,
  });

  const change = (plan: Plan) => {
    if (signing) return;
    form.setValues({ plan });
    autosave.edit(plan);
  };
  const saveError = autosave.status.state === 'failed' ? autosave.status.error : null;
  const err = (path: string) =>
    form.fieldError(`content.plan.${path}`) ?? fieldMessage(saveError, `content.plan.${path}`);
  const v = form.values.plan;
  const passError = form.fieldError('passphrase') ? (form.error?.message ?? null) : null;
  const bannerError =
    form.error && !passError && !form.error.fields.some((f) => f.path.startsWith('content.'))
      ? form.error.message
      : null;
  const missing = form.error?.fields.filter((f) => f.path.startsWith('content.')).length ?? 0;

  return (
    <form
      ref={form.form}
      className="plan-editor"
      aria-label={`${RECOVERY_PLAN_TITLES[kind]}, version ${draft.version} (draft)`}
      onSubmit={form.submit}
      noValidate
    >
      <p className="plan-editor__status muted" role="status">
        Draft of version {draft.version}, started {formatDateTime(draft.createdAtMs)}
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
        <legend className="visually-hidden">{RECOVERY_PLAN_TITLES[kind]}</legend>
        {draft.content.kind === 'relapse-prevention' && (
          <RelapsePreventionFields v={v as typeof draft.content.plan} set={change} err={err} />
        )}
        {draft.content.kind === 'safety' && (
          <SafetyFields v={v as typeof draft.content.plan} set={change} err={err} />
        )}
        {draft.content.kind === 'aftercare' && (
          <AftercareFields
            v={v as typeof draft.content.plan}
            set={change}
            err={err}
            relapsePlanLabel={relapsePlanLabel}
          />
        )}
      </fieldset>
      {signing ? (
        <div className="sign-form">
          <h3>Sign version {draft.version}</h3>
          <p className="muted">
            Signing with your passphrase makes this version final: it cannot change afterwards. A later
            revision starts a new version.
          </p>
          <PassphraseRow
            value={passphrase}
            onChange={setPassphrase}
            error={passError}
            submitLabel="Sign plan"
            disabled={form.busy}
            onCancel={() => setSigning(false)}
          />
        </div>
      ) : (
        <DraftActions
          formRef={form.form}
          onSign={() => setSigning(true)}
          discardQuestion={`Discard version ${draft.version} for good?`}
          deleteDraft={() => call('recoveryPlans.deleteDraft', { id: draft.id })}
          onDiscarded={onDiscarded}
        />
      )}
    </form>
  );
}
