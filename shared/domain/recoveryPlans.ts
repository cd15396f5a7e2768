/**
 * The plans a client takes home (CLINICAL.md §5): the relapse-prevention plan, the safety plan and the aftercare
 * plan. Policy:
 * - Each is written with the client in session as numbered versions; a version is a draft until the clinician signs
 *   it, and a signed version never changes (the database refuses it). Revising a signed plan starts the next version
 *   from it.
 * - A draft save checks types and lengths only, so whatever has been typed is kept; what a plan needs before it can
 *   be signed is checked by `planSigningProblems`, as errors beside the fields.
 * - The safety plan is in the project's own words (not a reproduction of any published form); the crisis lines
 *   (988, 911) are always printed on it (CLINICAL.md §4).
 */
import { z } from 'zod';
import { isCalendarDate, optionalPhone, optionalText } from './common';
import { RED_FLAG_SYMPTOMS, RED_FLAG_SYMPTOM_LABELS } from './alerts';

export const RECOVERY_PLAN_KINDS = ['relapse-prevention', 'safety', 'aftercare'] as const;
export const RecoveryPlanKindSchema = z.enum(RECOVERY_PLAN_KINDS);
export type RecoveryPlanKind = z.infer<typeof RecoveryPlanKindSchema>;

export const RECOVERY_PLAN_TITLES: Record<RecoveryPlanKind, string> = {
  'relapse-prevention': 'Relapse-prevention plan',
  safety: 'Safety plan',
  aftercare: 'Aftercare plan',
};

const text = (label: string) => optionalText(label, 4000);
const line = (label: string) => optionalText(label, 300);
/** A draft's date is kept as typed ('' or any text up to 10 characters); signing needs a real date. */
const draftDate = (label: string) => optionalText(label, 10);

export const ContactSchema = z.object({ name: line('Name'), phone: optionalPhone });
export type Contact = z.infer<typeof ContactSchema>;

export const IfThenSchema = z.object({ trigger: line('If'), response: line('Then') });
export type IfThen = z.infer<typeof IfThenSchema>;

export const TRIGGER_GROUPS = ['body', 'emotion', 'situation'] as const;
export type TriggerGroup = (typeof TRIGGER_GROUPS)[number];
/** CLINICAL.md §5: the three groups and the examples it gives for each. */
export const TRIGGER_GROUP_LABELS: Record<TriggerGroup, { title: string; examples: string }> = {
  body: { title: 'Body', examples: 'pain, fatigue, poor sleep' },
  emotion: { title: 'Emotion', examples: 'anxiety, anger, sadness' },
  situation: { title: 'Situation', examples: 'driving, work breaks, social settings' },
};

export const MAX_IF_THEN = 6;
export const WARNING_SIGN_COUNT = 5;
export const PEOPLE_TO_TELL = 3;

export const RelapsePreventionContentSchema = z.object({
  reasonsForRecovery: text('Reasons for recovery'),
  triggers: z.object({
    body: z.array(IfThenSchema).max(MAX_IF_THEN),
    emotion: z.array(IfThenSchema).max(MAX_IF_THEN),
    situation: z.array(IfThenSchema).max(MAX_IF_THEN),
  }),
  warningSigns: z.array(line('Warning sign')).max(WARNING_SIGN_COUNT),
  copingStrategies: text('Coping strategies'),
  peopleToTell: z.array(ContactSchema).max(PEOPLE_TO_TELL),
  afterLapse: text('After a lapse'),
  nextAppointment: line('Next appointment'),
  oneChange: line('One concrete change'),
  reviewDate: draftDate('Review date'),
});
export type RelapsePreventionContent = z.infer<typeof RelapsePreventionContentSchema>;

export const SafetyContentSchema = z.object({
  warningSigns: text('Warning signs'),
  ownCopingSteps: text('Things I can do on my own'),
  distractions: text('People and places that take my mind off things'),
  helpers: z.array(ContactSchema).max(5),
  professionals: z.array(ContactSchema).max(5),
  saferSurroundings: text('Making my surroundings safer'),
  reasonsForLiving: text('Reasons for living'),
});
export type SafetyContent = z.infer<typeof SafetyContentSchema>;

export const ObstacleSchema = z.object({ obstacle: line('Obstacle'), response: line('How to meet it') });

export const AftercareContentSchema = z.object({
  statusAtDischarge: text('Status and progress at discharge'),
  counselling: text('Outpatient counselling'),
  medication: text('Medication (MAT) continuation'),
  prescriber: line('Prescriber'),
  pharmacy: line('Pharmacy'),
  nextAppointments: text('Next appointments'),
  supportGroups: text('Support groups'),
  soberLiving: text('Sober living'),
  alumni: text('Alumni programme'),
  coaching: text('Weekly recovery-coaching check-ins'),
  obstacles: z.array(ObstacleSchema).max(8),
  /** The signed relapse-prevention plan version this plan hands on (printed with it), or null when there is none. */
  relapsePreventionPlanId: z.string().max(64).nullable(),
  withdrawalComfort: text('Withdrawal comfort'),
  comfortPerson: line('A person to text'),
  redFlags: text('Urgent red flags'),
  crisisNumbers: text('Crisis numbers'),
});
export type AftercareContent = z.infer<typeof AftercareContentSchema>;

export const RecoveryPlanContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relapse-prevention'), plan: RelapsePreventionContentSchema }),
  z.object({ kind: z.literal('safety'), plan: SafetyContentSchema }),
  z.object({ kind: z.literal('aftercare'), plan: AftercareContentSchema }),
]);
export type RecoveryPlanContent = z.infer<typeof RecoveryPlanContentSchema>;

export const RecoveryPlanSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  version: z.number().int(),
  content: RecoveryPlanContentSchema,
  createdAtMs: z.number().int(),
  createdByName: z.string().nullable(),
  updatedAtMs: z.number().int(),
  signedAtMs: z.number().int().nullable(),
  signedByName: z.string().nullable(),
  signedByCredentials: z.string().nullable(),
  contentHash: z.string().nullable(),
});
export type RecoveryPlan = z.infer<typeof RecoveryPlanSchema>;

export const emptyRelapsePrevention = (): RelapsePreventionContent => ({
  reasonsForRecovery: '',
  triggers: {
    body: [{ trigger: '', response: '' }],
    emotion: [{ trigger: '', response: '' }],
    situation: [{ trigger: '', response: '' }],
  },
  warningSigns: Array.from({ length: WARNING_SIGN_COUNT }, () => ''),
  copingStrategies: '',
  peopleToTell: Array.from({ length: PEOPLE_TO_TELL }, () => ({ name: '', phone: '' })),
  afterLapse: '',
  nextAppointment: '',
  oneChange: '',
  reviewDate: '',
});

export const emptySafety = (): SafetyContent => ({
  warningSigns: '',
  ownCopingSteps: '',
  distractions: '',
  helpers: [
    { name: '', phone: '' },
    { name: '', phone: '' },
  ],
  professionals: [{ name: '', phone: '' }],
  saferSurroundings: '',
  reasonsForLiving: '',
});

/** CLINICAL.md §5: the withdrawal-comfort basics of the aftercare plan, as a starting text the clinician edits. */
export const WITHDRAWAL_COMFORT_BASICS = [
  'Drink plenty of fluids, with electrolytes (an oral rehydration drink or broth).',
  'Eat small, easy meals: soup, rice, bananas, toast, yoghurt.',
  'Keep a sleep routine: the same bedtime, a dark cool room, no screens for the last hour.',
  'Move a little every day: a walk, stretching.',
  'Text your person when it gets hard.',
].join('\n');

/** CLINICAL.md §4: the urgent red flags, in the words the client reads. */
export const RED_FLAGS_TEXT = [
  'Call 911 (or go to the nearest emergency department) for any of these:',
  ...RED_FLAG_SYMPTOMS.filter((s) => !['suicidal-thoughts', 'self-harm-urges'].includes(s)).map(
    (s) => `• ${RED_FLAG_SYMPTOM_LABELS[s]}`,
  ),
  'Thoughts of suicide or of harming yourself, or a sudden severe low mood: call or text 988, or call 911.',
].join('\n');

/** The crisis lines every plan that leaves with the client names (CLINICAL.md §4). */
export const CRISIS_LINES: ReadonlyArray<{ name: string; how: string }> = [
  { name: '988 Suicide & Crisis Lifeline', how: 'call or text 988, any time' },
  { name: 'Emergency services', how: 'call 911' },
];

export const crisisNumbersText = (clinicName: string, clinicPhone: string): string =>
  [...CRISIS_LINES.map((c) => `${c.name}: ${c.how}`), `${clinicName}: ${clinicPhone}`].join('\n');

export const emptyAftercare = (): AftercareContent => ({
  statusAtDischarge: '',
  counselling: '',
  medication: '',
  prescriber: '',
  pharmacy: '',
  nextAppointments: '',
  supportGroups: '',
  soberLiving: '',
  alumni: '',
  coaching: '',
  obstacles: [{ obstacle: '', response: '' }],
  relapsePreventionPlanId: null,
  withdrawalComfort: WITHDRAWAL_COMFORT_BASICS,
  comfortPerson: '',
  redFlags: RED_FLAGS_TEXT,
  crisisNumbers: '',
});

export function emptyPlanContent(kind: RecoveryPlanKind): RecoveryPlanContent {
  switch (kind) {
    case 'relapse-prevention':
      return { kind, plan: emptyRelapsePrevention() };
    case 'safety':
      return { kind, plan: emptySafety() };
    case 'aftercare':
      return { kind, plan: emptyAftercare() };
  }
}

export interface PlanProblem {
  path: string;
  message: string;
}

const blank = (s: string) => s.trim() === '';
const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

function contactProblems(
  path: string,
  list: readonly Contact[],
  needed: number,
  what: string,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  list.forEach((c, i) => {
    if (!blank(c.name) && blank(c.phone)) {
      problems.push({ path: `${path}.${i}.phone`, message: `Add ${c.name.trim()}'s phone number.` });
    }
    if (blank(c.name) && !blank(c.phone)) {
      problems.push({ path: `${path}.${i}.name`, message: 'Whose number is this? Add the name.' });
    }
  });
  const complete = list.filter((c) => !blank(c.name) && !blank(c.phone)).length;
  if (complete < needed) {
    problems.push({
      path: `${path}.0.name`,
      message: `Name at least ${needed === 1 ? 'one' : needed} ${what}, with a phone number.`,
    });
  }
  return problems;
}

function requireText(problems: PlanProblem[], path: string, value: string, message: string): void {
  if (blank(value)) problems.push({ path, message });
}

/**
 * Everything a plan needs before it is signed (CLINICAL.md §5), as errors on the fields, in the order they appear on
 * the form. `today` is the signing date, 'YYYY-MM-DD'.
 */
export function planSigningProblems(content: RecoveryPlanContent, today: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const need = (path: string, value: string, message: string) => requireText(problems, path, value, message);
  switch (content.kind) {
    case 'relapse-prevention': {
      const p = content.plan;
      need('reasonsForRecovery', p.reasonsForRecovery, 'Write at least one reason for recovery.');
      for (const group of TRIGGER_GROUPS) {
        const rows = p.triggers[group];
        rows.forEach((r, i) => {
          if (!blank(r.trigger) && blank(r.response)) {
            problems.push({
              path: `triggers.${group}.${i}.response`,
              message: 'Say what the client will do then.',
            });
          }
          if (blank(r.trigger) && !blank(r.response)) {
            problems.push({ path: `triggers.${group}.${i}.trigger`, message: 'Say what the trigger is.' });
          }
        });
        if (!rows.some((r) => !blank(r.trigger) && !blank(r.response))) {
          problems.push({
            path: `triggers.${group}.0.trigger`,
            message: `Write at least one if-then plan for ${article(TRIGGER_GROUP_LABELS[group].title.toLowerCase())} trigger.`,
          });
        }
      }
      if (!p.warningSigns.some((s) => !blank(s))) {
        problems.push({ path: 'warningSigns.0', message: 'Name at least one early warning sign.' });
      }
      need('copingStrategies', p.copingStrategies, 'Write at least one coping strategy.');
      problems.push(...contactProblems('peopleToTell', p.peopleToTell, 1, 'person to tell'));
      need('afterLapse', p.afterLapse, 'Write what the client will do after a lapse to get back into care.');
      need('nextAppointment', p.nextAppointment, 'Write the next appointment.');
      need('oneChange', p.oneChange, 'Write the one concrete change.');
      if (!isCalendarDate(p.reviewDate)) {
        problems.push({ path: 'reviewDate', message: 'The review date must be a real date (YYYY-MM-DD).' });
      } else if (p.reviewDate < today) {
        problems.push({ path: 'reviewDate', message: 'The review date cannot be in the past.' });
      }
      break;
    }
    case 'safety': {
      const p = content.plan;
      need('warningSigns', p.warningSigns, 'Write the warning signs that a crisis may be coming.');
      need('ownCopingSteps', p.ownCopingSteps, 'Write at least one thing the client can do on their own.');
      need('distractions', p.distractions, 'Name people or places that take the client’s mind off things.');
      problems.push(...contactProblems('helpers', p.helpers, 1, 'person to ask for help'));
      problems.push(...contactProblems('professionals', p.professionals, 0, 'professional'));
      need('saferSurroundings', p.saferSurroundings, 'Write how the surroundings will be made safer.');
      need('reasonsForLiving', p.reasonsForLiving, 'Write at least one reason for living.');
      break;
    }
    case 'aftercare': {
      const p = content.plan;
      need('statusAtDischarge', p.statusAtDischarge, 'Describe the status and progress at discharge.');
      const services = [p.counselling, p.medication, p.supportGroups, p.soberLiving, p.alumni, p.coaching];
      if (services.every(blank)) {
        problems.push({ path: 'counselling', message: 'Name at least one continuing service.' });
      }
      if (!blank(p.medication) && blank(p.prescriber)) {
        problems.push({ path: 'prescriber', message: 'Name the prescriber who continues the medication.' });
      }
      need('nextAppointments', p.nextAppointments, 'Write the next appointment.');
      p.obstacles.forEach((o, i) => {
        if (!blank(o.obstacle) && blank(o.response)) {
          problems.push({ path: `obstacles.${i}.response`, message: 'Say how the client will meet it.' });
        }
      });
      if (!p.obstacles.some((o) => !blank(o.obstacle))) {
        problems.push({
          path: 'obstacles.0.obstacle',
          message: 'Name at least one obstacle and how to meet it.',
        });
      }
      need('withdrawalComfort', p.withdrawalComfort, 'Write the withdrawal-comfort basics.');
      need('redFlags', p.redFlags, 'List the urgent red flags.');
      need('crisisNumbers', p.crisisNumbers, 'List the crisis numbers.');
      break;
    }
  }
  return problems;
}
