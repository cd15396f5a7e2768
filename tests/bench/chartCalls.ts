import { seededPractice } from './dataLayer';
(async () => {
  const b = await seededPractice();
  const heavy = b.seeded.heavyIds[0]!;
  const calls: Array<[string, unknown]> = [
    ['clients.chart', { id: heavy }],
    ['medications.list', { clientId: heavy }],
    ['measures.forClient', { clientId: heavy }],
    ['notes.list', { clientId: heavy, kind: 'record', draftsOnly: true }],
    ['assessments.list', { clientId: heavy }],
    ['alerts.list', { clientId: heavy }],
    ['useLog.list', { clientId: heavy }],
    ['consents.list', { clientId: heavy }],
  ];
  for (let k = 0; k < 3; k++) {
    for (const [ch, input] of calls) {
      const t = performance.now();
      const r = (await (b.dispatch as any)(ch, input)) as { ok: boolean; error?: unknown };
      console.log(ch.padEnd(22), (performance.now() - t).toFixed(1), r.ok ? '' : JSON.stringify(r.error).slice(0, 100));
    }
  }
  process.exit(0);
})();
