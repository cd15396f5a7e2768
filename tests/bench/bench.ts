/**
 * `npm run bench`: a seeded synthetic practice at the size of a real one, each operation timed through the app's
 * own path beside raw better-sqlite3 / a bare pdfkit document doing the same work, then the renderer at scale in
 * headless Chromium. Not a test: nothing here asserts a time. Results: out/bench/latest.json and a table.
 * Sizes: BENCH_SCALE (1; 0.1 for a quick run), or each of BENCH_CLIENTS, BENCH_NOTES, BENCH_ASSESSMENTS,
 * BENCH_MAT_CLIENTS, BENCH_TAPERS, BENCH_USELOG_CLIENTS, BENCH_HEAVY_*; BENCH_RENDERER=0 skips the renderer part; BENCH_ONLY=outcomes,measures times only
 * those (the seed still runs).
 */
import { runDataLayer } from './dataLayer';
import { runRenderer, RENDERER_PREFIX } from './renderer';
import { mergeResults, printTable, RESULTS_FILE } from './stats';

async function main() {
  const data = await runDataLayer();
  mergeResults(data, (name) => !name.startsWith(RENDERER_PREFIX));
  printTable(data);
  if (process.env.BENCH_RENDERER !== '0') {
    const page = await runRenderer();
    mergeResults(page, (name) => name.startsWith(RENDERER_PREFIX));
    console.log('');
    printTable(page);
  }
  console.log(`\nwritten to ${RESULTS_FILE}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
