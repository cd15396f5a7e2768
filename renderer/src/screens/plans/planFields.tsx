/**
 * The fields of each plan, written with the client in session (CLINICAL.md §5). Each control is labelled and shows
 * its error beside it; list rows (if-then plans, people, obstacles) can be added up to their limit.
 */
import type { ReactNode } from 'react';
import {
  MAX_IF_THEN,
  TRIGGER_GROUPS,
  TRIGGER_GROUP_LABELS,
  type AftercareContent,
  type Contact,
  type IfThen,
  type RelapsePreventionContent,
  type SafetyContent,
} from '../../../../shared/domain/recoveryPlans';
import { Field } from '../../components/Field';
import { TextArea } from '../../components/controls';

export interface FieldsProps<T> {
  v: T;
  set: (next: T) => void;
  /** The error for a path inside the plan ('triggers.body.0.trigger'), from the last save or signing. */
  err: (path: string) => string | null;
}

function Section({ title, children, hint }: { title: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="plan-section">
      <legend>{title}</legend>
      {hint && <p className="muted plan-section__hint">{hint}</p>}
      {children}
    </fieldset>
  );
}

function Contacts({
  list,
  path,
  what,
  max,
  onChange,
  err,
}: {
  list: readonly Contact[];
  path: string;
  what: string;
  max: number;
  onChange: (list: Contact[]) => void;
  err: (path: string) => string | null;
}) {
  const put = (i: number, patch: Partial<Contact>) =>
    onChange(list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <>
      {list.map((c, i) => (
        <div className="plan-row" key={i}>
          <Field
            label={`${what} ${i + 1}: name`}
            value={c.name}
            onChange={(e) => put(i, { name: e.target.value })}
            error={err(`${path}.${i}.name`)}
          />
          <Field
            label={`${what} ${i + 1}: phone`}
            type="tel"
            value={c.phone}
            onChange={(e) => put(i, { phone: e.target.value })}
            error={err(`${path}.${i}.phone`)}
          />
        </div>
      ))}
      {list.length < max && (
        <button type="button" onClick={() => onChange([...list, { name: '', phone: '' }])}>
          Add {what.toLowerCase()}
        </button>
      )}
    </>
  );
}

export function RelapsePreventionFields({ v, set, err }: FieldsProps<RelapsePreventionContent>) {
  const text = (
    key: 'reasonsForRecovery' | 'copingStrategies' | 'afterLapse',
    label: string,
    hint?: string,
  ) => (
    <TextArea
      label={label}
      value={v[key]}
      onChange={(x) => set({ ...v, [key]: x })}
      error={err(key)}
      hint={hint}
      rows={3}
    />
  );
  const putTrigger = (group: (typeof TRIGGER_GROUPS)[number], rows: IfThen[]) =>
    set({ ...v, triggers: { ...v.triggers, [group]: rows } });
  return (
    <>
      <Section title="Reasons for recovery">
        {text('reasonsForRecovery', 'Reasons for recovery', 'In the client’s words, one a line.')}
      </Section>
      <Section title="Triggers: if … then …" hint="For each trigger, what the client will do instead.">
        {TRIGGER_GROUPS.map((group) => {
          const label = TRIGGER_GROUP_LABELS[group];
          const rows = v.triggers[group];
          return (
            <div key={group} className="plan-group">
              <h4>
                {label.title} <span className="muted">({label.examples})</span>
              </h4>
              {rows.map((r, i) => (
                <div className="plan-row" key={i}>
                  <Field
                    label={`${label.title} ${i + 1}: if`}
                    value={r.trigger}
                    onChange={(e) =>
                      putTrigger(
                        group,
                        rows.map((x, j) => (j === i ? { ...x, trigger: e.target.value } : x)),
                      )
                    }
                    error={err(`triggers.${group}.${i}.trigger`)}
                  />
                  <Field
                    label={`${label.title} ${i + 1}: then`}
                    value={r.response}
                    onChange={(e) =>
                      putTrigger(
                        group,
                        rows.map((x, j) => (j === i ? { ...x, response: e.target.value } : x)),
                      )
                    }
                    error={err(`triggers.${group}.${i}.response`)}
                  />
                </div>
              ))}
              {rows.length < MAX_IF_THEN && (
                <button
                  type="button"
                  onClick={() => putTrigger(group, [...rows, { trigger: '', response: '' }])}
                >
                  Add {label.title === 'Emotion' ? 'an' : 'a'} {label.title.toLowerCase()} trigger
                </button>
              )}
            </div>
          );
        })}
      </Section>
      <Section title="Top 5 early warning signs">
        <div className="plan-signs">
          {v.warningSigns.map((s, i) => (
            <Field
              key={i}
              label={`Warning sign ${i + 1}`}
              value={s}
              onChange={(e) =>
                set({ ...v, warningSigns: v.warningSigns.map((x, j) => (j === i ? e.target.value : x)) })
              }
              error={err(`warningSigns.${i}`)}
            />
          ))}
        </div>
      </Section>
      <Section title="Coping strategies">
        {text('copingStrategies', 'Coping strategies', 'One a line.')}
      </Section>
      <Section title="First 3 people to tell">
        <Contacts
          list={v.peopleToTell}
          path="peopleToTell"
          what="Person"
          max={3}
          onChange={(peopleToTell) => set({ ...v, peopleToTell })}
          err={err}
        />
      </Section>
      <Section title="After a lapse">
        {text('afterLapse', 'What to do after a lapse', 'The steps back into treatment.')}
      </Section>
      <Section title="Next steps">
        <div className="form-grid">
          <Field
            label="Next appointment"
            value={v.nextAppointment}
            onChange={(e) => set({ ...v, nextAppointment: e.target.value })}
            error={err('nextAppointment')}
            hint="Date, time and with whom."
          />
          <Field
            label="One concrete change"
            value={v.oneChange}
            onChange={(e) => set({ ...v, oneChange: e.target.value })}
            error={err('oneChange')}
          />
          <Field
            label="Review date"
            type="date"
            value={v.reviewDate}
            onChange={(e) => set({ ...v, reviewDate: e.target.value })}
            error={err('reviewDate')}
          />
        </div>
      </Section>
    </>
  );
}

export function SafetyFields({ v, set, err }: FieldsProps<SafetyContent>) {
  const text = (
    key: 'warningSigns' | 'ownCopingSteps' | 'distractions' | 'saferSurroundings' | 'reasonsForLiving',
    label: string,
  ) => (
    <TextArea
      label={label}
      value={v[key]}
      onChange={(x) => set({ ...v, [key]: x })}
      error={err(key)}
      hint="One a line."
      rows={3}
    />
  );
  return (
    <>
      <Section title="Warning signs">
        {text('warningSigns', 'Signs that a hard time may be starting')}
      </Section>
      <Section title="The client’s own coping steps">
        {text('ownCopingSteps', 'Things the client can do on their own')}
      </Section>
      <Section title="People and places that distract">
        {text('distractions', 'People and places that take their mind off things')}
      </Section>
      <Section title="People to ask for help">
        <Contacts
          list={v.helpers}
          path="helpers"
          what="Helper"
          max={5}
          onChange={(helpers) => set({ ...v, helpers })}
          err={err}
        />
      </Section>
      <Section
        title="Professionals and crisis lines"
        hint="The 988 Suicide & Crisis Lifeline, 911 and the clinic's number are always printed on the plan."
      >
        <Contacts
          list={v.professionals}
          path="professionals"
          what="Professional"
          max={5}
          onChange={(professionals) => set({ ...v, professionals })}
          err={err}
        />
      </Section>
      <Section title="Making the surroundings safer">
        {text('saferSurroundings', 'How the surroundings will be made safer')}
      </Section>
      <Section title="Reasons for living">{text('reasonsForLiving', 'Reasons for living')}</Section>
    </>
  );
}

export function AftercareFields({
  v,
  set,
  err,
  relapsePlanLabel,
}: FieldsProps<AftercareContent> & { relapsePlanLabel: string }) {
  type TextKey = {
    [K in keyof AftercareContent]: AftercareContent[K] extends string ? K : never;
  }[keyof AftercareContent];
  const area = (key: TextKey, label: string, hint?: string, rows = 2) => (
    <TextArea
      label={label}
      value={v[key]}
      onChange={(x) => set({ ...v, [key]: x })}
      error={err(key)}
      hint={hint}
      rows={rows}
    />
  );
  const line = (key: TextKey, label: string) => (
    <Field
      label={label}
      value={v[key]}
      onChange={(e) => set({ ...v, [key]: e.target.value })}
      error={err(key)}
    />
  );
  return (
    <>
      <Section title="Status and progress at discharge">
        {area('statusAtDischarge', 'Status and progress at discharge', undefined, 4)}
      </Section>
      <Section title="Continuing services">
        {area('counselling', 'Outpatient counselling')}
        {area('medication', 'Medication (MAT) continuation')}
        <div className="form-grid">
          {line('prescriber', 'Prescriber')}
          {line('pharmacy', 'Pharmacy')}
        </div>
        {area('nextAppointments', 'Next appointments', 'Pre-filled from the record; one a line.', 3)}
        {area('supportGroups', 'Support groups', 'For example NA or SMART Recovery: which, when, where.')}
        {area('soberLiving', 'Sober living')}
        {area('alumni', 'Alumni programme')}
        {area('coaching', 'Weekly recovery-coaching check-ins')}
      </Section>
      <Section title="Obstacles and how to meet them">
        {v.obstacles.map((o, i) => (
          <div className="plan-row" key={i}>
            <Field
              label={`Obstacle ${i + 1}`}
              value={o.obstacle}
              onChange={(e) =>
                set({
                  ...v,
                  obstacles: v.obstacles.map((x, j) => (j === i ? { ...x, obstacle: e.target.value } : x)),
                })
              }
              error={err(`obstacles.${i}.obstacle`)}
            />
            <Field
              label={`How to meet obstacle ${i + 1}`}
              value={o.response}
              onChange={(e) =>
                set({
                  ...v,
                  obstacles: v.obstacles.map((x, j) => (j === i ? { ...x, response: e.target.value } : x)),
                })
              }
              error={err(`obstacles.${i}.response`)}
            />
          </div>
        ))}
        {v.obstacles.length < 8 && (
          <button
            type="button"
            onClick={() => set({ ...v, obstacles: [...v.obstacles, { obstacle: '', response: '' }] })}
          >
            Add an obstacle
          </button>
        )}
      </Section>
      <Section title="Relapse-prevention plan">
        <p className="plan-linked" role="note">
          {relapsePlanLabel}
        </p>
      </Section>
      <Section title="Withdrawal-comfort basics">
        {area('withdrawalComfort', 'Withdrawal-comfort basics', 'One a line.', 5)}
        {line('comfortPerson', 'A person to text')}
      </Section>
      <Section title="Urgent red flags and crisis numbers">
        {area('redFlags', 'Urgent red flags', undefined, 6)}
        {area('crisisNumbers', 'Crisis numbers', 'One a line.', 3)}
      </Section>
    </>
  );
}
