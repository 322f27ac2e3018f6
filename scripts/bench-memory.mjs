// BENCH_MEMORY=1 npm run bench:import: loaded into the server with `node --import`, writes one JSON
// line every 250 ms to BENCH_MEMORY_FILE: process.memoryUsage() and the anonymous resident memory
// (RssAnon, Linux), in MB. bench-import.mjs prints them at each phase's peak, so what V8's heap holds
// and what lies outside it (malloc: Buffers, threads' arenas) can be told apart.
import { appendFileSync, readFileSync } from "node:fs";

const file = process.env.BENCH_MEMORY_FILE;
const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

function rssAnon() {
  try {
    return mb(Number(/RssAnon:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? Number.NaN) * 1024);
  } catch {
    return null;
  }
}

if (file) {
  setInterval(() => {
    const m = process.memoryUsage();
    const line = { t: Date.now(), rss: mb(m.rss), anon: rssAnon(), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
    appendFileSync(file, JSON.stringify(line) + "\n");
  }, 250).unref();
}
