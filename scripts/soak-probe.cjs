// Preloaded into the api and worker by `npm run soak` (node --expose-gc --require scripts/soak-probe.cjs
// ...): every SOAK_PROBE_MS it runs a full garbage collection and appends one line of
// process.memoryUsage() to SOAK_PROBE_FILE, so heapUsed is the live heap (a leak raises it; the GC
// sawtooth does not). A timer, not a signal: Nest's shutdown hooks own SIGUSR2. Outside a soak (no
// SOAK_PROBE_FILE) it does nothing. Kept out of the application code: the soak measures the apps as built.
/* global setInterval */
'use strict';
const fs = require('node:fs');

const file = process.env.SOAK_PROBE_FILE;
if (file) {
  const timer = setInterval(
    () => {
      if (typeof globalThis.gc === 'function') globalThis.gc();
      const m = process.memoryUsage();
      const line = {
        name: process.env.SOAK_PROBE_NAME ?? String(process.pid),
        t: Date.now(),
        rss: m.rss,
        heapUsed: m.heapUsed,
        heapTotal: m.heapTotal,
        external: m.external,
      };
      fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    },
    Number(process.env.SOAK_PROBE_MS ?? 10_000),
  );
  timer.unref();
}
