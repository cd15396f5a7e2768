import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The one time zone of the browser tests: a fixed-offset zone (no daylight saving) in which it is about noon when the
 * run starts, chosen once here so every e2e file, the harness in its process and the browser share it. Tests speak of
 * "today", "yesterday" and "tonight"; a run that crossed local midnight made those words change meaning half-way
 * through a test (a session from 23:30 "last night" to 00:15 had not ended at 00:05). A CI run lasts well under the
 * twelve hours that keeps it from midnight.
 */
function e2eZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // -11 … +12 hours from UTC
  // IANA's Etc zones count the other way round: Etc/GMT-5 is five hours ahead of UTC.
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: { TZ: process.env.CLEARLEAF_E2E_TZ ?? e2eZone() },
        },
      },
    ],
  },
});
