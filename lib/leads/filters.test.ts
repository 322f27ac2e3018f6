import { describe, expect, it } from "vitest";
import { classifySearch, parseLeadParams, toLeadFilter, toQueryString } from "./filters";

const flowId = "0193a1b2c3d4e5f601234567";

describe("lead filters from search params", () => {
  it("reads repeated and single params, ignoring empty selects", () => {
    const params = parseLeadParams({ flow: flowId, source: "", outcome: ["success", "failure"], batch: "1", range: "today" });
    expect(params).toMatchObject({ flow: [flowId], source: [], outcome: ["success", "failure"], batch: "1", range: "today" });
    const filter = toLeadFilter(params!, "UTC");
    expect(filter.batchOnly).toBe(true);
    expect(filter.flowIds).toEqual([flowId]);
  });

  it("refuses an id that is not an id and an unknown outcome", () => {
    expect(parseLeadParams({ flow: "../etc" })).toBeNull();
    expect(parseLeadParams({ outcome: "maybe" })).toBeNull();
  });

  it("falls back to the default time frame for an unknown range", () => {
    expect(parseLeadParams({ range: "forever" })?.range).toBe("last_7_days");
  });

  it("filters on a field only when both the field and a value are given", () => {
    expect(toLeadFilter(parseLeadParams({ field: "state", value: "TX" })!, "UTC").fields).toEqual([{ field: "state", value: "TX" }]);
    expect(toLeadFilter(parseLeadParams({ field: "state", value: "" })!, "UTC").fields).toEqual([]);
  });

  it("writes the same filters back as a query string, with overrides", () => {
    const params = parseLeadParams({ flow: flowId, outcome: ["success", "error"], range: "today" })!;
    const query = toQueryString(params, { cursor: "abc" });
    expect(new URLSearchParams(query.slice(1)).getAll("outcome")).toEqual(["success", "error"]);
    expect(query).toContain("cursor=abc");
    expect(query).toContain(`flow=${flowId}`);
  });
});

describe("search box", () => {
  it("recognises a lead id", () => {
    expect(classifySearch(` ${flowId.toUpperCase()} `)).toEqual({ kind: "id", id: flowId });
  });

  it("lowercases an email", () => {
    expect(classifySearch("Jane@Example.COM")).toEqual({ kind: "email", email: "jane@example.com" });
  });

  it("normalizes a phone number written any way", () => {
    for (const input of ["(512) 789-1111", "+1 512.789.1111", "5127891111"]) {
      expect(classifySearch(input)).toMatchObject({ kind: "phone", phone: "5127891111" });
    }
  });

  it("takes anything else as a name or reference", () => {
    expect(classifySearch("  Jane   DOE ")).toEqual({ kind: "text", text: "jane doe" });
    expect(classifySearch("REF-123")).toEqual({ kind: "text", text: "ref-123" });
    expect(classifySearch("   ")).toBeNull();
  });

  it("drops NUL characters from every param, which PostgreSQL text cannot hold", () => {
    expect(parseLeadParams({ q: "\u0000", reason: ["dup\u0000licate", "\u0000"], "val\u0000ue": "x" })).toMatchObject({ q: "", reason: ["duplicate"], value: "x" });
  });

  it("ignores dates PostgreSQL or JavaScript would misread", () => {
    for (const date of ["0000-01-01", "0099-12-31", "9999-12-31", "2025-02-31", "99999-01-01"]) {
      expect(parseLeadParams({ range: "custom", from: date, to: date })).toMatchObject({ from: undefined, to: undefined });
    }
    expect(parseLeadParams({ range: "custom", from: "1900-01-01", to: "9998-12-31" })).toMatchObject({ from: "1900-01-01", to: "9998-12-31" });
  });
});
