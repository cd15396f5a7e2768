/**
 * Child process for the fault matrix (tests/unit/electron/faultMatrix.test.ts). Runs one kind of work on the
 * practice in argv[3] over and over and prints `ack …` only after each step has returned (committed); the parent
 * kills it with SIGKILL at a random moment and checks the invariants on reopen. Bundled to plain JS by the test so
 * a spawn costs no TypeScript transform.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import { createDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrations';
import { appendAudit } from '../../electron/db/repositories/audit';
import { saveClinic } from '../../electron/db/repositories/clinic';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { createNodePlatform } from '../../electron/platform/nodePlatform';
import { silentLogger } from '../../electron/platform/types';
import { Practice } from '../../electron/practice/practice';
import { passphraseAad, RECOVERY_AAD, wrapKey, writeKeyring } from '../../electron/security/keyring';
import { emptyNoteContent, type NoteContent } from '../../shared/domain/notes';
import type { Result } from '../../shared/ipc/result';

const [, , scenario = '', dataDir = ''] = process.argv;
const USER = process.env.FAULT_USERNAME ?? '';
const PASS = process.env.FAULT_PASSPHRASE ?? '';
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const say = (line: string) => process.stdout.write(`${line}\n`);

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const content = (plan: string): NoteContent => ({
  ...emptyNoteContent('soap', '2026-11-23'),
  risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
  sections: { subjective: 'Cravings at breaks.', objective: 'Calm.', assessment: 'On track.', plan },
});

async function main(): Promise<void> {
  if (scenario === 'migration') return migration();
  const practice = new Practice({ dataDir, kdfCost: FAST });
  await practice.unlock(USER, PASS);
  const dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const clientId = process.env.FAULT_CLIENT_ID ?? '';
  say('ready');
  switch (scenario) {
    case 'note-save':
    case 'checkpoint': {
      const note = value<{ id: string; updatedAtMs: number }>(
        await dispatch('notes.create', { clientId, kind: 'progress', content: content('v0') }),
      );
      let updatedAtMs = note.updatedAtMs;
      say(`ack note ${note.id} 0`);
      for (let n = 1; ; n += 1) {
        const saved = value<{ updatedAtMs: number }>(
          await dispatch('notes.saveDraft', {
            id: note.id,
            content: content(`v${n} ${'words '.repeat(200)}`),
            attendance: null,
            expectedUpdatedAtMs: updatedAtMs,
          }),
        );
        updatedAtMs = saved.updatedAtMs;
        say(`ack note ${note.id} ${n}`);
        if (scenario === 'checkpoint') {
          practice.session().db.pragma('wal_checkpoint(TRUNCATE)');
          say(`ack checkpoint ${n}`);
        }
      }
    }
    case 'sign-print': {
      for (;;) {
        const note = value<{ id: string }>(
          await dispatch('notes.create', { clientId, kind: 'progress', content: content('to sign') }),
        );
        value(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
        say(`ack signed ${note.id}`);
        value(await dispatch('notes.printPdf', { id: note.id, paper: 'letter', disclosure: null }));
        say(`ack printed ${note.id}`);
      }
    }
    case 'backup': {
      for (;;) {
        const b = practice.backup();
        say(`ack backup ${b.fileName}`);
      }
    }
    case 'restore': {
      const names = (process.env.FAULT_BACKUPS ?? '').split(',');
      for (let i = 0; ; i += 1) {
        const name = names[i % names.length] ?? '';
        await practice.restoreChosen(name, PASS);
        say(`ack restore ${name}`);
      }
    }
    case 'keyring': {
      for (;;) {
        const username = `staff-${randomUUID().slice(0, 8)}`;
        await practice.addUser(
          {
            displayName: `Siobhán O’Brien ${username}`,
            credentials: 'LPC',
            role: 'clinician',
            username,
            passphrase: `${username} quiet harbor`,
          },
          PASS,
        );
        say(`ack user ${username}`);
      }
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

/** A practice at the schema before the newest migration, then an unlock that backs up and migrates it. */
async function migration(): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const db = createDatabase(path.join(dataDir, 'clearleaf.db'), key);
  migrate(db, 160);
  const id = randomUUID();
  const now = Date.now();
  db.transaction(() => {
    saveClinic(db, { name: 'Old Schema Clinic', address: '1 Elm', phone: '555' }, now);
    db.prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms)
       VALUES (?, ?, 'Nguyễn Thị Ánh', '', 'clinician', ?)`,
    ).run(id, USER, now);
    appendAudit(db, { atMs: now, userId: id, action: 'create', entity: 'practice', entityId: null });
  })();
  db.close();
  writeKeyring(path.join(dataDir, 'keyring.json'), {
    format: 'clearleaf-keyring',
    version: 1,
    clinicName: 'Old Schema Clinic',
    users: [
      {
        kind: 'passphrase',
        userId: id,
        username: USER,
        displayName: 'Nguyễn Thị Ánh',
        wrap: await wrapKey(key, PASS, passphraseAad(id), FAST),
      },
    ],
    recovery: await wrapKey(key, 'RECOVERYKEYFORFAULTTESTS', RECOVERY_AAD, FAST),
  });
  say('ready');
  const practice = new Practice({ dataDir, kdfCost: FAST });
  await practice.unlock(USER, PASS);
  say('ack migrated');
  practice.lock('manual');
  say('ack locked');
  for (;;) await new Promise((r) => setTimeout(r, 1000));
}

main().catch((err: unknown) => {
  process.stderr.write(`worker failed: ${String(err)}\n`);
  process.exit(3);
});
