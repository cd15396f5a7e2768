/**
 * A demonstration practice (issue 11 item 7): invented clients, each with a course of care, written through the
 * same handlers the app uses, so every record is validated, signed and audited as a clinician's would be. The course
 * is a list of seeding steps; the taper, MAT coordination, the safety, relapse-prevention and aftercare plans and the
 * post-acute check-ins are in courseOfCare.ts. A later feature adds its step to DEMO_STEPS. Every person here is
 * invented.
 */
import type { Client, ClientInput } from '../../shared/domain/clients';
import type { Assessment, AssessmentInput } from '../../shared/domain/assessments';
import type { ConsentInput } from '../../shared/domain/consents';
import { emptyNoteContent, type Note, type NoteContent } from '../../shared/domain/notes';
import type { TreatmentPlanInput } from '../../shared/domain/treatmentPlans';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { COURSE_STEPS, DAY, daysAgo } from './courseOfCare';

export interface DemoPerson {
  first: string;
  last: string;
  preferred: string;
  sex: ClientInput['sex'];
  dateOfBirth: string;
  pronouns: string;
  gramsPerDose: number;
  dosesPerDay: number;
  product: string;
  /** How the person writes their full name (Vietnamese: family name first). */
  nameOrder?: 'given-first' | 'family-first';
  /** The clinician's level of care when it is not the clinician-guided taper, and why. */
  levelOfCare?: { level: 'detox'; reason: string };
}

/** Invented people, with names from many places so the record's Unicode is exercised end to end. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    first: 'Thị Ánh',
    last: 'Nguyễn',
    nameOrder: 'family-first',
    preferred: '',
    sex: 'female',
    dateOfBirth: '1990-03-14',
    pronouns: 'she/her',
    gramsPerDose: 4,
    dosesPerDay: 5,
    product: 'Red Bali leaf powder',
  },
  {
    first: 'Siobhán',
    last: 'O’Brien',
    preferred: 'Shiv',
    sex: 'female',
    dateOfBirth: '1984-11-02',
    pronouns: 'she/her',
    gramsPerDose: 3,
    dosesPerDay: 4,
    product: 'Green Maeng Da capsules',
  },
  {
    first: 'José',
    last: 'Núñez',
    preferred: '',
    sex: 'male',
    dateOfBirth: '1979-07-21',
    pronouns: 'he/him',
    gramsPerDose: 5,
    dosesPerDay: 6,
    product: 'White Borneo leaf powder',
    levelOfCare: {
      level: 'detox',
      reason:
        'About 30 g a day in six doses, waking in withdrawal, and two quits derailed by day 3: medically supported ' +
        'withdrawal with buprenorphine-naloxone under Dr. Okonkwo, counselling alongside.',
    },
  },
  {
    first: 'Łukasz',
    last: 'Đặng',
    preferred: 'Luk',
    sex: 'male',
    dateOfBirth: '1995-01-30',
    pronouns: 'he/him',
    gramsPerDose: 2.5,
    dosesPerDay: 3,
    product: 'Red Maeng Da leaf powder',
  },
];

export interface DemoClient {
  person: DemoPerson;
  client: Client;
  /** Goal ids of the current treatment plan, once it exists. */
  goalIds: string[];
}

export interface DemoContext {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** The signed-in clinician's passphrase, for signing. */
  passphrase: string;
  userId: string;
  clinicName: string;
  nowMs: number;
  clients: DemoClient[];
}

export interface DemoStep {
  id: string;
  run(ctx: DemoContext): Promise<void>;
}

/** The dispatcher as a throwing call: the demo is invented data, so any refusal is a bug in the demo. */
export function demoCaller(dispatch: Dispatch): DemoContext['call'] {
  return async (channel, input) => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`demo step failed at ${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as Output<typeof channel>;
  };
}

const clientsStep: DemoStep = {
  id: 'clients',
  async run(ctx) {
    for (const [i, person] of DEMO_PEOPLE.entries()) {
      const client = await ctx.call('clients.create', {
        client: {
          legalFirstName: person.first,
          legalLastName: person.last,
          nameOrder: person.nameOrder ?? 'given-first',
          preferredName: person.preferred,
          dateOfBirth: person.dateOfBirth,
          pronouns: person.pronouns,
          sex: person.sex,
          chartNumber: null,
          phone: `(541) 555-01${String(20 + i).padStart(2, '0')}`,
          email: '',
          address: `${12 + i * 7} Larch Street, Eugene, OR 97401`,
          emergencyContact: { name: 'Invented Contact', relationship: 'friend', phone: '(541) 555-0199' },
          admissionDate: daysAgo(ctx, 42 - i),
          status: 'active',
          discharge: null,
          assignedClinicianId: ctx.userId,
        },
      });
      ctx.clients.push({ person, client, goalIds: [] });
    }
  },
};

const intakeStep: DemoStep = {
  id: 'intake',
  async run(ctx) {
    for (const { client, person } of ctx.clients) {
      await ctx.call('intake.saveSection', {
        clientId: client.id,
        save: {
          section: 'kratom',
          data: {
            productForms: ['leaf-powder'],
            productNotes: person.product,
            gramsPerDose: person.gramsPerDose,
            dosesPerDay: person.dosesPerDay,
            yearsOfUse: 3,
            lastDoseAtMs: ctx.nowMs - 36 * DAY,
            wakesInWithdrawal: person.dosesPerDay >= 5,
            dosesOvernight: false,
            withdrawalDerailedQuitting: true,
            priorQuitAttempts: 'One attempt last spring; stopped by day 3 with aches and no sleep.',
          },
        },
      });
    }
  },
};

/** Four days of baseline log (CLINICAL.md §1: a 3–5 day log), each dose with time, amount and trigger. */
const baselineLogStep: DemoStep = {
  id: 'baseline-log',
  async run(ctx) {
    const triggers = ['stress', 'pain', 'craving', 'social', 'boredom'] as const;
    for (const { client, person } of ctx.clients) {
      const start = ctx.nowMs - 40 * DAY;
      for (let day = 0; day < 4; day++) {
        for (let dose = 0; dose < person.dosesPerDay; dose++) {
          await ctx.call('useLog.add', {
            clientId: client.id,
            entry: {
              takenAtMs: start + day * DAY + (7 + dose * 3) * 3_600_000,
              product: person.product,
              form: 'leaf-powder',
              amount: person.gramsPerDose,
              unit: 'g',
              trigger: triggers[(day + dose) % triggers.length] ?? null,
              symptomsBetweenDoses: dose === 0 ? 'Restless on waking, yawning' : '',
              note: '',
            },
          });
        }
      }
    }
  },
};

const scored = (
  ctx: DemoContext,
  instrumentId: Extract<AssessmentInput, { answers: unknown }>['instrumentId'],
  answers: Array<number | boolean | null>,
  daysBack: number,
  sex: 'female' | 'male' | null = null,
): AssessmentInput => ({
  instrumentId,
  answers,
  context: { sex, underMedicalSupervision: instrumentId === 'sud' ? false : null },
  lastDoseAtMs: null,
  timePoint: null,
  sud:
    instrumentId === 'sud'
      ? { substance: 'kratom', substanceName: '', remission: null, severityBeforeRemission: null }
      : null,
  vitals: null,
  administeredAtMs: ctx.nowMs - daysBack * DAY,
  notes: '',
});

/** Baseline and follow-up scores: PHQ-9 and GAD-7 (the reference vectors), AUDIT-C, COWS, SOWS, the SUD checklist. */
const assessmentsStep: DemoStep = {
  id: 'assessments',
  async run(ctx) {
    for (const { client, person } of ctx.clients) {
      const sex = person.sex === 'female' || person.sex === 'male' ? person.sex : null;
      const list: AssessmentInput[] = [
        scored(ctx, 'phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0], 38),
        scored(ctx, 'gad7', [1, 1, 1, 2, 2, 0, 0], 38),
        scored(ctx, 'auditc', [1, 0, 0], 38, sex),
        scored(ctx, 'sud', [true, true, true, true, false, false, false, false, true, true, true], 38),
        scored(ctx, 'cows', [1, 1, 1, 1, 2, 1, 2, 1, 1, 2, 0], 35),
        scored(ctx, 'sows', [2, 1, 1, 1, 1, 0, 1, 1, 1, 2, 2, 1, 0, 1, 1, 2], 35),
        scored(ctx, 'phq9', [1, 1, 1, 1, 0, 1, 1, 0, 0], 7),
      ];
      for (const assessment of list) {
        const a: Assessment = await ctx.call('assessments.save', {
          clientId: client.id,
          id: null,
          assessment,
        });
        await ctx.call('assessments.sign', { id: a.id, passphrase: ctx.passphrase });
      }
    }
  },
};

const levelOfCareStep: DemoStep = {
  id: 'level-of-care',
  async run(ctx) {
    for (const { client, person } of ctx.clients) {
      await ctx.call('levelOfCare.decide', {
        clientId: client.id,
        decision: {
          level: person.levelOfCare?.level ?? 'taper',
          reason:
            person.levelOfCare?.reason ??
            'Leaf powder only, stable home, supportive partner; withdrawal manageable with a gradual taper.',
          judgements: {},
          dimensionRatings: {
            'intoxication-withdrawal': { rating: 2, note: 'Moderate withdrawal on waking' },
            biomedical: { rating: 1, note: 'No heart, liver or seizure history' },
            'emotional-behavioural-cognitive': { rating: 1, note: 'Mild low mood, no suicidal thoughts' },
            'readiness-to-change': { rating: 1, note: 'Wants to stop; set a start date' },
            'relapse-continued-use': { rating: 2, note: 'Doses at work breaks and when in pain' },
            'recovery-environment': { rating: 1, note: 'Supportive partner; no one else uses at home' },
          },
        },
      });
    }
  },
};

const planStep: DemoStep = {
  id: 'treatment-plan',
  async run(ctx) {
    for (const dc of ctx.clients) {
      const plan: TreatmentPlanInput = {
        problems: [
          {
            id: 'p1',
            text: 'Daily kratom use with withdrawal on waking',
            goals: [
              {
                id: 'g1',
                text: 'Taper to no kratom use',
                objectives: [
                  {
                    id: 'o1',
                    text: 'Reduce the daily amount by 10–20 % every 5 days',
                    measure: 'Daily grams in the use log',
                    targetDate: daysAgo(ctx, -30),
                    status: 'active',
                  },
                ],
                interventions: ['Weekly taper review', 'Urge surfing practice'],
                targetDate: daysAgo(ctx, -45),
                status: 'active',
              },
              {
                id: 'g2',
                text: 'Sleep six hours or more most nights',
                objectives: [],
                interventions: ['Sleep routine psychoeducation'],
                targetDate: null,
                status: 'partially-met',
              },
            ],
          },
        ],
        reviewDate: daysAgo(ctx, -20),
        status: 'active',
        revisionNote: '',
      };
      await ctx.call('plans.save', { clientId: dc.client.id, baseVersion: 0, plan });
      dc.goalIds = ['g1', 'g2'];
    }
  },
};

const individualNote = (ctx: DemoContext, dc: DemoClient, daysBack: number, plan: string): NoteContent => ({
  ...emptyNoteContent('soap', daysAgo(ctx, daysBack)),
  sessionType: daysBack > 30 ? 'intake' : 'individual',
  interventions: ['mi', 'cbt'],
  risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
  goalsAddressed: dc.goalIds.slice(0, 1),
  sections: {
    subjective: 'Reports cravings at work breaks and after dinner; slept about six hours.',
    objective: 'Alert and engaged; mild restlessness.',
    assessment: 'Taper on track; evening stress is the main trigger.',
    plan,
  },
});

const sessionsStep: DemoStep = {
  id: 'sessions',
  async run(ctx) {
    for (const dc of ctx.clients) {
      for (const [daysBack, plan] of [
        [35, 'Start the taper at the baseline amount less 10 %; log every dose.'],
        [21, 'Next step down on Friday; practise urge surfing at breaks.'],
      ] as const) {
        const draft: Note = await ctx.call('notes.create', {
          clientId: dc.client.id,
          kind: 'progress',
          content: individualNote(ctx, dc, daysBack, plan),
        });
        await ctx.call('notes.sign', { id: draft.id, passphrase: ctx.passphrase });
      }
    }
    const group = await ctx.call('groups.create', {
      group: {
        groupName: 'Thursday skills group',
        topic: 'Coping with cravings after work',
        sessionDate: daysAgo(ctx, 14),
        startTime: '17:00',
        endTime: '18:30',
        modality: 'in-person',
        interventions: ['dbt-skills', 'psychoeducation'],
        facilitatorIds: [ctx.userId],
      },
      attendees: ctx.clients.map((dc) => ({ clientId: dc.client.id, attendance: 'present' as const })),
    });
    for (const member of group.members) {
      const note = await ctx.call('notes.get', { id: member.noteId });
      const saved = await ctx.call('notes.saveDraft', {
        id: note.id,
        content: {
          ...note.content,
          risk: {
            suicidalIdeation: 'denied',
            homicidalIdeation: 'denied',
            redFlagsObserved: false,
            note: '',
          },
          sections: {
            participation: 'Shared a plan for the drive home.',
            progress: 'Two evenings without a dose after work.',
            plan: 'Practise the plan twice before the next group.',
          },
        },
        attendance: 'present',
        expectedUpdatedAtMs: note.updatedAtMs,
      });
      await ctx.call('notes.sign', { id: saved.id, passphrase: ctx.passphrase });
    }
  },
};

const consentsStep: DemoStep = {
  id: 'consents',
  async run(ctx) {
    for (const { client, person } of ctx.clients) {
      const name = `${person.first} ${person.last}`;
      const consent: ConsentInput = {
        type: 'tpo',
        patientName: name,
        disclosingParty: ctx.clinicName,
        informationDescription: 'Assessments, treatment plan, signed session notes and taper progress',
        recipient: 'Dr. Ilse Verhoeven, Cascade Family Medicine',
        recipientAddress: '4 Pine Street, Eugene, OR 97401',
        purpose: 'Continuity of care with the primary care physician',
        revocationRightExplained: true,
        howToRevoke: 'In writing to the clinic at any time',
        expiryKind: 'date',
        expiryDate: daysAgo(ctx, -365),
        expiryEvent: '',
        signedBy: 'patient',
        signerName: name,
        representativeAuthority: '',
        signedOn: daysAgo(ctx, 40),
        redisclosureStatementIncluded: true,
        refusalConsequencesExplained: true,
      };
      await ctx.call('consents.create', { clientId: client.id, consent });
    }
  },
};

/** The last client has finished care: the clinician writes and signs the discharge summary, which discharges them. */
const dischargeStep: DemoStep = {
  id: 'discharge',
  async run(ctx) {
    const last = ctx.clients[ctx.clients.length - 1];
    if (!last) return;
    const draft = await ctx.call('discharge.startSummary', { clientId: last.client.id });
    const saved = await ctx.call('discharge.saveSummary', {
      id: draft.id,
      expectedUpdatedAtMs: draft.updatedAtMs,
      written: {
        ...draft.content.written,
        dischargedOn: daysAgo(ctx, 1),
        dischargeType: 'completed',
        presentingProblem: `Daily kratom use (${last.person.product}) with withdrawal on waking; wanted to stop.`,
        goalProgress: draft.content.facts.goals.map((g) => ({
          goalId: g.id,
          progress: 'Worked on steadily; see the session notes for the steps taken.',
        })),
        conditionAtDischarge:
          'No kratom use for three weeks; sleeping six hours; mood steady; no risk concerns.',
        levelOfCareAtDischarge:
          'Outpatient counselling, weekly for three months, then monthly; no medically supported care needed.',
        recommendations: 'Weekly SMART Recovery meetings; primary care follow-up within a month.',
        referrals: [{ to: 'Cascade Family Medicine', reason: 'Primary care follow-up' }],
        incompleteReason: 'No MAT coordination or aftercare plan: neither was part of this course of care.',
      },
    });
    await ctx.call('discharge.signSummary', { id: saved.id, passphrase: ctx.passphrase });
    last.client = await ctx.call('clients.get', { id: last.client.id });
  },
};

export const DEMO_STEPS: readonly DemoStep[] = [
  clientsStep,
  intakeStep,
  baselineLogStep,
  assessmentsStep,
  levelOfCareStep,
  planStep,
  sessionsStep,
  consentsStep,
  ...COURSE_STEPS,
  dischargeStep,
];

export async function seedDemo(ctx: DemoContext, steps: readonly DemoStep[] = DEMO_STEPS): Promise<Client[]> {
  for (const step of steps) await step.run(ctx);
  return ctx.clients.map((c) => c.client);
}
