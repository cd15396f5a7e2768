/**
 * The window policy, item by item from the Electron security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security), plus the app:// file mapping. Each `describe` names
 * the checklist item it covers; hostile inputs are listed literally so a reader can see what was tried.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session } from 'electron';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_LINK_HOSTS,
  appResponseHeaders,
  devRendererUrl,
  devicePermissionDecision,
  isAllowedAppMethod,
  isSafeExternalUrl,
  isTrustedAppUrl,
  isTrustedSender,
  mainWindowOptions,
  navigationDecision,
  parseDevOrigin,
  permissionCheckDecision,
  permissionDecision,
  resolveAppRequest,
  webviewDecision,
  windowOpenDecision,
} from '../../../../electron/security/windowPolicy';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEV_ORIGIN = 'http://localhost:5173';

/** URLs that must never count as our page, whatever the question. */
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'file://clearleaf/index.html',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:app://clearleaf/7c1a-4b2e',
  'about:blank',
  'about:srcdoc',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://clearleaf/index.html',
  'app://evil/',
  'app://evil/index.html',
  'app://clearleaf@evil/',
  'app://evil@clearleaf/',
  'app://user:pass@clearleaf/',
  'app://clearleaf:80/',
  'app://clearleaf:0/',
  'app://clearleaf:65535/index.html',
  'app://clearleaf.evil/',
  'app://clearleaf.evil.com/index.html',
  'app://evil.clearleaf/',
  'app://clearleafx/',
  'app://xclearleaf/',
  'app://clearleaf%2eevil/',
  'app://clearleaf%00/',
  'app:///clearleaf/index.html',
  'app:clearleaf/index.html',
  'app://CLEARLEAF/',
  'apps://clearleaf/',
  'ap://clearleaf/',
  'http://clearleaf/',
  'https://clearleaf/',
  'http://localhost:5173/',
  'http://127.0.0.1:5173/',
  'https://example.com/',
  'https://988lifeline.org/',
  'ws://localhost:5173/',
  '//clearleaf/index.html',
  '/index.html',
  'index.html',
  '',
  ' ',
];

describe('app identity', () => {
  it('is app://clearleaf and loads index.html from it', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('clearleaf');
    expect(APP_ORIGIN).toBe('app://clearleaf');
    expect(APP_ENTRY_URL).toBe('app://clearleaf/index.html');
    expect(isTrustedAppUrl(APP_ENTRY_URL)).toBe(true);
  });

  it('registers the scheme as standard and secure, without bypassing the CSP or enabling extras', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('checklist 1: only load secure content (our own bundle, never file:// or the network)', () => {
  it.each([
    'app://clearleaf/',
    'app://clearleaf',
    'app://clearleaf/index.html',
    'app://clearleaf/index.html#/clients/42',
    'app://clearleaf/index.html?x=1',
    'app://clearleaf/assets/index-BvX3k_9a.js',
    'APP://clearleaf/index.html',
  ])('trusts %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  it.each(HOSTILE_URLS)('does not trust %j', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });

  it.each([
    ['no env var', undefined, false, null],
    ['packaged app ignores the env var', 'http://localhost:5173', true, null],
    ['https dev server is not how electron-vite runs', 'https://localhost:5173', false, null],
    ['LAN address', 'http://192.168.1.5:5173', false, null],
    ['all interfaces', 'http://0.0.0.0:5173', false, null],
    ['remote host', 'http://evil.example:5173', false, null],
    ['no port', 'http://localhost', false, null],
    ['credentials', 'http://user@localhost:5173', false, null],
    ['not a URL', 'localhost:5173', false, null],
    ['file', 'file:///tmp/index.html', false, null],
  ])('dev renderer URL: %s → refused', (_label, env, packaged, expected) => {
    expect(devRendererUrl(env, packaged)).toBe(expected);
  });

  it('uses the electron-vite dev server only in an unpackaged app on a loopback host', () => {
    expect(devRendererUrl('http://localhost:5173', false)).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    expect(devRendererUrl('http://127.0.0.1:5174/', false)?.origin).toBe('http://127.0.0.1:5174');
    expect(devRendererUrl('http://[::1]:5173/', false)?.origin).toBe('http://[::1]:5173');
  });

  it('parses a dev origin down to scheme, host and port', () => {
    expect(parseDevOrigin('http://localhost:5173/some/path?q=1')).toBe('http://localhost:5173');
    expect(parseDevOrigin(null)).toBeNull();
    expect(parseDevOrigin(undefined)).toBeNull();
    expect(parseDevOrigin('https://evil.example')).toBeNull();
  });
});

describe('window options (checklist 2, 3, 4, 6, 8, 9, 10, 11)', () => {
  const options = mainWindowOptions('/opt/clearleaf/out/preload/index.js');
  const prefs = options.webPreferences ?? {};

  it('sets exactly the reviewed webPreferences (a new one must be added here on purpose)', () => {
    expect(prefs).toEqual({
      preload: '/opt/clearleaf/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('2: no Node.js integration in the page, its workers or its frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3: context isolation is on', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4: the renderer is sandboxed', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('6: webSecurity is not disabled', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('8: allowRunningInsecureContent is off', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9: experimental features are off', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10: no enableBlinkFeatures', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect('enableBlinkFeatures' in prefs).toBe(false);
  });

  it('11: the <webview> tag (and with it allowpopups) is unavailable', () => {
    expect(prefs.webviewTag).toBe(false);
  });

  it('DevTools are off unless asked for', () => {
    expect(mainWindowOptions('/p.js').webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.js', {}).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.js', { devTools: false }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.js', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('is a hidden-until-ready 1280x800 window titled Clearleaf, no smaller than 960x640', () => {
    expect(options).toMatchObject({
      title: 'Clearleaf',
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 640,
      show: false,
    });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('checklist 5: permission requests are denied', () => {
  // Every permission Electron 45 can ask about; the Record type fails to compile if Electron adds one we have not
  // listed here, so the list stays complete on upgrades.
  type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
  type Permission = Parameters<RequestHandler>[1];
  const ALL: Record<Permission, true> = {
    ar: true,
    'automatic-fullscreen': true,
    'background-fetch': true,
    'background-sync': true,
    'captured-surface-control': true,
    'clipboard-read': true,
    'clipboard-sanitized-write': true,
    'deprecated-sync-clipboard-read': true,
    'display-capture': true,
    fileSystem: true,
    fullscreen: true,
    geolocation: true,
    'geolocation-approximate': true,
    'hand-tracking': true,
    hid: true,
    'idle-detection': true,
    keyboardLock: true,
    'local-fonts': true,
    'local-network': true,
    'local-network-access': true,
    'loopback-network': true,
    media: true,
    mediaKeySystem: true,
    midi: true,
    midiSysex: true,
    nfc: true,
    notifications: true,
    openExternal: true,
    'payment-handler': true,
    'periodic-background-sync': true,
    'persistent-storage': true,
    pointerLock: true,
    'screen-wake-lock': true,
    sensors: true,
    serial: true,
    'smart-card': true,
    'speaker-selection': true,
    'storage-access': true,
    'system-wake-lock': true,
    'top-level-storage-access': true,
    usb: true,
    vr: true,
    'web-app-installation': true,
    'web-printing': true,
    'window-management': true,
    unknown: true,
  };
  const permissions = [...Object.keys(ALL), 'camera', 'microphone', 'a-future-permission'];

  it.each(permissions)('denies the %s request', (permission) => {
    expect(permissionDecision(permission)).toBe(false);
  });

  it.each(permissions)('denies the %s check', (permission) => {
    expect(permissionCheckDecision(permission, APP_ORIGIN)).toBe(false);
    expect(permissionCheckDecision(permission, 'https://evil.example')).toBe(false);
  });

  it('denies device access (USB, HID, serial)', () => {
    expect(devicePermissionDecision()).toBe(false);
  });
});

/** Splits a CSP into directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe("checklist 7: a restrictive Content-Security-Policy (script-src 'self')", () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('has exactly the reviewed directives', () => {
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      'frame-src': ["'none'"],
      'worker-src': ["'none'"],
    });
  });

  it('allows no inline code, eval, wildcards or network sources', () => {
    const sources = [...csp.values()].flat();
    for (const banned of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*']) {
      expect(sources).not.toContain(banned);
    }
    expect(sources.filter((s) => /^(https?|wss?|blob|filesystem):/.test(s))).toEqual([]);
  });

  it('is sent as a header with every app:// response, with the exact type and no sniffing', () => {
    expect(appResponseHeaders('text/html; charset=utf-8')).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('checklist 12: <webview> options are never trusted', () => {
  it('refuses every <webview> attach', () => {
    expect(webviewDecision()).toBe('deny');
  });
});

describe('checklist 13: navigation is limited to our own page', () => {
  it.each(['app://clearleaf/index.html', 'app://clearleaf/', 'app://clearleaf/index.html#/settings'])(
    'allows %s',
    (url) => {
      expect(navigationDecision(url)).toBe('allow');
    },
  );

  it.each(HOSTILE_URLS)('denies %j', (url) => {
    expect(navigationDecision(url)).toBe('deny');
    expect(navigationDecision(url, null)).toBe('deny');
  });

  it('allows the dev server only when its origin is passed', () => {
    expect(navigationDecision('http://localhost:5173/')).toBe('deny');
    expect(navigationDecision('http://localhost:5173/', DEV_ORIGIN)).toBe('allow');
    expect(navigationDecision('http://localhost:5173/#/clients', DEV_ORIGIN)).toBe('allow');
  });

  it.each([
    'http://localhost:5174/',
    'http://127.0.0.1:5173/',
    'https://localhost:5173/',
    'http://user@localhost:5173/',
    'http://localhost:5173@evil.example/',
    'http://localhost.evil.example:5173/',
    'https://evil.example/',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('with the dev origin still denies %s', (url) => {
    expect(navigationDecision(url, DEV_ORIGIN)).toBe('deny');
  });

  it('ignores a dev origin that is not a loopback http origin', () => {
    expect(navigationDecision('https://evil.example/', 'https://evil.example')).toBe('deny');
    expect(navigationDecision('http://192.168.1.5:5173/', 'http://192.168.1.5:5173')).toBe('deny');
    expect(navigationDecision('http://localhost/', 'http://localhost')).toBe('deny');
  });
});

describe('checklist 14: no new windows', () => {
  it.each([...HOSTILE_URLS, APP_ENTRY_URL, 'https://www.samhsa.gov/find-help/national-helpline'])(
    'never opens a window for %j',
    (url) => {
      expect(windowOpenDecision(url).response).toEqual({ action: 'deny' });
    },
  );

  it('hands a safe help link to the OS browser, re-serialised from the parsed URL', () => {
    expect(windowOpenDecision('https://988lifeline.org/').openExternal).toBe('https://988lifeline.org/');
    expect(windowOpenDecision('HTTPS://WWW.SAMHSA.GOV/find-help').openExternal).toBe(
      'https://www.samhsa.gov/find-help',
    );
    expect(windowOpenDecision('https://findtreatment.gov/locator?q=a b"<x>').openExternal).toBe(
      'https://findtreatment.gov/locator?q=a%20b%22%3Cx%3E',
    );
  });

  it('opens nothing for our own page or a hostile URL', () => {
    expect(windowOpenDecision(APP_ENTRY_URL).openExternal).toBeNull();
    expect(windowOpenDecision('javascript:alert(1)').openExternal).toBeNull();
    expect(windowOpenDecision('https://evil.example/').openExternal).toBeNull();
  });
});

describe('checklist 15: shell.openExternal only with allow-listed https links', () => {
  it.each([
    'https://988lifeline.org/',
    'https://988lifeline.org/get-help/',
    'https://www.988lifeline.org/chat',
    'https://samhsa.gov/',
    'https://www.samhsa.gov/find-help/national-helpline',
    'https://findtreatment.gov/',
    'https://www.findtreatment.gov/locator',
    'https://988lifeline.org:443/',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ...HOSTILE_URLS.filter((u) => u !== 'https://988lifeline.org/'),
    'http://988lifeline.org/',
    'http://www.samhsa.gov/',
    'https://988lifeline.org.evil.example/',
    'https://evil988lifeline.org/',
    'https://evil.example/988lifeline.org',
    'https://evil.example/?https://988lifeline.org/',
    'https://988lifeline.org@evil.example/',
    'https://evil.example@988lifeline.org/',
    'https://user:pass@samhsa.gov/',
    'https://988lifeline.org:8443/',
    'https://988lifeline.org./',
    'https://store.samhsa.gov/',
    'https://samhsa.gov.evil.example/',
    'https://xn--988lifelin-k7a.org/',
    'ftp://samhsa.gov/',
    'smb://samhsa.gov/share',
    'mailto:info@samhsa.gov',
    'tel:988',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=calc',
    'file://samhsa.gov/share/x.exe',
    '//988lifeline.org/',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('keeps the allow-list small and https-host-only', () => {
    expect([...EXTERNAL_LINK_HOSTS].sort()).toEqual([
      '988lifeline.org',
      'findtreatment.gov',
      'samhsa.gov',
      'www.988lifeline.org',
      'www.findtreatment.gov',
      'www.samhsa.gov',
    ]);
  });
});

describe('checklist 16: a current Electron', () => {
  it('the project pins Electron 45 or later', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
    };
    const version = pkg.devDependencies?.['electron'] ?? '';
    expect(Number(/^\D*(\d+)\./.exec(version)?.[1])).toBeGreaterThanOrEqual(45);
  });
});

describe('checklist 17: IPC is answered only for our own page', () => {
  it('trusts our page', () => {
    expect(isTrustedSender('app://clearleaf/index.html')).toBe(true);
    expect(isTrustedSender('app://clearleaf/index.html#/clients/1')).toBe(true);
  });

  it.each([null, undefined])('refuses a sender frame with no URL (%s)', (url) => {
    expect(isTrustedSender(url)).toBe(false);
    expect(isTrustedSender(url, DEV_ORIGIN)).toBe(false);
  });

  it.each(HOSTILE_URLS)('refuses %j', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('trusts the dev server only when its origin is passed explicitly', () => {
    expect(isTrustedSender('http://localhost:5173/')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', null)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', DEV_ORIGIN)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', DEV_ORIGIN)).toBe(false);
    expect(isTrustedSender('http://user@localhost:5173/', DEV_ORIGIN)).toBe(false);
    expect(isTrustedSender('https://evil.example/', 'https://evil.example')).toBe(false);
    expect(isTrustedSender('app://clearleaf/index.html', DEV_ORIGIN)).toBe(true);
  });
});

describe('app:// protocol: which files are served', () => {
  const root = path.resolve('/srv/clearleaf/out/renderer');
  const inside = (file: string): boolean => file.startsWith(root + path.sep);

  it.each([
    ['app://clearleaf/', 'index.html', 'text/html; charset=utf-8'],
    ['app://clearleaf', 'index.html', 'text/html; charset=utf-8'],
    ['app://clearleaf/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://clearleaf/index.html?v=1#/clients', 'index.html', 'text/html; charset=utf-8'],
    [
      'app://clearleaf/assets/index-BvX3k_9a.js',
      'assets/index-BvX3k_9a.js',
      'text/javascript; charset=utf-8',
    ],
    ['app://clearleaf/assets/index-D4e5.css', 'assets/index-D4e5.css', 'text/css; charset=utf-8'],
    ['app://clearleaf/assets/logo.svg', 'assets/logo.svg', 'image/svg+xml'],
    ['app://clearleaf/assets/chart.png', 'assets/chart.png', 'image/png'],
    [
      'app://clearleaf/assets/inter-latin-400-normal.woff2',
      'assets/inter-latin-400-normal.woff2',
      'font/woff2',
    ],
    ['app://clearleaf/assets/noto%40sans+vi~1.woff2', 'assets/noto@sans+vi~1.woff2', 'font/woff2'],
    ['app://clearleaf/manifest.json', 'manifest.json', 'application/json; charset=utf-8'],
    ['app://clearleaf/favicon.ico', 'favicon.ico', 'image/x-icon'],
  ])('%s → %s (%s)', (url, relative, mimeType) => {
    expect(resolveAppRequest(url, root)).toEqual({ file: path.join(root, relative), mimeType });
  });

  it('resolves a relative or slash-terminated root to an absolute path inside it', () => {
    const relative = resolveAppRequest('app://clearleaf/', 'out/renderer');
    expect(relative?.file).toBe(path.resolve('out/renderer', 'index.html'));
    expect(resolveAppRequest('app://clearleaf/', `${root}/`)?.file).toBe(path.join(root, 'index.html'));
  });

  it.each([
    // Other origins and schemes
    'app://evil/index.html',
    'app://clearleaf@evil/index.html',
    'app://evil@clearleaf/index.html',
    'app://clearleaf:8080/index.html',
    'file:///srv/clearleaf/out/renderer/index.html',
    'http://clearleaf/index.html',
    'javascript:alert(1)',
    // Encoded traversal that the URL parser leaves alone
    'app://clearleaf/..%2f..%2fmain%2findex.js',
    'app://clearleaf/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://clearleaf/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://clearleaf/%252e%252e/%252e%252e/etc/passwd',
    'app://clearleaf/%2E%2E%2Fpreload%2Findex.js',
    'app://clearleaf/..%5c..%5cmain%5cindex.js',
    'app://clearleaf/..\\..\\main\\index.js',
    'app://clearleaf/assets\\..\\..\\secret.json',
    'app://clearleaf/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    'app://clearleaf/%uff0e%uff0e/etc/passwd',
    'app://clearleaf/\uff0e\uff0e/\uff0e\uff0e/etc/passwd.json',
    // Absolute paths and drive letters
    'app://clearleaf//etc/passwd.json',
    'app://clearleaf/%2fetc%2fpasswd.json',
    'app://clearleaf/C:/Windows/win.ini.json',
    'app://clearleaf/C%3a%5cWindows%5cwin.ini.json',
    'app://clearleaf/%5c%5cserver%5cshare%5cx.js',
    // NUL and control characters
    'app://clearleaf/index.html%00.png',
    'app://clearleaf/%00',
    'app://clearleaf/index%0a.html',
    // Dot files, trailing dots, empty segments, folders
    'app://clearleaf/.env.json',
    'app://clearleaf/.git/config.json',
    'app://clearleaf/index.html.',
    'app://clearleaf/index.html%2e',
    'app://clearleaf/assets/',
    'app://clearleaf/assets//index.js',
    'app://clearleaf/assets',
    // Types we do not serve
    'app://clearleaf/clearleaf.db',
    'app://clearleaf/keyring',
    'app://clearleaf/assets/index.js.map',
    'app://clearleaf/run.exe',
    'app://clearleaf/index.HTML',
    // Malformed escapes and absurd depth
    'app://clearleaf/%E0%A4%A.js',
    'app://clearleaf/%',
    `app://clearleaf/${'a/'.repeat(40)}x.js`,
  ])('refuses %j', (url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });

  it.each([
    'app://clearleaf/../../../etc/passwd.json',
    'app://clearleaf/assets/../../../../main/index.js',
    'app://clearleaf/%2e%2e/%2e%2e/%2e%2e/etc/passwd.json',
    'app://clearleaf/.%2e/.%2e/main/index.js',
    'app://clearleaf/./index.html',
    'app://clearleaf/a/b/../../index.html',
  ])('keeps %j inside the root (the URL parser already folds literal dot segments)', (url) => {
    const result = resolveAppRequest(url, root);
    if (result) expect(inside(result.file)).toBe(true);
  });

  it('never maps any path under app://clearleaf/ outside the root (fuzzed)', () => {
    const pieces = fc.constantFrom(
      '.',
      '..',
      '/',
      '\\',
      '%',
      '%2e',
      '%2E',
      '%2f',
      '%2F',
      '%5c',
      '%5C',
      '%00',
      '%25',
      ':',
      'C:',
      'a',
      'index',
      '.html',
      '.js',
      '\uff0e',
      '\u0000',
      '?',
      '#',
      ' ',
      '~',
      '@',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        const result = resolveAppRequest(`app://clearleaf/${parts.join('')}`, root);
        if (result === null) return true;
        return (
          inside(result.file) &&
          !result.file.includes('\0') &&
          !path.relative(root, result.file).startsWith('..')
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('serves reads only', () => {
    expect(isAllowedAppMethod('GET')).toBe(true);
    expect(isAllowedAppMethod('HEAD')).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'get', '']) {
      expect(isAllowedAppMethod(method)).toBe(false);
    }
  });
});

// Written last on purpose: renderer/index.html belongs to the renderer engineer. This test must fail, not skip,
// while the file is missing or its policy differs, so the header and the meta tag can never drift apart.
describe('checklist 7 (continued): renderer/index.html carries the same CSP', () => {
  it('has exactly one CSP meta tag, equal to CONTENT_SECURITY_POLICY, before any script or stylesheet', () => {
    const file = path.join(REPO_ROOT, 'renderer', 'index.html');
    expect(fs.existsSync(file), `${file} is missing`).toBe(true);
    const html = fs.readFileSync(file, 'utf8');
    const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].filter((m) =>
      /http-equiv\s*=\s*["']?content-security-policy["']?/i.test(m[0]),
    );
    expect(metas).toHaveLength(1);
    const tag = metas[0];
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(tag?.[0] ?? '')?.[1] ?? null;
    expect(content?.replace(/\s+/g, ' ').trim()).toBe(CONTENT_SECURITY_POLICY);
    // A meta CSP only governs what comes after it in the document.
    const firstResource = html.search(/<(script|link)\b/i);
    if (firstResource !== -1) expect(tag?.index ?? Infinity).toBeLessThan(firstResource);
  });
});
