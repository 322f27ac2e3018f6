// Where PostgreSQL's CPU goes, by what its backends were doing: reads `perf script` output of a
// profile with call graphs and sorts each sample by the first telling function on its stack (COPY's
// jsonb parsing, TOAST compression, GIN and btree inserts, ON CONFLICT checks, ...). Debian's
// postgres binary keeps its exported function names, not its static ones, so a sample is known by
// the named functions above it. Not a test. Used for issue #12 (docs/benchmarks.md):
//
//   perf record -a -u postgres -F 299 --call-graph dwarf,32768 -o /tmp/pg.perf -- sleep 30   # during an import
//   perf script -i /tmp/pg.perf > /tmp/pg.script && node scripts/pg-profile.mjs /tmp/pg.script
import { readFileSync } from "node:fs";

// First match wins, in this order: the specific work before the statement kinds it happens in.
const KINDS = [
  ["toast_compress_datum", "TOAST compression (pglz)"],
  ["jsonb_in", "jsonb parsing"],
  ["array_in", "array parsing"],
  ["gininsert", "GIN index insert"],
  ["btinsert", "btree index insert"],
  ["ExecCheckIndexConstraints", "ON CONFLICT check"],
  ["heap_insert", "heap insert"],
  ["heap_multi_insert", "heap insert"],
  ["tuplesort_puttupleslot", "sort"],
  ["tuplestore_puttupleslot", "transition table"],
  ["MultiExecBitmapIndexScan", "bitmap index scan"],
  ["index_getnext_slot", "index scan"],
  ["NextCopyFromRawFields", "COPY text reading"],
  ["InputFunctionCall", "other input functions"],
  ["XLogFlush", "WAL flush"],
  ["FileWrite", "file writes"],
  ["secure_read", "network"],
  ["secure_write", "network"],
  ["pg_plan_queries", "planning"],
  ["exec_parse_message", "parsing SQL"],
  ["CommitTransaction", "commit"],
];

function statementOf(frames) {
  if (frames.has("DoCopy")) return "COPY";
  if (frames.has("PortalRun")) return "SQL";
  return "stack cut short";
}

const samples = [];
let current = null;
for (const line of readFileSync(process.argv[2] ?? "/dev/stdin", "utf8").split("\n")) {
  if (/^\S/.test(line)) {
    if (current) samples.push(current);
    current = new Set();
  } else if (current && line.trim()) {
    const symbol = line.trim().split(/\s+/)[1];
    if (symbol) current.add(symbol.replace(/\+0x[0-9a-f]+$/, ""));
  }
}
if (current) samples.push(current);

const counts = new Map();
for (const frames of samples) {
  const kind = KINDS.find(([fn]) => frames.has(fn))?.[1] ?? "other";
  const key = `${statementOf(frames).padEnd(16)} ${kind}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
const pct = (n) => `${((100 * n) / samples.length).toFixed(1).padStart(5)}%`;
console.log(`${samples.length} samples`);
for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) if (n / samples.length >= 0.005) console.log(`${pct(n)}  ${key}`);
