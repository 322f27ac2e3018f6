import { describe, expect, it } from "vitest";
import { columnKinds, columnValueKind } from "./match-by-values";

describe("columnValueKind", () => {
  it.each([
    ["email", ["ann@example.com", "bob@example.org"]],
    ["phone", ["(617) 555-0100", "+1 617 555 0101", "617.555.0102"]],
    ["zip", ["02134", "02135-1234"]],
    ["state", ["MA", "ny", "TX"]],
    ["dob", ["1947-11-25", "3/23/1949", "11/3/1950", "1983-04-24", "2001-02-05"]],
    ["ip", ["16.225.50.134", "93.252.37.16", "2001:db8::8a2e:370:7334", "fe80::1"]],
    ["street", ["2734 Oak Ave", "4913 Elm St", "7113 Lake View Blvd", "12 N Main Street Apt 4", "900 Pennsylvania Ave. NW"]],
  ])("recognises a %s column", (kind, values) => {
    expect(columnValueKind(values)?.kind).toBe(kind);
  });

  it("ignores empty values when measuring the share", () => {
    expect(columnValueKind(["", "ann@example.com", " ", "bob@example.org", "x"])).toEqual({ kind: "email", share: 2 / 3 });
  });

  it("needs at least 60% of the values to fit", () => {
    expect(columnValueKind(["02134", "Boston", "Salem"])).toBeNull();
    expect(columnValueKind(["", ""])).toBeNull();
  });

  it("does not take amounts or short numbers for phones or zips", () => {
    expect(columnValueKind(["316000", "537000", "1234"])).toBeNull();
  });

  it("takes only dates with a plausible birth year for a date of birth", () => {
    expect(columnValueKind(["2026-01-01T00:00:00.000Z", "2026-01-01T00:00:37.000Z"])).toBeNull();
    const year = new Date().getUTCFullYear();
    expect(columnValueKind([`${year - 1}-03-01`, `${year - 2}-11-15`, `7/4/${year - 5}`])).toBeNull();
    expect(columnValueKind(["1850-01-01", "1799-12-31"])).toBeNull();
    expect(columnValueKind(["1980-13-01", "1980-02-30", "31/31/1980"])).toBeNull();
  });

  it("does not take version numbers or dotted numbers for IP addresses", () => {
    expect(columnValueKind(["1.2.3", "10.4", "300.1.1.1", "0x7f.1.1.1"])).toBeNull();
  });

  it("does not take a number followed by words without a street suffix for a street", () => {
    expect(columnValueKind(["3 bedrooms and a garage", "2 cars", "12 months"])).toBeNull();
  });
});

/** Rows -> columns, as the mapping's sample rows come. */
const columnsOf = (rows: string[][]) => rows[0]!.map((_, column) => rows.map((row) => row[column] ?? ""));
const kindsOf = (rows: string[][]) => columnKinds(columnsOf(rows)).map((found) => found?.kind ?? null);

// The first rows of a gen-leads file without its header row, as a source sends it.
const GEN_LEADS = [
  ["James", "Wilson", "james.wilson.0@hotmail.com", "8573677242", "2734 Oak Ave", "Madison", "VA", "66527", "1947-11-25", "316000", "Fair", "purchase", "16.225.50.134", "", "2026-01-01T00:00:00.000Z"],
  ["Michael", "Miller", "michael.miller.1@yahoo.com", "+1 5178140820", "4913 Elm St", "Greenville", "AR", "22219", "1996-09-20", "$537,000", "Good", "refinance", "93.252.37.16", "Referred by a friend; asked about rates", "2026-01-01T00:00:37.000Z"],
  ["José", "Smith", "jose.smith.2@icloud.com", "(683) 915-0565", "6724 Maple Dr", "Fairview", "AL", "93998", "3/23/1949", "302000", "Fair", "purchase", "53.138.217.135", "Call after 5pm", "2026-01-01T00:01:14.000Z"],
  ["William", "Thomas", "william.thomas.4@yahoo.com", "(337) 570-7917", "3695 Main St", "Austin", "MS", "09194", "1983-04-24", "412000", "Good", "purchase", "198.30.200.233", "", "2026-01-01T00:02:28.000Z"],
  ["Patricia", "Rodriguez", "patricia.rodriguez.5@gmail.com", "+1 5909040362", "7113 Lake View Blvd", "Springfield", "ME", "13142", "2/28/1957", "383000", "Poor", "refinance", "162.191.60.147", "Has two properties", "2026-01-01T00:03:05.000Z"],
  ["Elizabeth", "Martinez", "elizabeth.martinez.6@yahoo.com", "7028595154", "9908 Oak Ave", "Fairview", "FL", "29453", "2001-02-05", "783000", "Excellent", "refinance", "145.57.57.242", "Prefers email, not phone", "2026-01-01T00:03:42.000Z"],
];

describe("columnKinds", () => {
  it("finds names, street, city, date of birth and IP address in a header-less gen-leads file", () => {
    expect(kindsOf(GEN_LEADS)).toEqual([
      "first_name",
      "last_name",
      "email",
      "phone",
      "street",
      "city",
      "state",
      "zip",
      "dob",
      null,
      null,
      null,
      "ip",
      null,
      null,
    ]);
  });

  it("tells first from last name by the list of first names when the last name comes first", () => {
    const rows = GEN_LEADS.map((row) => [row[1]!, row[0]!, row[2]!]);
    expect(kindsOf(rows)).toEqual(["last_name", "first_name", "email"]);
  });

  it("finds first names written in capitals or lower case, accents or not", () => {
    expect(kindsOf([["ELIZABETH", "THOMAS"], ["hernán", "hernández"], ["MARÍA", "lópez"], ["john", "o'brien"]])).toEqual(["first_name", "last_name"]);
  });

  it("takes no city without a state or zip column beside it", () => {
    const rows = GEN_LEADS.map((row) => [row[5]!, row[2]!]);
    expect(kindsOf(rows)).toEqual([null, "email"]);
  });

  it("takes no city or last name from a few words repeated, like a gender or a rating beside the state", () => {
    const rows = GEN_LEADS.flatMap((row) => [row, row]).map((row, i) => [row[0]!, i % 2 ? "Male" : "Female", row[6]!, ["Good", "Fair", "Poor"][i % 3]!]);
    expect(kindsOf(rows)).toEqual(["first_name", null, "state", null]);
  });

  it("takes no last name without a first-name column beside it", () => {
    expect(kindsOf(GEN_LEADS.map((row) => [row[1]!, row[2]!]))).toEqual([null, "email"]);
  });

  it("leaves ordinary text columns alone", () => {
    const rows = [
      ["Fair", "purchase", "Acme Mortgage LLC", "Call after 5pm", "yes", "Blue", "Referred by a friend"],
      ["Good", "refinance", "Northwind Traders", "Prefers email, not phone", "no", "Green", "Has two properties"],
      ["Excellent", "home equity", "Contoso Ltd", "", "Y", "Red", "wants quote on both"],
      ["Poor", "purchase", "Globex Corporation", "Said ASAP", "N", "Blue", ""],
      ["Good", "refinance", "Initech", "Call on weekends", "true", "Yellow", "Asked about fees"],
    ];
    expect(kindsOf(rows)).toEqual([null, null, null, null, null, null, null]);
  });
});
