// Deliveries to a buyer happen once per import line although the worker dies between the delivery
// and the batch's commit: the retried batch reuses the recorded answer, or (when the worker died
// before the answer was recorded) sends again with the same Idempotency-Key. A counting buyer checks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import type { Database } from "@/db/client";
import { deliverLead } from "@/lib/flow/steps/recipient";
import { runImportJob } from "@/lib/imports/jobs/job";
import { getMappingView, saveMapping, suggestedMapping } from "@/lib/imports/map/mapping";
import { stageUpload } from "@/lib/imports/stage/stage";
import { queryOf } from "@/lib/imports/stage/staged-rows";
import { getImport } from "@/lib/imports/store";
import { confirmImport, startValidation } from "@/lib/imports/workflow";
import { submitLead } from "@/lib/intake/submit-lead";
import { startBuyer, type Buyer } from "../helpers/buyer";
import { killWorkerMidImport } from "../helpers/killed-worker";
import { RECIPIENT_STEP, seedDeliveryTarget } from "../helpers/delivery-flows";

// 12 rows on file lines 2-13 (line 1 is the header); line 6 repeats line 3's email, so the dedupe
// step (before the recipient) fails it.
const EMAILS = ["a", "b", "c", "d", "b", "e", "f", "g", "h", "i", "j", "k"].map((s) => `${s}@buyer-test.com`);
const csv = ["email,first_name", ...EMAILS.map((email, i) => `${email},Name${i}`)].join("\n") + "\n";
const DELIVERED = new Set(EMAILS).size;
const noQueue = async () => {};

let buyer: Buyer;
beforeAll(async () => (buyer = await startBuyer()));
beforeEach(() => void buyer.received.splice(0));
afterAll(async () => {
  await buyer.close();
});

// The flow and source of the last import made ready (the race test submits to them too).
let lastTarget: Awaited<ReturnType<typeof seedDeliveryTarget>>;

async function importReadyToRun(database: Database) {
  const target = await seedDeliveryTarget(database, buyer.url);
  lastTarget = target;
  async function* body() {
    yield new TextEncoder().encode(csv);
  }
  const staged = await stageUpload(database, { target, body: body(), contentLength: null, fileName: "leads.csv", override: {}, maxBytes: 1_000_000 });
  if (staged.status !== "ok") throw new Error(staged.message);
  const imp = (await getImport(database, staged.importId))!;
  await saveMapping(database, imp, suggestedMapping(await getMappingView(database, imp)));
  await startValidation(database, (await getImport(database, imp.id))!, noQueue);
  expect(await runImportJob(database, imp.id)).toBe("done");
  await confirmImport(database, (await getImport(database, imp.id))!, "all", noQueue);
  return imp.id;
}

async function leadsOf(database: Database, importId: string) {
  const { rows } = await queryOf(database)<{ import_line: number; outcome: string; reason: string | null }>(
    "select import_line, outcome, reason from leads where import_id = $1 order by import_line",
    [importId],
  );
  return rows;
}

/** Each delivered email with the keys it arrived with. */
function keysByEmail() {
  const keys = new Map<string, string[]>();
  for (const r of buyer.received) keys.set(r.body.email!, [...(keys.get(r.body.email!) ?? []), r.key ?? "none"]);
  return keys;
}

async function expectDeliveredOnceEach(database: Database, importId: string) {
  const leads = await leadsOf(database, importId);
  expect(leads).toHaveLength(EMAILS.length);
  expect(leads.filter((l) => l.outcome === "success")).toHaveLength(DELIVERED);
  expect(leads.find((l) => l.import_line === 6)).toMatchObject({ outcome: "failure", reason: "duplicate" });
  const keys = keysByEmail();
  expect(keys.size).toBe(DELIVERED);
  // Line 3's email went out for line 3 (the earlier line), never for its duplicate on line 6.
  expect(keys.get("b@buyer-test.com")).toEqual([`${importId}-3-${RECIPIENT_STEP}`]);
  // Every claim held while its lead was delivered (lib/flow/steps/holds.ts) was taken over by the lead's
  // save, also after a crash, when the retried batch's leads have new ids: none is left held.
  const { rows } = await queryOf(database)<{ held: number; saved: number }>(
    `select count(*) filter (where d.held_by is not null)::int as held, count(l.id)::int as saved
     from dedupe_keys d left join leads l on l.id = d.lead_id and l.outcome = 'success' where d.held_by like $1 or l.import_id = $2`,
    [`${importId}-%`, importId],
  );
  expect(rows).toEqual([{ held: 0, saved: DELIVERED }]);
  return keys;
}

describe("an import whose batch fails after its deliveries, before its commit", () => {
  it("reuses the recorded answers: the buyer has each lead once", async () => {
    const database = getDatabase();
    const id = await importReadyToRun(database);
    let batches = 0;
    const crash = () => {
      if (++batches === 2) throw new Error("worker died");
    };
    await expect(runImportJob(database, id, { batchSize: 5, beforeCommit: crash })).rejects.toThrow("worker died");
    expect((await getImport(database, id))!.processedRows).toBe(5);
    expect(buyer.received).toHaveLength(9); // lines 2-11, less the duplicate
    expect(await runImportJob(database, id, { batchSize: 5 })).toBe("done");
    const keys = await expectDeliveredOnceEach(database, id);
    expect([...keys.values()].every((k) => k.length === 1)).toBe(true);
    const { rows } = await queryOf(database)<{ n: number }>(
      "select count(*)::int as n from delivery_attempts where import_id = $1 and status = 'answered' and outcome = 'success' and response_status = 200",
      [id],
    );
    expect(rows[0]!.n).toBe(DELIVERED);
  });

  it("sends again with the same Idempotency-Key when the answer was never recorded", async () => {
    const database = getDatabase();
    const id = await importReadyToRun(database);
    // The process dies once line 4's request has reached the buyer, before its answer is recorded.
    const dying: typeof deliverLead = async (step, payload, ref) => {
      const result = await deliverLead(step, payload, ref);
      if (ref?.importLine === 4) throw new Error("worker died");
      return result;
    };
    await expect(runImportJob(database, id, { batchSize: 5, deliver: dying })).rejects.toThrow("worker died");
    expect(await leadsOf(database, id)).toHaveLength(0);
    expect(await runImportJob(database, id, { batchSize: 5 })).toBe("done");
    const keys = await expectDeliveredOnceEach(database, id);
    expect(keys.get("c@buyer-test.com")).toEqual([`${id}-4-${RECIPIENT_STEP}`, `${id}-4-${RECIPIENT_STEP}`]);
    for (const [email, sent] of keys) if (email !== "c@buyer-test.com") expect(sent).toHaveLength(1);
  });
});

describe("an import and a real-time lead with one email at once", () => {
  it("the lead sent while the import's deliveries are in flight is a duplicate and never sent", async () => {
    const database = getDatabase();
    const id = await importReadyToRun(database);
    buyer.hold();
    try {
      const running = runImportJob(database, id, { batchSize: 20 });
      // Every hold is taken before the first request is sent.
      await buyer.heldAtLeast(1);
      const lead = await submitLead({ flowId: lastTarget.flowId, sourceId: lastTarget.sourceId, data: { email: "e@buyer-test.com" } });
      expect(lead.status === 201 && lead.body).toMatchObject({ outcome: "failure", reason: "duplicate" });
      buyer.release();
      expect(await running).toBe("done");
      const keys = await expectDeliveredOnceEach(database, id);
      expect(keys.get("e@buyer-test.com")).toEqual([`${id}-7-${RECIPIENT_STEP}`]);
    } finally {
      buyer.release();
    }
  });
});

describe("a worker killed with SIGKILL between its deliveries and its commit", () => {
  it("leaves the buyer with each lead once", async () => {
    // import-child.ts runs 10-line batches and prints "batch <last line>" inside the transaction,
    // after the batch's deliveries: killed then, the first batch is delivered and not committed.
    const killed = await killWorkerMidImport({
      prepare: importReadyToRun,
      killWhen: (output) => output.includes("batch "),
      env: { RECIPIENT_ALLOW_PRIVATE: "true" },
    });
    try {
      expect(buyer.received.length).toBe(9);
      expect((await getImport(killed.database, killed.importId))!.processedRows).toBe(0);
      expect(await runImportJob(killed.database, killed.importId, { batchSize: 10 })).toBe("done");
      const keys = await expectDeliveredOnceEach(killed.database, killed.importId);
      expect([...keys.values()].every((k) => k.length === 1)).toBe(true);
    } finally {
      await killed.close();
    }
  });
});
