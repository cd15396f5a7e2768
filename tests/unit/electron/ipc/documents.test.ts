/**
 * Printed documents: the page can have main open a PDF main wrote, and nothing else; printed copies do not outlive
 * the signed-in session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { safeFileName } from '../../../../electron/documents/files';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { aClinician, setUpPractice, tempDir } from '../../../support/fixtures';

async function setup() {
  const { practice, dataDir } = await setUpPractice();
  const platform = createNodePlatform();
  const dispatch = createDispatcher(createHandlers(), { practice, platform, log: silentLogger });
  fs.mkdirSync(practice.documentsDir, { recursive: true, mode: 0o700 });
  const printed = path.join(practice.documentsDir, 'note-2026-11-23.pdf');
  fs.writeFileSync(printed, '%PDF-1.7\n');
  return { practice, dataDir, platform, dispatch, printed };
}

describe('printed documents', () => {
  it('opens a PDF main wrote into the documents folder', async () => {
    const { dispatch, platform, printed } = await setup();
    expect(await dispatch('documents.open', { path: printed })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(platform.opened).toEqual([fs.realpathSync(printed)]);
  });

  it('refuses any other file: outside the folder, through a link or "..", a folder, or one not there', async () => {
    const { practice, dispatch, platform, dataDir } = await setup();
    const outside = path.join(tempDir(), 'elsewhere.pdf');
    fs.writeFileSync(outside, '%PDF-1.7\n');
    const link = path.join(practice.documentsDir, 'keyring.pdf');
    fs.symlinkSync(path.join(dataDir, 'keyring.json'), link);
    fs.mkdirSync(path.join(practice.documentsDir, 'folder'));
    for (const file of [
      outside,
      path.join(dataDir, 'keyring.json'),
      path.join(practice.documentsDir, '..', 'keyring.json'),
      link,
      path.join(practice.documentsDir, 'folder'),
      path.join(practice.documentsDir, 'gone.pdf'),
      'note-2026-11-23.pdf',
    ]) {
      const result = await dispatch('documents.open', { path: file });
      expect(result, file).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(platform.opened).toEqual([]);
  });

  it('removes printed copies when the practice locks, and leftovers from a crash at the next unlock', async () => {
    const { practice, printed } = await setup();
    practice.lock('manual');
    expect(fs.readdirSync(practice.documentsDir)).toEqual([]);

    fs.writeFileSync(printed, '%PDF-1.7\n');
    const me = aClinician();
    await practice.unlock(me.username, me.passphrase);
    expect(fs.existsSync(printed)).toBe(false);
    practice.close();
  });

  it('names printed files with plain names that stay inside the folder, whatever the record holds', () => {
    for (const name of [
      'note-../../../x-1.pdf',
      '..',
      '../keyring.json',
      'a\\..\\b.pdf',
      'note-2026/11/23.pdf',
      '',
    ]) {
      const safe = safeFileName(name);
      expect(safe, name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
      expect(path.dirname(path.join('/docs', safe)), name).toBe('/docs');
    }
    expect(safeFileName('note-2026-11-23-1a2b3c4d.pdf')).toBe('note-2026-11-23-1a2b3c4d.pdf');
  });
});
