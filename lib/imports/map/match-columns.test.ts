import { describe, expect, it } from "vitest";
import { type MappableField, missingRequired, suggestMapping, type SuggestMappingInput } from "./match-columns";

const field = (id: string, label: string, type = "string"): MappableField => ({ id, label, type });

const FIELDS: MappableField[] = [
  field("first_name", "First Name", "first_name"),
  field("last_name", "Last Name", "last_name"),
  field("email", "Email", "email"),
  field("phone_1", "Phone 1", "phone"),
  field("phone_2", "Phone 2", "phone"),
  field("address_1", "Address 1", "street"),
  field("city", "City", "city"),
  field("state", "State", "state"),
  field("postal_code", "Postal Code", "postal_code"),
  field("loan_amount", "Loan Amount", "number"),
];

function suggest(headers: string[], extra: Partial<SuggestMappingInput> = {}) {
  return suggestMapping({ headers, fields: FIELDS, sampleRows: [], previous: {}, hasHeader: true, ...extra });
}

const fieldsOf = (headers: string[], extra: Partial<SuggestMappingInput> = {}) =>
  suggest(headers, extra).map((entry) => entry.fieldId);

describe("suggestMapping by header", () => {
  it("matches a field id exactly, ignoring case, spacing and punctuation", () => {
    expect(suggest(["first_name", "Postal-Code", "PHONE 1"])).toEqual([
      { column: 0, header: "first_name", fieldId: "first_name", by: "exact" },
      { column: 1, header: "Postal-Code", fieldId: "postal_code", by: "exact" },
      { column: 2, header: "PHONE 1", fieldId: "phone_1", by: "exact" },
    ]);
  });

  it("matches known synonyms and field labels", () => {
    const mapping = suggest(["E-mail Address", "Zip", "Phone Number", "FName", "st", "surname"]);
    expect(mapping.map((entry) => [entry.fieldId, entry.by])).toEqual([
      ["email", "synonym"],
      ["postal_code", "synonym"],
      ["phone_1", "synonym"],
      ["first_name", "synonym"],
      ["state", "synonym"],
      ["last_name", "synonym"],
    ]);
  });

  it("matches a misspelt header by similarity", () => {
    const [emial, adress] = suggest(["Emial", "Adress"]);
    expect(emial).toMatchObject({ fieldId: "email", by: "fuzzy" });
    expect(emial?.score).toBeGreaterThanOrEqual(0.8);
    expect(adress).toMatchObject({ fieldId: "address_1", by: "fuzzy" });
  });

  it("never maps a header onto a field just because it contains the field's name", () => {
    expect(fieldsOf(["Email consent", "Phone type", "City of birth", "First Name Initial"])).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("does not let a different number fuzzy-match (Phone 3 is not phone_2)", () => {
    expect(fieldsOf(["Phone 3"])).toEqual([null]);
  });

  it("uses the source's previous mapping for that header over a fuzzy guess", () => {
    const previous = { Emial: "loan_amount" };
    expect(suggest(["Emial"], { previous })[0]).toMatchObject({ fieldId: "loan_amount", by: "previous" });
  });

  it("keeps exact and synonym matches over a previous mapping", () => {
    const previous = { Zip: "city" };
    expect(fieldsOf(["Zip"], { previous })).toEqual(["postal_code"]);
  });

  it("finds the previous mapping whatever the header's case or spacing", () => {
    const previous = { "Lead Notes": "loan_amount" };
    expect(fieldsOf(["lead notes"], { previous })).toEqual(["loan_amount"]);
  });

  it("ignores a previous mapping to a field the flow no longer has", () => {
    expect(fieldsOf(["Notes"], { previous: { Notes: "gone" } })).toEqual([null]);
  });

  it("never maps two columns to one field: the stronger match wins", () => {
    expect(fieldsOf(["Phone", "phone_1", "Emial", "Email"])).toEqual([null, "phone_1", null, "email"]);
  });

  it("lets the losing column fall back to its next candidate", () => {
    expect(fieldsOf(["Zip", "Postal Code"], { previous: { Zip: "city" } })).toEqual(["city", "postal_code"]);
  });

  it("leaves the second of two equal matches unmapped", () => {
    expect(fieldsOf(["City", "Town"])).toEqual(["city", null]);
  });

  it("maps a renamed duplicate column (Phone (2)) to phone_2", () => {
    expect(fieldsOf(["Phone", "Phone (2)"])).toEqual(["phone_1", "phone_2"]);
  });

  it("maps flow_id and source_id columns to the routing ids of a multi-flow file", () => {
    expect(fieldsOf(["flow_id", "SOURCE_ID", "Email"])).toEqual(["__flow_id", "__source_id", "email"]);
  });

  it("leaves empty and unknown headers unmapped", () => {
    expect(suggest(["Column 1", "Favourite Colour"]).map((entry) => entry.by)).toEqual([null, null]);
  });
});

describe("suggestMapping without a header row", () => {
  const sampleRows = [
    ["Ann", "ann@example.com", "(617) 555-0100", "617-555-0199", "02134", "MA"],
    ["Bob", "bob@example.org", "6175550101", "", "02135-1234", "ma"],
    ["Cy", "not an email", "+1 617 555 0102", "617.555.0198", "2134", "NY"],
  ];
  const headers = ["Column 1", "Column 2", "Column 3", "Column 4", "Column 5", "Column 6"];

  it("maps columns by what their values look like", () => {
    const mapping = suggest(headers, { hasHeader: false, sampleRows });
    expect(mapping.map((entry) => entry.fieldId)).toEqual(["first_name", "email", "phone_1", "phone_2", "postal_code", "state"]);
    expect(mapping[1]).toMatchObject({ by: "values", score: 2 / 3 });
  });

  it("needs 60% of the non-empty values to fit", () => {
    const rows = [["a@example.com"], ["nope"], ["nope"]];
    expect(fieldsOf(["Column 1"], { hasHeader: false, sampleRows: rows })).toEqual([null]);
  });

  it("still honours what the source mapped last time for that column", () => {
    const previous = { "Column 1": "first_name" };
    expect(fieldsOf(headers, { hasHeader: false, sampleRows, previous })[0]).toBe("first_name");
  });

  it("does not match header names when there is no header row", () => {
    expect(fieldsOf(["email"], { hasHeader: false, sampleRows: [["42"]] })).toEqual([null]);
  });
});

describe("missingRequired", () => {
  it("lists the required field ids no column maps to, in the given order", () => {
    const mapping = suggest(["Email", "Zip"]);
    expect(missingRequired(mapping, ["phone_1", "email", "state"])).toEqual(["phone_1", "state"]);
  });
});
