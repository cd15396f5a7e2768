/**
 * `npm run bench`: a seeded synthetic practice at scale, each operation timed through the app's own path (the
 * dispatcher, zod, repositories, mappers) and as a ratio to raw better-sqlite3 / raw pdfkit doing the same work.
 * Not a test: nothing here asserts a time. Sizes: BENCH_CLIENTS (50,000) and BENCH_NOTES (500,000).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import type { Db } from '../../electron/db/connection';
import { insertAssessment } from '../../electron/db/repositories/assessments';
import { insertClient, insertDischarge } from '../../electron/db/repositories/clients';
import { measuredClients } from '../../electron/db/repositories/measures';
import { outcomeFigures } from '../../electron/db/repositories/outcomes';
import { getInstrument } from '../../shared/instruments';
import { scoreWithDefinition } from '../../shared/instruments/score';
import { insertNote } from '../../electron/db/repositories/notes';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { FONT_REGULAR } from '../../electron/documents/layout';
import { createNodePlatform } from '../../electron/platform/nodePlatform';
import { silentLogger } from '../../electron/platform/types';
import { emptyNoteContent } from '../../shared/domain/notes';
import { aClient } from '../support/clients';
import { setUpPractice } from '../support/fixtures';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const NOTES = Number(process.env.BENCH_NOTES ?? 500_000);
const RUNS = 15;
const WORDS = [
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function time(fn: () => unknown): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

async function main() {
  const { practice, user } = await setUpPractice();
  const { db } = practice.session();
  const dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });

  let t = performance.now();
  const clientIds: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < CLIENTS; i += 1) {
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
            assignedClinicianId: user.id,
          }),
          chartNumber: `C-${String(i + 1).padStart(6, '0')}`,
        },
        i,
      );
    }
  })();
  console.log(`seeded ${CLIENTS} clients in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const batch = 50_000;
  for (let start = 0; start < NOTES; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(NOTES, start + batch); i += 1) {
        const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length] ?? 'note';
        const content = {
          ...emptyNoteContent(
            'dap',
            `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          ),
          sections: {
            data: `Client discussed ${w(1)} and ${w(2)} this week; note ${i}.`,
            assessment: `Progress with ${w(3)}.`,
            plan: `Continue ${w(4)} practice.`,
          },
        };
        insertNote(
          db,
          {
            id: randomUUID(),
            clientId: clientIds[i % clientIds.length] ?? '',
            kind: 'progress',
            content,
            groupSessionId: null,
            attendance: null,
            searchExtra: [],
          },
          user.id,
          i,
        );
      }
    })();
  }
  console.log(`seeded ${NOTES} notes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const scores = seedMeasures(db, clientIds, user.id);
  console.log(
    `seeded ${scores} scores and the discharges in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
  );

  const rows: Array<[string, number, number]> = [];
  const listQuery = {
    search: '',
    statuses: ['active'] as const,
    clinicianId: null,
    sort: { column: 'name', direction: 'asc' } as const,
    page: 40,
    pageSize: 50,
  };
  rows.push([
    'client list, page 41, active, by name',
    await time(() => dispatch('clients.list', { ...listQuery, statuses: ['active'] })),
    await time(() => {
      db.prepare(
        `SELECT * FROM clients WHERE status = 'active' ORDER BY sort_name, id LIMIT 50 OFFSET 2000`,
      ).all();
      db.prepare(`SELECT count(*) FROM clients WHERE status = 'active'`).get();
    }),
  ]);
  rows.push([
    'quick find "family123"',
    await time(() => dispatch('clients.quickFind', { search: 'family123', limit: 10 })),
    await time(() =>
      db
        .prepare(
          `SELECT c.* FROM client_search s JOIN clients c ON c.id = s.client_id WHERE client_search MATCH '"family123"*' LIMIT 10`,
        )
        .all(),
    ),
  ]);
  rows.push([
    'note search "craving", 50 results with snippets',
    await time(() =>
      dispatch('notes.search', {
        query: 'craving',
        clientId: null,
        fromDate: null,
        toDate: null,
        kinds: [],
        limit: 50,
      }),
    ),
    await time(() =>
      db
        .prepare(
          `SELECT note_id, snippet(note_search, 5, '[', ']', '…', 16) FROM note_search WHERE note_search MATCH '"craving"' ORDER BY rowid DESC LIMIT 50`,
        )
        .all(),
    ),
  ]);
  const someNote = db.prepare('SELECT id, client_id FROM notes LIMIT 1').get() as {
    id: string;
    client_id: string;
  };
  rows.push([
    "one client's notes",
    await time(() => dispatch('notes.list', { clientId: someNote.client_id, kind: 'record' })),
    await time(() =>
      db
        .prepare(`SELECT * FROM notes WHERE client_id = ? ORDER BY session_date DESC`)
        .all(someNote.client_id),
    ),
  ]);
  rows.push([
    'note PDF (render only)',
    await time(async () => {
      const { renderNotePdf } = await import('../../electron/pdf/notePdf');
      const { loadNote } = await import('../../electron/notes/noteRecords');
      const { getClient } = await import('../../electron/db/repositories/clients');
      const note = loadNote(db, someNote.id);
      const client = getClient(db, someNote.client_id);
      if (!note || !client) return;
      await renderNotePdf({
        clinic: practice.clinic(),
        client,
        note,
        goalTexts: new Map(),
        paper: 'letter',
        createdAt: new Date(0),
      });
    }),
    await time(
      () =>
        new Promise<void>((resolve) => {
          const doc = new PDFDocument({ size: 'LETTER' });
          doc.registerFont('body', FONT_REGULAR);
          doc.font('body').fontSize(10);
          for (let i = 0; i < 40; i += 1)
            doc.text('Client discussed craving and sleep this week; progress with taper.');
          doc.on('data', () => {});
          doc.on('end', () => resolve());
          doc.end();
        }),
    ),
  ]);

  // Issue 15: the practice's outcomes for a year, and the practice-wide due-measures worklist.
  const year = { from: '2026-01-01', to: '2026-12-31', clinicianId: null };
  rows.push([
    'practice outcomes, one year, all clinicians',
    await time(() => dispatch('outcomes.practice', { query: year })),
    await time(() =>
      outcomeFigures(db, {
        ...year,
        fromMs: new Date(2026, 0, 1).getTime(),
        toEndMs: new Date(2027, 0, 1).getTime(),
        last30From: '2026-12-01',
        today: '2026-12-31',
      }),
    ),
  ]);
  rows.push([
    'measures due across the practice',
    await time(() => dispatch('measures.due', {})),
    await time(() => measuredClients(db, '2026-12-31', null)),
  ]);

  console.log('operation'.padEnd(48), 'app ms'.padStart(9), 'raw ms'.padStart(9), 'ratio'.padStart(7));
  for (const [name, app, raw] of rows) {
    console.log(
      name.padEnd(48),
      app.toFixed(2).padStart(9),
      raw.toFixed(2).padStart(9),
      (app / Math.max(raw, 0.001)).toFixed(2).padStart(7),
    );
  }
  practice.close();
}

/**
 * Scores for the outcome figures: two PHQ-9 and one GAD-7 for each client, a COWS for one in ten; every discharged
 * client gets the discharge record their status implies. Returns the number of scores.
 */
function seedMeasures(db: Db, clientIds: readonly string[], userId: string): number {
  const write = (instrumentId: 'phq9' | 'gad7' | 'cows', answers: number[], atMs: number) => ({
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
    score: scoreWithDefinition(getInstrument(instrumentId), answers, {}),
    flags: [],
  });
  let n = 0;
  db.transaction(() => {
    clientIds.forEach((clientId, i) => {
      const month = 1 + (i % 11);
      const at = (day: number) => new Date(2026, month - 1, day, 10).getTime();
      insertAssessment(
        db,
        randomUUID(),
        clientId,
        write('phq9', [3, 3, 2, 2, 1, 1, 1, 1, 0], at(2)),
        userId,
        at(2),
      );
      insertAssessment(
        db,
        randomUUID(),
        clientId,
        write('phq9', [1, 1, 1, 1, i % 3, 0, 0, 0, 0], at(27)),
        userId,
        at(27),
      );
      insertAssessment(
        db,
        randomUUID(),
        clientId,
        write('gad7', [2, 2, 2, 1, 1, 1, 1], at(27)),
        userId,
        at(27),
      );
      n += 3;
      if (i % 10 === 0) {
        insertAssessment(
          db,
          randomUUID(),
          clientId,
          write('cows', [2, 3, 1, 1, 2, 2, 2, 1, 1, 2, 0], at(3)),
          userId,
          at(3),
        );
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
}

void main();
