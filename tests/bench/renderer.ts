/**
 * The renderer at scale (issue 13 item 3): the browser harness over a data dir seeded directly, headless Chromium,
 * and times taken in the page — from the key or click (a capture listener's `performance.now()`) to the frame
 * after the DOM shows the result (requestAnimationFrame, then a task: the paint has happened). Needs a build
 * (`npx electron-vite build`); `npm run bench` runs it after the data-layer part.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { openApp } from '../e2e/support/browser';
import { FramePage } from '../e2e/pages/FramePage';
import { LockPage } from '../e2e/pages/LockPage';
import { QuickFindPage } from '../e2e/pages/QuickFindPage';
import { SearchPage } from '../e2e/pages/SearchPage';
import { aClinician, FakeClock, setUpPractice, tempDir } from '../support/fixtures';
import { seedPractice, type SeedSizes } from './seed';
import { row, summarize, type BenchRow, type Samples } from './stats';

export const RENDERER_PREFIX = 'page: ';
/**
 * Timed samples per operation and size, after WARM_UPS untimed ones. The p95 printed is of these samples, by
 * nearest rank (stats.ts): of 40, the 39th fastest, so the one slowest sample (a stray GC or frame) is not the
 * p95. With 7, the former default, the "p95" was simply the slowest sample.
 */
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 40);
/** Untimed runs first: the page's code paths compiled and the server's statements prepared and cached. */
const WARM_UPS = 3;

/**
 * Arms a measurement in the page: the next keydown or click (capture phase) starts the clock; the first DOM change
 * after which `until` (a JS expression over `document`) holds, plus one frame, stops it.
 */
async function arm(page: Page, until: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__bench = new Promise((resolve) => {
      let t0 = null;
      const start = () => { if (t0 === null) t0 = performance.now(); };
      window.addEventListener('keydown', start, { capture: true, once: true });
      window.addEventListener('click', start, { capture: true, once: true });
      let done = false;
      const check = () => {
        if (done || t0 === null) return;
        let ok = false;
        try { ok = Boolean(${until}); } catch { ok = false; }
        if (!ok) return;
        done = true;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      window.__benchCheck = check;
    });
  })()`);
}

async function measured(page: Page, until: string, act: () => Promise<void>): Promise<number> {
  await arm(page, until);
  await act();
  // A result already on screen by the time the action returned still needs its check.
  await page.evaluate('window.__benchCheck()');
  return (await withTimeout(`waiting for ${until}`, page.evaluate('window.__bench'))) as number;
}

/** Waits until `expr` holds in the page (page.waitForFunction evaluates with eval, which the app's CSP refuses). */
async function until(page: Page, expr: string): Promise<void> {
  await withTimeout(
    `waiting for ${expr}`,
    page.evaluate(`new Promise((resolve) => {
    const ok = () => { try { return Boolean(${expr}); } catch { return false; } };
    if (ok()) return resolve(true);
    const o = new MutationObserver(() => { if (ok()) { o.disconnect(); resolve(true); } });
    o.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })`),
  );
}

/** A wait in the page that never ends is a broken step: say which, instead of hanging the bench. */
function withTimeout<T>(what: string, p: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench page: gave up ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const text = (selector: string) => `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '')`;

async function sample(what: string, fn: (i: number) => Promise<number>): Promise<Samples> {
  console.log(`  ${what}`);
  const firstMs = await fn(0);
  for (let i = 1; i < WARM_UPS; i += 1) await fn(i);
  const xs: number[] = [];
  for (let i = WARM_UPS; i < WARM_UPS + RUNS; i += 1) xs.push(await fn(i));
  return summarize(xs, firstMs);
}

function sizesFor(clients: number): SeedSizes {
  return {
    clients,
    notes: clients * 10,
    assessments: clients * 4,
    matClients: Math.round(clients / 10),
    tapers: Math.round(clients / 5),
    useLogClients: Math.max(1, Math.round(clients / 100)),
    heavyClients: 1,
    heavyNotes: 2_000,
    heavyAssessments: 300,
  };
}

async function atSize(clients: number): Promise<BenchRow[]> {
  const label = (what: string) => `${RENDERER_PREFIX}${what} (${clients.toLocaleString('en-US')} clients)`;
  const dataDir = tempDir('clearleaf-bench-page-');
  const set = await setUpPractice({ dataDir, clock: new FakeClock(Date.now()) });
  const seeded = seedPractice(set.practice.session().db, set.user.id, sizesFor(clients));
  const heavy = set.practice
    .session()
    .db.prepare('SELECT chart_number FROM clients WHERE id = ?')
    .get(seeded.heavyIds[0]) as { chart_number: string };
  set.practice.close();

  const app = await openApp({ dataDir });
  const rows: BenchRow[] = [];
  try {
    const { page } = app;
    await page.goto(app.harness.url);
    await new LockPage(page).heading().waitFor();
    await new LockPage(page).unlock(aClinician().passphrase);
    await new FramePage(page).signedInUser().waitFor();
    // The client list's locators as ClientListPage has them (that page model reads the DOM, typed for the e2e
    // project only).
    const table = page.getByRole('table', { name: 'Clients' });
    const list = {
      heading: () => page.getByRole('heading', { name: 'Clients', level: 1 }),
      search: () => page.getByRole('searchbox', { name: 'Search' }),
      sortButton: (column: string) => table.getByRole('button', { name: column, exact: true }),
      pageButton: (name: 'First' | 'Next') =>
        page.getByRole('navigation', { name: 'Pages of the client list' }).getByRole('button', { name }),
    };
    const nav = (name: string) =>
      page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name, exact: true });

    rows.push(
      row(
        label('client list first paint'),
        await sample('client list first paint', async () => {
          await nav('Sessions').click();
          await list.heading().waitFor({ state: 'detached' });
          return measured(page, `document.querySelectorAll('table tbody tr').length > 0`, () =>
            nav('Clients').click(),
          );
        }),
        null,
      ),
    );

    const range = text('[data-testid="page-range"]');
    rows.push(
      row(
        label('list filter, key to paint'),
        await sample('list filter, key to paint', async (i) => {
          const stem = `family${(i % 9) + 1}${i % 10}`;
          await list.search().fill(stem);
          await until(
            page,
            `${text('table tbody tr .client-link')}.toLowerCase().includes(${JSON.stringify(stem)})`,
          );
          const before = await page.evaluate(range);
          return measured(page, `${range} !== ${JSON.stringify(before)}`, () => list.search().press('3'));
        }),
        null,
        'includes any debounce',
      ),
    );
    await list.search().fill('');
    await until(page, `${range}.length > 0`);

    const firstName = text('table tbody tr .client-link');
    rows.push(
      row(
        label('sort by name, click to paint'),
        await sample('sort by name, click to paint', async () => {
          const before = await page.evaluate(firstName);
          return measured(page, `${firstName} !== ${JSON.stringify(before)}`, () =>
            list.sortButton('Name').click(),
          );
        }),
        null,
      ),
      row(
        label('next page, click to paint'),
        await sample('next page, click to paint', async () => {
          // Past the last page, back to the first (untimed): the samples outnumber a small practice's pages.
          if (await list.pageButton('Next').isDisabled()) {
            const last = await page.evaluate(firstName);
            await list.pageButton('First').click();
            await until(page, `${firstName} !== ${JSON.stringify(last)}`);
          }
          // The new page's rows, not the pager's "26–50 of …": that label follows the click before the rows come.
          const before = await page.evaluate(firstName);
          return measured(page, `${firstName} !== ${JSON.stringify(before)}`, () =>
            list.pageButton('Next').click(),
          );
        }),
        null,
      ),
    );

    const find = new QuickFindPage(page);
    rows.push(
      row(
        label('quick find, last key to first result'),
        await sample('quick find, last key to first result', async () => {
          await page.keyboard.press('Escape');
          await find.openWithShortcut();
          await find.input().fill(heavy.chart_number.slice(0, -1));
          return measured(
            page,
            `[...document.querySelectorAll('[role=option]')].some((o) => o.textContent.includes(${JSON.stringify(heavy.chart_number)}))`,
            () => find.input().press(heavy.chart_number.slice(-1)),
          );
        }),
        null,
        'includes any debounce',
      ),
      row(
        label('open a heavy chart (2,000 notes), Enter to timeline'),
        await sample('open a heavy chart (2,000 notes), Enter to timeline', async () => {
          await page.keyboard.press('Escape');
          await nav('Clients').click();
          await find.openWithShortcut();
          await find.input().fill(heavy.chart_number);
          await find.selectedOption().waitFor();
          return measured(page, `document.querySelectorAll('.timeline__event').length > 0`, () =>
            find.input().press('Enter'),
          );
        }),
        null,
      ),
    );

    const search = new SearchPage(page);
    await nav('Sessions').click();
    await search.open();
    const box = search.form().getByLabel('Search for', { exact: true });
    rows.push(
      row(
        label('note search, Enter to results'),
        await sample('note search, Enter to results', async (i) => {
          const word = ['craving', 'sleep', 'family', 'anxiety'][i % 4] ?? 'craving';
          await box.fill(word);
          // The words take turns, so the first result's highlighted word tells the new results from the last ones.
          return measured(
            page,
            `${text('.search-result .snippet mark')}.toLowerCase() === ${JSON.stringify(word)}`,
            () => box.press('Enter'),
          );
        }),
        null,
      ),
    );

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    rows.push({
      name: label('JS heap after GC, MB'),
      medianMs: Math.round(heap.usedSize / 1e4) / 100,
      p95Ms: Math.round(heap.usedSize / 1e4) / 100,
      baselineMedianMs: null,
      ratio: null,
      note: 'megabytes, not ms',
    });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

export async function runRenderer(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const clients of [1_000, Number(process.env.BENCH_PAGE_CLIENTS ?? 50_000)])
    rows.push(...(await atSize(clients)));
  return rows;
}
