/**
 * The demonstration's course of care after the first sessions (CLINICAL.md §1, issue 11 item 7): each invented
 * client gets what fits their story, written through the same handlers as the app, so every rule, signature and
 * audit row applies.
 * - Nguyễn Thị Ánh: a leaf-powder taper logged dose by dose, once staying on a step two days longer than planned,
 *   and a step held yesterday; still tapering, so no post-acute check-ins yet.
 * - Siobhán O’Brien: medically supported withdrawal; a PHQ-9 in her first week off kratom with thoughts of self-harm
 *   raises the suicide-risk alert; a safety plan is written and signed with her, and the alert is acknowledged
 *   naming that version; post-acute check-ins after the acute phase.
 * - José Núñez: buprenorphine-naloxone under a prescriber: the medication list, an induction with COWS ratings (and
 *   vital signs) before the first dose, at 30 min and at 2 h, signed MAT coordination notes, and the coordination
 *   summary disclosed to the prescriber under the client's consent; post-acute check-ins after the acute phase.
 * - Łukasz Đặng: a taper carried down to zero, post-acute check-ins, then a signed aftercare plan, and the discharge
 *   two and a half weeks after his last dose (seed.ts).
 * Everyone gets a signed relapse-prevention plan. Every record is written at its own date and time (`ctx.at`).
 * Every person and number here is invented.
 */
import { localDate } from '../../shared/domain/common';
import type { AssessmentInput } from '../../shared/domain/assessments';
import { emptyMatNoteContent, type MatNoteContent } from '../../shared/domain/matNotes';
import type { MedicationInput } from '../../shared/domain/medications';
import type { RecoveryPlanContent, RecoveryPlanKind } from '../../shared/domain/recoveryPlans';
import type { TaperStep } from '../../shared/taper';
import { doseSplit, planTaper } from '../../shared/taper';
import type { DemoClient, DemoContext, DemoStep } from './seed';

export const DAY = 86_400_000;
const HOUR = 3_600_000;

export const daysAgo = (ctx: Pick<DemoContext, 'nowMs'>, n: number) => localDate(ctx.nowMs - n * DAY);

/** The hour of each of a day's doses: the first at 07:15, the rest spread over the waking day. */
export const doseHour = (dose: number, dosesPerDay: number): number =>
  7 + Math.floor((dose * 15) / dosesPerDay);

/** A moment `n` calendar days before now, at a local time of day. */
export const atDay = (ctx: Pick<DemoContext, 'nowMs'>, n: number, hour: number, minute = 0): number =>
  atLocal(daysAgo(ctx, n), hour, minute);

/** The demo's clients by their place in DEMO_PEOPLE. */
export const clientAt = (ctx: DemoContext, index: number): DemoClient => {
  const c = ctx.clients[index];
  if (!c) throw new Error(`The demo has no client ${index + 1}.`);
  return c;
};

/** A moment on a local calendar day: the use log reads days in this computer's zone, as the app does. */
const atLocal = (date: string, hour: number, minute = 0): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, minute).getTime();
};

const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localDate(new Date(y, m - 1, d + days, 12).getTime());
};

/** Writes a plan as a draft version, then signs it: as a clinician does with the client in session. */
async function signedPlan(
  ctx: DemoContext,
  clientId: string,
  kind: RecoveryPlanKind,
  fill: (started: RecoveryPlanContent) => RecoveryPlanContent,
): Promise<void> {
  const draft = await ctx.call('recoveryPlans.startDraft', { clientId, kind });
  const saved = await ctx.call('recoveryPlans.saveDraft', {
    id: draft.id,
    content: fill(draft.content),
    expectedUpdatedAtMs: draft.updatedAtMs,
  });
  await ctx.call('recoveryPlans.sign', { id: saved.id, passphrase: ctx.passphrase });
}

/**
 * Logs each day of a taper from its first step up to (not including) `until`: the planned amount split into the
 * day's doses, except on `stayedOn` days, when the client took the previous step's amount (a step held on their
 * own, which plan versus actual shows over plan).
 */
async function logTaperDays(
  ctx: DemoContext,
  dc: DemoClient,
  taper: { steps: TaperStep[]; dosesPerDay: number; precisionGrams: number },
  until: string,
  stayedOn: ReadonlySet<string> = new Set(),
): Promise<void> {
  const first = taper.steps[0];
  if (!first) return;
  for (let date = first.date; date < until; date = addDays(date, 1)) {
    const index = taper.steps.findLastIndex((s) => s.date <= date);
    const step = taper.steps[stayedOn.has(date) ? Math.max(0, index - 1) : index];
    if (!step || step.dailyGrams === 0) continue;
    const split = doseSplit(step.dailyGrams, taper.dosesPerDay, taper.precisionGrams);
    const doses = [
      ...Array<number>(split.largerCount).fill(split.largerGrams),
      ...Array<number>(split.smallerCount).fill(split.grams),
    ].filter((g) => g > 0);
    for (const [i, grams] of doses.entries()) {
      const takenAtMs = atLocal(date, doseHour(i, doses.length), 15);
      await ctx.at(takenAtMs);
      await ctx.call('useLog.add', {
        clientId: dc.client.id,
        entry: {
          takenAtMs,
          product: dc.person.product,
          form: 'leaf-powder',
          amount: grams,
          unit: 'g',
          trigger: stayedOn.has(date) ? 'craving' : null,
          symptomsBetweenDoses: stayedOn.has(date) ? 'Aches and no sleep after the step down' : '',
          note: stayedOn.has(date) ? 'Stayed on the last step' : '',
        },
      });
    }
  }
}

/** A COWS rating with the vital signs taken with it (the withdrawal flowsheet). */
const cows = (
  answers: number[],
  administeredAtMs: number,
  lastDoseAtMs: number,
  timePoint: 'before-first-dose' | '30-min' | '2-h' | null,
  vitals: { systolic: number; diastolic: number; heartRate: number; temperatureC: number },
  notes: string,
): AssessmentInput => ({
  instrumentId: 'cows',
  answers,
  context: { sex: null, underMedicalSupervision: null },
  lastDoseAtMs,
  timePoint,
  sud: null,
  vitals,
  administeredAtMs,
  notes,
});

/** Days before now of the taper starts and of Łukasz Đặng's discharge. */
const ANH_TAPER_STARTS_DAYS_AGO = 38;
export const LUKASZ = { taperStartsDaysAgo: 48, dischargeDaysAgo: 5 } as const;

const annTaperInput = (ctx: DemoContext, ann: DemoClient) => ({
  product: ann.person.product,
  form: 'leaf-powder' as const,
  dailyGrams: ann.person.gramsPerDose * ann.person.dosesPerDay,
  dosesPerDay: ann.person.dosesPerDay,
  reductionPercent: 10,
  daysPerStep: 5,
  precisionGrams: 0.5,
  startDate: daysAgo(ctx, ANH_TAPER_STARTS_DAYS_AGO),
});

const lukaszTaperInput = (ctx: Pick<DemoContext, 'nowMs'>, product: string) => ({
  product,
  form: 'leaf-powder' as const,
  dailyGrams: 4,
  dosesPerDay: 2,
  reductionPercent: 20,
  daysPerStep: 3,
  precisionGrams: 0.5,
  startDate: daysAgo(ctx, LUKASZ.taperStartsDaysAgo),
});

/** The day Łukasz Đặng's taper reaches zero. */
export function lukaszTaperZeroDate(ctx: Pick<DemoContext, 'nowMs'>): string {
  const zero = planTaper(lukaszTaperInput(ctx, '')).steps.find((s) => s.dailyGrams === 0);
  if (!zero) throw new Error('The demo taper never reaches zero.');
  return zero.date;
}

/**
 * Nguyễn Thị Ánh's taper: 4.5 g a day in three doses, 10 % every 5 days, planned the day before it starts; one step
 * kept two days longer than planned. She logs every dose as she takes it.
 */
const annTaperStep: DemoStep = {
  id: 'taper',
  async run(ctx) {
    await ctx.at(atDay(ctx, ANH_TAPER_STARTS_DAYS_AGO + 1, 10, 15));
    const ann = clientAt(ctx, 0);
    const planned = await ctx.call('taper.create', {
      clientId: ann.client.id,
      taper: annTaperInput(ctx, ann),
    });
    const v1 = planned.current;
    if (!v1) throw new Error('The demo taper was not saved.');
    // The third step came in a stressful week: she stayed on the second step's amount for its first two days.
    const third = v1.steps[2]?.date ?? v1.effectiveDate;
    await logTaperDays(ctx, ann, v1, daysAgo(ctx, 0), new Set([third, addDays(third, 1)]));
  },
};

/** Two hard nights at her latest step: a COWS rating with vital signs at yesterday's session, then the step held. */
const annHoldStep: DemoStep = {
  id: 'taper-hold',
  async run(ctx) {
    const ratedAt = atDay(ctx, 1, 16, 30);
    await ctx.at(ratedAt);
    const ann = clientAt(ctx, 0);
    // Her last dose before the rating is the one she logged at midday.
    const lastDoseAtMs = atDay(ctx, 1, doseHour(1, ann.person.dosesPerDay), 15);
    const rated = await ctx.call('assessments.save', {
      clientId: ann.client.id,
      id: null,
      assessment: cows(
        [1, 1, 1, 1, 2, 1, 1, 0, 1, 0, 0],
        ratedAt,
        lastDoseAtMs,
        null,
        { systolic: 132, diastolic: 84, heartRate: 96, temperatureC: 37.0 },
        'Aches and broken sleep two nights running at the new step; last dose at 12:15.',
      ),
    });
    await ctx.call('assessments.sign', { id: rated.id, passphrase: ctx.passphrase });
    await ctx.at(atDay(ctx, 1, 16, 50));
    const taper = await ctx.call('taper.get', { clientId: ann.client.id });
    if (!taper.current) throw new Error('The demo taper was not saved.');
    await ctx.call('taper.hold', {
      clientId: ann.client.id,
      baseVersion: taper.current.version,
      hold: {
        days: 4,
        reason:
          'Withdrawal too strong at this step: broken sleep and aches two nights running (COWS 9). Holding the ' +
          'step four more days; review at Friday’s session.',
      },
    });
  },
};

/** Łukasz Đặng: 4 g a day in two doses, 20 % every 3 days, carried down to zero. */
const lukaszTaperStep: DemoStep = {
  id: 'taper-to-zero',
  async run(ctx) {
    await ctx.at(atDay(ctx, LUKASZ.taperStartsDaysAgo + 1, 10, 15));
    const luk = clientAt(ctx, 3);
    const lukTaper = await ctx.call('taper.create', {
      clientId: luk.client.id,
      taper: lukaszTaperInput(ctx, luk.person.product),
    });
    if (!lukTaper.current) throw new Error('The demo taper was not saved.');
    await logTaperDays(ctx, luk, lukTaper.current, lukaszTaperZeroDate(ctx));
  },
};

const PRESCRIBER = 'Dr. Amara Okonkwo';
const PHARMACY = 'Riverbend Pharmacy, 200 Oak Street, Eugene, OR 97401';

/** José Núñez: buprenorphine-naloxone under a prescriber, with the induction rated and the summary disclosed. */
const matStep: DemoStep = {
  id: 'mat',
  async run(ctx) {
    const inductionDaysAgo = 20;
    const inductionDay = daysAgo(ctx, inductionDaysAgo);
    await ctx.at(atDay(ctx, inductionDaysAgo, 7, 50));
    const jose = clientAt(ctx, 2);
    const clientId = jose.client.id;
    const bup: MedicationInput = {
      medication: 'buprenorphine-naloxone',
      otherName: '',
      formulation: 'Sublingual film 8 mg/2 mg',
      dose: 8,
      unit: 'mg',
      schedule: 'Once a day in the morning',
      prescriber: PRESCRIBER,
      pharmacy: PHARMACY,
      phase: 'induction',
      startDate: inductionDay,
      stopDate: '',
      changeNote: 'Induction in the office by Dr. Okonkwo.',
      opioidHistory: 'no',
    };
    const med = await ctx.call('medications.save', { clientId, id: null, baseVersion: 0, medication: bup });

    // COWS before the first dose (about 14 h after the last kratom), then 30 min and 2 h after it (given at 08:20).
    const lastKratom = atLocal(inductionDay, 8) - 14 * HOUR;
    const ratings: Array<[number[], number, 'before-first-dose' | '30-min' | '2-h', string]> = [
      [
        [2, 2, 3, 1, 2, 2, 2, 1, 2, 2, 3],
        0,
        'before-first-dose',
        'Moderate withdrawal: first dose given at 08:20.',
      ],
      [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0], 50, '30-min', 'Settling; no precipitated withdrawal.'],
      [[0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0], 140, '2-h', 'Comfortable; 4 mg more given as planned.'],
    ];
    const vitals = [
      { systolic: 148, diastolic: 92, heartRate: 104, temperatureC: 37.3 },
      { systolic: 138, diastolic: 86, heartRate: 92, temperatureC: 37.1 },
      { systolic: 128, diastolic: 82, heartRate: 80, temperatureC: 36.9 },
    ];
    const ratingIds: string[] = [];
    for (const [i, [answers, minutes, point, note]] of ratings.entries()) {
      const at = atLocal(inductionDay, 8) + minutes * 60_000;
      await ctx.at(at);
      const input = cows(answers, at, lastKratom, point, vitals[i] ?? vitals[0]!, note);
      const saved = await ctx.call('assessments.save', { clientId, id: null, assessment: input });
      await ctx.call('assessments.sign', { id: saved.id, passphrase: ctx.passphrase });
      ratingIds.push(saved.id);
    }

    await ctx.at(atDay(ctx, inductionDaysAgo, 11));
    await ctx.call('medications.save', {
      clientId,
      id: null,
      baseVersion: 0,
      medication: {
        ...bup,
        medication: 'naloxone',
        formulation: 'Nasal spray 4 mg',
        dose: 4,
        schedule: 'For an overdose: one spray in a nostril, call 911, repeat after 2–3 minutes if needed',
        phase: 'maintenance',
        changeNote: 'Kit given with training at induction.',
      },
    });

    const induction: MatNoteContent = {
      ...emptyMatNoteContent(inductionDay),
      induction: true,
      medicationNow:
        'Buprenorphine-naloxone 8 mg/2 mg film: 8 mg at 08:20 and 4 mg at 10:40 (12 mg on day 1).',
      adherence: 'as-prescribed',
      sideEffects: 'Mild headache by midday; no sedation.',
      craving: 6,
      useSinceLastContact: 'Last kratom the evening before, about 30 g over the day in six doses.',
      naloxoneOnHand: 'yes',
      safeStorage: 'yes',
      udsCollectedOn: inductionDay,
      uds: {
        mitragynine: 'positive',
        fentanyl: 'negative',
        opiates: 'negative',
        benzodiazepines: 'negative',
      },
      ratingIds,
      plan:
        'Dr. Okonkwo continues 8 mg each morning with 4 mg more if COWS is above 8 by the afternoon. No kratom ' +
        'alongside. Naloxone kit given and shown; safe storage in the locked box at home.',
      nextAppointment: `${addDays(inductionDay, 1)} 09:00 with Dr. Okonkwo; counselling on Thursday`,
    };
    await ctx.at(atDay(ctx, inductionDaysAgo, 11, 30));
    const first = await ctx.call('matNotes.create', { clientId, content: induction });
    await ctx.call('matNotes.sign', { id: first.id, passphrase: ctx.passphrase });

    // The prescriber receives the coordination summary only under a consent that names them (CLINICAL.md §6).
    await ctx.at(atDay(ctx, inductionDaysAgo, 11, 45));
    const name = `${jose.person.first} ${jose.person.last}`;
    const consent = await ctx.call('consents.create', {
      clientId,
      consent: {
        type: 'tpo',
        patientName: name,
        disclosingParty: ctx.clinicName,
        informationDescription: 'MAT coordination notes, withdrawal ratings and urine drug screen results',
        recipient: `${PRESCRIBER}, Willamette Addiction Medicine`,
        recipientAddress: '30 Ferry Street, Eugene, OR 97401',
        purpose: 'Coordinating buprenorphine-naloxone treatment with the prescriber',
        revocationRightExplained: true,
        howToRevoke: 'In writing to the clinic at any time',
        expiryKind: 'date',
        expiryDate: addDays(inductionDay, 365),
        expiryEvent: '',
        signedBy: 'patient',
        signerName: name,
        representativeAuthority: '',
        signedOn: inductionDay,
        redisclosureStatementIncluded: true,
        refusalConsequencesExplained: true,
      },
    });

    await ctx.at(atDay(ctx, 17, 15));
    await ctx.call('medications.save', {
      clientId,
      id: med.id,
      baseVersion: med.history[0]?.version ?? 1,
      medication: {
        ...bup,
        dose: 12,
        phase: 'maintenance',
        schedule: 'Once a day in the morning (8 mg film and half a film)',
        changeNote: 'Raised to 12 mg a day for afternoon cravings; Dr. Okonkwo by phone.',
      },
    });

    const followUpDaysAgo = 13;
    const followUpDay = daysAgo(ctx, followUpDaysAgo);
    await ctx.at(atDay(ctx, followUpDaysAgo, 11));
    const followUp = await ctx.call('matNotes.create', {
      clientId,
      content: {
        ...emptyMatNoteContent(followUpDay),
        medicationNow: 'Buprenorphine-naloxone 12 mg/3 mg a day (8 mg film and half a film each morning).',
        adherence: 'some-missed',
        missedDoses: 'One morning dose taken at noon after a late shift.',
        sideEffects: 'Constipation, eased with fluids and fibre.',
        craving: 3,
        useSinceLastContact: 'No kratom since the induction.',
        naloxoneOnHand: 'yes',
        safeStorage: 'yes',
        udsCollectedOn: followUpDay,
        uds: { mitragynine: 'negative', fentanyl: 'negative', buprenorphine: 'positive' },
        plan: 'Maintenance at 12 mg; Dr. Okonkwo reviews in two weeks. Work on the drive-home plan in counselling.',
        nextAppointment: `${addDays(followUpDay, 14)} 10:00 with Dr. Okonkwo`,
      },
    });
    await ctx.call('matNotes.sign', { id: followUp.id, passphrase: ctx.passphrase });
    await ctx.at(atDay(ctx, followUpDaysAgo, 11, 20));

    await ctx.call('matNotes.printSummary', {
      id: followUp.id,
      paper: 'letter',
      disclosure: {
        consentId: consent.id,
        prescriber: PRESCRIBER,
        recipientAddress: '30 Ferry Street, Eugene, OR 97401',
        purpose: 'Coordinating buprenorphine-naloxone treatment with the prescriber',
      },
    });
  },
};

/** Siobhán O’Brien: thoughts of self-harm on a PHQ-9; a safety plan, and the alert acknowledged with it. */
const safetyStep: DemoStep = {
  id: 'safety',
  async run(ctx) {
    const phq9DaysAgo = 24;
    await ctx.at(atDay(ctx, phq9DaysAgo, 11));
    const shiv = clientAt(ctx, 1);
    const clientId = shiv.client.id;
    const phq9 = await ctx.call('assessments.save', {
      clientId,
      id: null,
      assessment: {
        instrumentId: 'phq9',
        answers: [2, 2, 2, 1, 1, 2, 1, 0, 1],
        context: { sex: null, underMedicalSupervision: null },
        lastDoseAtMs: null,
        timePoint: null,
        sud: null,
        vitals: null,
        administeredAtMs: atDay(ctx, phq9DaysAgo, 11),
        notes:
          'Item 9: passing thoughts of being better off dead in the first week off kratom; no plan, no intent.',
      },
    });
    await ctx.call('assessments.sign', { id: phq9.id, passphrase: ctx.passphrase });
    await ctx.at(atDay(ctx, phq9DaysAgo, 11, 40));
    await signedPlan(ctx, clientId, 'safety', () => ({
      kind: 'safety',
      plan: {
        warningSigns:
          'Lying awake past 2 a.m.; skipping meals; telling myself nothing will change; pulling away from Ciarán.',
        ownCopingSteps: 'Cold water on my face; a walk round the block; the breathing exercise from group.',
        distractions: 'My sister’s kitchen; the library on Willamette Street; the dog park with Bran.',
        helpers: [
          { name: 'Ciarán O’Brien (partner)', phone: '(541) 555-0142' },
          { name: 'Aoife Ní Bhriain (sister)', phone: '(541) 555-0143' },
        ],
        professionals: [
          { name: 'Larchwood Recovery (her clinician)', phone: '(541) 555-0100' },
          { name: 'Dr. Ilse Verhoeven (family doctor)', phone: '(541) 555-0170' },
        ],
        saferSurroundings:
          'Ciarán keeps the old pain tablets at his mother’s; leftover kratom taken to the clinic and destroyed.',
        reasonsForLiving: 'My nephew Oisín; finishing my nursing course; the sea at Yachats in June.',
      },
    }));
    await ctx.at(atDay(ctx, phq9DaysAgo, 11, 50));
    const alert = (await ctx.call('alerts.list', { clientId })).find(
      (a) => a.kind === 'phq9-item9' && !a.acknowledgement,
    );
    if (!alert) throw new Error('The demo PHQ-9 raised no suicide-risk alert.');
    await ctx.call('alerts.acknowledge', {
      id: alert.id,
      acknowledgement: {
        actions: ['safety-plan', 'crisis-line-988', 'monitoring-increased'],
        note:
          'Safety plan written and signed with her the same day; the 988 number saved in her phone; a PHQ-9 each ' +
          'week until item 9 is 0 twice.',
      },
    });
  },
};

/** What is each client's own in their relapse-prevention plan, in DEMO_PEOPLE order. */
const OWN_WORDS: ReadonlyArray<{ reasons: string; person: string; change: string }> = [
  {
    reasons: 'To wake up without aches; money for the family again; to be present with my daughter Mai.',
    person: 'Trần Văn Hùng (husband)',
    change: 'Leave the card at home and carry only bus fare on work days.',
  },
  {
    reasons: 'Finishing my nursing course; being someone my nephew can count on.',
    person: 'Ciarán O’Brien (partner)',
    change: 'Walk the dog at lunch instead of sitting in the car.',
  },
  {
    reasons: 'To keep my job on the crew; to coach my son’s team again in spring.',
    person: 'María José Núñez (wife)',
    change: 'Drive home by the river road, not past the smoke shop on 6th.',
  },
  {
    reasons: 'Clear mornings; saving for the trip to see my grandmother in Đà Nẵng.',
    person: 'Đặng Minh (brother)',
    change: 'Gym straight after work on Mondays, Wednesdays and Fridays.',
  },
];

/** Days before now each client's relapse-prevention plan is written, in DEMO_PEOPLE order. */
const RELAPSE_PLAN_DAYS_AGO = [10, 10, 9, 12] as const;

/** A signed relapse-prevention plan for everyone, in their own words, in a session of its own. */
const relapsePreventionStep: DemoStep = {
  id: 'relapse-prevention',
  async run(ctx) {
    const order = [...RELAPSE_PLAN_DAYS_AGO.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [i, daysBack] of order) {
      await ctx.at(atDay(ctx, daysBack, 15, 50));
      const dc = clientAt(ctx, i);
      const own = OWN_WORDS[i];
      if (!own) throw new Error(`The demo has no relapse-prevention plan for client ${i + 1}.`);
      const written = daysAgo(ctx, daysBack);
      await signedPlan(ctx, dc.client.id, 'relapse-prevention', () => ({
        kind: 'relapse-prevention',
        plan: {
          reasonsForRecovery: own.reasons,
          triggers: {
            body: [
              {
                trigger: 'My back aches after a long shift',
                response: 'Heat pack, stretch, ibuprofen as labelled',
              },
              {
                trigger: 'I have not slept',
                response: 'Keep to the wind-down routine; no naps after 3 p.m.',
              },
            ],
            emotion: [
              { trigger: 'I feel anxious before work', response: 'Box breathing, then text my person' },
            ],
            situation: [
              {
                trigger: 'A work break with nothing to do',
                response: 'Walk outside with tea; urge-surf 10 minutes',
              },
              { trigger: 'Driving past the smoke shop', response: 'Take the Pearl Street route home' },
            ],
          },
          warningSigns: [
            'Thinking "just one dose"',
            'Skipping meals',
            'Missing a session',
            'Keeping secrets about money',
            'Sleeping less than five hours',
          ],
          copingStrategies:
            'Urge surfing; a walk; calling someone from group; the sleep routine; one task at a time.',
          peopleToTell: [
            { name: own.person, phone: `(541) 555-015${i}` },
            { name: 'Sponsor from the Thursday group', phone: `(541) 555-016${i}` },
            { name: 'Larchwood Recovery', phone: '(541) 555-0100' },
          ],
          afterLapse:
            'Stop, do not punish myself; tell my person the same day; call the clinic for a session within 48 h; ' +
            'write down what led to it.',
          nextAppointment: `${addDays(written, 7)} 17:00, individual session`,
          oneChange: own.change,
          reviewDate: addDays(written, 30),
        },
      }));
    }
  },
};

/** Łukasz Đặng's aftercare plan: the prefilled record, completed and signed with him the day before his discharge. */
const aftercareStep: DemoStep = {
  id: 'aftercare',
  async run(ctx) {
    const writtenDaysAgo = LUKASZ.dischargeDaysAgo + 1;
    await ctx.at(atDay(ctx, writtenDaysAgo, 16));
    const luk = clientAt(ctx, 3);
    const zero = lukaszTaperZeroDate(ctx);
    await signedPlan(ctx, luk.client.id, 'aftercare', (started) => {
      if (started.kind !== 'aftercare') throw new Error('The aftercare draft is of another kind.');
      const p = started.plan;
      return {
        kind: 'aftercare',
        plan: {
          ...p,
          statusAtDischarge:
            `Tapered from 4 g a day to none by ${zero} as planned; no kratom since. Sleeping six to seven hours; ` +
            'PHQ-9 down from 12 to 6.',
          counselling: 'Fortnightly individual counselling at Larchwood Recovery for three months.',
          supportGroups:
            'SMART Recovery, Tuesdays 18:30 at the Whiteaker Community Center; online on weekends.',
          alumni: 'Larchwood alumni evening, first Thursday of the month.',
          coaching: 'Weekly recovery-coaching check-in by phone, Mondays.',
          nextAppointments: `${daysAgo(ctx, LUKASZ.dischargeDaysAgo - 14)} 16:00 counselling at Larchwood Recovery`,
          obstacles: [
            { obstacle: 'Evening shifts clash with the group', response: 'Use the weekend online meeting' },
            {
              obstacle: 'Back pain after lifting at work',
              response: 'See Dr. Verhoeven about physiotherapy',
            },
          ],
          comfortPerson: 'Đặng Minh (brother), (541) 555-0153',
        },
      };
    });
  },
};

/**
 * Post-acute check-ins (CLINICAL.md §1.4): sleep, mood, craving and energy, weekly once the acute withdrawal (5–10
 * days) is over: after Siobhán O’Brien stopped (28 days ago), José Núñez's induction (20 days ago) and the end of
 * Łukasz Đặng's taper. Nguyễn Thị Ánh is still tapering: none for her yet.
 */
const pawsStep: DemoStep = {
  id: 'paws',
  async run(ctx) {
    const weeks: Array<[number, number, number, number, string]> = [
      [4, 4, 7, 3, 'Sleep broken; low in the evenings.'],
      [5, 5, 5, 5, 'Better mornings; cravings at work breaks.'],
      [6, 6, 4, 6, 'Walking after dinner helps.'],
    ];
    const lukZeroDaysAgo = Math.round(
      (atLocal(daysAgo(ctx, 0), 12) - atLocal(lukaszTaperZeroDate(ctx), 12)) / DAY,
    );
    const days: Array<[number, number[]]> = [
      [1, [17, 10, 3]],
      [2, [12, 5]],
      [3, [lukZeroDaysAgo - 10, lukZeroDaysAgo - 14, LUKASZ.dischargeDaysAgo + 1]],
    ];
    const checkins = days
      .flatMap(([index, daysBack]) => daysBack.map((d, week) => ({ index, d, week })))
      .sort((a, b) => b.d - a.d || a.index - b.index);
    for (const { index, d, week } of checkins) {
      await ctx.at(atDay(ctx, d, 15));
      const [sleep, mood, craving, energy, note] = weeks[week] ?? weeks[0]!;
      await ctx.call('paws.add', {
        clientId: clientAt(ctx, index).client.id,
        checkin: { checkinDate: daysAgo(ctx, d), sleep, mood, craving, energy, note },
      });
    }
  },
};

/** Run together on the demo's clock; the discharge (seed.ts) comes after all of them. */
export const COURSE_STEPS: readonly DemoStep[] = [
  annTaperStep,
  annHoldStep,
  lukaszTaperStep,
  matStep,
  safetyStep,
  relapsePreventionStep,
  pawsStep,
  aftercareStep,
];
