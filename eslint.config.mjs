/**
 * One ESLint config for the whole repo (`npm run lint` runs it with --max-warnings 0).
 *
 * Policy (STYLE.md habit 2, "one door per process"): each folder is an import zone.
 *   - shared/    runs in every process: no Node, no Electron, no React, no native or PDF packages, no app folders.
 *   - renderer/  is a web page: no Electron, no Node, no native or PDF packages, nothing from electron/; only
 *                renderer/src/api/ touches the preload bridge (`window.clearleaf`).
 *   - electron/  only four glue files import `electron` as a value (other files may `import type` from it);
 *                `ipcMain` only in ipc/register.ts (and main.ts, which hands it over), `ipcRenderer` only in
 *                preload.ts; nothing imports renderer/.
 *   - tests/ and scripts/ may import anything.
 * Console: logs carry ids, channels and durations only (habit 8), so app code logs through the Logger in
 * electron/platform/types.ts; only that file, the CLI, tests and scripts write to the console directly.
 *
 * `no-restricted-imports` options do not merge between config objects (the last matching object wins), so each
 * zone below states its full list, built from the pieces that follow.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// --- Restricted import entries ----------------------------------------------------------------------------------

/** `fs`, `fs/promises`, `node:fs`, ... : every Node built-in, with or without the `node:` prefix. */
const NODE_BUILTINS = {
  regex: `^(?:node:|(?:${builtinModules.filter((name) => /^[a-z]\w*$/u.test(name)).join('|')})(?:/|$))`,
  message: 'Node built-ins belong in electron/ (main process) code.',
};

/** `electron` and its process-specific entry points (`electron/main`, `electron/renderer`, ...). */
const ELECTRON_MODULES = [
  'electron',
  'electron/main',
  'electron/renderer',
  'electron/common',
  'electron/utility',
];

const electronBanned = (message, extra = {}) => ELECTRON_MODULES.map((name) => ({ name, message, ...extra }));

/** Packages that only the main process may load (native SQLite, PDF generation). */
const MAIN_ONLY_PACKAGES = {
  regex: '^(?:better-sqlite3|pdfkit)(?:/|$)',
  message: 'SQLite and pdfkit run in the main process only; reach them through the IPC contract.',
};

const REACT = {
  regex: '^react(?:-dom)?(?:/|$)',
  message: 'shared/ is UI-free: React belongs in renderer/.',
};

/** Relative imports that walk into another process's folder. */
const folderBan = (folder, message) => ({ regex: `^\\.{1,2}/(?:.*/)?${folder}(?:/|$)`, message });

const NO_ELECTRON_FOLDER = folderBan(
  'electron',
  'Main-process code stays in electron/; share code via shared/.',
);
const NO_RENDERER_FOLDER = folderBan('renderer', 'Renderer code stays in renderer/; share code via shared/.');

/** In the four files that may import `electron`, the IPC objects stay behind their own door. */
const IPC_DOORS = {
  ipcMain: 'ipcMain is used only in electron/ipc/register.ts (main.ts passes it to registerIpc).',
  ipcRenderer: 'ipcRenderer is used only in electron/preload.ts.',
};
const ipcBanned = (...importNames) =>
  importNames
    .map((importName) =>
      ELECTRON_MODULES.map((name) => ({ name, importNames: [importName], message: IPC_DOORS[importName] })),
    )
    .flat();

const restrictImports = (paths, patterns) => ['error', { paths, patterns }];

// --- Other zone rules --------------------------------------------------------------------------------------------

/** `window.clearleaf`, `globalThis['clearleaf']`, `const { clearleaf } = window` outside renderer/src/api/. */
const GLOBAL_OBJECT = '/^(?:window|globalThis|self)$/';
const BRIDGE_ACCESS = {
  selector: [
    `MemberExpression[object.name=${GLOBAL_OBJECT}][property.name='clearleaf']`,
    `MemberExpression[object.name=${GLOBAL_OBJECT}][property.value='clearleaf']`,
    `VariableDeclarator[init.name=${GLOBAL_OBJECT}] > ObjectPattern > Property[key.name='clearleaf']`,
  ].join(', '),
  message: 'Only renderer/src/api/ touches the preload bridge; call the api client instead.',
};

// --- Whole-repo rules --------------------------------------------------------------------------------------------

/** Files in tsconfig.node.json, tsconfig.web.json or tsconfig.e2e.json, linted with type information. */
const TYPED_FILES = [
  'electron/**/*.ts',
  'shared/**/*.ts',
  'renderer/src/**/*.{ts,tsx}',
  'tests/{unit,e2e,harness,bench,support}/**/*.ts',
  'tests/renderer/**/*.{ts,tsx}',
  'electron.vite.config.ts',
  'vitest.config.mts',
];

/**
 * STYLE.md habit 10: every lint suppression says why (`// eslint-disable-next-line rule -- reason`). A local rule
 * so this needs no extra package.
 */
const suppressionNeedsReason = {
  meta: {
    type: 'suggestion',
    schema: [],
    messages: { reason: 'Say why this rule is suppressed: `eslint-disable... rule -- reason`.' },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          const isSuppression = /^eslint-disable(?:-next-line|-line)?(?:\s|$)/u.test(text);
          if (isSuppression && !/\s--\s*\S/u.test(text)) {
            context.report({ loc: comment.loc, messageId: 'reason' });
          }
        }
      },
    };
  },
};

export default defineConfig(
  globalIgnores([
    'out/',
    'node_modules/',
    'coverage/',
    'test-results/',
    '.scratch/',
    '.clearleaf-dev/',
    '.electron-native/',
    'dist/',
    '.package/',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { clearleaf: { rules: { 'suppression-needs-reason': suppressionNeedsReason } } },
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'clearleaf/base',
    rules: {
      'clearleaf/suppression-needs-reason': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    // Three type-aware rules, not the whole type-checked preset: they catch the promise mistakes that matter in
    // an Electron main process (an unhandled rejection) for a few seconds of lint time. `projectService` finds
    // tsconfig.node.json / tsconfig.web.json through the solution tsconfig.json; the globs mirror their
    // `include`s so a file in neither (a new script, a lintText snippet) is still linted, just without types.
    name: 'clearleaf/type-aware',
    files: TYPED_FILES,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX handlers may be async: `call()` never rejects (errors are values), so no rejection goes unhandled.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    name: 'clearleaf/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // --- Environments ---
  {
    name: 'clearleaf/globals-node',
    files: ['electron/**', 'tests/**', 'scripts/**', '.ci/**', '*.{js,mjs,cjs,ts,mts,cts}'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'clearleaf/globals-browser',
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'clearleaf/globals-shared',
    files: ['shared/**'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },
  {
    // Renderer tests run in happy-dom; e2e page models pass callbacks that run in the page.
    name: 'clearleaf/globals-tests-in-a-page',
    files: ['tests/renderer/**', 'tests/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // --- Import zones ---
  {
    name: 'clearleaf/zone-shared',
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        electronBanned('shared/ runs in every process: it may not import Electron.'),
        [NODE_BUILTINS, MAIN_ONLY_PACKAGES, REACT, NO_ELECTRON_FOLDER, NO_RENDERER_FOLDER],
      ),
      'no-console': 'error',
    },
  },
  {
    name: 'clearleaf/zone-renderer',
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        electronBanned('The renderer reaches the main process only through renderer/src/api/.'),
        [NODE_BUILTINS, MAIN_ONLY_PACKAGES, NO_ELECTRON_FOLDER],
      ),
      'no-restricted-syntax': ['error', BRIDGE_ACCESS],
      'no-console': 'error',
    },
  },
  {
    name: 'clearleaf/zone-renderer-api',
    files: ['renderer/src/api/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    name: 'clearleaf/zone-electron',
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        electronBanned(
          'Only main.ts, preload.ts, ipc/register.ts and platform/electronPlatform.ts import electron; ' +
            'take what you need as an argument (`import type` is fine).',
          { allowTypeImports: true },
        ),
        [NO_RENDERER_FOLDER],
      ),
      'no-console': 'error',
    },
  },
  {
    name: 'clearleaf/zone-electron-main',
    files: ['electron/main.ts'],
    rules: { 'no-restricted-imports': restrictImports(ipcBanned('ipcRenderer'), [NO_RENDERER_FOLDER]) },
  },
  {
    name: 'clearleaf/zone-electron-preload',
    files: ['electron/preload.ts'],
    rules: { 'no-restricted-imports': restrictImports(ipcBanned('ipcMain'), [NO_RENDERER_FOLDER]) },
  },
  {
    name: 'clearleaf/zone-electron-register',
    files: ['electron/ipc/register.ts'],
    rules: { 'no-restricted-imports': restrictImports(ipcBanned('ipcRenderer'), [NO_RENDERER_FOLDER]) },
  },
  {
    name: 'clearleaf/zone-electron-platform',
    files: ['electron/platform/electronPlatform.ts'],
    rules: {
      'no-restricted-imports': restrictImports(ipcBanned('ipcMain', 'ipcRenderer'), [NO_RENDERER_FOLDER]),
    },
  },
  {
    // The Logger's console implementation and the command-line tool are the places that print.
    name: 'clearleaf/console-allowed',
    files: ['electron/platform/types.ts', 'electron/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
