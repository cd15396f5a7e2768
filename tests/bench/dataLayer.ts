/**
 * The data-layer part of `npm run bench`: each operation through the app's own path (the dispatcher, zod,
 * repositories, mappers; the practice's unlock for opening it) and, where one applies, the same work by raw
 * better-sqlite3 prepared statements or a bare pdfkit document in the same run.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Db } from '../../electron/db/connection';
import { CLIENT_ASSESSMENTS_SQL } from '../../electron/db/repositories/assessments';
import {
  clientCountSql,
  clientListSql,
  clientPageSql,
  QUICK_FIND_SQL,
} from '../../electron/db/repositories/clients';
import { dueTotal, dueWorklist } from '../../electron/db/repositories/measures';
import {
  CLIENT_ADDENDA_SQL,
  clientNotesSql,
  noteSearchText,
  noteSearchParams,
  noteSearchSql,
} from '../../electron/db/repositories/notes';
import { outcomeFigures, outcomeParams } from '../../electron/db/repositories/outcomes';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { FONT_REGULAR } from '../../electron/documents/layout';
import { createNodePlatform } from '../../electron/platform/nodePlatform';
import { silentLogger } from '../../electron/platform/types';
import { Practice } from '../../electron/practice/practice';
import { passphraseAad, unwrapKey } from '../../electron/security/keyring';
import { localDate } from '../../shared/domain/common';
import { emptyNoteContent, type Note } from '../../shared/domain/notes';
import type { Client } from '../../shared/domain/clients';
import { clientOwnRecipient, type ExportProgress } from '../../shared/domain/recordExport';
import type { RecoveryPlan } from '../../shared/domain/recoveryPlans';
import type { Result } from '../../shared/ipc/result';
import { anAftercarePlan } from '../support/recoveryPlans';
import { aClinician, FAST_KDF, FakeClock, setUpPractice } from '../support/fixtures';
import { RARE_WORD, seedPractice, seedSizes, type Seeded } from './seed';
import { row, time, type BenchRow } from './stats';

const PASS = aClinician().passphrase;
const USER = aClinician().username;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

/** A bare pdfkit document of about `lines` lines of body text: the floor any printed document stands on. */
const barePdf = (lines: number) =>
  new Promise<void>((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    doc.registerFont('body', FONT_REGULAR);
    doc.font('body').fontSize(10);
    for (let i = 0; i < lines; i += 1)
      doc.text('Client discussed craving and sleep this week; progress with the taper and the plan.');
    doc.on('data', () => {});
    doc.on('end', () => resolve());
    doc.end();
  });

interface Bench {
  practice: Practice;
  db: Db;
  dispatch: Dispatch;
  clock: FakeClock;
  dataDir: string;
  userId: string;
  seeded: Seeded;
}

function dispatcherFor(practice: Practice): Dispatch {
  return createDispatcher(createHandlers(), { practice, platform: createNodePlatform(), log: silentLogger });
}

/** Sets up and seeds the practice in `dataDir` (a temp dir when not given); returns it unlocked. */
export async function seededPractice(dataDir?: string): Promise<Bench> {
  const clock = new FakeClock(new Date(2026, 11, 2, 14, 0).getTime());
  const set = await setUpPractice({ clock, ...(dataDir ? { dataDir } : {}) });
  const { db } = set.practice.session();
  const seeded = seedPractice(db, set.user.id, seedSizes());
  return {
    practice: set.practice,
    db,
    dispatch: dispatcherFor(set.practice),
    clock,
    dataDir: set.dataDir,
    userId: set.user.id,
    seeded,
  };
}

/** The practice-wide operations, each under the key BENCH_ONLY names it by. */
const PRACTICE_KEYS = ['outcomes', 'measures'] as const;
type PracticeKey = (typeof PRACTICE_KEYS)[number];

/**
 * The raw baselines' audit row, written as appendAudit does (hash-chained), with statements prepared once: a call
 * the app audits is compared with raw work that audits too.
 */
function rawAuditWriter(b: Bench): (action: string, entity: string, entityId: string | null) => void {
  const last = b.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = b.db.prepare(
    `INSERT INTO audit_log (id, at_ms, user_id, action, entity, entity_id, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (action, entity, entityId) => {
    const prev = last.get() as { id: number; hash: string };
    const at = b.clock.now();
    const hash = createHash('sha256')
      .update(JSON.stringify([prev.id + 1, prev.hash, at, b.userId, action, entity, entityId]))
      .digest('hex');
    insert.run(prev.id + 1, at, b.userId, action, entity, entityId, prev.hash, hash);
  };
}

async function practiceRows(b: Bench, keys: readonly PracticeKey[]): Promise<BenchRow[]> {
  const { dispatch } = b;
  const auditRow = rawAuditWriter(b);
  const rows: BenchRow[] = [];
  // A year, and a past quarter: there most clients have scores after the period's end, read through the index.
  const periods = [
    ['one year', { from: '2026-01-01', to: '2026-12-31', clinicianId: null }],
    ['a past quarter', { from: '2026-04-01', to: '2026-06-30', clinicianId: null }],
  ] as const;
  if (keys.includes('outcomes'))
    for (const [label, query] of periods)
      rows.push(
        row(
          `practice outcomes, ${label}, all clinicians`,
          await time(() => dispatch('outcomes.practice', { query })),
          await time(() => {
            outcomeFigures(b.db, outcomeParams(query, localDate(b.clock.now())));
            b.db.transaction(() => auditRow('view', 'outcomes', null))();
          }),
        ),
      );
  if (keys.includes('measures'))
    rows.push(
      row(
        'measures due across the practice',
        await time(() => dispatch('measures.due', {})),
        await time(() => {
          const today = localDate(b.clock.now());
          return [dueWorklist(b.db, today, 200), dueTotal(b.db, today)];
        }),
      ),
    );
  return rows;
}

/**
 * `BENCH_ONLY=outcomes,measures`: the seeded practice and only those operations, for a quick look at full size.
 * Null when BENCH_ONLY is not set.
 */
function onlyKeys(): PracticeKey[] | null {
  const given = process.env.BENCH_ONLY;
  if (given === undefined || given.trim() === '') return null;
  const keys = given.split(',').map((k) => k.trim());
  const unknown = keys.filter((k) => !(PRACTICE_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')}; known: ${PRACTICE_KEYS.join(', ')}`);
  return keys as PracticeKey[];
}

export async function runDataLayer(): Promise<BenchRow[]> {
  const only = onlyKeys();
  if (only) {
    const b = await seededPractice();
    try {
      return await practiceRows(b, only);
    } finally {
      b.practice.close();
      fs.rmSync(b.dataDir, { recursive: true, force: true });
    }
  }
  let b = await seededPractice();
  const rows: BenchRow[] = [];
  const heavy = b.seeded.heavyIds[0] ?? '';
  const prepared = <T>(sql: string) => {
    const s = b.db.prepare(sql);
    return (...args: unknown[]) => s.all(...args) as T[];
  };

  // Aftercare plan for the heavy client, signed through the app (a few calls, not bulk).
  const draft = value<RecoveryPlan>(
    await b.dispatch('recoveryPlans.startDraft', { clientId: heavy, kind: 'aftercare' }),
  );
  const saved = value<RecoveryPlan>(
    await b.dispatch('recoveryPlans.saveDraft', {
      id: draft.id,
      content: { kind: 'aftercare', plan: anAftercarePlan() },
      expectedUpdatedAtMs: draft.updatedAtMs,
    }),
  );
  const aftercare = value<RecoveryPlan>(
    await b.dispatch('recoveryPlans.sign', { id: saved.id, passphrase: PASS }),
  );

  // Open: the practice closed (a quit) and opened again through the app's unlock: keyring, key, health check,
  // migrations check, session.
  let opened: Practice = b.practice;
  rows.push(
    row(
      'open and unlock (health + migrations check)',
      await time(
        async () => {
          opened = new Practice({ dataDir: b.dataDir, clock: b.clock, kdfCost: FAST_KDF });
          value(await dispatcherFor(opened)('session.unlock', { username: USER, passphrase: PASS }));
        },
        { runs: 7, prepare: () => opened.close() },
      ),
      null,
      'fast test KDF; the real passphrase KDF adds its fixed cost',
    ),
  );
  b = { ...b, practice: opened, db: opened.session().db, dispatch: dispatcherFor(opened) };
  const db = b.db;
  const dispatch = b.dispatch;
  console.log(`synchronous = ${String(db.pragma('synchronous', { simple: true }))} (2 = FULL)`);

  // Each baseline runs the app's own statement (imported from the repository), prepared once: the same rows, joins
  // and filters, so a ratio is what the app adds (dispatch, zod, mapping), not a cheaper query.
  const quickFindStatement = b.db.prepare(QUICK_FIND_SQL);
  const quickFindRaw = (match: string) => quickFindStatement.all(match, 10);
  rows.push(
    row(
      'quick find by chart number "C-012345"',
      await time(() => dispatch('clients.quickFind', { search: 'C-012345', limit: 10 })),
      await time(() => quickFindRaw('"c"* "012345"*')),
    ),
    row(
      'quick find by name prefix "family123"',
      await time(() => dispatch('clients.quickFind', { search: 'family123', limit: 10 })),
      await time(() => quickFindRaw('"family123"*')),
    ),
  );

  const listQuery = {
    search: '',
    statuses: ['active'],
    clinicianId: null,
    sort: { column: 'name', direction: 'asc' },
    page: 40,
    pageSize: 50,
  } as const;
  const listSql = clientListSql({
    ...listQuery,
    statuses: [...listQuery.statuses],
    sort: { ...listQuery.sort },
  });
  const listRaw = b.db.prepare(clientPageSql(listSql.where, listSql.orderBy));
  const countRaw = b.db.prepare(clientCountSql(listSql.where));
  rows.push(
    row(
      'client list, page 41, active, by name',
      await time(() => dispatch('clients.list', listQuery)),
      await time(() => {
        listRaw.all(...listSql.params, 50, 2000);
        countRaw.get(...listSql.params);
      }),
    ),
  );

  // A heavy client's chart as the renderer opens it (ChartScreen, DraftReminder, AlertBanner, useDueCount).
  // A note's content and signed snapshot are JSON in its row: the raw list parses them too, as the app must.
  const notesStatement = b.db.prepare(clientNotesSql(2, false));
  const rawNotes = (clientId: string) =>
    (
      notesStatement.all(clientId, 'progress', 'group-member') as Array<{
        content: string;
        signed_snapshot: string | null;
      }>
    ).map((r) => ({
      ...r,
      content: JSON.parse(r.content) as unknown,
      snapshot: r.signed_snapshot === null ? null : (JSON.parse(r.signed_snapshot) as unknown),
    }));
  const rawAddenda = prepared(CLIENT_ADDENDA_SQL);
  const scoresStatement = b.db.prepare(CLIENT_ASSESSMENTS_SQL);
  const rawScores = (clientId: string) =>
    (scoresStatement.all(clientId) as Array<{ input: string }>).map((r) => ({
      ...r,
      input: JSON.parse(r.input) as unknown,
    }));
  const openChart = () =>
    Promise.all([
      dispatch('clients.chart', { id: heavy }),
      dispatch('medications.list', { clientId: heavy }),
      dispatch('measures.forClient', { clientId: heavy }),
      dispatch('notes.list', { clientId: heavy, kind: 'record', draftsOnly: true }),
      dispatch('assessments.list', { clientId: heavy }),
      dispatch('alerts.list', { clientId: heavy }),
    ]);
  rows.push(
    row(
      "open a heavy client's chart (all its first calls)",
      await time(openChart, { runs: 9 }),
      null,
      '2,000 notes, 300 scores; six calls: no one raw equivalent, the parts are timed below',
    ),
    row(
      'heavy chart: header and first timeline page (clients.chart)',
      await time(() => dispatch('clients.chart', { id: heavy })),
      null,
    ),
    row(
      'heavy chart: score trends (assessments.list, 300)',
      await time(() => dispatch('assessments.list', { clientId: heavy })),
      await time(() => rawScores(heavy)),
    ),
    row(
      "heavy chart: the client's notes (notes.list, 2,000)",
      await time(() => dispatch('notes.list', { clientId: heavy, kind: 'record' }), { runs: 9 }),
      await time(() => {
        rawNotes(heavy);
        rawAddenda(heavy);
      }),
    ),
  );
  const someClient = b.seeded.clientIds[123] ?? '';
  rows.push(
    row(
      "one client's notes (about 10)",
      await time(() => dispatch('notes.list', { clientId: someClient, kind: 'record' })),
      await time(() => {
        rawNotes(someClient);
        rawAddenda(someClient);
      }),
    ),
  );

  // Save a draft, sign a note: a quiet client's own draft; each signature on a fresh draft.
  const quiet = b.seeded.quietId;
  const newDraft = async () =>
    value<Note>(
      await dispatch('notes.create', {
        clientId: quiet,
        kind: 'progress',
        content: {
          ...emptyNoteContent('dap', '2026-12-01'),
          risk: {
            suicidalIdeation: 'denied',
            homicidalIdeation: 'denied',
            redFlagsObserved: false,
            note: '',
          },
          sections: {
            data: 'Client reported sleeping six hours and one craving at work.',
            assessment: 'Steady on the taper.',
            plan: 'Keep the evening walk; next session in a week.',
          },
        },
      }),
    );
  let note = await newDraft();
  let n = 0;
  // The search text too: the triggers keep note_search in step with it, as for the app's save.
  const rawSave = b.db.prepare(
    'UPDATE notes SET content = ?, search_text = ?, updated_at_ms = ? WHERE id = ?',
  );
  const auditRow = rawAuditWriter(b);
  const rawSign = b.db.prepare(
    'UPDATE notes SET signed_at_ms = ?, signed_by = ?, content_hash = ? WHERE id = ? AND signed_at_ms IS NULL',
  );
  rows.push(
    row(
      'save a note draft',
      await time(async () => {
        b.clock.advance(1000);
        n += 1;
        note = value<Note>(
          await dispatch('notes.saveDraft', {
            id: note.id,
            content: {
              ...note.content,
              sections: { ...note.content.sections, plan: `Review in a week (${n}).` },
            },
            attendance: null,
            expectedUpdatedAtMs: note.updatedAtMs,
          }),
        );
      }),
      await time(() => {
        n += 1;
        b.db.transaction(() => {
          const content = {
            ...note.content,
            sections: { ...note.content.sections, plan: `Review in a week (${n}).` },
          };
          rawSave.run(JSON.stringify(content), noteSearchText(content), n, note.id);
          auditRow('update', 'note', note.id);
        })();
      }),
    ),
  );
  rows.push(
    row(
      'sign a note (audit row, search index, synchronous=FULL)',
      await time(
        async (d: Note) => {
          value(await dispatch('notes.sign', { id: d.id, passphrase: PASS }));
        },
        { prepare: newDraft },
      ),
      await time(
        async (d: Note) => {
          // The same passphrase check (the signer's key unwrapped at the fast test KDF) and a hash of the content.
          const entry = b.practice.requireKeyring().users.find((u) => u.userId === b.userId);
          if (!entry || !(await unwrapKey(entry.wrap, PASS, passphraseAad(b.userId))))
            throw new Error('passphrase');
          const hash = createHash('sha256').update(JSON.stringify(d.content)).digest('hex');
          b.db.transaction(() => {
            rawSign.run(b.clock.now(), b.userId, hash, d.id);
            auditRow('sign', 'note', d.id);
          })();
        },
        { prepare: newDraft },
      ),
      'both with the passphrase check at the fast test KDF',
    ),
  );

  const searchKinds = ['progress', 'group-member', 'mat'] as const;
  const searchStatement = b.db.prepare(noteSearchSql(searchKinds.length));
  const searchRaw = (match: string) =>
    searchStatement.all(
      ...noteSearchParams(match, {
        clientId: null,
        fromDate: null,
        toDate: null,
        kinds: searchKinds,
        limit: 50,
      }),
    );
  const search = (query: string) =>
    dispatch('notes.search', { query, clientId: null, fromDate: null, toDate: null, kinds: [], limit: 50 });
  for (const [label, query, match] of [
    [`rare "${RARE_WORD}"`, RARE_WORD, `"${RARE_WORD}"`],
    ['common "craving"', 'craving', '"craving"'],
    ['phrase "craving and sleep"', '"craving and sleep"', '"craving and sleep"'],
    ['prefix "crav*"', 'crav*', '"crav"*'],
  ] as const) {
    rows.push(
      row(`note search, ${label}`, await time(() => search(query)), await time(() => searchRaw(match))),
    );
  }

  const someNote = b.db.prepare('SELECT id FROM notes WHERE client_id = ? LIMIT 1').get(heavy) as {
    id: string;
  };
  rows.push(
    row(
      'note PDF',
      await time(() => dispatch('notes.printPdf', { id: someNote.id, paper: 'letter', disclosure: null })),
      await time(() => barePdf(40)),
    ),
    row(
      'aftercare plan PDF',
      await time(() =>
        dispatch('recoveryPlans.printPdf', { id: aftercare.id, paper: 'letter', disclosure: null }),
      ),
      await time(() => barePdf(60)),
    ),
    row(
      'taper schedule PDF',
      await time(() => dispatch('taper.printPdf', { clientId: heavy, paper: 'letter' })),
      await time(() => barePdf(60)),
    ),
  );

  const exportRecord = async () => {
    b.clock.advance(60_000); // the export folder is named to the minute
    const client = value<Client>(await dispatch('clients.get', { id: heavy }));
    const { jobId } = value<{ jobId: string }>(
      await dispatch('recordExport.start', {
        request: {
          clientId: heavy,
          basis: 'client-request',
          consentId: null,
          recipient: clientOwnRecipient(client),
          recipientAddress: '',
          purpose: 'Personal copy',
          paper: 'letter',
          output: 'folder',
          exportPassphrase: null,
          plainConfirmed: true,
        },
        passphrase: PASS,
      }),
    );
    for (;;) {
      const p = value<ExportProgress>(await dispatch('recordExport.progress', { jobId }));
      if (p.state === 'failed') throw new Error(`the export failed: ${JSON.stringify(p.error)}`);
      if (p.state !== 'running') return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  rows.push(
    row(
      "heavy client's full record export",
      await time(exportRecord, { runs: 3 }),
      null,
      'the notes in one file; 3 runs after a warm-up',
    ),
  );

  let backupBytes = 0;
  const rawBackupFile = `${b.dataDir}/raw-backup.db`;
  const vacuumInto = b.db.prepare('VACUUM INTO ?');
  const backup = await time(
    async () => {
      backupBytes = value<{ sizeBytes: number }>(await dispatch('backup.create', {})).sizeBytes;
    },
    { runs: 3 },
  );
  const rawBackup = await time(
    async () => {
      // The snapshot alone, as the app takes it (VACUUM INTO, encrypted with the same key), without the
      // verification, the recovery kit and the rotation.
      fs.rmSync(rawBackupFile, { force: true });
      vacuumInto.run(rawBackupFile);
    },
    { runs: 3 },
  );
  fs.rmSync(rawBackupFile, { force: true });
  rows.push(row('verified backup', backup, rawBackup, `${(backupBytes / 1e6).toFixed(0)} MB`));

  rows.push(...(await practiceRows(b, PRACTICE_KEYS)));
  b.practice.close();
  fs.rmSync(b.dataDir, { recursive: true, force: true });
  return rows;
}
