/** The parts of the note editor around its sections: session details, interventions, risk review, plan goals. */
import { useId } from 'react';
import { INTERVENTION_LABELS, INTERVENTIONS, type NoteContent } from '../../../../shared/domain/notes';
import { Field } from '../../components/Field';
import { CheckField, Choice, SelectField, TextArea } from '../../components/controls';
import {
  HOMICIDAL_LABELS,
  MODALITY_LABELS,
  options,
  SESSION_TYPE_LABELS,
  SUICIDAL_LABELS,
} from './noteLabels';

export type SetContent = (patch: Partial<NoteContent>) => void;
/** The server's message for a field of the content (`content.endTime`), or null. */
export type ContentError = (path: string) => string | null;

const SESSION_TYPES = options(SESSION_TYPE_LABELS).filter((o) => o.value !== 'group');

export function SessionDetails({
  content,
  set,
  err,
  fixed,
}: {
  content: NoteContent;
  set: SetContent;
  err: ContentError;
  /** A group attendee note: type, date and times come from the group session. */
  fixed: boolean;
}) {
  if (fixed) return null;
  return (
    <div className="note-details">
      <SelectField
        label="Session type"
        value={content.sessionType}
        options={SESSION_TYPES}
        onChange={(sessionType) => set({ sessionType })}
        error={err('sessionType')}
      />
      <Field
        label="Session date"
        type="date"
        value={content.sessionDate}
        onChange={(e) => set({ sessionDate: e.target.value })}
        error={err('sessionDate')}
      />
      <Field
        label="Start time"
        type="time"
        value={content.startTime}
        onChange={(e) => set({ startTime: e.target.value })}
        error={err('startTime')}
      />
      <Field
        label="End time"
        type="time"
        value={content.endTime}
        onChange={(e) => set({ endTime: e.target.value })}
        error={err('endTime')}
      />
      <SelectField
        label="Modality"
        value={content.modality}
        options={options(MODALITY_LABELS)}
        onChange={(modality) => set({ modality })}
        error={err('modality')}
      />
    </div>
  );
}

export function Interventions({
  content,
  set,
  err,
}: {
  content: NoteContent;
  set: SetContent;
  err: ContentError;
}) {
  const toggle = (id: (typeof INTERVENTIONS)[number], on: boolean) =>
    set({
      // Kept in the list's own order, so the same choices always read the same way.
      interventions: INTERVENTIONS.filter((i) => (i === id ? on : content.interventions.includes(i))),
    });
  return (
    <fieldset className="note-fieldset">
      <legend>Interventions</legend>
      <div className="check-row">
        {INTERVENTIONS.map((i) => (
          <CheckField
            key={i}
            label={INTERVENTION_LABELS[i]}
            checked={content.interventions.includes(i)}
            onChange={(on) => toggle(i, on)}
          />
        ))}
      </div>
      {content.interventions.includes('other') && (
        <Field
          label="Other intervention"
          value={content.interventionsOther}
          onChange={(e) => set({ interventionsOther: e.target.value })}
          error={err('interventionsOther')}
        />
      )}
    </fieldset>
  );
}

export function RiskReview({
  content,
  set,
  err,
}: {
  content: NoteContent;
  set: SetContent;
  err: ContentError;
}) {
  const risk = content.risk;
  const setRisk = (patch: Partial<NoteContent['risk']>) => set({ risk: { ...risk, ...patch } });
  return (
    <fieldset className="note-fieldset">
      <legend>Risk review</legend>
      <div className="risk-grid">
        <Choice
          legend="Suicidal ideation"
          value={risk.suicidalIdeation}
          options={options(SUICIDAL_LABELS)}
          onChange={(v) => v && setRisk({ suicidalIdeation: v })}
          error={err('risk.suicidalIdeation')}
          required
        />
        <Choice
          legend="Homicidal ideation"
          value={risk.homicidalIdeation}
          options={options(HOMICIDAL_LABELS)}
          onChange={(v) => v && setRisk({ homicidalIdeation: v })}
          error={err('risk.homicidalIdeation')}
          required
        />
      </div>
      <CheckField
        label="Red flags observed"
        hint="Breathing trouble, severe sedation, chest pain, seizure, severe confusion, suicidal thoughts or self-harm urges."
        checked={risk.redFlagsObserved}
        onChange={(redFlagsObserved) => setRisk({ redFlagsObserved })}
      />
      <TextArea
        label="Risk note"
        value={risk.note}
        onChange={(note) => setRisk({ note })}
        error={err('risk.note')}
      />
    </fieldset>
  );
}

export interface PlanGoal {
  id: string;
  text: string;
  problem: string;
}

export function GoalsAddressed({
  goals,
  selected,
  onChange,
}: {
  goals: readonly PlanGoal[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const hintId = useId();
  return (
    <fieldset className="note-fieldset" aria-describedby={goals.length === 0 ? hintId : undefined}>
      <legend>Plan goals addressed</legend>
      {goals.length === 0 ? (
        <p className="muted" id={hintId}>
          This client has no treatment plan yet; goals can be linked once one is written.
        </p>
      ) : (
        goals.map((g) => (
          <CheckField
            key={g.id}
            label={g.text}
            hint={`Problem: ${g.problem}`}
            checked={selected.includes(g.id)}
            onChange={(on) =>
              onChange([
                // Goals of an earlier plan version stay linked; only the goals shown here can be changed.
                ...selected.filter((id) => !goals.some((x) => x.id === id)),
                ...goals.filter((x) => (x.id === g.id ? on : selected.includes(x.id))).map((x) => x.id),
              ])
            }
          />
        ))
      )}
    </fieldset>
  );
}
