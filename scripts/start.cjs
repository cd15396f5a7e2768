#!/usr/bin/env node
/**
 * `npm start`: build, then run the desktop app in Electron.
 *
 * It differs from the tests, which run under plain Node, in two ways (see electronNative.cjs): Electron's binary is
 * fetched on first use, and the app is handed a better-sqlite3 compiled for Electron through CLEARLEAF_SQLITE_BINDING.
 */
const { run, ensureElectronBinary, electronSqliteBinding } = require('./electronNative.cjs');

function explainMissingElectron() {
  console.error(`
Clearleaf's desktop window needs the Electron binary, and it is not installed on this computer (it is downloaded
from the internet on first start, and that download did not succeed here). Nothing is wrong with your practice
data. To work without Electron, run \`npm run dev:web\`: it serves the same app to a browser on this computer only
(127.0.0.1), against the same encrypted practice database and the same main-process code. To get the desktop
window, connect this computer to the internet once and run \`npm start\` again.
`);
}

if (!ensureElectronBinary()) {
  explainMissingElectron();
  process.exit(1);
}
const binding = electronSqliteBinding();
if (!binding) process.exit(1);

const ok = run('npx', ['electron-vite', 'preview'], {
  env: { ...process.env, CLEARLEAF_SQLITE_BINDING: binding },
});
process.exit(ok ? 0 : 1);
