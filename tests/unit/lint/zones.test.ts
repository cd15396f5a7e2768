/**
 * The import zones in eslint.config.mjs bite (STYLE.md habit 2, "one door per process"): small snippets linted as
 * if they lived at a given path. Type-aware rules are switched off here because the snippets' paths do not exist
 * on disk, so no tsconfig project contains them; the zone rules do not need types.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const eslint = new ESLint({
  cwd: REPO_ROOT,
  overrideConfigFile: 'eslint.config.mjs',
  overrideConfig: tseslint.configs.disableTypeChecked,
});

interface Problem {
  ruleId: string | null;
  message: string;
}

/** Lints `code` as the file at `filePath` (relative to the repo root) and returns every problem found. */
async function lint(filePath: string, code: string): Promise<Problem[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}${filePath}` });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  // A parse error or an ignored file would also "find nothing" or "find an error": neither counts here.
  expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
  expect(result.warningCount).toBe(0);
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const rulesOf = (problems: Problem[]): (string | null)[] => problems.map((p) => p.ruleId);

describe('shared/ imports neither Node, Electron nor React', () => {
  it.each([
    ["import fs from 'node:fs';", 'fs'],
    ["import fs from 'fs';", 'fs'],
    ["import { readFile } from 'fs/promises';", 'readFile'],
    ["import { createHash } from 'crypto';", 'createHash'],
    ["import { app } from 'electron';", 'app'],
    ["import { useState } from 'react';", 'useState'],
    ["import { createRoot } from 'react-dom/client';", 'createRoot'],
    ["import Database from 'better-sqlite3';", 'Database'],
    ["import PDFDocument from 'pdfkit';", 'PDFDocument'],
    ["import { createDispatcher } from '../../electron/ipc/dispatch';", 'createDispatcher'],
    ["import { App } from '../../renderer/src/App';", 'App'],
  ])('%s is an error', async (importLine, name) => {
    expect(rulesOf(await lint('shared/ipc/x.ts', `${importLine}\nexport const used = ${name};\n`))).toEqual([
      'no-restricted-imports',
    ]);
  });

  it('its own files and zod are fine', async () => {
    const code = "import { z } from 'zod';\nimport { ok } from './result';\nexport const used = [z, ok];\n";
    expect(await lint('shared/ipc/x.ts', code)).toEqual([]);
  });

  it('does not log', async () => {
    expect(rulesOf(await lint('shared/x.ts', "console.log('scored');\n"))).toEqual(['no-console']);
  });
});

describe('renderer/ reaches main only through the contract and its api folder', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';", 'ipcRenderer'],
    ["import fs from 'node:fs';", 'fs'],
    ["import Database from 'better-sqlite3';", 'Database'],
    ["import { createHandlers } from '../../electron/ipc/handlers';", 'createHandlers'],
  ])('%s is an error', async (importLine, name) => {
    expect(
      rulesOf(await lint('renderer/src/x.tsx', `${importLine}\nexport const used = ${name};\n`)),
    ).toEqual(['no-restricted-imports']);
  });

  it('may import values from shared/ipc/contract, types from anywhere in shared/, and React', async () => {
    const code =
      "import { useState } from 'react';\n" +
      "import { contract } from '../../shared/ipc/contract';\n" +
      "import type { Result } from '../../shared/ipc/result';\n" +
      'export const used: [unknown, unknown, Result<number> | null] = [useState, contract, null];\n';
    expect(await lint('renderer/src/x.tsx', code)).toEqual([]);
  });

  it('uses the bridge only in renderer/src/api/', async () => {
    const code = "export const ask = () => window.clearleaf?.invoke('app.status', null);\n";
    expect(rulesOf(await lint('renderer/src/screens/x.tsx', code))).toEqual(['no-restricted-syntax']);
    expect(rulesOf(await lint('renderer/src/x.ts', "export const b = window['clearleaf'];\n"))).toEqual([
      'no-restricted-syntax',
    ]);
    expect(rulesOf(await lint('renderer/src/x.ts', 'export const { clearleaf } = window;\n'))).toEqual([
      'no-restricted-syntax',
    ]);
    expect(await lint('renderer/src/api/x.ts', code)).toEqual([]);
  });

  it('does not log', async () => {
    expect(rulesOf(await lint('renderer/src/x.tsx', 'console.log(1);\n'))).toEqual(['no-console']);
  });
});

describe('electron/: four files import electron, one door each for ipcMain and ipcRenderer', () => {
  it('a value import of electron elsewhere is an error, a type import is fine', async () => {
    expect(
      rulesOf(await lint('electron/db/x.ts', "import { app } from 'electron';\nexport const a = app;\n")),
    ).toEqual(['no-restricted-imports']);
    expect(
      rulesOf(
        await lint('electron/db/x.ts', "import { app } from 'electron/main';\nexport const a = app;\n"),
      ),
    ).toEqual(['no-restricted-imports']);
    expect(
      await lint('electron/db/x.ts', "import type { App } from 'electron';\nexport type A = App;\n"),
    ).toEqual([]);
    expect(
      await lint('electron/db/x.ts', "import { type App } from 'electron';\nexport type A = App;\n"),
    ).toEqual([]);
  });

  it('ipcMain only in ipc/register.ts and main.ts', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const door = ipcMain;\n";
    const elsewhere = await lint('electron/x.ts', code);
    expect(rulesOf(elsewhere)).toEqual(['no-restricted-imports']);
    expect(await lint('electron/ipc/register.ts', code)).toEqual([]);
    expect(await lint('electron/main.ts', code)).toEqual([]);
    const inPreload = await lint('electron/preload.ts', code);
    expect(rulesOf(inPreload)).toEqual(['no-restricted-imports']);
    expect(inPreload[0]?.message).toContain('electron/ipc/register.ts');
  });

  it('ipcRenderer only in preload.ts', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const door = ipcRenderer;\n";
    expect(await lint('electron/preload.ts', code)).toEqual([]);
    for (const file of [
      'electron/main.ts',
      'electron/ipc/register.ts',
      'electron/platform/electronPlatform.ts',
    ]) {
      expect(rulesOf(await lint(file, code)), file).toEqual(['no-restricted-imports']);
    }
  });

  it('nothing imports renderer/', async () => {
    const code = "import { App } from '../renderer/src/App';\nexport const a = App;\n";
    expect(rulesOf(await lint('electron/main.ts', code))).toEqual(['no-restricted-imports']);
  });

  it('logs through the Logger; only its console implementation and the CLI print', async () => {
    expect(rulesOf(await lint('electron/ipc/x.ts', 'console.log(1);\n'))).toEqual(['no-console']);
    expect(await lint('electron/cli/x.ts', 'console.log(1);\n')).toEqual([]);
  });
});

describe('tests/ may import anything', () => {
  it('electron, ipcMain and Node built-ins are fine', async () => {
    const code =
      "import { ipcMain } from 'electron';\nimport fs from 'node:fs';\nimport { App } from '../../renderer/src/App';\n" +
      'console.log(ipcMain, fs, App);\n';
    expect(await lint('tests/unit/x.test.ts', code)).toEqual([]);
  });
});

describe('suppressions', () => {
  it('carry a reason', async () => {
    const bare = "// eslint-disable-next-line no-console\nconsole.log('x');\n";
    expect(rulesOf(await lint('shared/x.ts', bare))).toEqual(['clearleaf/suppression-needs-reason']);
    const reasoned = "// eslint-disable-next-line no-console -- demonstrating a reason\nconsole.log('x');\n";
    expect(await lint('shared/x.ts', reasoned)).toEqual([]);
  });
});
