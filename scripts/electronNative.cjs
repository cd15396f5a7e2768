/**
 * What `npm start` and `npm run package` both need from Electron, outside node_modules' Node build:
 * - Electron's own binary, fetched on first use (never during `npm ci`, so build machines without network work).
 * - better-sqlite3 compiled for Electron's ABI. That copy is built once into .electron-native/<electron version>/, so
 *   node_modules keeps the Node build the tests load.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = require(path.join(electronDir, 'package.json')).version;

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: root,
    shell: process.platform === 'win32',
    ...options,
  });
  return r.status === 0;
}

/** The installed Electron executable, or null when its download never happened. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

/** Fetches Electron's binary if it is missing; false when that is not possible here. */
function ensureElectronBinary() {
  if (electronBinary()) return true;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  // The download's own error output is a stack trace; callers say what matters in a paragraph.
  run(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'ignore'] });
  return electronBinary() !== null;
}

/**
 * better-sqlite3 compiled for this computer's system and Electron's ABI, built on first use. Returns its path, or
 * null (after saying why) when it could not be compiled.
 */
function electronSqliteBinding() {
  const nativeDir = path.join(root, '.electron-native', electronVersion);
  const binding = path.join(nativeDir, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
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
      'Could not compile better-sqlite3 for Electron. Check the C++ build tools, then try again.',
    );
    return null;
  }
  return binding;
}

module.exports = { root, electronVersion, run, electronBinary, ensureElectronBinary, electronSqliteBinding };
