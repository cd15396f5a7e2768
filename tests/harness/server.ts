/**
 * The browser harness: the built renderer on 127.0.0.1, its calls routed to the same dispatcher and handlers as in
 * Electron, over a real encrypted practice database. Policy — any web page the user opens could try to post to
 * it, so:
 * - it listens on 127.0.0.1 only, on a random port;
 * - every request must name this host exactly (defeats DNS rebinding);
 * - the page is served only to a launch URL carrying the per-run token, and `POST /__ipc` needs that token in a
 *   custom header (which a cross-origin page cannot send without a CORS preflight, never answered), a same-origin
 *   Origin when one is sent, and a JSON body;
 * - responses carry the same CSP as the app, no-store and no-referrer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { createNodePlatform } from '../../electron/platform/nodePlatform';
import { consoleLogger, type Logger } from '../../electron/platform/types';
import { Practice, type Clock } from '../../electron/practice/practice';
import type { KdfCost } from '../../electron/security/keyring';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, resolveAppRequest } from '../../electron/security/windowPolicy';

export interface HarnessOptions {
  dataDir: string;
  rendererDir?: string;
  port?: number;
  kdfCost?: KdfCost;
  clock?: Clock;
  log?: Logger;
}

export interface Harness {
  /** The launch URL, with the token. */
  url: string;
  origin: string;
  token: string;
  practice: Practice;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const TOKEN_HEADER = 'x-clearleaf-token';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first.`);
  }
  const log = options.log ?? consoleLogger;
  const practice = new Practice({ dataDir: options.dataDir, clock: options.clock, kdfCost: options.kdfCost });
  const dispatch = createDispatcher(createHandlers(), { practice, platform: createNodePlatform(), log });
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  let host = '';

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.headers.host !== host) return send(res, 421, 'Wrong host.');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/__ipc') {
        if (req.method !== 'POST') return send(res, 405, 'POST only.');
        const given = req.headers[TOKEN_HEADER];
        if (typeof given !== 'string' || !sameSecret(given, token))
          return send(res, 403, 'Missing or wrong token.');
        if (req.headers.origin !== undefined && req.headers.origin !== origin)
          return send(res, 403, 'Wrong origin.');
        const site = req.headers['sec-fetch-site'];
        if (site !== undefined && site !== 'same-origin') return send(res, 403, 'Cross-site request.');
        if (!req.headers['content-type']?.startsWith('application/json')) return send(res, 415, 'JSON only.');
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'Request too large.');
        let message: { channel?: unknown; input?: unknown };
        try {
          message = JSON.parse(body) as typeof message;
        } catch {
          return send(res, 400, 'Not JSON.');
        }
        const result = await dispatch(message?.channel, message?.input);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only.');
      const resolved = resolveAppRequest(`${APP_ORIGIN}${url.pathname}`, rendererDir);
      if (!resolved || !fs.existsSync(resolved.file)) return send(res, 404, 'Not found.');
      if (resolved.file === path.join(rendererDir, 'index.html')) {
        const t = url.searchParams.get('t');
        if (t === null || !sameSecret(t, token))
          return send(res, 403, 'Open the address printed by the harness.');
        const html = fs
          .readFileSync(resolved.file, 'utf8')
          .replace('<head>', `<head>\n    <meta name="clearleaf-harness-token" content="${token}" />`);
        return send(res, 200, html, 'text/html; charset=utf-8');
      }
      return send(res, 200, fs.readFileSync(resolved.file), resolved.mimeType);
    })().catch(() => send(res, 500, 'Harness error.'));
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('harness did not get a port');
  host = `127.0.0.1:${address.port}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/?t=${token}`,
    origin,
    token,
    practice,
    close: () =>
      new Promise<void>((resolve) => {
        practice.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
