import { describe, expect, it } from "vitest";
import { recordDeliveries, run, testContext } from "./testing";

const requireEmail = { id: "req-email", ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] }, reason: "Email is required" };
const texasOnly = { id: "tx", ruleSet: { op: "and", rules: [{ lhv: "state", op: "is equal to", rhv: "TX" }] }, reason: "Lead must live in TX" };

describe("processLeads", () => {
  it("stores a successful lead with a time-sortable id, its data and one event per stage", async () => {
    const ctx = testContext({ acceptance: [requireEmail], steps: [{ id: "s1", type: "filter", ruleSet: { op: "and", rules: [{ lhv: "state", op: "is equal to", rhv: "CA" }] }, reason: "No CA" }] });
    const { results, store } = await run(ctx, [{ email: " JDoe@Example.com ", state: "Texas", phone_1: "(512) 789-1111", first_name: "John", last_name: "Doe" }]);
    const [lead] = results;
    expect(lead).toMatchObject({ outcome: "success", reason: null, price: 0, flowId: ctx.flow.id, sourceId: ctx.source.id, accountId: ctx.accountId });
    expect(lead!.id).toMatch(/^[0-9a-f]{24}$/);
    expect(lead!.normalized.state).toMatchObject({ normal: "TX", raw: "Texas" });
    expect(lead!.raw.email).toBe(" JDoe@Example.com ");
    expect(lead).toMatchObject({ email: "jdoe@example.com", phone: "5127891111", name: "john doe", isBatchLead: false, importId: null });
    expect(lead!.events.map((e) => [e.position, e.step, e.outcome])).toEqual([
      [0, "acceptance criteria", "success"],
      [1, "1. filter", "success"],
    ]);
    expect(lead!.events.every((e) => e.durationMs >= 0)).toBe(true);
    expect(store.leads).toEqual(results);
  });

  it("gives ids that sort in the order leads were processed", async () => {
    const { results } = await run(testContext(), [{ a: "1" }, { a: "2" }, { a: "3" }]);
    const ids = results.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it("keeps the import and CSV line of an imported lead", async () => {
    const { results } = await run(testContext(), [{ data: { email: "a@b.co" }, importId: "i".repeat(24), importLine: 7, isBatchLead: true }]);
    expect(results[0]).toMatchObject({ importId: "i".repeat(24), importLine: 7, isBatchLead: true });
  });

  it("marks a lead sent with is_test as a test lead", async () => {
    const { results } = await run(testContext(), [{ is_test: "yes" }, { is_test: "false" }]);
    expect(results.map((r) => r.isTest)).toEqual([true, false]);
  });

  it("masks ssn and credentials in what it stores", async () => {
    const ctx = testContext({ fields: [{ id: "ssn", label: "SSN", type: "ssn" }, { id: "password", label: "Password", type: "credential" }] });
    const { results } = await run(ctx, [{ ssn: "123-45-6789", password: "hunter2-secret" }]);
    const stored = JSON.stringify({ raw: results[0]!.raw, normalized: results[0]!.normalized });
    expect(stored).not.toMatch(/123-?45|hunter2/);
    expect(results[0]!.raw.ssn).toBe("***-**-6789");
    expect(results[0]!.normalized.password).toMatchObject({ normal: "********", masked: true });
  });

  it("gives every lead of a disabled flow the outcome error without running anything", async () => {
    const deliver = recordDeliveries();
    const ctx = testContext({ steps: [{ id: "r", type: "recipient", url: "http://127.0.0.1:9/x" }] }, { enabled: false });
    const { results } = await run(ctx, [{ email: "a@b.co" }], { deliver });
    expect(results[0]).toMatchObject({ outcome: "error", reason: "Flow is disabled", price: 0 });
    expect(results[0]!.events.map((e) => e.step)).toEqual(["flow"]);
    expect(deliver.calls).toEqual([]);
  });
});

describe("acceptance criteria", () => {
  it("fails a lead with the reason the account wrote, flow criteria first", async () => {
    const ctx = testContext({ acceptance: [requireEmail] }, { source: { acceptance: [texasOnly] } });
    const { results } = await run(ctx, [{ state: "CA" }, { email: "a@b.co", state: "CA" }, { email: "a@b.co", state: "tx" }]);
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["failure", "Email is required"],
      ["failure", "Lead must live in TX"],
      ["success", null],
    ]);
    expect(results[0]!.events).toMatchObject([{ step: "acceptance criteria", outcome: "failure", reason: "Email is required" }]);
  });

  it("treats a value of only spaces as blank for a required field", async () => {
    const { results } = await run(testContext({ acceptance: [requireEmail] }), [{ email: "   " }]);
    expect(results[0]).toMatchObject({ outcome: "failure", reason: "Email is required" });
  });

  it("stops a failed lead before any step", async () => {
    const deliver = recordDeliveries();
    const ctx = testContext({ acceptance: [requireEmail], steps: [{ id: "r", type: "recipient", url: "http://127.0.0.1:9/x" }] });
    await run(ctx, [{ state: "TX" }], { deliver });
    expect(deliver.calls).toEqual([]);
  });
});

describe("pricing", () => {
  const everyLead = { op: "and", rules: [] };
  const excellent = { op: "and", rules: [{ lhv: "credit", op: "is equal to", rhv: "Excellent" }] };

  it("uses the last matching price of the flow, then the source, and 0 when none matches", async () => {
    const ctx = testContext(
      { pricing: { rules: [{ ruleSet: excellent, price: 30 }] } },
      { source: { pricing: { rules: [{ ruleSet: { op: "and", rules: [{ lhv: "state", op: "is equal to", rhv: "TX" }] }, price: 12.5 }] } } },
    );
    const { results } = await run(ctx, [{ credit: "poor" }, { credit: "excellent" }, { credit: "excellent", state: "TX" }]);
    expect(results.map((r) => r.price)).toEqual([0, 30, 12.5]);
  });

  it("takes the source-submitted price where the flow says so", async () => {
    const ctx = testContext({ pricing: { mode: "source", rules: [{ ruleSet: everyLead, price: 99 }] } });
    const { results } = await run(ctx, [{ price: "$1,250.50" }, { price: "junk" }, {}]);
    expect(results.map((r) => r.price)).toEqual([1250.5, 0, 0]);
  });

  it("fails a lead whose submitted price does not fit the price column", async () => {
    const { results } = await run(testContext({ pricing: { mode: "source" } }), [{ price: "1000000000" }]);
    expect(results[0]).toMatchObject({ outcome: "failure", reason: "Price is too large", price: 0 });
  });

  it("prices a lead that does not succeed at 0", async () => {
    const ctx = testContext({
      pricing: { rules: [{ ruleSet: everyLead, price: 15 }] },
      steps: [{ id: "f", type: "filter", ruleSet: everyLead, reason: "Always stopped" }],
    });
    const { results } = await run(ctx, [{ email: "a@b.co" }]);
    expect(results[0]).toMatchObject({ outcome: "failure", reason: "Always stopped", price: 0 });
  });
});
