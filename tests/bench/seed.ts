/**
 * The benchmark practice, seeded with the repositories' insert functions inside big transactions (never through
 * the dispatcher: that is what is being timed). Sizes come from the environment (see `seedSizes`), so
 * `BENCH_SCALE=0.1` is a quick run at a tenth of a real practice.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../electron/db/connection';
import { insertAssessment } from '../../electron/db/repositories/assessments';
import { insertClient, insertDischarge } from '../../electron/db/repositories/clients';
import { insertMatNote } from '../../electron/db/repositories/matNotes';
import { insertMedication, insertMedicationVersion } from '../../electron/db/repositories/medications';
import { getNoteRow, insertAddendum, insertNote, markNoteSigned } from '../../electron/db/repositories/notes';
import { insertTaperVersion } from '../../electron/db/repositories/taper';
import { insertUseLogEntry } from '../../electron/db/repositories/useLog';
import { expectedNoteHash, takeSnapshot } from '../../electron/notes/noteRecords';
import { addendumHash } from '../../electron/notes/signing';
import { getInstrument } from '../../shared/instruments';
import { scoreWithDefinition } from '../../shared/instruments/score';
import { emptyMatNoteContent } from '../../shared/domain/matNotes';
import type { MedicationInput } from '../../shared/domain/medications';
import { emptyNoteContent } from '../../shared/domain/notes';
import { planTaper } from '../../shared/taper';
import { aClient, aDose } from '../support/clients';
import { size } from './stats';

export interface SeedSizes {
  clients: number;
  notes: number;
  assessments: number;
  matClients: number;
  tapers: number;
  useLogClients: number;
  heavyClients: number;
  heavyNotes: number;
  heavyAssessments: number;
}

/** Full size by default; each overridable, and all scaled by BENCH_SCALE. */
export function seedSizes(): SeedSizes {
  return {
    clients: size('BENCH_CLIENTS', 50_000),
    notes: size('BENCH_NOTES', 500_000),
    assessments: size('BENCH_ASSESSMENTS', 1_000_000),
    matClients: size('BENCH_MAT_CLIENTS', 5_000),
    tapers: size('BENCH_TAPERS', 10_000),
    useLogClients: size('BENCH_USELOG_CLIENTS', 500),
    heavyClients: Number(process.env.BENCH_HEAVY_CLIENTS ?? 3),
    heavyNotes: Number(process.env.BENCH_HEAVY_NOTES ?? 2_000),
    heavyAssessments: Number(process.env.BENCH_HEAVY_ASSESSMENTS ?? 300),
  };
}

export interface Seeded {
  clientIds: string[];
  heavyIds: string[];
  /** A client with no notes of their own yet (for the draft and sign operations). */
  quietId: string;
}

export const WORDS = [
  'craving',
  'sleep',
  'work',
  'taper',
  'anxiety',
  'family',
  'walk',
  'relapse',
  'plan',
  'support',
  'pain',
  'shift',
];
/** A word in one note in about 50,000: the "rare" search term. */
export const RARE_WORD = 'marigold';

const DAY = 86_400_000;
const YEAR_START = new Date(2026, 0, 1, 9).getTime();
const TAPER = {
  product: 'Green Maeng Da powder (Riverside Botanicals)',
  form: 'leaf-powder' as const,
  dailyGrams: 8,
  dosesPerDay: 2,
  reductionPercent: 10,
  daysPerStep: 7,
  precisionGrams: 0.1,
  startDate: '2026-11-16',
};
const MEDICATION: MedicationInput = {
  medication: 'buprenorphine-naloxone',
  otherName: '',
  formulation: 'sublingual film',
  dose: 8,
  unit: 'mg',
  schedule: 'once daily',
  prescriber: 'Dr. Ilse Verhoeven',
  pharmacy: 'Alder Street Pharmacy',
  phase: 'maintenance',
  startDate: '2026-03-02',
  stopDate: '',
  changeNote: '',
  opioidHistory: 'yes',
};

function timed<T>(label: string, fn: () => T): T {
  const t = performance.now();
  const out = fn();
  console.log(`seeded ${label} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return out;
}

/** Runs `body(i)` for i in [0, n) in transactions of `batch`. */
function batched(db: Db, n: number, body: (i: number) => void, batch = 50_000): void {
  for (let start = 0; start < n; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + batch); i += 1) body(i);
    })();
  }
}

const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function noteContent(i: number) {
  const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length] ?? 'note';
  return {
    ...emptyNoteContent(
      'dap',
      `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    ),
    sections: {
      data: `Client discussed ${w(1)} and ${w(2)} this week; note ${i}.${i % 50_000 === 7 ? ` Planted ${RARE_WORD} seeds with her daughter.` : ''}`,
      assessment: `Progress with ${w(3)}.`,
      plan: `Continue ${w(4)} practice.`,
    },
  };
}

type Instrument = 'phq9' | 'gad7' | 'cows';
const ANSWERS: Record<Instrument, (i: number) => number[]> = {
  phq9: (i) => [3, 3, 2, 2, 1, i % 3, 1, 1, 0],
  gad7: (i) => [2, 2, 2, 1, 1, i % 3, 1],
  cows: (i) => [2, 3, 1, 1, 2, 2, 2, 1, i % 3, 2, 0],
};

/** Scores by instrument and answers: the seed has a handful of answer sets, scored once each. */
const SCORES = new Map<string, ReturnType<typeof scoreWithDefinition>>();

function assessment(
  db: Db,
  clientId: string,
  instrumentId: Instrument,
  i: number,
  atMs: number,
  userId: string,
) {
  const answers = ANSWERS[instrumentId](i);
  const key = `${instrumentId}:${answers.join(',')}`;
  const score = SCORES.get(key) ?? scoreWithDefinition(getInstrument(instrumentId), answers, {});
  SCORES.set(key, score);
  insertAssessment(
    db,
    randomUUID(),
    clientId,
    {
      input: {
        instrumentId,
        answers,
        context: { sex: null, underMedicalSupervision: null },
        lastDoseAtMs: null,
        timePoint: null,
        sud: null,
        vitals: null,
        administeredAtMs: atMs,
        notes: '',
      },
      version: getInstrument(instrumentId).version,
      score,
      flags: [],
    },
    userId,
    atMs,
  );
}

export function seedPractice(db: Db, userId: string, sizes: SeedSizes = seedSizes()): Seeded {
  const clientIds: string[] = [];
  timed(`${sizes.clients} clients`, () =>
    batched(db, sizes.clients, (i) => {
      const id = randomUUID();
      clientIds.push(id);
      insertClient(
        db,
        id,
        {
          ...aClient({
            legalFirstName: `Given${i % 997}`,
            legalLastName: `Family${i}`,
            status: i % 4 === 3 ? 'discharged' : 'active',
            assignedClinicianId: userId,
          }),
          chartNumber: `C-${String(i + 1).padStart(6, '0')}`,
        },
        i,
      );
    }),
  );
  // The heavy clients and the quiet one are the last few of the list: no bulk notes land on them.
  const heavyIds = clientIds.slice(-sizes.heavyClients - 1, -1);
  const quietId = clientIds[clientIds.length - 1] ?? '';
  const bulkIds = clientIds.slice(0, clientIds.length - sizes.heavyClients - 1);

  timed(`${sizes.notes} notes`, () =>
    batched(db, sizes.notes, (i) =>
      insertNote(
        db,
        {
          id: randomUUID(),
          clientId: bulkIds[i % bulkIds.length] ?? '',
          kind: 'progress',
          content: noteContent(i),
          groupSessionId: null,
          attendance: null,
          searchExtra: [],
        },
        userId,
        i,
      ),
    ),
  );

  // Scores for the outcome figures (two PHQ-9 and a GAD-7 a client in the year, a COWS for one in ten), the
  // discharge records the statuses imply, then older scores up to the total.
  const base = timed('outcome scores and discharges', () => {
    let n = 0;
    db.transaction(() => {
      clientIds.forEach((clientId, i) => {
        const month = 1 + (i % 11);
        const at = (day: number) => new Date(2026, month - 1, day, 10).getTime();
        assessment(db, clientId, 'phq9', 0, at(2), userId);
        assessment(db, clientId, 'phq9', i, at(27), userId);
        assessment(db, clientId, 'gad7', i, at(27), userId);
        n += 3;
        if (i % 10 === 0) {
          assessment(db, clientId, 'cows', i, at(3), userId);
          n += 1;
        }
        if (i % 4 === 3) {
          insertDischarge(db, {
            id: randomUUID(),
            clientId,
            dischargedOn: '2026-12-01',
            type: i % 8 === 3 ? 'completed' : 'lost-contact',
            recordedAtMs: i,
            recordedBy: userId,
          });
        }
      });
    })();
    return n;
  });
  const heavyScores = sizes.heavyAssessments * heavyIds.length;
  const older = Math.max(0, sizes.assessments - base - heavyScores);
  const kinds: Instrument[] = ['phq9', 'gad7', 'cows'];
  timed(`${older} earlier scores`, () =>
    batched(db, older, (i) => {
      const clientId = bulkIds[i % bulkIds.length] ?? '';
      // 2025: before the outcome year, so the figures stay what the two PHQ-9 above make them.
      const at = new Date(2025, i % 12, 1 + (i % 28), 10).getTime();
      assessment(db, clientId, kinds[i % 3] ?? 'phq9', i, at, userId);
    }),
  );

  timed(`${sizes.matClients} clients on MAT (a medication, four MAT notes)`, () =>
    batched(db, sizes.matClients, (i) => seedMat(db, bulkIds[(i * 7) % bulkIds.length] ?? '', i, userId)),
  );

  const steps = planTaper(TAPER).steps;
  timed(`${sizes.tapers} tapers`, () =>
    batched(db, sizes.tapers, (i) =>
      seedTaper(db, bulkIds[(i * 3) % bulkIds.length] ?? '', steps, userId, i),
    ),
  );

  const doses = sizes.useLogClients * 365 * 2;
  timed(`a year of use logs for ${sizes.useLogClients} clients (${doses} doses)`, () =>
    batched(db, doses, (i) => {
      const client = Math.floor(i / 730);
      const day = Math.floor((i % 730) / 2);
      seedDose(db, bulkIds[(client * 11) % bulkIds.length] ?? '', day, i % 2, userId);
    }),
  );

  timed(`${heavyIds.length} heavy clients`, () => {
    for (const [h, clientId] of heavyIds.entries()) seedHeavy(db, clientId, h, sizes, userId, steps);
  });
  return { clientIds, heavyIds, quietId };
}

/** The bench's taper (TAPER, planned once into `steps`) as a client's first version. */
function seedTaper(
  db: Db,
  clientId: string,
  steps: ReturnType<typeof planTaper>['steps'],
  userId: string,
  atMs: number,
): void {
  insertTaperVersion(
    db,
    {
      clientId,
      version: 1,
      change: 'create',
      effectiveDate: TAPER.startDate,
      product: TAPER.product,
      form: TAPER.form,
      dosesPerDay: TAPER.dosesPerDay,
      reductionPercent: TAPER.reductionPercent,
      daysPerStep: TAPER.daysPerStep,
      precisionGrams: TAPER.precisionGrams,
      holdDays: null,
      reason: '',
      steps,
    },
    userId,
    atMs,
  );
}

function seedMat(db: Db, clientId: string, i: number, userId: string): void {
  const medicationId = randomUUID();
  insertMedication(db, medicationId, clientId, userId, i);
  insertMedicationVersion(db, medicationId, 1, MEDICATION, userId, i);
  for (let k = 0; k < 4; k += 1) {
    insertMatNote(
      db,
      {
        id: randomUUID(),
        clientId,
        content: {
          ...emptyMatNoteContent(
            `2026-${String(3 + k).padStart(2, '0')}-10`,
            'Buprenorphine-naloxone 8 mg film',
          ),
          adherence: 'as-prescribed',
          craving: 3,
          plan: 'Continue 8 mg daily; review in four weeks.',
        },
      },
      userId,
      i,
    );
  }
}

function seedDose(db: Db, clientId: string, day: number, dose: number, userId: string): void {
  const at = YEAR_START + day * DAY + dose * 8 * 3_600_000;
  insertUseLogEntry(
    db,
    randomUUID(),
    clientId,
    aDose({ takenAtMs: at, amount: Math.max(0.5, 4 - day / 120) }),
    userId,
    at,
  );
}

/** 2,000 signed notes (one in ten with an addendum), 300 scores, MAT, a taper and a year of use log. */
function seedHeavy(
  db: Db,
  clientId: string,
  h: number,
  sizes: SeedSizes,
  userId: string,
  steps: ReturnType<typeof planTaper>['steps'],
): void {
  batched(
    db,
    sizes.heavyNotes,
    (i) => {
      const id = randomUUID();
      const at = YEAR_START - 3 * 365 * DAY + i * DAY;
      insertNote(
        db,
        {
          id,
          clientId,
          kind: 'progress',
          content: { ...noteContent(i + h), sessionDate: isoDay(at) },
          groupSessionId: null,
          attendance: null,
          searchExtra: [],
        },
        userId,
        at,
      );
      const row = getNoteRow(db, id);
      if (!row) return;
      const snapshot = takeSnapshot(db, row);
      const hash = expectedNoteHash(row, userId, at + 3_600_000, snapshot);
      markNoteSigned(db, id, { userId, atMs: at + 3_600_000, hash, snapshot: JSON.stringify(snapshot) });
      if (i % 10 === 0) {
        const text = 'Late entry: the client called the next morning to confirm the plan.';
        const addendumId = randomUUID();
        const signedAtMs = at + DAY / 2;
        const addendum = { addendumId, noteId: id, noteHash: hash, text, signedBy: userId, signedAtMs };
        insertAddendum(
          db,
          { id: addendumId, noteId: id, text, hash: addendumHash(addendum) },
          userId,
          signedAtMs,
        );
      }
    },
    5_000,
  );
  db.transaction(() => {
    for (let i = 0; i < sizes.heavyAssessments; i += 1) {
      assessment(
        db,
        clientId,
        (['phq9', 'gad7', 'cows'] as const)[i % 3] ?? 'phq9',
        i,
        YEAR_START - i * 3 * DAY,
        userId,
      );
    }
    seedMat(db, clientId, h, userId);
    seedTaper(db, clientId, steps, userId, h);
    for (let i = 0; i < 730; i += 1) seedDose(db, clientId, Math.floor(i / 2), i % 2, userId);
  })();
}
