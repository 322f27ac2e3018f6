// Issue #13: two leads with one email sent at once to a flow whose dedupe step comes before its
// recipient step. The first to be delivered commits its dedupe claim as held before it is sent
// (lib/flow/steps/holds.ts), so the other fails as a duplicate without being sent, even while the
// buyer has not answered the first: the buyer gets the lead once, and Leadport's records say so.
// Also: a held claim is taken over once stale (an attempt that crashed), and a lead the buyer
// refuses gives its claim back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { queryOf } from "@/lib/imports/stage/staged-rows";
import { submitLead } from "@/lib/intake/submit-lead";
import { startBuyer, type Buyer } from "../helpers/buyer";
import { RECIPIENT_STEP, outcomeOf, seedDeliveryTarget, sleep } from "../helpers/delivery-flows";

let buyer: Buyer;
beforeAll(async () => (buyer = await startBuyer()));
beforeEach(() => void buyer.received.splice(0));
afterAll(async () => buyer.close());

const q = () => queryOf(getDatabase());

describe("a dedupe step before a recipient step, under a race", () => {
  // flowCap: a flow cap as well (both checks held at once).
  it.each([[false], [true]])("two leads with one email at once: the buyer gets one, the other is a duplicate never sent (flow cap %s)", async (flowCap) => {
    const target = await seedDeliveryTarget(getDatabase(), buyer.url, { flowCap });
    const email = `race-${String(flowCap)}@buyer-test.com`;
    buyer.hold();
    try {
      const sent = [0, 1].map(() => submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email } }));
      await buyer.heldAtLeast(1);
      // The other lead ends while the buyer still holds the first's answer: it waits for nothing.
      const first = outcomeOf(await Promise.race([Promise.any(sent), sleep(5000).then(() => Promise.reject(new Error("no lead ended while the buyer held the first")))]));
      expect(first).toMatchObject({ outcome: "failure", reason: "duplicate" });
      expect(buyer.received.filter((r) => r.body.email === email)).toHaveLength(1);
      buyer.release();
      const results = (await Promise.all(sent)).map(outcomeOf);
      const delivered = results.find((r) => r.outcome === "success")!;
      expect(results.map((r) => r.outcome).sort()).toEqual(["failure", "success"]);

      const got = buyer.received.filter((r) => r.body.email === email);
      expect(got.map((r) => r.key)).toEqual([`${delivered.id}-${RECIPIENT_STEP}`]);
      const { rows: leads } = await q()<{ id: string; outcome: string; reason: string | null }>(
        "select id, outcome, reason from leads where flow_id = $1 order by outcome = 'success' desc", [target.flowId]);
      expect(leads).toEqual([
        { id: delivered.id, outcome: "success", reason: null },
        { id: results.find((r) => r.outcome === "failure")!.id, outcome: "failure", reason: "duplicate" },
      ]);
      const { rows: attempts } = await q()<{ lead_id: string; status: string }>(
        "select lead_id, status from delivery_attempts where lead_id = any($1::text[])", [results.map((r) => r.id)]);
      expect(attempts).toEqual([{ lead_id: delivered.id, status: "answered" }]);
      const { rows: keys } = await q()("select lead_id, held_by, held_until from dedupe_keys where flow_id = $1", [target.flowId]);
      expect(keys).toEqual([{ lead_id: delivered.id, held_by: null, held_until: null }]);
      const { rows: holds } = await q()("select * from cap_holds where cap_key like $1", [`flow:${target.flowId}:%`]);
      expect(holds).toEqual([]);
      if (flowCap) {
        const { rows: counts } = await q()<{ count: number }>("select count from cap_counters where cap_key like $1", [`flow:${target.flowId}:%`]);
        expect(counts).toEqual([{ count: 1 }]);
      }
    } finally {
      buyer.release();
    }
  });

  it("a claim held by an attempt that never came back is taken over once stale, and refuses the lead until then", async () => {
    const target = await seedDeliveryTarget(getDatabase(), buyer.url);
    const email = "stale@buyer-test.com";
    const submit = () => submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email } }).then(outcomeOf);
    // What a crashed attempt leaves: its claim held, no lead saved.
    const hold = async (heldUntil: string) => {
      const { rows } = await q()<{ key_hash: string }>("select key_hash from dedupe_keys where flow_id = $1", [target.flowId]);
      await q()("delete from dedupe_keys where flow_id = $1", [target.flowId]);
      await q()(
        `insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at, held_by, held_until)
         values ($1, 'dedupe', $2, 'crashed-lead', now(), 'crashed-lead', ${heldUntil})`,
        [target.flowId, rows[0]!.key_hash],
      );
    };
    const seeded = await submit(); // only to learn the key's hash
    expect(seeded.outcome).toBe("success");
    await hold("now() + interval '10 minutes'");
    expect(await submit()).toMatchObject({ outcome: "failure", reason: "duplicate" });
    await hold("now() - interval '1 second'");
    const taken = await submit();
    expect(taken.outcome).toBe("success");
    expect(buyer.received.filter((r) => r.body.email === email).map((r) => r.key)).toEqual([`${seeded.id}-${RECIPIENT_STEP}`, `${taken.id}-${RECIPIENT_STEP}`]);
    const { rows } = await q()("select lead_id, held_by from dedupe_keys where flow_id = $1", [target.flowId]);
    expect(rows).toEqual([{ lead_id: taken.id, held_by: null }]);
  });

  it("a lead the buyer refuses gives its held claim back: the next lead with its email is delivered", async () => {
    const target = await seedDeliveryTarget(getDatabase(), buyer.url);
    const data = { email: "refused@buyer-test.com" };
    const refused = await submitLead({ flowId: target.flowId, sourceId: target.sourceId, data }, { deliver: async () => ({ outcome: "failure", reason: "Not wanted" }) });
    expect(outcomeOf(refused)).toMatchObject({ outcome: "failure", reason: "Not wanted" });
    const { rows } = await q()("select * from dedupe_keys where flow_id = $1", [target.flowId]);
    expect(rows).toEqual([]);
    expect(outcomeOf(await submitLead({ flowId: target.flowId, sourceId: target.sourceId, data })).outcome).toBe("success");
  });
});
