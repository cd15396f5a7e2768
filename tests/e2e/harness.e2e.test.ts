import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { FAST_KDF, tempDir } from '../support/fixtures';
import { silentLogger } from '../../electron/platform/types';

/** Raw HTTP, so the test controls every header (fetch would not let it forge Host). */
function request(
  harness: Harness,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(harness.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(url.port),
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: url.host, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const ipc = (
  harness: Harness,
  headers: Record<string, string>,
  body = JSON.stringify({ channel: 'app.status', input: {} }),
) =>
  request(harness, {
    method: 'POST',
    path: '/__ipc',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('browser harness refuses requests that are not from its own page', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ dataDir: tempDir(), kdfCost: FAST_KDF, log: silentLogger });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(harness.origin).hostname).toBe('127.0.0.1');
  });

  it('answers its own page with the token', async () => {
    const r = await ipc(harness, { 'X-Clearleaf-Token': harness.token, Origin: harness.origin });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { state: 'needs-setup' } });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await ipc(harness, {})).status).toBe(403);
    expect((await ipc(harness, { 'X-Clearleaf-Token': `${harness.token}x` })).status).toBe(403);
  });

  it('refuses another origin even with the token', async () => {
    const r = await ipc(harness, { 'X-Clearleaf-Token': harness.token, Origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const site = await ipc(harness, { 'X-Clearleaf-Token': harness.token, 'Sec-Fetch-Site': 'cross-site' });
    expect(site.status).toBe(403);
  });

  it('refuses another host name (DNS rebinding) on every path', async () => {
    for (const path of ['/', `/?t=${harness.token}`, '/__ipc']) {
      const r = await request(harness, {
        path,
        headers: { Host: `evil.example:${new URL(harness.origin).port}` },
      });
      expect(r.status).toBe(421);
    }
  });

  it('serves the page only to the launch URL, and never a form-encoded call', async () => {
    expect((await request(harness, { path: '/' })).status).toBe(403);
    const page = await request(harness, { path: `/?t=${harness.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('clearleaf-harness-token');
    const form = await request(harness, {
      method: 'POST',
      path: '/__ipc',
      headers: { 'X-Clearleaf-Token': harness.token, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'channel=app.status',
    });
    expect(form.status).toBe(415);
  });

  it('does not serve files outside the built renderer', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json']) {
      expect((await request(harness, { path })).status).toBe(404);
    }
  });
});
