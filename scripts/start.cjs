#!/usr/bin/env node
/**
 * `npm start`: build, then run the desktop app in Electron.
 *
 * Two things differ from the tests, which run under plain Node:
 * - Electron's binary is fetched on first use (never during `npm ci`, so build machines without network work).
 * - better-sqlite3 must be compiled for Electron's ABI. That copy is built once into .electron-native/ and handed to
 *   the app through CLEARLEAF_SQLITE_BINDING, so node_modules keeps the Node build the tests use.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: root,
    shell: process.platform === 'win32',
    ...options,
  });
  return r.status === 0;
}

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

function explainMissingElectron() {
  console.error(`
Clearleaf's desktop window needs the Electron binary, and it is not installed on this computer (it is downloaded
from the internet on first start, and that download did not succeed here). Nothing is wrong with your practice
data. To work without Electron, run \`npm run dev:web\`: it serves the same app to a browser on this computer only
(127.0.0.1), against the same encrypted practice database and the same main-process code. To get the desktop
window, connect this computer to the internet once and run \`npm start\` again.
`);
}

if (!electronBinary()) {
  // The download's own error output is a stack trace; the paragraph below says what matters.
  const ok = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
    ? false
    : run(process.execPath, [path.join(electronDir, 'install.js')], {
        stdio: ['ignore', 'inherit', 'ignore'],
      });
  if (!ok || !electronBinary()) {
    explainMissingElectron();
    process.exit(1);
  }
}

const electronVersion = require(path.join(electronDir, 'package.json')).version;
const nativeDir = path.join(root, '.electron-native', electronVersion);
const binding = path.join(nativeDir, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(binding)) {
  console.log(`Compiling the encrypted SQLite module for Electron ${electronVersion} (once)…`);
  fs.rmSync(nativeDir, { recursive: true, force: true });
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(nativeDir, 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const built = run(
    'npx',
    [
      '--yes',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: path.join(nativeDir, 'better-sqlite3') },
  );
  if (!built || !fs.existsSync(binding)) {
    console.error(
      'Could not compile better-sqlite3 for Electron. Check the C++ build tools, then run npm start again.',
    );
    process.exit(1);
  }
}

const ok = run('npx', ['electron-vite', 'preview'], {
  env: { ...process.env, CLEARLEAF_SQLITE_BINDING: binding },
});
process.exit(ok ? 0 : 1);
