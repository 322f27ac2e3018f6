// The shared lead generator writes headers the way people export them; they must map fully.
import { execFileSync } from "node:child_process";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { detectDelimiter, looksLikeHeader } from "../read/detect-dialect";
import { detectEncoding } from "../read/detect-encoding";
import { type MappableField, missingRequired, suggestMapping } from "./match-columns";
import { sharedPath } from "@/tests/helpers/shared-dir";

const GENERATOR = sharedPath("tools", "gen-leads.mjs");

const STANDARD_FIELDS: MappableField[] = [
  ["first_name", "First Name"],
  ["last_name", "Last Name"],
  ["email", "Email"],
  ["phone_1", "Phone 1"],
  ["phone_2", "Phone 2"],
  ["address_1", "Address 1"],
  ["address_2", "Address 2"],
  ["city", "City"],
  ["state", "State"],
  ["postal_code", "Postal Code"],
  ["dob", "Date of Birth"],
  ["ip_address", "IP Address"],
  ["comments", "Comments"],
  ["reference", "Reference"],
  ["trustedform_cert_url", "TrustedForm Certificate"],
  ["source_timestamp", "Source Timestamp"],
].map(([id = "", label = ""]) => ({ id, label, type: "string" }));

const CUSTOM_FIELDS: MappableField[] = [
  { id: "loan_amount", label: "Loan Amount", type: "number" },
  { id: "credit_rating", label: "Credit Rating", type: "string" },
];

const csv = execFileSync("node", [GENERATOR, "50"], { encoding: "utf8" });
const [headerLine = "", secondLine = ""] = csv.split("\n");
const headers = headerLine.split(",");

function mapWith(fields: MappableField[]): Record<string, string | null> {
  const mapping = suggestMapping({ headers, fields, sampleRows: [], previous: {}, hasHeader: true });
  return Object.fromEntries(mapping.map((entry) => [entry.header, entry.fieldId]));
}

describe("gen-leads output", () => {
  it("is detected as UTF-8, comma-delimited, with a header row", () => {
    expect(detectEncoding(Buffer.from(csv.slice(0, 4096))).encoding).toBe("utf-8");
    expect(detectDelimiter(csv.slice(0, 4096))).toBe(",");
    expect(looksLikeHeader(headers, secondLine.split(","))).toBe(true);
  });

  it("maps every header of a standard field plus the custom fields present", () => {
    expect(mapWith([...STANDARD_FIELDS, ...CUSTOM_FIELDS])).toEqual({
      "First Name": "first_name",
      "Last Name": "last_name",
      "E-mail Address": "email",
      Phone: "phone_1",
      "Alt Phone": "phone_2",
      "Street Address": "address_1",
      City: "city",
      State: "state",
      Zip: "postal_code",
      "Date of Birth": "dob",
      "Loan Amount": "loan_amount",
      "Credit Rating": "credit_rating",
      "Loan Purpose": null,
      Homeowner: null,
      "IP Address": "ip_address",
      Comments: "comments",
      "Submitted At": "source_timestamp",
    });
  });

  it("maps Loan Purpose and Homeowner once the flow has those fields", () => {
    const extra = [
      { id: "loan_purpose", label: "Loan Purpose", type: "string" },
      { id: "homeowner", label: "Homeowner", type: "boolean" },
    ];
    const mapped = mapWith([...STANDARD_FIELDS, ...CUSTOM_FIELDS, ...extra]);
    expect(mapped).toMatchObject({ "Loan Purpose": "loan_purpose", Homeowner: "homeowner" });
  });

  it("leaves no commonly required field unmapped", () => {
    const mapping = suggestMapping({ headers, fields: STANDARD_FIELDS, sampleRows: [], previous: {}, hasHeader: true });
    expect(missingRequired(mapping, ["first_name", "last_name", "email", "phone_1", "state", "postal_code"])).toEqual(
      [],
    );
  });

  it("maps a header-less export by its values", () => {
    const noHeader = execFileSync("node", [GENERATOR, "50", "--no-header"], { encoding: "utf8" });
    const sampleRows = parse(noHeader, { relax_column_count: true }) as string[][];
    const columns = headers.map((_, index) => `Column ${index + 1}`);
    const mapping = suggestMapping({ headers: columns, fields: STANDARD_FIELDS, sampleRows, previous: {}, hasHeader: false });
    const mapped = mapping.filter((entry) => entry.fieldId !== null).map((entry) => [headers[entry.column], entry.fieldId]);
    expect(mapped).toEqual([
      ["First Name", "first_name"],
      ["Last Name", "last_name"],
      ["E-mail Address", "email"],
      ["Phone", "phone_1"],
      ["Alt Phone", "phone_2"],
      ["Street Address", "address_1"],
      ["City", "city"],
      ["State", "state"],
      ["Zip", "postal_code"],
      ["Date of Birth", "dob"],
      ["IP Address", "ip_address"],
    ]);
  });
});
