// The flow module's database side on the real engine: claims and caps under concurrency, and what a
// processed lead leaves in the tables.
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { runStatement, withTransaction } from "@/db/transaction";
import type { CapReservation, DedupeClaim } from "@/lib/flow/flow-store";
import { createGroupCommitStore, createGroupSaver } from "@/lib/flow/group-commit";
import { createLeadStore } from "@/lib/flow/lead-store";
import { processLeads } from "@/lib/flow/process-leads";
import type { LeadInput } from "@/lib/flow/flow-context";
import { recordDeliveries, testContext } from "@/lib/flow/testing";
import { newId } from "@/lib/ids";

const db = () => getDatabase();
const inTx = <T,>(fn: (store: ReturnType<typeof createLeadStore>) => Promise<T>) => withTransaction(db(), (tx) => fn(createLeadStore(tx)));
const query = <T,>(text: string, params: unknown[] = []) => withTransaction(db(), async (tx) => (await tx.query<T>(text, params)).rows);

const claim = (keyHash: string, extra: Partial<DedupeClaim> = {}): DedupeClaim => ({
  flowId: "f".repeat(24),
  stepId: "dd",
  keyHash,
  leadId: newId(),
  claimedAt: new Date(),
  windowStart: null,
  ...extra,
});

const process = (ctx: ReturnType<typeof testContext>, inputs: LeadInput[]) =>
  withTransaction(db(), (tx) => processLeads(ctx, inputs, { store: createLeadStore(tx), deliver: recordDeliveries() }));

describe("dedupe claims", () => {
  it("grant a key once, to whichever claim commits first", async () => {
    expect(await inTx((s) => s.claimDedupeKeys([claim("k1"), claim("k2")]))).toEqual([true, true]);
    expect(await inTx((s) => s.claimDedupeKeys([claim("k3"), claim("k1")]))).toEqual([true, false]);
  });

  it("let a new lead take over a key whose holder is outside the window", async () => {
    const old = new Date("2020-01-01T00:00:00Z");
    await inTx((s) => s.claimDedupeKeys([claim("w1", { claimedAt: old })]));
    const windowStart = new Date("2020-01-15T00:00:00Z");
    expect(await inTx((s) => s.claimDedupeKeys([claim("w1", { windowStart })]))).toEqual([true]);
    expect(await inTx((s) => s.claimDedupeKeys([claim("w1", { windowStart })]))).toEqual([false]);
  });

  it("give back only the releasing lead's own claim", async () => {
    const mine = claim("r1");
    await inTx((s) => s.claimDedupeKeys([mine]));
    await inTx((s) => s.releaseDedupeKeys([{ ...mine, leadId: newId() }]));
    expect(await inTx((s) => s.claimDedupeKeys([claim("r1")]))).toEqual([false]);
    await inTx((s) => s.releaseDedupeKeys([mine]));
    expect(await inTx((s) => s.claimDedupeKeys([claim("r1")]))).toEqual([true]);
  });

  it("vanish with a transaction that rolls back", async () => {
    await expect(
      inTx(async (s) => {
        await s.claimDedupeKeys([claim("rb")]);
        throw new Error("crash before commit");
      }),
    ).rejects.toThrow("crash before commit");
    expect(await inTx((s) => s.claimDedupeKeys([claim("rb")]))).toEqual([true]);
  });
});

describe("cap counters", () => {
  const cap: CapReservation = { capKey: `flow:${newId()}:c`, periodStart: new Date("2025-03-01T06:00:00Z"), limit: 2 };

  it("take units up to the limit and give them back", async () => {
    const take = () => inTx((s) => s.reserveCap(cap));
    expect([await take(), await take(), await take()]).toEqual([true, true, false]);
    await inTx((s) => s.releaseCap(cap));
    expect(await take()).toBe(true);
    expect(await inTx((s) => s.reserveCap({ ...cap, periodStart: new Date("2025-03-02T06:00:00Z") }))).toBe(true);
  });

  it("never go past the limit under concurrency", async () => {
    const parallel = { ...cap, capKey: `flow:${newId()}:p`, limit: 5 };
    const results = await Promise.all(Array.from({ length: 20 }, () => inTx((s) => s.reserveCap(parallel))));
    expect(results.filter(Boolean)).toHaveLength(5);
  });
});

describe("processing leads into the database", () => {
  const ctx = testContext(
    {
      fields: [{ id: "email", label: "Email", type: "email" }, { id: "ssn", label: "SSN", type: "ssn" }],
      pricing: { rules: [{ ruleSet: { op: "and", rules: [] }, price: 12.5 }] },
      steps: [{ id: "dd", type: "dedupe", fields: ["email"], windowDays: 30 }],
    },
    { flowId: newId() },
  );

  it("saves the lead with masked data and one event per stage", async () => {
    const [lead] = await process(ctx, [{ data: { email: "Saved@Example.com", ssn: "123-45-6789", first_name: "Ann" } }]);
    const [row] = await query<Record<string, unknown>>("select *, price::float8 as price from leads where id = $1", [lead!.id]);
    expect(row).toMatchObject({ outcome: "success", reason: null, price: 12.5, is_batch_lead: false, email: "saved@example.com", name: "ann" });
    expect(JSON.stringify([row!.raw, row!.normalized])).not.toContain("123-45");
    expect(row!.raw).toMatchObject({ ssn: "***-**-6789", email: "Saved@Example.com" });
    const events = await query<Record<string, unknown>>("select e.position, e.step, e.outcome, e.reason from leads l, jsonb_to_recordset(l.events) as e(position int, step text, outcome text, reason text) where l.id = $1 order by e.position", [lead!.id]);
    expect(events).toEqual([
      { position: 0, step: "acceptance criteria", outcome: "success", reason: null },
      { position: 1, step: "1. dedupe", outcome: "success", reason: null },
    ]);
  });

  it("saves a big batch through COPY with its import lines", async () => {
    const importId = newId();
    const inputs = Array.from({ length: 120 }, (_, i) => ({ data: { email: `batch${i % 100}@example.com` }, importId, importLine: i + 2, isBatchLead: true }));
    const leads = await process(ctx, inputs);
    const rows = await query<{ outcome: string; n: number }>("select outcome, count(*)::int as n from leads where import_id = $1 group by outcome order by outcome::text", [importId]);
    expect(rows).toEqual([{ outcome: "failure", n: 20 }, { outcome: "success", n: 100 }]);
    const [line] = await query<{ import_line: number; is_batch_lead: boolean }>("select import_line, is_batch_lead from leads where id = $1", [leads[119]!.id]);
    expect(line).toEqual({ import_line: 121, is_batch_lead: true });
    const [events] = await query<{ n: number }>("select sum(jsonb_array_length(events))::int as n from leads where import_id = $1", [importId]);
    expect(events!.n).toBe(240);
  });

  it("lets exactly one of 50 identical leads arriving at once succeed", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => process(ctx, [{ data: { email: "race@example.com" } }])));
    const outcomes = results.map(([lead]) => lead!.reason ?? lead!.outcome);
    expect(outcomes.filter((o) => o === "success")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(49);
  });
});

// processLeads saves a lone lead of such a flow with saveLeadClaiming: through group commit on the
// real-time path (below), in its transaction when the request has an Idempotency-Key (here).
describe("a lone lead saved with its claim in one statement", () => {
  const ctx = testContext(
    { pricing: { rules: [{ ruleSet: { op: "and", rules: [] }, price: 12.5 }] }, steps: [{ id: "dd", type: "dedupe", fields: ["email"], windowDays: 30 }] },
    { flowId: newId() },
  );
  const processAlone = (input: LeadInput) =>
    withTransaction(db(), (tx) => processLeads(ctx, [input], { store: createLeadStore(tx), deliver: recordDeliveries() }));
  const eventsOf = (id: string) => query("select e.position, e.step, e.outcome, e.reason from leads l, jsonb_to_recordset(l.events) as e(position int, step text, outcome text, reason text) where l.id = $1 order by e.position", [id]);

  it("is saved with its claim, or as a duplicate with the dedupe step's failure when the key is taken", async () => {
    const [first] = await processAlone({ data: { email: "alone@example.com" } });
    const [again] = await processAlone({ data: { email: "Alone@Example.com" } });
    const rows = await query<Record<string, unknown>>("select id, outcome, reason, price::float8 as price from leads where id in ($1, $2) order by id", [first!.id, again!.id]);
    expect(rows).toEqual([
      { id: first!.id, outcome: "success", reason: null, price: 12.5 },
      { id: again!.id, outcome: "failure", reason: "duplicate", price: 0 },
    ]);
    expect(await eventsOf(again!.id)).toEqual([
      { position: 0, step: "acceptance criteria", outcome: "success", reason: null },
      { position: 1, step: "1. dedupe", outcome: "failure", reason: "duplicate" },
    ]);
    const claims = await query("select lead_id from dedupe_keys where flow_id = $1", [ctx.flow.id]);
    expect(claims).toEqual([{ lead_id: first!.id }]);
  });

  it("lets exactly one of 50 identical leads arriving at once succeed", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => processAlone({ data: { email: "race-alone@example.com" } })));
    const outcomes = results.map(([lead]) => lead!.reason ?? lead!.outcome);
    expect(outcomes.filter((o) => o === "success")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(49);
  });
});

describe("group commit of lone leads (the real-time path under load)", () => {
  const flowWith = (windowDays: number | null) =>
    testContext({ steps: [{ id: "dd", type: "dedupe", fields: ["email"], windowDays }] }, { flowId: newId() });
  // Counts the statements the saver sends; `failWhen` lets a test make a statement fail.
  function countingSaver(failWhen: (params: unknown[]) => boolean = () => false) {
    const sent: number[] = [];
    const saver = createGroupSaver(async <R,>(text: string, params: unknown[] = [], options?: { name?: string }) => {
      sent.push(JSON.parse(params[6] as string).length);
      if (failWhen(params)) throw new Error("statement failed");
      return runStatement<R>(db(), text, params, options);
    });
    const save = (ctx: ReturnType<typeof flowWith>, input: LeadInput) =>
      processLeads(ctx, [input], { store: createGroupCommitStore(saver), deliver: recordDeliveries() }).then(([lead]) => lead!);
    return { sent, save };
  }
  const outcomeOf = (lead: { outcome: string; reason: string | null }) => lead.reason ?? lead.outcome;

  it("saves leads ready at the same moment in one statement, each with the outcome it would have alone", async () => {
    const ctx = flowWith(30);
    const { sent, save } = countingSaver();
    const same = Array.from({ length: 50 }, () => save(ctx, { data: { email: "group-race@example.com" } }));
    const distinct = Array.from({ length: 10 }, (_, i) => save(ctx, { data: { email: `group-${i}@example.com` } }));
    const leads = await Promise.all([...same, ...distinct]);
    expect(sent).toEqual([60]);
    expect(leads.slice(0, 50).map(outcomeOf).sort()).toEqual([...Array<string>(49).fill("duplicate"), "success"]);
    expect(leads.slice(50).map(outcomeOf)).toEqual(Array<string>(10).fill("success"));
    const stored = await query<{ outcome: string; n: number }>(
      "select coalesce(reason, outcome::text) as outcome, count(*)::int as n from leads where flow_id = $1 group by 1 order by 1",
      [ctx.flow.id],
    );
    expect(stored).toEqual([{ outcome: "duplicate", n: 49 }, { outcome: "success", n: 11 }]);
    const winner = leads.slice(0, 50).find((l) => l.outcome === "success")!;
    const claims = await query<{ lead_id: string }>("select lead_id from dedupe_keys where flow_id = $1 and lead_id = $2", [ctx.flow.id, winner.id]);
    expect(claims).toHaveLength(1);
    const events = await query("select e.position, e.outcome, e.reason from leads l, jsonb_to_recordset(l.events) as e(position int, step text, outcome text, reason text) where l.id = $1 order by e.position", [leads.find((l) => l.reason === "duplicate")!.id]);
    expect(events).toEqual([
      { position: 0, outcome: "success", reason: null },
      { position: 1, outcome: "failure", reason: "duplicate" },
    ]);
  });

  it("refuses a key held inside the window and takes over one held before it, per lead", async () => {
    const ctx = flowWith(30);
    const { save } = countingSaver();
    const old = await save(ctx, { data: { email: "old@example.com" } });
    const recent = await save(ctx, { data: { email: "recent@example.com" } });
    // The first holder claimed 31 days ago: outside a 30-day window. The second is 29 days old.
    await query("update dedupe_keys set claimed_at = now() - interval '31 days' where lead_id = $1", [old.id]);
    await query("update dedupe_keys set claimed_at = now() - interval '29 days' where lead_id = $1", [recent.id]);
    const [again, inside] = await Promise.all([save(ctx, { data: { email: "old@example.com" } }), save(ctx, { data: { email: "recent@example.com" } })]);
    expect([outcomeOf(again), outcomeOf(inside)]).toEqual(["success", "duplicate"]);
  });

  it("keeps claims of other window lengths in statements of their own", async () => {
    const { sent, save } = countingSaver();
    const [a, b, c] = [flowWith(30), flowWith(null), flowWith(30)];
    const leads = await Promise.all([save(a, { data: { email: "w@example.com" } }), save(b, { data: { email: "w@example.com" } }), save(c, { data: { email: "w@example.com" } })]);
    expect(sent.sort()).toEqual([1, 2]);
    expect(leads.map(outcomeOf)).toEqual(["success", "success", "success"]);
  });

  it("tries each lead alone when the group's statement fails, so one bad lead fails only itself", async () => {
    const ctx = flowWith(30);
    // The group fails; alone, only the lead with the bad email fails again.
    const { sent, save } = countingSaver((params) => (params[6] as string).includes("bad@example.com") || JSON.parse(params[6] as string).length > 1);
    const results = await Promise.allSettled([
      save(ctx, { data: { email: "fine-1@example.com" } }),
      save(ctx, { data: { email: "bad@example.com" } }),
      save(ctx, { data: { email: "fine-2@example.com" } }),
    ]);
    expect(sent).toEqual([3, 1, 1, 1]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const saved = await query<{ email: string }>("select email from leads where flow_id = $1 order by email", [ctx.flow.id]);
    expect(saved).toEqual([{ email: "fine-1@example.com" }, { email: "fine-2@example.com" }]);
  });
});
