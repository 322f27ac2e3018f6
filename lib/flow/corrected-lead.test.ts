import { describe, expect, it } from "vitest";
import { run, testContext } from "./testing";

const validState = { id: "state", ruleSet: { op: "and", rules: [{ lhv: "state", op: "format is valid" }] }, reason: "State must be valid" };

// An import row corrected before it was imported (issue #16): the flow reads the corrected values,
// the lead keeps what the file said as its raw data, and its timeline says who corrected it.
describe("a lead from a corrected import row", () => {
  const correction = { fileData: { email: "a@b.co", state: "XX", ssn: "123-45-6789" }, note: "Corrected before import by ann@example.com: State" };
  const ctx = testContext({ acceptance: [validState], fields: [{ id: "ssn", label: "SSN", type: "ssn" }] });

  it("is processed with the corrected values and keeps the file's values as raw", async () => {
    const { results } = await run(ctx, [{ data: { email: "a@b.co", state: "TX", ssn: "123-45-6789" }, correction }]);
    expect(results[0]).toMatchObject({ outcome: "success", raw: { email: "a@b.co", state: "XX" } });
    expect(results[0]!.normalized.state).toMatchObject({ normal: "TX", raw: "TX" });
    expect(results[0]!.raw.ssn).not.toBe("123-45-6789");
  });

  it("starts its timeline with the correction, then the flow's steps", async () => {
    const { results } = await run(ctx, [{ data: { email: "a@b.co", state: "TX" }, correction }]);
    expect(results[0]!.events.map((e) => [e.position, e.step, e.outcome, e.reason])).toEqual([
      [0, "correction", "success", "Corrected before import by ann@example.com: State"],
      [1, "acceptance criteria", "success", null],
    ]);
  });
});
