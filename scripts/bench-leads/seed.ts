// Seeds the benchmark database: the demo account with extra flows, sources and imports, and N leads
// over the last 90 days loaded by COPY (db/bulk-copy.ts) in submission order, as production fills it.
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { copyRows, type CopyValue } from "@/db/bulk-copy";
import { demoFlowConfig } from "@/db/demo-flow";
import { accountHolders, flows, imports, sources } from "@/db/schema";
import { seedDemo } from "@/db/seed-demo";
import { newId } from "@/lib/ids";
import { arrayLiteral, leadSearchKeys } from "@/lib/leads/search-keys";

export type BenchSeed = { accountId: string; holderId: string; flowIds: string[]; sourceIds: string[]; importIds: string[]; sample: { email: string; phone: string } };

const LEAD_COLUMNS = [
  "id", "account_id", "flow_id", "source_id", "import_id", "import_line", "submitted_at", "raw", "normalized",
  "outcome", "reason", "price", "is_batch_lead", "is_test", "email", "phone", "name", "reference", "search_keys",
];
const FAILURE_REASONS = ["Email or phone is required", "State must be a valid US state or Canadian province", "Duplicate", "Cap reached", "Credit rating too low"];
// Names as a source sends them, with capitals and accents. Four leads in five carry a common name
// (each first name on 8 % of leads, each last name on 8 %); the fifth one of 200 rarer made-up names
// (0.1 % each), as real lists have a long tail. The tail matters to the planner: it estimates a name
// it has no statistics on from the rarest one it has, so with only ten names a typo looked common.
const FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "Thomas", "Elizabeth"];
const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "Hernández", "Martínez"];
const SYLLABLES = ["ka", "lo", "mi", "ra", "to", "ne", "sa", "vi", "do", "ré", "ta", "li", "mo", "ni", "se", "fa", "ru", "pe", "zo", "ba"];
const tailName = (n: number) => {
  const word = SYLLABLES[n % 20]! + SYLLABLES[Math.floor(n / 20) % 20]!;
  return word[0]!.toUpperCase() + word.slice(1);
};
const STATES = ["TX", "CA", "NY", "FL", "IL", "OH", "GA", "NC"];
const DAY = 86_400_000;

export async function seedBench(database: Database, options: { leads: number; secret: string; password: string }): Promise<BenchSeed> {
  const db = database.db;
  const demo = await seedDemo(db, { secret: options.secret, appUrl: "http://127.0.0.1", password: options.password });
  const [holder] = await db.select({ id: accountHolders.id, accountId: accountHolders.accountId }).from(accountHolders).where(eq(accountHolders.email, demo.accountHolder.email));
  const accountId = holder!.accountId;
  const sourceFlow = new Map(demo.flows[0]!.sources.map((s) => [s.id, demo.flows[0]!.id]));
  await addFlows(database, accountId, sourceFlow);
  const importSource = await addImports(database, accountId, sourceFlow);
  await loadLeads(database, accountId, leadRows({ accountId, count: options.leads, sourceFlow, importSource }));
  const last = options.leads - 1;
  return {
    accountId,
    holderId: holder!.id,
    flowIds: [...new Set(sourceFlow.values())],
    sourceIds: [...sourceFlow.keys()],
    importIds: [...importSource.keys()],
    sample: { email: person(last).email.toUpperCase(), phone: "(512) 200-0042" },
  };
}

// With the rollup trigger on, one COPY of a million leads would keep all of them, whole, in its
// transition table (about 1 GB spilled to disk) to count them at the end. The bench loads with the
// triggers off (the rollup's and import_lines', filled after with one INSERT) and counts once with
// lead_daily_counts_rebuild, which leaves the same rows the triggers keep
// (tests/integration/report-rollup.test.ts checks both against the leads).
async function loadLeads(database: Database, accountId: string, rows: Iterable<CopyValue[]>) {
  // leads is partitioned by month (drizzle/0018): the months of the last 90 days get their partitions
  // first, as production would have made them month by month, instead of landing in leads_default.
  await database.db.execute(sql`select leads_ensure_month(d) from generate_series(now() - interval '92 days', now(), interval '1 day') d`);
  await database.db.execute(sql`alter table leads disable trigger lead_daily_counts_insert`);
  await database.db.execute(sql`alter table leads disable trigger import_lines_insert`);
  try {
    await copyRows(database, { table: "leads", columns: LEAD_COLUMNS }, rows);
  } finally {
    await database.db.execute(sql`alter table leads enable trigger lead_daily_counts_insert`);
    await database.db.execute(sql`alter table leads enable trigger import_lines_insert`);
  }
  // What the import_lines trigger would have written, in one statement.
  await database.db.execute(sql`insert into import_lines (import_id, line, lead_id, submitted_at)
    select import_id, import_line, id, submitted_at from leads where import_id is not null and import_line is not null`);
  const started = performance.now();
  await database.db.execute(sql`select lead_daily_counts_rebuild(${accountId})`);
  console.log(`Counted the rollup with lead_daily_counts_rebuild in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function addFlows(database: Database, accountId: string, sourceFlow: Map<string, string>) {
  for (const name of ["Auto insurance", "Solar quotes"]) {
    const flowId = newId();
    await database.db.insert(flows).values({ id: flowId, accountId, name, config: demoFlowConfig });
    for (let s = 1; s <= 3; s++) {
      const id = newId();
      const config = { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] };
      await database.db.insert(sources).values({ id, accountId, flowId, name: `${name} vendor ${s}`, config, apiKeyHash: `bench-${id}`, docsTokenNonce: id, docsTokenHash: `bench-${id}` });
      sourceFlow.set(id, flowId);
    }
  }
}

async function addImports(database: Database, accountId: string, sourceFlow: Map<string, string>) {
  const sourceIds = [...sourceFlow.keys()];
  const importSource = new Map<string, string>();
  for (let i = 0; i < 40; i++) {
    const id = newId();
    const sourceId = sourceIds[i % sourceIds.length]!;
    await database.db.insert(imports).values({ id, accountId, flowId: sourceFlow.get(sourceId)!, sourceId, fileName: `batch-${i + 1}.csv`, status: "completed", settings: {} });
    importSource.set(id, sourceId);
  }
  return importSource;
}

// Leads in submission order, ids time-sortable as lib/ids.ts makes them; every fifth one imported.
function* leadRows(options: { accountId: string; count: number; sourceFlow: Map<string, string>; importSource: Map<string, string> }): Generator<CopyValue[]> {
  const { accountId, count, sourceFlow, importSource } = options;
  const sourceIds = [...sourceFlow.keys()];
  const importIds = [...importSource.keys()];
  const start = Date.now() - 90 * DAY;
  const step = (90 * DAY) / count;
  const lines = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = Math.floor(start + i * step);
    const importId = i % 5 === 0 ? importIds[(i / 5) % importIds.length]! : null;
    const sourceId = importId ? importSource.get(importId)! : sourceIds[i % sourceIds.length]!;
    const line = importId ? (lines.get(importId) ?? 1) + 1 : null;
    if (importId) lines.set(importId, line!);
    const roll = (i * 7919) % 100;
    const outcome = roll < 60 ? "success" : roll < 95 ? "failure" : "error";
    const reason = outcome === "success" ? null : outcome === "error" ? "Recipient timed out" : FAILURE_REASONS[i % FAILURE_REASONS.length]!;
    const { raw, normalized, email, phone, name, keys } = person(i);
    const id = at.toString(16).padStart(12, "0") + i.toString(16).padStart(12, "0");
    yield [
      id, accountId, sourceFlow.get(sourceId)!, sourceId, importId, line, new Date(at).toISOString(), JSON.stringify(raw), JSON.stringify(normalized),
      outcome, reason, outcome === "success" ? (i % 4 === 0 ? 30 : 15) : 0, importId !== null, false, email, phone, name, `ref-${i}`, keys,
    ];
  }
}

function person(i: number) {
  const mix = (i * 2_654_435_761) >>> 0; // a spread of i, so the tail names do not follow the time
  const first = mix % 5 === 0 ? tailName(Math.floor(mix / 5) % 200) : FIRST[i % 10]!;
  const last = (mix >>> 8) % 5 === 0 ? tailName(200 + (Math.floor((mix >>> 8) / 5) % 200)) : LAST[Math.floor(i / 10) % 10]!;
  const email = `${first}.${last}${i}@example.com`.normalize("NFD").replace(/[^\x20-\x7e]/g, "").toLowerCase();
  const phone = `512${String(2_000_000 + (i % 7_000_000)).padStart(7, "0")}`;
  const state = STATES[i % STATES.length]!;
  const raw = { first_name: first, last_name: last, email, phone_1: phone, state, credit_rating: "Good" };
  const normalized = {
    first_name: { raw: first, normal: first, valid: true },
    last_name: { raw: last, normal: last, valid: true },
    email: { raw: email, normal: email, valid: true, domain: "example.com" },
    phone_1: { raw: phone, normal: phone, valid: true, area: "512" },
    state: { raw: state, normal: state, valid: true },
  };
  const keys = arrayLiteral(leadSearchKeys({ email, phone, reference: `ref-${i}`, firstName: first, lastName: last }));
  return { raw, normalized, email, phone, name: `${first} ${last}`.toLowerCase(), keys };
}
