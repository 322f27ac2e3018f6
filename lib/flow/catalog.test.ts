import { describe, expect, it } from "vitest";
import { findStandardField, STANDARD_FIELDS } from "./catalog";
import { fieldDefSchema } from "./model";

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
  ])("defines %s as %j of type %s", (id, label, type) => {
    expect(findStandardField(id)).toEqual({ id, label, type, custom: false });
  });

  it("has 25 fields with unique ids", () => {
    expect(STANDARD_FIELDS).toHaveLength(25);
    expect(new Set(STANDARD_FIELDS.map((f) => f.id)).size).toBe(25);
  });

  it("satisfies the flow field schema", () => {
    for (const field of STANDARD_FIELDS) expect(fieldDefSchema.parse(field)).toEqual(field);
  });

  it("finds nothing for an unknown id", () => {
    expect(findStandardField("favorite_color")).toBeUndefined();
  });
});
