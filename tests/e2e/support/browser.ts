/** Debian's Chromium driven by playwright-core, with a fresh profile per test file and no background traffic. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../harness/server';
import { FAST_KDF, tempDir } from '../../support/fixtures';
import { silentLogger } from '../../../electron/platform/types';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface AppUnderTest {
  harness: Harness;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

export async function openApp(options: { dataDir?: string } = {}): Promise<AppUnderTest> {
  const dataDir = options.dataDir ?? tempDir('clearleaf-e2e-');
  const harness = await startHarness({ dataDir, kdfCost: FAST_KDF, log: silentLogger });
  const profile = tempDir('clearleaf-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    // The same zone as the harness process: in the app, main and the renderer run on one computer, so days of the
    // use log are counted alike on both sides.
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    harness,
    context,
    page,
    dataDir,
    async close() {
      await context.close();
      await harness.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results/screens');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
