/** Timing and the results file for `npm run bench`: medians and p95 after a warm-up, never an assertion. */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  medianMs: number;
  p95Ms: number;
  baselineMedianMs: number | null;
  ratio: number | null;
  /** The first call, before any warm-up: what a clinician meets once, untimed by the median and p95. */
  firstMs?: number;
  note?: string;
}

export const RESULTS_FILE = path.resolve('out/bench/latest.json');

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

export interface Samples {
  medianMs: number;
  p95Ms: number;
  firstMs?: number;
}

export const summarize = (samples: readonly number[], firstMs?: number): Samples => ({
  medianMs: quantile(samples, 0.5),
  p95Ms: quantile(samples, 0.95),
  ...(firstMs === undefined ? {} : { firstMs }),
});

/** Warm-up and sampling for an operation of well under a millisecond: enough calls for V8 to have optimised it. */
const WARM_UP_MS = 100;
const WARM_UP_MAX_RUNS = 500;
const SAMPLE_MS = 300;
const MAX_SAMPLES = 3_000;

/**
 * Times `fn`: warms it up (unless `warmUp` is false: an operation of minutes) — at least once, and for a quick one
 * until it has run for WARM_UP_MS or WARM_UP_MAX_RUNS times — then samples it at least `runs` times, and a quick one
 * until the samples add up to SAMPLE_MS (a median and p95 of 15 calls of 0.1 ms measured code V8 had not optimised
 * yet, on both sides of a ratio). `prepare` runs untimed before each run (e.g. a fresh draft to sign) and its result
 * is handed to `fn`.
 */
export async function time<T = undefined>(
  fn: (prepared: T) => unknown,
  options: { runs?: number; warmUp?: boolean; prepare?: () => T | Promise<T> } = {},
): Promise<Samples> {
  const runs = options.runs ?? 15;
  const once = async () => {
    const prepared = (await options.prepare?.()) as T;
    const t = performance.now();
    await fn(prepared);
    return performance.now() - t;
  };
  let firstMs: number | undefined;
  if (options.warmUp !== false) {
    let spent = 0;
    for (let i = 0; i === 0 || (spent < WARM_UP_MS && i < WARM_UP_MAX_RUNS); i += 1) {
      const ms = await once();
      firstMs ??= ms;
      spent += ms;
    }
  }
  const samples: number[] = [];
  let sampled = 0;
  while (samples.length < runs || (sampled < SAMPLE_MS && samples.length < MAX_SAMPLES)) {
    const ms = await once();
    samples.push(ms);
    sampled += ms;
  }
  return summarize(samples, firstMs);
}

export function row(name: string, app: Samples, raw: Samples | null, note?: string): BenchRow {
  return {
    name,
    medianMs: round(app.medianMs),
    p95Ms: round(app.p95Ms),
    baselineMedianMs: raw ? round(raw.medianMs) : null,
    ratio: raw ? round(app.medianMs / Math.max(raw.medianMs, 0.001)) : null,
    ...(app.firstMs === undefined ? {} : { firstMs: round(app.firstMs) }),
    ...(note ? { note } : {}),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Replaces the rows whose names start with `prefix` (one part of the bench) and keeps the others. */
export function mergeResults(rows: readonly BenchRow[], replacesPrefix: (name: string) => boolean): void {
  let kept: BenchRow[] = [];
  try {
    kept = (JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as BenchRow[]).filter(
      (r) => !replacesPrefix(r.name),
    );
  } catch {
    // No earlier results: this part's rows are the whole file.
  }
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify([...kept, ...rows], null, 2)}\n`);
}

export function printTable(rows: readonly BenchRow[]): void {
  const num = (x: number | null) => (x === null ? '–' : x.toFixed(2)).padStart(9);
  console.log(
    'operation'.padEnd(56),
    'median'.padStart(9),
    'p95'.padStart(9),
    'raw'.padStart(9),
    'ratio'.padStart(9),
    'first'.padStart(9),
  );
  for (const r of rows) {
    console.log(
      r.name.padEnd(56),
      num(r.medianMs),
      num(r.p95Ms),
      num(r.baselineMedianMs),
      num(r.ratio),
      num(r.firstMs ?? null),
      r.note ? ` ${r.note}` : '',
    );
  }
}

/** A size from the environment, scaled by BENCH_SCALE (e.g. 0.1 for a quick run) unless given outright. */
export function size(name: string, full: number): number {
  const given = process.env[name];
  if (given !== undefined && given !== '') return Number(given);
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  return Math.max(1, Math.round(full * scale));
}
