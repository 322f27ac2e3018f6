// Issue #13: a flow cap of 1 before a recipient step, two different leads sent at once. The first
// to be delivered commits its cap unit as held before it is sent (lib/flow/steps/holds.ts), so the
// other fails with "Cap reached" without being sent: the buyer gets one lead, and the cap counts one.
// A lead the buyer refuses gives its held unit back.
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

async function cappedTarget(limit: number) {
  const target = await seedDeliveryTarget(getDatabase(), buyer.url, { flowCap: true });
  await q()(`update flows set config = jsonb_set(config, '{caps,0,limit}', $2::jsonb) where id = $1`, [target.flowId, JSON.stringify(limit)]);
  return target;
}

const capCount = async (flowId: string) => {
  const { rows } = await q()<{ count: number }>("select count from cap_counters where cap_key like $1", [`flow:${flowId}:%`]);
  return rows.map((r) => r.count);
};

describe("a volume cap before a recipient step, under a race", () => {
  it("cap of 1, two different leads at once: the buyer gets one, the other is refused as cap reached without being sent", async () => {
    const target = await cappedTarget(1);
    buyer.hold();
    try {
      const sent = [0, 1].map((i) => submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email: `cap${i}@buyer-test.com` } }));
      await buyer.heldAtLeast(1);
      const first = outcomeOf(await Promise.race([Promise.any(sent), sleep(5000).then(() => Promise.reject(new Error("no lead ended while the buyer held the first")))]));
      expect(first).toMatchObject({ outcome: "failure", reason: "Cap reached" });
      expect(buyer.received).toHaveLength(1);
      buyer.release();
      const results = (await Promise.all(sent)).map(outcomeOf);
      const delivered = results.find((r) => r.outcome === "success")!;
      expect(results.map((r) => r.outcome).sort()).toEqual(["failure", "success"]);

      expect(buyer.received.map((r) => r.key)).toEqual([`${delivered.id}-${RECIPIENT_STEP}`]);
      const { rows: leads } = await q()<{ id: string; outcome: string; reason: string | null; email: string }>(
        "select id, outcome, reason, email from leads where flow_id = $1 order by outcome = 'success' desc", [target.flowId]);
      expect(leads).toEqual([
        { id: delivered.id, outcome: "success", reason: null, email: buyer.received[0]!.body.email },
        { id: first.id, outcome: "failure", reason: "Cap reached", email: expect.any(String) },
      ]);
      const { rows: attempts } = await q()("select lead_id from delivery_attempts where lead_id = any($1::text[])", [results.map((r) => r.id)]);
      expect(attempts).toEqual([{ lead_id: delivered.id }]);
      expect(await capCount(target.flowId)).toEqual([1]);
      const { rows: holds } = await q()("select * from cap_holds where cap_key like $1", [`flow:${target.flowId}:%`]);
      expect(holds).toEqual([]);
    } finally {
      buyer.release();
    }
  });

  it("a lead the buyer refuses gives its held cap unit back", async () => {
    const target = await cappedTarget(1);
    const refused = await submitLead(
      { flowId: target.flowId, sourceId: target.sourceId, data: { email: "no@buyer-test.com" } },
      { deliver: async () => ({ outcome: "failure", reason: "Not wanted" }) },
    );
    expect(outcomeOf(refused)).toMatchObject({ outcome: "failure", reason: "Not wanted" });
    expect(await capCount(target.flowId)).toEqual([0]);
    const taken = outcomeOf(await submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email: "yes@buyer-test.com" } }));
    expect(taken.outcome).toBe("success");
    expect(await capCount(target.flowId)).toEqual([1]);
  });

  it("a cap unit held by an attempt that never came back is given back once stale", async () => {
    const target = await cappedTarget(1);
    const first = outcomeOf(await submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email: "one@buyer-test.com" } }));
    expect(first.outcome).toBe("success");
    // What a crashed attempt leaves: the unit counted and held, no lead saved.
    await q()("update cap_counters set count = count + 1 where cap_key like $1", [`flow:${target.flowId}:%`]);
    await q()(
      `update flows set config = jsonb_set(config, '{caps,0,limit}', '2'::jsonb) where id = $1`, [target.flowId]);
    await q()(
      `insert into cap_holds (cap_key, period_start, holder, held_until)
       select cap_key, period_start, 'crashed-lead', now() + interval '10 minutes' from cap_counters where cap_key like $1`,
      [`flow:${target.flowId}:%`],
    );
    const submit = (email: string) => submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email } }).then(outcomeOf);
    expect(await submit("two@buyer-test.com")).toMatchObject({ outcome: "failure", reason: "Cap reached" });
    await q()("update cap_holds set held_until = now() - interval '1 second' where holder = 'crashed-lead'");
    expect((await submit("three@buyer-test.com")).outcome).toBe("success");
    expect(await capCount(target.flowId)).toEqual([2]);
    const { rows } = await q()("select * from cap_holds where cap_key like $1", [`flow:${target.flowId}:%`]);
    expect(rows).toEqual([]);
  });
});
