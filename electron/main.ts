/**
 * The Electron entry point: thin glue. Every decision it applies (window options, URL trust, navigation, new
 * windows, permissions, which files the app protocol serves) lives in security/windowPolicy.ts with Node tests;
 * IPC goes through ipc/register.ts, the only user of ipcMain.
 *
 * Lifecycle policy: one instance per user (two would open the same encrypted database); the practice locks when
 * idle, when the screen locks and when the computer sleeps; it is closed (locked, key wiped) before quitting; and
 * closing the window quits the app on every platform, so the database is never left open with no window.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  session,
  shell,
  type WebContents,
} from 'electron';
import { FLUSH_REQUEST_CHANNEL } from '../shared/ipc/bridge';
import { useSqliteBinding } from './db/connection';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { PageFlush, type FlushSender } from './ipc/flush';
import { registerFlushAnswers, registerIpc } from './ipc/register';
import { createElectronPlatform } from './platform/electronPlatform';
import { SHIPPED_SQLITE_BINDING } from './platform/shippedFiles';
import { consoleLogger } from './platform/types';
import { Practice } from './practice/practice';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  devicePermissionDecision,
  devRendererUrl,
  isAllowedAppMethod,
  mainWindowOptions,
  navigationDecision,
  permissionCheckDecision,
  permissionDecision,
  resolveAppRequest,
  webviewDecision,
  windowOpenDecision,
} from './security/windowPolicy';
import {
  BACKUP_CHECK_MS,
  LOCKING_EVENTS,
  OWNER_ONLY_UMASK,
  PAGE_FLUSH_TIMEOUT_MS,
} from './practice/systemEvents';

const IDLE_CHECK_MS = 30_000;
// PAGE_FLUSH_TIMEOUT_MS is a little longer than the page's own bound on its pending saves (beforeLock.ts, 3 s).

// electron-vite output: out/main/index.js (this file), out/preload/index.js, out/renderer/.
const PRELOAD_PATH = path.join(__dirname, '../preload/index.js');
const RENDERER_ROOT = path.join(__dirname, '../renderer');

const log = consoleLogger;
const dev = devRendererUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
const devOrigin = dev?.origin ?? null;

let mainWindow: BrowserWindow | null = null;
const pageFlush = new PageFlush(PAGE_FLUSH_TIMEOUT_MS);
/**
 * True once the page has been asked to save before quitting, so the window may close without asking again. Reset
 * when the page then keeps itself open (a note whose save was refused), so the next quit asks again.
 */
let savedForQuit = false;

function pageFlushSender(): FlushSender {
  const window = mainWindow;
  if (!window || window.isDestroyed()) return null;
  return (token, reason) => window.webContents.send(FLUSH_REQUEST_CHANNEL, token, reason);
}

// Before 'ready': the name decides the userData folder; the scheme must be privileged before any page loads.
app.setName('Clearleaf');
app.enableSandbox();
// The installer puts better-sqlite3, compiled for Electron, beside app.asar (scripts/package.cjs).
if (app.isPackaged) useSqliteBinding(path.join(process.resourcesPath, ...SHIPPED_SQLITE_BINDING));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log.error(`startup failed: ${err instanceof Error ? err.name : typeof err}`);
      app.quit();
    });
}

/** Navigation, new windows and <webview> for every web contents the app ever creates (checklist items 12-14). */
function guardWebContents(contents: WebContents): void {
  const guardNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (navigationDecision(event.url, devOrigin) === 'deny') event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  // Subframe navigations do not raise will-navigate; the CSP forbids frames, this covers them regardless.
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-attach-webview', (event) => {
    if (webviewDecision() === 'deny') event.preventDefault();
  });
  // The page asks before unloading only while a note's last words are still being saved. Electron would
  // otherwise refuse to close silently; ask the clinician instead.
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      buttons: ['Stay', 'Leave anyway'],
      defaultId: 0,
      cancelId: 0,
      title: 'A note is still being saved',
      message: 'A note is still being saved.',
      detail: 'Stay a moment so the last words you typed are saved. If you leave now, they may be lost.',
    });
    if (choice === 1) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternal !== null) {
      shell.openExternal(decision.openExternal).catch(() => log.warn('could not open an external link'));
    }
    return decision.response;
  });
}

function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isAllowedAppMethod(request.method)) return new Response(null, { status: 405 });
    const target = resolveAppRequest(request.url, RENDERER_ROOT);
    if (!target) return new Response(null, { status: 404 });
    try {
      const body = await fs.readFile(target.file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: appResponseHeaders(target.mimeType),
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function denyPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    permissionCheckDecision(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => devicePermissionDecision());
}

let lockOnSessionEnd: () => void = () => undefined;

function startPractice(): Practice {
  process.umask(OWNER_ONLY_UMASK);
  const practice = new Practice({ dataDir: app.getPath('userData') });
  const dispatch = createDispatcher(createHandlers(), { practice, platform: createElectronPlatform(), log });
  registerIpc(ipcMain, dispatch, { devOrigin, log });
  registerFlushAnswers(ipcMain, pageFlush, { devOrigin, log });

  // Main locks on its own too, so a frozen or closed renderer cannot keep the practice open.
  const lockIfIdle = (): void => {
    try {
      practice.lockIfIdle();
    } catch (err) {
      log.error(`idle lock check failed: ${err instanceof Error ? err.name : typeof err}`);
    }
  };
  const idleTimer = setInterval(lockIfIdle, IDLE_CHECK_MS);
  // Sleep and screen lock: the page's unsaved words go out first (bounded wait, short for sleep), then it locks.
  const lockAfterSaving = (timeoutMs: number): void => {
    void pageFlush.request(pageFlushSender(), 'lock', timeoutMs).then(() => {
      try {
        practice.lock('idle');
      } catch (err) {
        log.error(`lock failed: ${err instanceof Error ? err.name : typeof err}`);
      }
    });
  };
  // Screen lock, sleep, and shutdown or log-off (powerMonitor 'shutdown' on Linux and macOS, the window's
  // 'session-end' on Windows, registered in start()): flush the page's words, then lock.
  powerMonitor.on('lock-screen', () => lockAfterSaving(LOCKING_EVENTS['lock-screen']));
  powerMonitor.on('suspend', () => lockAfterSaving(LOCKING_EVENTS.suspend));
  powerMonitor.on('shutdown', () => lockAfterSaving(LOCKING_EVENTS.shutdown));
  lockOnSessionEnd = () => lockAfterSaving(LOCKING_EVENTS['session-end']);
  // The daily backup while the practice stays unlocked for days.
  const backupTimer = setInterval(() => {
    try {
      practice.backupIfDue();
    } catch (err) {
      log.error(`daily backup failed: ${err instanceof Error ? err.name : typeof err}`);
    }
  }, BACKUP_CHECK_MS);
  // Quit (menu, Dock, or the last window closing): the page saves first, while it still can.
  app.on('before-quit', (event) => {
    if (savedForQuit) return;
    event.preventDefault();
    void pageFlush.request(pageFlushSender(), 'quit').then(() => {
      savedForQuit = true;
      app.quit();
    });
  });
  // Only once every window has closed (a page that keeps itself open cancels the quit, and the database with it
  // stays open) is the practice closed.
  app.on('will-quit', () => {
    clearInterval(idleTimer);
    clearInterval(backupTimer);
    try {
      practice.close();
    } catch (err) {
      // Quitting must not be blocked: the process exit releases the database either way.
      log.error(`close failed: ${err instanceof Error ? err.name : typeof err}`);
    }
  });
  return practice;
}

function start(): void {
  serveAppProtocol();
  denyPermissions();
  startPractice();

  const window = new BrowserWindow(mainWindowOptions(PRELOAD_PATH, { devTools: dev !== null }));
  mainWindow = window;
  window.on('session-end', () => lockOnSessionEnd());
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  // Closing the window quits the app: the page saves first, while it still can.
  window.on('close', (event) => {
    if (savedForQuit) return;
    event.preventDefault();
    void pageFlush.request(pageFlushSender(), 'quit').then(() => {
      savedForQuit = true;
      window.close();
    });
  });
  // The page kept itself open (its beforeunload: a note whose save was refused). Nothing closes; ask again next time.
  window.webContents.on('will-prevent-unload', () => {
    savedForQuit = false;
  });
  // A failed load leaves the window up (the clinician can reload it) rather than quitting with no explanation.
  window.loadURL(dev?.url ?? APP_ENTRY_URL).catch(() => log.error('the Clearleaf page did not load'));
}
