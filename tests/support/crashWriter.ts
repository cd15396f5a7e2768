/**
 * Child process for the crash test: unlocks the practice in argv[2] and saves the clinic profile over and over,
 * printing `ack N` only after save N has returned (committed). The parent kills it with SIGKILL mid-stream.
 */
import { Practice } from '../../electron/practice/practice';
import { aClinic } from './fixtures';

async function main() {
  const practice = new Practice({ dataDir: process.argv[2] ?? '' });
  await practice.unlock(process.env.CRASH_USERNAME ?? '', process.env.CRASH_PASSPHRASE ?? '');
  process.stdout.write('ready\n');
  for (let n = 1; ; n += 1) {
    practice.updateClinic(
      aClinic({ name: `Crash Test Clinic ${n}`, address: `${n} ${'Long Road '.repeat(40)}` }),
    );
    process.stdout.write(`ack ${n}\n`);
  }
}

void main();
