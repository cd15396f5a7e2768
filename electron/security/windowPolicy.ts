/**
 * Window and web-content policy: every security decision the Electron glue (electron/main.ts, electron/ipc/
 * register.ts) makes, as pure functions with Node tests. Nothing here imports electron at runtime.
 *
 * Policy, following the Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security):
 * - The renderer is our own bundle served from `app://clearleaf/`, never `file://` and never the network.
 * - Renderers run sandboxed and context-isolated, without Node; web security is never relaxed.
 * - Navigation, new windows, <webview> and every permission are denied. The only way out of the app is a link to
 *   an allow-listed https help site, handed to the OS browser.
 * - IPC is answered only for frames showing our own page.
 * - URLs are judged by parsing them (WHATWG URL), never by string prefixes: `app://clearleaf.evil/` or
 *   `app://clearleaf@evil/` must not pass.
 * Every function fails closed: anything it cannot parse or does not recognise is refused.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clearleaf';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads in production. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Served as a header on every app:// response and repeated in renderer/index.html's meta tag (a test keeps them
 * equal). No 'unsafe-inline' or 'unsafe-eval'; no network (`connect-src 'self'`); no frames, workers or plugins.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
  "frame-src 'none'; worker-src 'none'";

/**
 * `standard` gives app://clearleaf a real origin (so 'self', relative URLs and ES module scripts work), `secure`
 * makes it a secure context, `supportFetchAPI` lets the page fetch its own assets. Deliberately absent:
 * `bypassCSP` (the CSP must apply), `corsEnabled`, `allowServiceWorkers`, `stream`, `codeCache`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export interface MainWindowFlags {
  /** DevTools are off unless the caller asks for them (development builds only). */
  devTools?: boolean;
}

/** Options for the one application window. Each webPreferences entry is a checklist item; see the tests. */
export function mainWindowOptions(
  preloadPath: string,
  flags: MainWindowFlags = {},
): BrowserWindowConstructorOptions {
  return {
    title: 'Clearleaf',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    // Shown on 'ready-to-show' so the clinician never sees a blank white frame.
    show: false,
    backgroundColor: '#f5f6f4',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Off: on Linux and Windows Chromium's spellchecker downloads dictionaries, and the app makes no network
      // requests at runtime.
      spellcheck: false,
      // Dropping a file on the window would otherwise navigate to it.
      navigateOnDragDrop: false,
      // A page looping alert() could otherwise lock the clinician out of the window.
      safeDialogs: true,
      devTools: flags.devTools === true,
    },
  };
}

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 8192) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * True only for `app://clearleaf/...`. Node treats `app:` as a non-special scheme, so the host is compared as
 * given (Chromium lowercases hosts of standard schemes before we see them; anything else fails closed).
 */
export function isTrustedAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of a development server, or null. Only plain http on a loopback host with an explicit port is
 * accepted: anything else is a configuration mistake or an attempt to point the app at someone else's page.
 */
export function parseDevOrigin(value: string | null | undefined): string | null {
  const parsed = parseUrl(value);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(parsed.hostname) || parsed.port === '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.origin;
}

/**
 * In development electron-vite sets ELECTRON_RENDERER_URL to its dev server. A packaged app ignores it, so an
 * environment variable can never make an installed Clearleaf load a page from elsewhere.
 */
export function devRendererUrl(
  envValue: string | undefined,
  isPackaged: boolean,
): { url: string; origin: string } | null {
  if (isPackaged || envValue === undefined) return null;
  const origin = parseDevOrigin(envValue);
  if (!origin) return null;
  return { url: new URL(envValue).href, origin };
}

function isDevUrl(url: string, devOrigin: string | null): boolean {
  const trustedOrigin = parseDevOrigin(devOrigin);
  if (!trustedOrigin) return false;
  const parsed = parseUrl(url);
  return (
    parsed !== null && parsed.username === '' && parsed.password === '' && parsed.origin === trustedOrigin
  );
}

/**
 * The IPC sender check: the frame that called must be showing our own page. A null/undefined URL (frame gone or
 * navigated away) is refused. The dev server counts only when its origin is passed explicitly.
 */
export function isTrustedSender(
  frameUrl: string | undefined | null,
  devOrigin: string | null = null,
): boolean {
  if (typeof frameUrl !== 'string') return false;
  return isTrustedAppUrl(frameUrl) || isDevUrl(frameUrl, devOrigin);
}

/**
 * will-navigate / will-redirect / will-frame-navigate. The renderer is a single-page app whose routing never
 * loads a new document, so anything but a reload of our own page is refused.
 */
export function navigationDecision(url: string, devOrigin: string | null = null): 'allow' | 'deny' {
  return isTrustedSender(url, devOrigin) ? 'allow' : 'deny';
}

/** Hosts a clinician may be sent to from the app (crisis and treatment-locator help pages), opened in the OS browser. */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  '988lifeline.org',
  'www.988lifeline.org',
  'samhsa.gov',
  'www.samhsa.gov',
  'findtreatment.gov',
  'www.findtreatment.gov',
]);

/**
 * Whether `shell.openExternal` may be given this URL: https only (no file:, smb:, custom handlers that run
 * programs), an exact allow-listed host (no suffix matching), default port, no credentials.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    EXTERNAL_LINK_HOSTS.has(parsed.hostname) &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export interface WindowOpenDecision {
  /** What setWindowOpenHandler returns: never a new Electron window. */
  response: { action: 'deny' };
  /** The normalised URL to hand to shell.openExternal, or null to do nothing. */
  openExternal: string | null;
}

/**
 * window.open and target=_blank links. The app never opens a second window; a safe help link is given to the OS
 * browser instead, re-serialised from the parsed URL so what we checked is exactly what we open.
 */
export function windowOpenDecision(url: string): WindowOpenDecision {
  const parsed = isSafeExternalUrl(url) ? parseUrl(url) : null;
  return { response: { action: 'deny' }, openExternal: parsed ? parsed.href : null };
}

/** <webview> is disabled in webPreferences; if one is ever attached anyway, refuse it. */
export function webviewDecision(): 'deny' {
  return 'deny';
}

/**
 * Session permission requests (camera, microphone, geolocation, notifications, clipboard read, fullscreen, ...).
 * The app needs none of them, so all are refused, including kinds added by future Chromium versions.
 */
export function permissionDecision(_permission: string): false {
  return false;
}

/** Synchronous permission checks (navigator.permissions.query and friends): refused like the requests. */
export function permissionCheckDecision(_permission?: string, _requestingOrigin?: string): false {
  return false;
}

/** USB, HID, serial and other device access: refused. */
export function devicePermissionDecision(): false {
  return false;
}

/** The app protocol serves static files: reads only. */
export function isAllowedAppMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/**
 * One path segment of a built asset. Vite names files with letters, digits, `_`, `-`, `.`, `@`, `+` and `~`;
 * a whitelist is stricter than listing bad characters (`\`, `:`, NUL, `%`, ...). Leading dots (`.`, `..`, dotfiles)
 * and trailing dots (Windows silently drops them, so `index.html.` would open `index.html`) are refused.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_@+~-][A-Za-z0-9_.@+~-]*$/;
const MAX_SEGMENTS = 16;

/**
 * Maps `app://clearleaf/<path>` to a file under `rendererRoot` and its MIME type, or null (→ 404). `/` is
 * index.html. The decoded path is split into segments and each must be a plain file or folder name, so `..`,
 * `%2e%2e`, `%2f`, backslashes, drive letters, NUL and absolute paths cannot leave the root; the resolved path is
 * then checked to be inside the root anyway. Unknown extensions are refused so nothing unexpected is served.
 */
export function resolveAppRequest(
  url: string,
  rendererRoot: string,
): { file: string; mimeType: string } | null {
  if (!isTrustedAppUrl(url)) return null;
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const rawPath = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname;
  if (!rawPath.startsWith('/')) return null;
  const rawSegments = rawPath.slice(1).split('/');
  if (rawSegments.length > MAX_SEGMENTS) return null;
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!SAFE_SEGMENT.test(segment) || segment.endsWith('.')) return null;
    segments.push(segment);
  }
  const last = segments[segments.length - 1];
  if (last === undefined) return null;
  const mimeType = MIME_TYPES[path.extname(last)];
  if (mimeType === undefined) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return null;
  return { file, mimeType };
}

/**
 * Headers on every app:// response: the CSP (besides the meta tag, so it also covers documents that are not HTML,
 * such as an SVG opened directly) and the exact type, never sniffed.
 */
export function appResponseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}
