import { describe, expect, it } from "vitest";
import { planWaves } from "./batch-waves";
import { flowConfigSchema, sourceConfigSchema } from "./model";
import { normalizeLead } from "./normalize";

const source = sourceConfigSchema.parse({});
const dedupeOn = (id: string, fields: string[]) => ({ id, type: "dedupe", fields });
const leads = (...rows: Array<Record<string, string>>) => rows.map((data, i) => ({ n: i + 1, lead: normalizeLead(new Map(), data) }));
const numbers = (waves: Array<Array<{ n: number }>>) => waves.map((wave) => wave.map((w) => w.n));

describe("planWaves", () => {
  it("keeps a batch together when no two leads share a dedupe key", () => {
    const flow = flowConfigSchema.parse({ steps: [dedupeOn("d", ["email"])] });
    expect(numbers(planWaves(flow, source, leads({ email: "a@x.co" }, { email: "b@x.co" }, {})))).toEqual([[1, 2, 3]]);
  });

  it("puts each repeat of a key in a later wave, in order", () => {
    const flow = flowConfigSchema.parse({ steps: [dedupeOn("d", ["email"])] });
    const batch = leads({ email: "a@x.co" }, { email: "A@x.co" }, { email: "b@x.co" }, { email: "a@x.co" });
    expect(numbers(planWaves(flow, source, batch))).toEqual([[1, 3], [2], [4]]);
  });

  it("orders a lead after every earlier lead it shares a key with on any dedupe step", () => {
    const flow = flowConfigSchema.parse({ steps: [dedupeOn("e", ["email"]), dedupeOn("p", ["phone_1"])] });
    const batch = leads({ email: "a@x.co" }, { email: "a@x.co", phone_1: "5127891111" }, { phone_1: "5127891111" });
    expect(numbers(planWaves(flow, source, batch))).toEqual([[1], [2], [3]]);
  });

  it("runs leads one at a time when any cap applies", () => {
    const flow = flowConfigSchema.parse({ steps: [{ id: "f", type: "filter", ruleSet: { op: "and", rules: [] }, reason: "x", caps: [{ id: "c", limit: 5, period: "day" }] }] });
    expect(numbers(planWaves(flow, source, leads({}, {})))).toEqual([[1], [2]]);
  });
});
