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
import { emptyNoteContent, type Note } from '../../shared/domain/notes';
import type { TreatmentPlanInput } from '../../shared/domain/treatmentPlans';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import {
  atDay,
  clientAt,
  COURSE_STEPS,
  daysAgo,
  doseHour,
  LUKASZ,
  lukaszTaperZeroDate,
} from './courseOfCare';

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
  /** The language their take-home documents print in, and whether they need an interpreter (English, no, if absent). */
  language?: { documents: ClientInput['documentLanguage']; interpreter: boolean };
  /** Days before now they were admitted: intake that morning, then a four-day log, then the level of care. */
  admittedDaysAgo: number;
  /** Withdrawal has ended a quit before (CLINICAL.md §3: a reason for medically supported detox). */
  withdrawalDerailedQuitting: boolean;
  priorQuitAttempts: string;
  /** The clinician's level of care (CLINICAL.md §3) and why, in this client's own circumstances. */
  levelOfCare: {
    level: 'taper' | 'detox';
    reason: string;
    withdrawal: { rating: 0 | 1 | 2 | 3 | 4; note: string };
    environment: string;
  };
  /** What their first individual session and the one three weeks ago said. */
  sessions: { first: SessionText; later: SessionText };
}

interface SessionText {
  subjective: string;
  assessment: string;
  plan: string;
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
    gramsPerDose: 1.5,
    dosesPerDay: 3,
    product: 'Red Bali leaf powder',
    admittedDaysAgo: 44,
    withdrawalDerailedQuitting: false,
    priorQuitAttempts: 'None yet; cut down from four doses to three a day on her own last winter.',
    levelOfCare: {
      level: 'taper',
      reason:
        '4.5 g a day in three measured doses of one leaf powder, no waking in withdrawal and no quit derailed; her ' +
        'husband Hùng keeps the scale and the supply at home. A clinician-guided taper, 10 % every 5 days.',
      withdrawal: { rating: 1, note: 'Yawning and restless by mid-afternoon; none on waking' },
      environment: 'Lives with her husband, who supports the taper; no one else uses at home',
    },
    sessions: {
      first: {
        subjective: 'Wants to stop before summer; doses after lunch at work and after dinner.',
        assessment: 'Moderate, predictable use of one product: suited to a gradual taper.',
        plan: 'Start the taper at 4.5 g a day on the scale; log every dose; step down every 5 days.',
      },
      later: {
        subjective: 'Stayed on the last step two extra days in a stressful week; back on plan since.',
        assessment: 'Taper on track; afternoons at work are the main trigger.',
        plan: 'Next step down on Friday; practise urge surfing at breaks.',
      },
    },
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
    product: 'Green Maeng Da leaf powder',
    admittedDaysAgo: 34,
    withdrawalDerailedQuitting: true,
    priorQuitAttempts: 'Stopped at once last spring; back to it by day 3 with aches, sweats and no sleep.',
    levelOfCare: {
      level: 'detox',
      reason:
        '12 g a day in four doses, and a quit derailed by withdrawal on day 3; low mood and poor sleep: medically ' +
        'supported withdrawal with Dr. Verhoeven (clonidine and sleep support), a phone check-in each day of the ' +
        'first week, counselling alongside.',
      withdrawal: { rating: 2, note: 'Aches and sweats by evening; the last quit ended on day 3' },
      environment: 'Lives with her partner Ciarán, who supports stopping; her sister nearby',
    },
    sessions: {
      first: {
        subjective: 'Ready to stop with help this time; frightened of another week like the spring.',
        assessment: 'Over 5 g a day in four doses with a derailed quit: medically supported withdrawal.',
        plan: 'Stop on Monday with Dr. Verhoeven’s symptom medicines; daily phone check-ins this week.',
      },
      later: {
        subjective: 'No kratom since she stopped; sleep still broken; mood lifting since the safety plan.',
        assessment: 'Through the acute withdrawal; low mood easing; no thoughts of self-harm this week.',
        plan: 'PHQ-9 weekly; keep the walk at lunch; review the safety plan with Ciarán.',
      },
    },
  },
  {
    first: 'José',
    last: 'Núñez',
    language: { documents: 'es', interpreter: false },
    preferred: '',
    sex: 'male',
    dateOfBirth: '1979-07-21',
    pronouns: 'he/him',
    gramsPerDose: 5,
    dosesPerDay: 6,
    product: 'White Borneo leaf powder',
    admittedDaysAgo: 30,
    withdrawalDerailedQuitting: true,
    priorQuitAttempts: 'Two quits in the last year, both ended by day 3 with aches, diarrhoea and no sleep.',
    levelOfCare: {
      level: 'detox',
      reason:
        'About 30 g a day in six doses, waking in withdrawal, and two quits derailed by day 3: medically supported ' +
        'withdrawal with buprenorphine-naloxone under Dr. Okonkwo, counselling alongside.',
      withdrawal: { rating: 3, note: 'Wakes in withdrawal; first dose before getting up' },
      environment: 'Lives with his wife María José, who supports treatment; no one else uses at home',
    },
    sessions: {
      first: {
        subjective: 'Wakes aching and doses before he gets up; wants to keep his job on the crew.',
        assessment: 'High-dose, frequent use with derailed quits: refer for buprenorphine-naloxone.',
        plan: 'Referral to Dr. Okonkwo for induction; naloxone education; keep logging until then.',
      },
      later: {
        subjective: 'No kratom since the induction; cravings in the afternoon, less since the dose went up.',
        assessment: 'Stable on maintenance; the drive home past the smoke shop is the main risk.',
        plan: 'Plan the drive-home route; Dr. Okonkwo reviews the dose in two weeks.',
      },
    },
  },
  {
    first: 'Łukasz',
    last: 'Đặng',
    preferred: 'Luk',
    sex: 'male',
    dateOfBirth: '1995-01-30',
    pronouns: 'he/him',
    gramsPerDose: 2,
    dosesPerDay: 2,
    product: 'Red Maeng Da leaf powder',
    admittedDaysAgo: 54,
    withdrawalDerailedQuitting: false,
    priorQuitAttempts: 'None; has kept to two doses a day for two years.',
    levelOfCare: {
      level: 'taper',
      reason:
        '4 g a day in two measured doses (morning and after work) of one leaf powder, no waking in withdrawal, no ' +
        'quit derailed; lives with his brother Minh, who backs the plan. A clinician-guided taper, 20 % every 3 days.',
      withdrawal: { rating: 1, note: 'Restless in the late afternoon before the second dose' },
      environment: 'Lives with his brother, who supports him; no one else uses at home',
    },
    sessions: {
      first: {
        subjective: 'Wants clear mornings and to save money; doses with coffee and after work.',
        assessment: 'Moderate, predictable use of one product: suited to a gradual taper.',
        plan: 'Start the taper at 4 g a day on the scale; log every dose; step down every 3 days.',
      },
      later: {
        subjective: 'Reached zero three days ago; aches and broken sleep at night; gym after work helps.',
        assessment: 'Taper completed; acute withdrawal easing as expected.',
        plan: 'Weekly post-acute check-ins once the aches settle; relapse-prevention plan after that.',
      },
    },
  },
];

export interface DemoClient {
  person: DemoPerson;
  client: Client;
  /** Goal ids of the current treatment plan, once it exists. */
  goalIds: string[];
}

/** What the caller gives the demo: the practice's handlers, its clinician, and how to move its clock. */
export interface DemoSeed {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** The signed-in clinician's passphrase, for signing. */
  passphrase: string;
  userId: string;
  clinicName: string;
  /** The real now: the course of care is placed in the weeks before it, and the practice's clock ends at it. */
  nowMs: number;
  /**
   * Moves the practice's clock forward to `atMs` and reports activity there, as a clinician at work does, so the
   * idle lock does not engage across the jump.
   */
  advanceTo(atMs: number): void;
}

export interface DemoContext extends Omit<DemoSeed, 'advanceTo'> {
  /** Resolves when the practice's clock reaches `atMs`: each record is written at its own date and time. */
  at(atMs: number): Promise<void>;
  clients: DemoClient[];
}

export interface DemoStep {
  id: string;
  run(ctx: DemoContext): Promise<void>;
}

/** Days before now of the demo's first moment, when the practice is set up: the first admission's morning. */
export const DEMO_DAYS = Math.max(...DEMO_PEOPLE.map((p) => p.admittedDaysAgo));

/** When the demonstration practice is set up: 08:00 on the day of the first admission. */
export const demoStartMs = (nowMs: number): number => atDay({ nowMs }, DEMO_DAYS, 8);

/** The dispatcher as a throwing call: the demo is invented data, so any refusal is a bug in the demo. */
export function demoCaller(dispatch: Dispatch): DemoSeed['call'] {
  return async (channel, input) => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`demo step failed at ${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as Output<typeof channel>;
  };
}

const admission = (p: DemoPerson) => p.admittedDaysAgo;
/** The people with their place in DEMO_PEOPLE, in the order they were admitted. */
const byAdmission = () => [...DEMO_PEOPLE.entries()].sort((a, b) => admission(b[1]) - admission(a[1]));
/** The level-of-care visit: after the four-day baseline log. */
const decisionDay = (p: DemoPerson) => p.admittedDaysAgo - 5;

const clientsStep: DemoStep = {
  id: 'clients',
  async run(ctx) {
    // In the order they were admitted; each keeps its place in DEMO_PEOPLE.
    for (const [i, person] of byAdmission()) {
      await ctx.at(atDay(ctx, admission(person), 9));
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
          admissionDate: daysAgo(ctx, admission(person)),
          status: 'active',
          discharge: null,
          assignedClinicianId: ctx.userId,
          documentLanguage: person.language?.documents ?? 'en',
          interpreterNeeded: person.language?.interpreter ?? false,
        },
      });
      ctx.clients[i] = { person, client, goalIds: [] };
    }
  },
};

const intakeStep: DemoStep = {
  id: 'intake',
  async run(ctx) {
    for (const [i, person] of byAdmission()) {
      await ctx.at(atDay(ctx, admission(person), 10));
      const { client } = clientAt(ctx, i);
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
            // The morning's first dose, before the intake appointment.
            lastDoseAtMs: atDay(ctx, admission(person), doseHour(0, person.dosesPerDay), 15),
            wakesInWithdrawal: person.dosesPerDay >= 5,
            dosesOvernight: false,
            withdrawalDerailedQuitting: person.withdrawalDerailedQuitting,
            priorQuitAttempts: person.priorQuitAttempts,
          },
        },
      });
    }
  },
};

/**
 * Four days of baseline log after the intake (CLINICAL.md §1: a 3–5 day log), each dose with time, amount and
 * trigger, written as the client logs it.
 */
const baselineLogStep: DemoStep = {
  id: 'baseline-log',
  async run(ctx) {
    const triggers = ['stress', 'pain', 'craving', 'social', 'boredom'] as const;
    const doses = DEMO_PEOPLE.flatMap((person, i) =>
      [1, 2, 3, 4].flatMap((day) =>
        Array.from({ length: person.dosesPerDay }, (_, dose) => ({
          i,
          person,
          day,
          dose,
          atMs: atDay(ctx, admission(person) - day, doseHour(dose, person.dosesPerDay), 15),
        })),
      ),
    );
    for (const { i, person, day, dose, atMs } of doses.sort((a, b) => a.atMs - b.atMs)) {
      await ctx.at(atMs);
      await ctx.call('useLog.add', {
        clientId: clientAt(ctx, i).client.id,
        entry: {
          takenAtMs: atMs,
          product: person.product,
          form: 'leaf-powder',
          amount: person.gramsPerDose,
          unit: 'g',
          trigger: triggers[(day + dose) % triggers.length] ?? null,
          symptomsBetweenDoses: dose === 0 ? 'Restless before the first dose, yawning' : '',
          note: '',
        },
      });
    }
  },
};

const scored = (
  instrumentId: Extract<AssessmentInput, { answers: unknown }>['instrumentId'],
  answers: Array<number | boolean | null>,
  administeredAtMs: number,
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
  administeredAtMs,
  notes: '',
});

/** Saves and signs one scored assessment at the moment it was given. */
async function signedAssessment(ctx: DemoContext, index: number, assessment: AssessmentInput): Promise<void> {
  await ctx.at(assessment.administeredAtMs);
  const clientId = clientAt(ctx, index).client.id;
  const a: Assessment = await ctx.call('assessments.save', { clientId, id: null, assessment });
  await ctx.call('assessments.sign', { id: a.id, passphrase: ctx.passphrase });
}

/** The day of each client's follow-up PHQ-9: a week ago, or before the discharge for the client discharged. */
const followUpDay = (i: number) => (i === DEMO_PEOPLE.length - 1 ? LUKASZ.dischargeDaysAgo + 2 : 7);

/**
 * Baseline scores at the intake (PHQ-9 and GAD-7, the reference vectors; AUDIT-C; the SUD checklist), COWS and SOWS
 * at the level-of-care visit, and a follow-up PHQ-9.
 */
const assessmentsStep: DemoStep = {
  id: 'assessments',
  async run(ctx) {
    const list = DEMO_PEOPLE.flatMap((person, i) => {
      const sex = person.sex === 'female' || person.sex === 'male' ? person.sex : null;
      const intake = atDay(ctx, admission(person), 11);
      const visit = atDay(ctx, decisionDay(person), 9, 5);
      return [
        scored('phq9', [2, 2, 2, 2, 1, 1, 2, 0, 0], intake),
        scored('gad7', [1, 1, 1, 2, 2, 0, 0], intake),
        scored('auditc', [1, 0, 0], intake, sex),
        scored('sud', [true, true, true, true, false, false, false, false, true, true, true], intake),
        scored('cows', [1, 1, 1, 1, 2, 1, 2, 1, 1, 2, 0], visit),
        scored('sows', [2, 1, 1, 1, 1, 0, 1, 1, 1, 2, 2, 1, 0, 1, 1, 2], visit),
        scored('phq9', [1, 1, 1, 1, 0, 1, 1, 0, 0], atDay(ctx, followUpDay(i), 11)),
      ].map((assessment) => ({ i, assessment }));
    });
    for (const { i, assessment } of list.sort(
      (a, b) => a.assessment.administeredAtMs - b.assessment.administeredAtMs,
    )) {
      await signedAssessment(ctx, i, assessment);
    }
  },
};

/** Each client's level of care at the visit after the baseline log, against CLINICAL.md §3, with its own reason. */
const levelOfCareStep: DemoStep = {
  id: 'level-of-care',
  async run(ctx) {
    for (const [i, person] of [...DEMO_PEOPLE.entries()].sort(
      (a, b) => decisionDay(b[1]) - decisionDay(a[1]),
    )) {
      await ctx.at(atDay(ctx, decisionDay(person), 9, 55));
      const loc = person.levelOfCare;
      const taper = loc.level === 'taper';
      await ctx.call('levelOfCare.decide', {
        clientId: clientAt(ctx, i).client.id,
        decision: {
          level: loc.level,
          reason: loc.reason,
          judgements: {
            'taper-measurable': taper,
            'taper-support': true,
            'taper-low-triggers': taper,
            'residential-time-away': false,
          },
          dimensionRatings: {
            'intoxication-withdrawal': loc.withdrawal,
            biomedical: { rating: 1, note: 'No heart, liver or seizure history' },
            'emotional-behavioural-cognitive': { rating: 1, note: 'Mild low mood, no suicidal thoughts' },
            'readiness-to-change': { rating: 1, note: 'Wants to stop; set a start date' },
            'relapse-continued-use': {
              rating: taper ? 1 : 2,
              note: taper ? 'Doses at set times; few triggers' : 'Doses through the day, at work and in pain',
            },
            'recovery-environment': { rating: 1, note: loc.environment },
          },
        },
      });
    }
  },
};

const planStep: DemoStep = {
  id: 'treatment-plan',
  async run(ctx) {
    for (const [i, person] of [...DEMO_PEOPLE.entries()].sort(
      (a, b) => decisionDay(b[1]) - decisionDay(a[1]),
    )) {
      await ctx.at(atDay(ctx, decisionDay(person), 10));
      const dc = clientAt(ctx, i);
      const on = (days: number) => daysAgo(ctx, decisionDay(person) - days);
      const taper = person.levelOfCare.level === 'taper';
      const plan: TreatmentPlanInput = {
        problems: [
          {
            id: 'p1',
            text: 'Daily kratom use with withdrawal between doses',
            goals: [
              {
                id: 'g1',
                text: taper ? 'Taper to no kratom use' : 'Stop kratom with medically supported withdrawal',
                objectives: [
                  {
                    id: 'o1',
                    text: taper
                      ? 'Reduce the daily amount by 10–20 % every 3–5 days'
                      : 'Complete withdrawal under the prescriber’s care',
                    measure: taper ? 'Daily grams in the use log' : 'No kratom in the use log; COWS ratings',
                    targetDate: on(30),
                    status: 'active',
                  },
                ],
                interventions: taper
                  ? ['Weekly taper review', 'Urge surfing practice']
                  : ['Coordination with the prescriber', 'Urge surfing practice'],
                targetDate: on(45),
                status: 'active',
              },
              {
                id: 'g2',
                text: 'Sleep six hours or more most nights',
                objectives: [],
                interventions: ['Sleep routine psychoeducation'],
                targetDate: null,
                status: 'active',
              },
            ],
          },
        ],
        reviewDate: on(30),
        status: 'active',
        revisionNote: '',
      };
      await ctx.call('plans.save', { clientId: dc.client.id, baseVersion: 0, plan });
      dc.goalIds = ['g1', 'g2'];
    }
  },
};

/** A signed individual session from 09:00 to 09:50 on its day, signed just after. */
export async function signedSession(
  ctx: DemoContext,
  index: number,
  daysBack: number,
  text: SessionText,
  allGoals = false,
): Promise<void> {
  await ctx.at(atDay(ctx, daysBack, 9, 55));
  const dc = clientAt(ctx, index);
  const goalIds = allGoals ? dc.goalIds : dc.goalIds.slice(0, 1);
  const draft: Note = await ctx.call('notes.create', {
    clientId: dc.client.id,
    kind: 'progress',
    content: {
      ...emptyNoteContent('soap', daysAgo(ctx, daysBack)),
      sessionType: 'individual',
      interventions: ['mi', 'cbt'],
      risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
      goalsAddressed: goalIds,
      sections: {
        subjective: text.subjective,
        objective: 'Alert and engaged; mild restlessness.',
        assessment: text.assessment,
        plan: text.plan,
      },
    },
  });
  await ctx.call('notes.sign', { id: draft.id, passphrase: ctx.passphrase });
}

/** Days before now of each client's second individual session. */
const LATER_SESSION_DAYS_AGO = 21;

const sessionsStep: DemoStep = {
  id: 'sessions',
  async run(ctx) {
    const sessions = DEMO_PEOPLE.flatMap((person, i) => [
      { i, daysBack: decisionDay(person), text: person.sessions.first },
      { i, daysBack: LATER_SESSION_DAYS_AGO, text: person.sessions.later },
    ]).sort((a, b) => b.daysBack - a.daysBack);
    for (const { i, daysBack, text } of sessions) await signedSession(ctx, i, daysBack, text);

    const groupDay = 14;
    await ctx.at(atDay(ctx, groupDay, 18, 40));
    const group = await ctx.call('groups.create', {
      group: {
        groupName: 'Thursday skills group',
        topic: 'Coping with cravings after work',
        sessionDate: daysAgo(ctx, groupDay),
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
            progress: 'Two evenings without a craving acted on after work.',
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

/** Consent to share with the family doctor, signed at the intake. */
const consentsStep: DemoStep = {
  id: 'consents',
  async run(ctx) {
    for (const [i, person] of byAdmission()) {
      await ctx.at(atDay(ctx, admission(person), 10, 30));
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
        expiryDate: daysAgo(ctx, admission(person) - 365),
        expiryEvent: '',
        signedBy: 'patient',
        signerName: name,
        representativeAuthority: '',
        signedOn: daysAgo(ctx, admission(person)),
        redisclosureStatementIncluded: true,
        refusalConsequencesExplained: true,
      };
      await ctx.call('consents.create', { clientId: clientAt(ctx, i).client.id, consent });
    }
  },
};

/**
 * Łukasz Đặng has finished care two and a half weeks after his taper reached zero: a last individual session, the
 * treatment plan's goals marked met, then the discharge summary the clinician writes and signs, which discharges
 * him.
 */
const dischargeStep: DemoStep = {
  id: 'discharge',
  async run(ctx) {
    const on = LUKASZ.dischargeDaysAgo;
    const zero = lukaszTaperZeroDate(ctx);
    const index = DEMO_PEOPLE.length - 1;
    await signedSession(
      ctx,
      index,
      on,
      {
        subjective: `No kratom since ${zero}; sleeping six to seven hours; gym after work three days a week.`,
        assessment:
          'Taper goal met and held for over two weeks; relapse-prevention and aftercare plans in place.',
        plan: 'Discharge today with the aftercare plan; first counselling appointment booked.',
      },
      true,
    );
    await ctx.at(atDay(ctx, on, 10, 10));
    const luk = clientAt(ctx, index);
    const current = await ctx.call('plans.get', { clientId: luk.client.id });
    const latest = current.current;
    if (!latest) throw new Error('The demo has no treatment plan to close.');
    await ctx.call('plans.save', {
      clientId: luk.client.id,
      baseVersion: latest.version,
      plan: {
        ...latest.plan,
        problems: latest.plan.problems.map((p) => ({
          ...p,
          goals: p.goals.map((g) => ({
            ...g,
            status: 'met' as const,
            objectives: g.objectives.map((o) => ({ ...o, status: 'met' as const })),
          })),
        })),
        status: 'completed',
        revisionNote: 'Goals met at the last session before discharge.',
      },
    });

    await ctx.at(atDay(ctx, on, 10, 30));
    const draft = await ctx.call('discharge.startSummary', { clientId: luk.client.id });
    const progress: Record<string, string> = {
      g1: `Met: tapered from 4 g a day to none by ${zero} as planned, and no kratom since.`,
      g2: 'Met: sleeping six to seven hours most nights since the second week off kratom.',
    };
    const saved = await ctx.call('discharge.saveSummary', {
      id: draft.id,
      expectedUpdatedAtMs: draft.updatedAtMs,
      written: {
        ...draft.content.written,
        dischargedOn: daysAgo(ctx, on),
        dischargeType: 'completed',
        presentingProblem: `Daily kratom use (${luk.person.product}, 4 g a day in two doses); wanted to stop.`,
        goalProgress: draft.content.facts.goals.map((g) => ({
          goalId: g.id,
          progress: progress[g.id] ?? 'Worked on steadily; see the session notes.',
        })),
        conditionAtDischarge:
          `No kratom use since ${zero}; post-acute sleep and cravings settled; PHQ-9 down from 12 to 6; ` +
          'no risk concerns.',
        levelOfCareAtDischarge:
          'Outpatient counselling, fortnightly for three months; no medically supported care needed.',
        recommendations:
          'Fortnightly counselling for three months; SMART Recovery weekly; primary care follow-up within a month.',
        referrals: [{ to: 'Cascade Family Medicine', reason: 'Primary care follow-up' }],
        incompleteReason: '',
      },
    });
    await ctx.call('discharge.signSummary', { id: saved.id, passphrase: ctx.passphrase });
    luk.client = await ctx.call('clients.get', { id: luk.client.id });
  },
};

export const DEMO_STEPS: readonly DemoStep[] = [
  clientsStep,
  intakeStep,
  consentsStep,
  baselineLogStep,
  assessmentsStep,
  levelOfCareStep,
  planStep,
  sessionsStep,
  ...COURSE_STEPS,
  dischargeStep,
];

/**
 * Runs the steps together on one clock: each step waits (`ctx.at`) for the moment of its next record, and the clock
 * moves to the earliest moment any step waits for only when every step is waiting, so the records are written in
 * the order of their own dates and times. Then the clock moves to the real now.
 */
export async function seedDemo(seed: DemoSeed, steps: readonly DemoStep[] = DEMO_STEPS): Promise<Client[]> {
  const waiting: Array<{ atMs: number; order: number; wake: () => void; fail: (e: Error) => void }> = [];
  let running = steps.length;
  let order = 0;
  let clockMs = -Infinity;
  let failed: unknown = null;
  const next = () => {
    if (running > 0) return;
    waiting.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
    const first = waiting.shift();
    if (!first) return;
    running++;
    if (failed) {
      first.fail(new Error('Another demo step failed.'));
      return;
    }
    clockMs = first.atMs;
    seed.advanceTo(first.atMs);
    first.wake();
  };
  const { advanceTo: _advance, ...given } = seed;
  const ctx: DemoContext = {
    ...given,
    clients: [],
    at: (atMs) =>
      atMs < clockMs
        ? Promise.reject(
            new Error(
              `A demo record at ${new Date(atMs).toISOString()} comes after one at ${new Date(clockMs).toISOString()}.`,
            ),
          )
        : new Promise<void>((wake, fail) => {
            waiting.push({ atMs, order: order++, wake, fail });
            running--;
            next();
          }),
  };
  await Promise.all(
    steps.map(async (step) => {
      try {
        await step.run(ctx);
      } catch (e) {
        failed ??= e;
        throw e;
      } finally {
        running--;
        next();
      }
    }),
  );
  seed.advanceTo(Math.max(seed.nowMs, clockMs));
  return ctx.clients.map((c) => c.client);
}
