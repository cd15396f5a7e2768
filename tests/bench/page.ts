/** `npm run bench:renderer`: only the renderer part of the bench (after a build). */
import { runRenderer, RENDERER_PREFIX } from './renderer';
import { mergeResults, printTable, RESULTS_FILE } from './stats';

runRenderer()
  .then((rows) => {
    mergeResults(rows, (name) => name.startsWith(RENDERER_PREFIX));
    printTable(rows);
    console.log(`\nwritten to ${RESULTS_FILE}`);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
