/**
 * `npm run dev:web`: the app in a browser, for machines without the Electron binary. The practice lives in
 * CLEARLEAF_DATA_DIR or ./.clearleaf-dev (real encryption, real passphrases). Stop with Ctrl+C.
 */
import path from 'node:path';
import { startHarness } from './server';

const dataDir = path.resolve(process.env.CLEARLEAF_DATA_DIR ?? '.clearleaf-dev');
const port = Number(process.env.PORT ?? 0);

void startHarness({ dataDir, port }).then((harness) => {
  console.log(`Clearleaf (browser harness) — practice data in ${dataDir}`);
  console.log(`Open this address in a browser on this computer:\n\n  ${harness.url}\n`);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
