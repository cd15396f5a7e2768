#!/usr/bin/env node
/**
 * `npm run package`: an installer for this computer's system, in dist/.
 *
 *   npm run package            Windows → NSIS installer, macOS → .dmg, Linux → AppImage and .deb
 *   npm run package -- --dir   the unpacked app only, to look inside or try it
 *
 * better-sqlite3 is native code compiled for one system, so each system's installer is made on that system (or a
 * CI runner of that system). electron-builder's own rebuild is off (electron-builder.yml): it would compile
 * node_modules for Electron in place and leave the tests without their Node build. Instead the Electron build from
 * .electron-native/ is staged in .package/native/ and shipped beside app.asar as resources/native/, where the
 * installed app's main process looks for it (electron/platform/shippedFiles.ts).
 *
 * Overrides, for build machines that prepare these themselves:
 *   CLEARLEAF_ELECTRON_BINDING  a better_sqlite3.node already compiled for this Electron version and system
 *   CLEARLEAF_ELECTRON_DIST     a folder holding an unpacked Electron of the same version
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, electronVersion, run, electronBinary, electronSqliteBinding } = require('./electronNative.cjs');

const PLATFORM_FLAGS = { win32: '--win', darwin: '--mac', linux: '--linux' };
const OTHER_SYSTEM_FLAGS = ['--win', '--windows', '-w', '--mac', '--macos', '-m', '-o', '--linux', '-l'];

/** Copies the Electron build of better-sqlite3 to where electron-builder.yml picks it up. */
function stageBinding(binding) {
  const staged = path.join(root, '.package', 'native');
  fs.rmSync(staged, { recursive: true, force: true });
  fs.mkdirSync(staged, { recursive: true });
  fs.copyFileSync(binding, path.join(staged, 'better_sqlite3.node'));
}

/** The electron-builder command line (after `npx`) for this system. */
function builderArgs({ platformFlag, extraArgs = [], electronDist = null }) {
  return [
    'electron-builder',
    platformFlag,
    ...extraArgs,
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    `-c.electronVersion=${electronVersion}`,
    ...(electronDist ? [`-c.electronDist=${electronDist}`] : []),
  ];
}

function main() {
  const platformFlag = PLATFORM_FLAGS[process.platform];
  if (!platformFlag) {
    console.error(
      `Clearleaf installers are made on Windows, macOS or Linux; this system is ${process.platform}.`,
    );
    return 1;
  }
  const extraArgs = process.argv.slice(2);
  if (extraArgs.some((a) => OTHER_SYSTEM_FLAGS.includes(a))) {
    console.error(
      'Each installer is made on its own system, because the encrypted SQLite module is compiled code for one ' +
        'system. Run `npm run package` (without a system flag) on the system you want the installer for.',
    );
    return 1;
  }

  const binding = process.env.CLEARLEAF_ELECTRON_BINDING || electronSqliteBinding();
  if (!binding) return 1;
  if (!fs.existsSync(binding)) {
    console.error(`CLEARLEAF_ELECTRON_BINDING names a file that does not exist: ${binding}`);
    return 1;
  }
  stageBinding(binding);
  if (!run('npx', ['electron-vite', 'build'])) return 1;

  // Reuse the Electron already installed for `npm start` rather than downloading the same version again: its
  // dist folder (on macOS the folder holding Electron.app, not the executable's own folder).
  const installedDist = electronBinary() ? path.join(root, 'node_modules', 'electron', 'dist') : null;
  const electronDist = process.env.CLEARLEAF_ELECTRON_DIST || installedDist;
  console.log(`Packaging Clearleaf for ${process.platform} with Electron ${electronVersion}…`);
  return run('npx', builderArgs({ platformFlag, extraArgs, electronDist })) ? 0 : 1;
}

if (require.main === module) process.exit(main());

module.exports = { PLATFORM_FLAGS, stageBinding, builderArgs };
