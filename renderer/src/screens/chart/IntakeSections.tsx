/** Intake sections other than kratom use (CLINICAL.md §1.1): each answer may stay unknown. */
import type { IntakeData } from '../../../../shared/domain/intake';
import { Choice, TextArea, TriState, type Option } from '../../components/controls';
import type { SectionProps } from './IntakeKratom';

type UseStatus = NonNullable<IntakeData['substances']['alcohol']>;
const USE_STATUS: readonly Option<UseStatus>[] = [
  { value: 'never', label: 'Never' },
  { value: 'past', label: 'In the past' },
  { value: 'current', label: 'Currently' },
];
const CO_USE = [
  ['alcohol', 'Alcohol'],
  ['benzodiazepines', 'Benzodiazepines'],
  ['opioids', 'Opioids'],
  ['stimulants', 'Stimulants'],
] as const;

export function SubstancesSection({ value, set, err }: SectionProps<IntakeData['substances']>) {
  return (
    <>
      <p className="muted">Current use alongside kratom points to medically supported withdrawal.</p>
      <div className="intake-grid">
        {CO_USE.map(([key, label]) => (
          <Choice
            key={key}
            legend={label}
            value={value[key]}
            options={USE_STATUS}
            onChange={(v) => set({ [key]: v })}
            error={err(key)}
          />
        ))}
      </div>
      <TextArea
        label="Other substances"
        value={value.otherSubstances}
        onChange={(otherSubstances) => set({ otherSubstances })}
        error={err('otherSubstances')}
      />
      <div className="intake-grid">
        <TriState
          legend="Has used opioids before"
          value={value.priorOpioidUse}
          onChange={(priorOpioidUse) => set({ priorOpioidUse })}
          error={err('priorOpioidUse')}
        />
        <TriState
          legend="Started kratom to get off opioids"
          value={value.startedKratomToStopOpioids}
          onChange={(startedKratomToStopOpioids) => set({ startedKratomToStopOpioids })}
          error={err('startedKratomToStopOpioids')}
        />
      </div>
      <TextArea label="Notes" value={value.notes} onChange={(notes) => set({ notes })} error={err('notes')} />
    </>
  );
}

export function MedicalSection({ value, set, err }: SectionProps<IntakeData['medical']>) {
  return (
    <>
      <div className="intake-grid">
        <TriState
          legend="Heart rhythm problems"
          value={value.heartRhythm}
          onChange={(heartRhythm) => set({ heartRhythm })}
          error={err('heartRhythm')}
        />
        <TriState
          legend="Liver problems"
          value={value.liver}
          onChange={(liver) => set({ liver })}
          error={err('liver')}
        />
        <TriState
          legend="Seizures"
          value={value.seizures}
          onChange={(seizures) => set({ seizures })}
          error={err('seizures')}
        />
      </div>
      <TextArea
        label="Other conditions"
        value={value.otherConditions}
        onChange={(otherConditions) => set({ otherConditions })}
        error={err('otherConditions')}
      />
      <TextArea
        label="Current medications"
        value={value.currentMedications}
        onChange={(currentMedications) => set({ currentMedications })}
        error={err('currentMedications')}
        hint="Include over-the-counter medicines (high-dose loperamide affects heart rhythm)."
      />
    </>
  );
}

export function PsychiatricSection({ value, set, err }: SectionProps<IntakeData['psychiatric']>) {
  return (
    <>
      <div className="intake-grid">
        <TriState
          legend="Depression"
          value={value.depression}
          onChange={(depression) => set({ depression })}
          error={err('depression')}
        />
        <TriState
          legend="Panic"
          value={value.panic}
          onChange={(panic) => set({ panic })}
          error={err('panic')}
        />
        <TriState
          legend="Trauma"
          value={value.trauma}
          onChange={(trauma) => set({ trauma })}
          error={err('trauma')}
        />
        <TriState
          legend="Suicidal thoughts"
          value={value.suicidalThoughts}
          onChange={(suicidalThoughts) => set({ suicidalThoughts })}
          error={err('suicidalThoughts')}
          hint="Yes raises an urgent flag on the chart."
        />
      </div>
      <TextArea label="Notes" value={value.notes} onChange={(notes) => set({ notes })} error={err('notes')} />
    </>
  );
}

type Pregnancy = NonNullable<IntakeData['pregnancy']['status']>;
const PREGNANCY: readonly Option<Pregnancy>[] = [
  { value: 'not-applicable', label: 'Not applicable' },
  { value: 'not-pregnant', label: 'Not pregnant' },
  { value: 'pregnant', label: 'Pregnant' },
  { value: 'postpartum', label: 'Postpartum' },
  { value: 'unknown', label: 'Unknown' },
];

export function PregnancySection({ value, set, err }: SectionProps<IntakeData['pregnancy']>) {
  return (
    <>
      <Choice
        legend="Pregnancy or postpartum"
        value={value.status}
        options={PREGNANCY}
        unknownLabel="Not asked yet"
        onChange={(status) => set({ status })}
        error={err('status')}
      />
      <TextArea label="Notes" value={value.notes} onChange={(notes) => set({ notes })} error={err('notes')} />
    </>
  );
}

type Access = NonNullable<IntakeData['social']['accessToTriggers']>;
const ACCESS: readonly Option<Access>[] = [
  { value: 'low', label: 'Low' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'high', label: 'High' },
];

export function SocialSection({ value, set, err }: SectionProps<IntakeData['social']>) {
  return (
    <>
      <TextArea
        label="Living situation"
        value={value.livingSituation}
        onChange={(livingSituation) => set({ livingSituation })}
        error={err('livingSituation')}
      />
      <TextArea
        label="Supports"
        value={value.supports}
        onChange={(supports) => set({ supports })}
        error={err('supports')}
        hint="People the client can lean on during withdrawal and after."
      />
      <Choice
        legend="Access to kratom and triggers"
        value={value.accessToTriggers}
        options={ACCESS}
        onChange={(accessToTriggers) => set({ accessToTriggers })}
        error={err('accessToTriggers')}
      />
      <TextArea
        label="Work or school"
        value={value.work}
        onChange={(work) => set({ work })}
        error={err('work')}
      />
    </>
  );
}

export function ReasonsSection({ value, set, err }: SectionProps<IntakeData['reasons']>) {
  return (
    <>
      <TextArea
        label="Reasons for seeking care"
        value={value.reasons}
        onChange={(reasons) => set({ reasons })}
        error={err('reasons')}
        rows={3}
      />
      <TextArea
        label="Client's own goals"
        value={value.goals}
        onChange={(goals) => set({ goals })}
        error={err('goals')}
        rows={3}
      />
    </>
  );
}
