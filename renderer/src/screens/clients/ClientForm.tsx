/**
 * Create or edit a client's record. The server validates (the rules live once, in shared/domain); its messages
 * appear beside the field they belong to and focus moves to the first one. Nothing typed is cleared on an error.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  CLIENT_NAME_MAX,
  CLIENT_STATUSES,
  CLIENT_STATUS_LABELS,
  clientDisplayName,
  DISCHARGE_TYPES,
  DISCHARGE_TYPE_LABELS,
  SexSchema,
  type Client,
  type Sex,
} from '../../../../shared/domain/clients';
import { localDate } from '../../../../shared/domain/common';
import { fullName, NAME_ORDER_LABELS, NAME_ORDERS } from '../../../../shared/domain/names';
import type { User } from '../../../../shared/domain/identity';
import { DOCUMENT_LANGUAGES, LANGUAGE_ENDONYMS, LANGUAGE_LABELS } from '../../../../shared/i18n/languages';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { navigate } from '../../router';
import { dropDraft, getDraft, keepDraft } from './clientDrafts';
import { formatDateOnly } from './clientFormat';
import {
  ALL_FIELD_PATHS,
  clientInputFrom,
  FIELD_PATHS,
  formFromClient,
  newClientForm,
  type ClientFormValues,
} from './clientFormModel';
import { NativeSelectField, TextAreaField } from '../../components/controls';
import './clients.css';

const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  'not-recorded': 'Not recorded',
};

interface Loaded {
  values: ClientFormValues;
  clinicians: User[];
  client: Client | null;
}

/** `clientId` null: a new client. */
export function ClientForm({ clientId, user }: { clientId: string | null; user: User }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [users, existing, next] = await Promise.all([
        call('users.list', {}),
        clientId === null ? null : call('clients.get', { id: clientId }),
        clientId === null ? call('clients.nextChartNumber', {}) : null,
      ]);
      if (!live) return;
      const clinicians = users.ok ? users.value : [user];
      if (existing) {
        if (existing.ok)
          setLoaded({ values: formFromClient(existing.value), clinicians, client: existing.value });
        else setLoadError(existing.error.message);
        return;
      }
      const values = newClientForm({
        today: localDate(Date.now()),
        chartNumber: next?.ok ? next.value.chartNumber : '',
        clinicianId: user.id,
      });
      setLoaded({ values, clinicians, client: null });
    })();
    return () => {
      live = false;
    };
    // Keyed on the user's id, not the object: the frame's status poll hands a new object every 15 s, and
    // reloading would refetch (and, for an existing client, audit another view) for nothing.
  }, [clientId, user.id]);

  if (loadError) {
    return (
      <div className="page">
        <h1>{clientId === null ? 'New client' : 'Edit client'}</h1>
        <div className="banner banner--error" role="alert">
          {loadError}
        </div>
      </div>
    );
  }
  if (!loaded) return <div className="page" aria-busy="true" />;
  return <ClientFormBody key={clientId ?? 'new'} clientId={clientId} loaded={loaded} />;
}

function ClientFormBody({ clientId, loaded }: { clientId: string | null; loaded: Loaded }) {
  // Changes left unsaved earlier in this session come back; they are forgotten on save, Cancel or lock.
  const [restored, setRestored] = useState(() => getDraft(clientId) !== null);
  const [values, setValues] = useState(() => getDraft(clientId) ?? loaded.values);
  useEffect(() => keepDraft(clientId, values, loaded.values), [clientId, values, loaded.values]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const isNew = clientId === null;
  const wasDischarged = loaded.client?.status === 'discharged';
  const today = localDate(Date.now());

  // After a refused save, take the keyboard to the first field the server named (or the form-level message).
  useEffect(() => {
    if (!error) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .banner--error');
    if (target && !target.matches('input, select, textarea')) target.tabIndex = -1;
    target?.focus();
  }, [error]);

  const set =
    <K extends keyof ClientFormValues>(key: K) =>
    (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: e.target.value }));
  const err = (key: keyof ClientFormValues) => fieldMessage(error, FIELD_PATHS[key]);
  // Re-admission (shared/domain/discharge.ts readmissionProblem): back from Discharged, the admission date is the
  // date the client came back, which starts a new episode of care; today is filled in for the user to correct.
  const lastDischargedOn = wasDischarged ? (loaded.client?.discharge?.dischargedOn ?? null) : null;
  const readmitting = lastDischargedOn !== null && values.status !== 'discharged';
  const setStatus = (e: { target: { value: string } }) => {
    const status = e.target.value as ClientFormValues['status'];
    setValues((v) => {
      if (lastDischargedOn === null) return { ...v, status };
      if (status === 'discharged') return { ...v, status, admissionDate: loaded.values.admissionDate };
      const admissionDate =
        v.status === 'discharged' && v.admissionDate < lastDischargedOn ? today : v.admissionDate;
      return { ...v, status, admissionDate };
    });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const client = clientInputFrom(values);
    const result = isNew
      ? await call('clients.create', { client })
      : await call('clients.update', { id: clientId, client });
    setSaving(false);
    if (result.ok) {
      dropDraft(clientId);
      navigate({ name: 'client', id: result.value.id });
    } else setError(result.error);
  }

  const cancel = () => {
    dropDraft(clientId);
    navigate(isNew ? { name: 'clients' } : { name: 'client', id: clientId });
  };
  const discard = () => {
    dropDraft(clientId);
    setValues(loaded.values);
    setRestored(false);
  };

  return (
    <div className="page client-form">
      <h1>{isNew ? 'New client' : 'Edit client'}</h1>
      {loaded.client && <p className="muted client-form__who">{clientDisplayName(loaded.client)}</p>}
      <form ref={form} onSubmit={submit} noValidate aria-label={isNew ? 'New client' : 'Edit client'}>
        <FormError error={error} fieldPaths={ALL_FIELD_PATHS} />
        {restored && (
          <div className="banner actions" role="status">
            <span>Your unsaved changes from earlier are back. Save them, or</span>
            <button type="button" onClick={discard}>
              Discard them
            </button>
          </div>
        )}
        <fieldset className="panel form-section">
          <legend>Identity</legend>
          <div className="form-grid">
            <Field
              label="Legal first name"
              autoFocus={isNew}
              value={values.legalFirstName}
              onChange={set('legalFirstName')}
              error={err('legalFirstName')}
              maxLength={CLIENT_NAME_MAX}
              autoComplete="off"
            />
            <Field
              label="Legal last name"
              value={values.legalLastName}
              onChange={set('legalLastName')}
              error={err('legalLastName')}
              maxLength={CLIENT_NAME_MAX}
              autoComplete="off"
            />
            <NativeSelectField
              label="Name order"
              hint={
                // Only names within the saved limit are echoed: a pasted wall of text stays in its field alone.
                values.legalFirstName.trim() &&
                values.legalLastName.trim() &&
                values.legalFirstName.length + values.legalLastName.length <= 200
                  ? `Written in full: ${fullName(values)}`
                  : 'Family first for e.g. Vietnamese, Chinese, Korean or Hungarian names'
              }
              value={values.nameOrder}
              onChange={set('nameOrder')}
              error={err('nameOrder')}
            >
              {NAME_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {NAME_ORDER_LABELS[o]}
                </option>
              ))}
            </NativeSelectField>
            <Field
              label="Preferred name"
              hint="Shown in brackets after the legal name"
              value={values.preferredName}
              onChange={set('preferredName')}
              error={err('preferredName')}
              maxLength={CLIENT_NAME_MAX}
              autoComplete="off"
            />
            <Field
              label="Date of birth"
              type="date"
              max={today}
              value={values.dateOfBirth}
              onChange={set('dateOfBirth')}
              error={err('dateOfBirth')}
            />
            <Field
              label="Pronouns"
              hint="For example she/her, they/them"
              value={values.pronouns}
              onChange={set('pronouns')}
              error={err('pronouns')}
              autoComplete="off"
            />
            <NativeSelectField
              label="Sex"
              hint="Used for scoring: some screens (e.g. AUDIT-C) have different cut-offs for women and men. Gender identity belongs in pronouns."
              value={values.sex}
              onChange={set('sex')}
              error={err('sex')}
            >
              {SexSchema.options.map((s) => (
                <option key={s} value={s}>
                  {SEX_LABELS[s]}
                </option>
              ))}
            </NativeSelectField>
            <NativeSelectField
              label="Language for documents"
              hint="Plans and the taper schedule the client takes home print in this language"
              value={values.documentLanguage}
              onChange={set('documentLanguage')}
              error={err('documentLanguage')}
            >
              {DOCUMENT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'en' ? LANGUAGE_LABELS[l] : `${LANGUAGE_LABELS[l]} (${LANGUAGE_ENDONYMS[l]})`}
                </option>
              ))}
            </NativeSelectField>
            <NativeSelectField
              label="Interpreter needed"
              value={values.interpreterNeeded}
              onChange={set('interpreterNeeded')}
              error={err('interpreterNeeded')}
            >
              <option value="no">No</option>
              <option value="yes">Yes</option>
            </NativeSelectField>
          </div>
        </fieldset>
        <fieldset className="panel form-section">
          <legend>Contact</legend>
          <div className="form-grid">
            <Field
              label="Phone"
              type="tel"
              value={values.phone}
              onChange={set('phone')}
              error={err('phone')}
              autoComplete="off"
            />
            <Field
              label="Email"
              type="email"
              value={values.email}
              onChange={set('email')}
              error={err('email')}
              autoComplete="off"
            />
            <TextAreaField
              label="Address"
              rows={2}
              value={values.address}
              onChange={set('address')}
              error={err('address')}
            />
          </div>
        </fieldset>
        <fieldset className="panel form-section">
          <legend>Emergency contact</legend>
          <div className="form-grid">
            <Field
              label="Name"
              value={values.emergencyName}
              onChange={set('emergencyName')}
              error={err('emergencyName')}
              autoComplete="off"
            />
            <Field
              label="Relationship"
              hint="For example sister, partner, sponsor"
              value={values.emergencyRelationship}
              onChange={set('emergencyRelationship')}
              error={err('emergencyRelationship')}
              autoComplete="off"
            />
            <Field
              label="Phone"
              type="tel"
              value={values.emergencyPhone}
              onChange={set('emergencyPhone')}
              error={err('emergencyPhone')}
              autoComplete="off"
            />
          </div>
        </fieldset>
        <fieldset className="panel form-section">
          <legend>Care</legend>
          <div className="form-grid">
            <Field
              label="Chart number"
              hint={
                isNew
                  ? 'The next number is filled in; the clinic’s own number may be used instead'
                  : undefined
              }
              value={values.chartNumber}
              onChange={set('chartNumber')}
              error={err('chartNumber')}
              autoComplete="off"
              spellCheck={false}
            />
            <Field
              label={readmitting ? 'Re-admission date' : 'Admission date'}
              hint={
                readmitting
                  ? `The day they came back to care, on or after their discharge on ${formatDateOnly(lastDischargedOn)}. A new episode of care starts on it: intake measures are due again.`
                  : undefined
              }
              type="date"
              min={readmitting ? lastDischargedOn : undefined}
              max={today}
              value={values.admissionDate}
              onChange={set('admissionDate')}
              error={err('admissionDate')}
            />
            <NativeSelectField
              label="Status"
              value={values.status}
              onChange={setStatus}
              error={err('status')}
            >
              {CLIENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CLIENT_STATUS_LABELS[s]}
                </option>
              ))}
            </NativeSelectField>
            {values.status === 'discharged' && !wasDischarged && (
              // Until the discharge workflow exists, Discharged is never set without these (CLINICAL.md §5).
              <>
                <Field
                  label="Discharge date"
                  type="date"
                  max={today}
                  value={values.dischargedOn}
                  onChange={set('dischargedOn')}
                  error={err('dischargedOn')}
                />
                <NativeSelectField
                  label="Discharge type"
                  hint="Consents that end at discharge end on this date"
                  value={values.dischargeType}
                  onChange={set('dischargeType')}
                  error={err('dischargeType')}
                >
                  <option value="">Choose…</option>
                  {DISCHARGE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {DISCHARGE_TYPE_LABELS[t]}
                    </option>
                  ))}
                </NativeSelectField>
              </>
            )}
            {values.status === 'discharged' && wasDischarged && loaded.client?.discharge && (
              <p className="muted client-form__discharge">
                Discharged {formatDateOnly(loaded.client.discharge.dischargedOn)} (
                {DISCHARGE_TYPE_LABELS[loaded.client.discharge.type].toLowerCase()})
              </p>
            )}
            <NativeSelectField
              label="Assigned clinician"
              value={values.assignedClinicianId}
              onChange={set('assignedClinicianId')}
              error={err('assignedClinicianId')}
            >
              <option value="">Not assigned</option>
              {loaded.clinicians.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                  {u.credentials ? `, ${u.credentials}` : ''}
                </option>
              ))}
            </NativeSelectField>
          </div>
        </fieldset>
        <div className="actions form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : isNew ? 'Create client' : 'Save changes'}
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
