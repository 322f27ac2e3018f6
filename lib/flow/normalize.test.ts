import { describe, expect, it } from "vitest";
import { fieldTypeMap, flattenData, maskLead, normalizeLead } from "./normalize";

describe("flattenData", () => {
  it("turns nested objects into dotted keys and scalars into strings", () => {
    expect(flattenData({ mortgage: { property: { state: "TX" } }, amount: 5, ok: true })).toEqual({
      "mortgage.property.state": "TX",
      amount: "5",
      ok: "true",
    });
  });

  it("joins lists of plain values", () => {
    expect(flattenData({ tags: ["a", "b"] })).toEqual({ tags: "a,b" });
  });
});

describe("normalizeLead", () => {
  const types = fieldTypeMap([
    { id: "phone_1", label: "Phone", type: "phone", custom: false },
    { id: "ssn", label: "SSN", type: "ssn", custom: false },
  ]);

  it("normalizes flow fields by their type and other standard fields by the catalog", () => {
    const lead = normalizeLead(types, { phone_1: "(512) 789-1111", is_test: "yes", extra: "Kept" });
    expect(lead.phone_1).toMatchObject({ normal: "5127891111", valid: true, area: "512" });
    expect(lead.is_test).toMatchObject({ normal: true, valid: true });
    expect(lead.extra).toMatchObject({ normal: "Kept", raw: "Kept" });
  });

  it("masks secrets in both raw and normalized form", () => {
    const { raw, normalized } = maskLead(types, normalizeLead(types, { ssn: "123-45-6789" }));
    expect(JSON.stringify({ raw, normalized })).not.toContain("123");
    expect(raw.ssn).toContain("6789");
  });
});
