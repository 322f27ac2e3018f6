import { describe, expect, it } from "vitest";
import { demoFlowConfig } from "@/db/demo-flow";
import { validateFlowConfig } from "@/lib/flows/validate-config";
import { findStandardField, STANDARD_FIELDS } from "./catalog";
import { fieldDefSchema, flowConfigSchema } from "./model";
import { fieldTypeMap, normalizeLead } from "./normalize";
import { run, testContext } from "./testing";

describe("standard field catalog", () => {
  it.each([
    ["first_name", "First Name", "first_name"],
    ["last_name", "Last Name", "last_name"],
    ["middle_name", "Middle Name", "string"],
    ["email", "Email", "email"],
    ["phone_1", "Phone 1", "phone"],
    ["phone_2", "Phone 2", "phone"],
    ["phone_3", "Phone 3", "phone"],
    ["address_1", "Address 1", "street"],
    ["address_2", "Address 2", "string"],
    ["city", "City", "city"],
    ["state", "State", "state"],
    ["postal_code", "Postal Code", "postal_code"],
    ["country", "Country", "string"],
    ["dob", "Date of Birth", "dob"],
    ["gender", "Gender", "gender"],
    ["ssn", "SSN", "ssn"],
    ["ip_address", "IP Address", "ip"],
    ["trustedform_cert_url", "TrustedForm Certificate URL", "url"],
    ["reference", "Reference", "string"],
    ["price", "Price", "number"],
    ["comments", "Comments", "string"],
    ["company", "Company", "string"],
    ["is_test", "Is Test", "boolean"],
    ["is_batch_lead", "Is Batch Lead", "boolean"],
    ["source_timestamp", "Source Timestamp", "time"],
    ["county", "County", "string"],
    ["website", "Website", "string"],
    ["time_to_contact", "Time to Contact", "string"],
    ["education_level", "Education Level", "string"],
    ["title", "Title", "string"],
    ["industry", "Industry", "string"],
    ["employment_status", "Employment Status", "string"],
    ["leadid_id", "LeadiD ID", "string"],
    ["marital_status", "Marital Status", "string"],
    ["credit_rating", "Credit Rating", "string"],
    ["residence_type", "Residence Type", "string"],
    ["months_at_job", "Months at Job", "number"],
    ["monthly_salary", "Monthly Salary", "number"],
    ["mobile_opt_in", "Mobile Opt In", "boolean"],
    ["age", "Age", "range"],
    ["credit_score", "Credit Score", "range"],
  ])("defines %s as %j of type %s", (id, label, type) => {
    expect(findStandardField(id)).toEqual({ id, label, type, custom: false });
  });

  it("has 41 fields with unique ids", () => {
    expect(STANDARD_FIELDS).toHaveLength(41);
    expect(new Set(STANDARD_FIELDS.map((f) => f.id)).size).toBe(41);
  });

  it("reads the new standard fields by their type when a flow does not declare them", () => {
    const lead = normalizeLead(fieldTypeMap([]), { age: "25-34", credit_score: "700+", monthly_salary: "$4,500", mobile_opt_in: "yes" });
    expect(lead.age).toMatchObject({ normal: "25-34", valid: true, min: 25, max: 34 });
    expect(lead.credit_score).toMatchObject({ normal: "700+", valid: true, min: 700 });
    expect(lead.monthly_salary).toMatchObject({ normal: 4500, valid: true });
    expect(lead.mobile_opt_in).toMatchObject({ normal: true, valid: true });
  });

  it("satisfies the flow field schema", () => {
    for (const field of STANDARD_FIELDS) expect(fieldDefSchema.parse(field)).toEqual(field);
  });

  it("finds nothing for an unknown id", () => {
    expect(findStandardField("favorite_color")).toBeUndefined();
  });

  it("gives the demo flow the standard credit_rating", () => {
    expect(demoFlowConfig.fields.find((f) => f.id === "credit_rating")).toEqual(findStandardField("credit_rating"));
  });
});

// A flow saved before credit_rating, age and the rest were standard declares them as custom
// fields: the saved JSON must still parse, validate and price the same way.
describe("flows saved before the new standard fields", () => {
  const excellent = { op: "and", rules: [{ lhv: "credit_rating", op: "is equal to", rhv: "Excellent" }] };
  const savedJson = JSON.stringify({
    fields: [
      { id: "email", label: "Email", type: "email", custom: false },
      { id: "credit_rating", label: "Credit Rating", type: "string", custom: true },
      { id: "age", label: "Age", type: "number", custom: true },
    ],
    acceptance: [{ id: "adult", ruleSet: { op: "and", rules: [{ lhv: "age", op: "is greater than or equal to", rhv: "18" }] }, reason: "Must be 18" }],
    pricing: { mode: "rules", rules: [{ ruleSet: { op: "and", rules: [] }, price: 15 }, { ruleSet: excellent, price: 30 }] },
  });

  it("parses and validates unchanged, custom flags and types included", () => {
    const config = flowConfigSchema.parse(JSON.parse(savedJson));
    expect(config.fields[1]).toEqual({ id: "credit_rating", label: "Credit Rating", type: "string", custom: true });
    expect(validateFlowConfig(JSON.parse(savedJson))).toMatchObject({ ok: true });
  });

  it("keeps the flow's own type for a field that is now standard with another type", () => {
    const config = flowConfigSchema.parse(JSON.parse(savedJson));
    expect(normalizeLead(fieldTypeMap(config.fields), { age: "42" }).age).toEqual({ raw: "42", normal: 42, valid: true });
  });

  it("prices and accepts leads as before", async () => {
    const ctx = testContext(JSON.parse(savedJson));
    const { results } = await run(ctx, [
      { email: "a@example.com", credit_rating: "Excellent", age: "40" },
      { email: "b@example.com", credit_rating: "Good", age: "40" },
      { email: "c@example.com", credit_rating: "Excellent", age: "17" },
    ]);
    expect(results.map((r) => [r.outcome, r.price])).toEqual([
      ["success", 30],
      ["success", 15],
      ["failure", 0],
    ]);
  });
});
