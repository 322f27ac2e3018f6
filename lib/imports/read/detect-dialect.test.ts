import { describe, expect, it } from "vitest";
import { detectDelimiter, looksLikeHeader } from "./detect-dialect";

describe("detectDelimiter", () => {
  it.each([
    [",", "a,b,c\n1,2,3\n4,5,6\n"],
    [";", "a;b;c\n1;2;3\n4;5;6\n"],
    ["\t", "a\tb\tc\n1\t2\t3\n"],
    ["|", "a|b|c\n1|2|3\n"],
  ])("detects %j from consistent counts", (delimiter, sample) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });

  it("ignores delimiters inside quoted fields", () => {
    const sample = 'name;comment\n"Smith, J";"rates, fees, and terms"\n"Doe, A";"call, later"\n';
    expect(detectDelimiter(sample)).toBe(";");
  });

  it("prefers semicolons when decimal commas appear in the values", () => {
    expect(detectDelimiter("amount;rate;term\n1,5;2,75;30\n2,5;3,10;15\n")).toBe(";");
  });

  it("keeps line breaks inside quoted fields from splitting the line", () => {
    const sample = 'a|b\n1|"line one\nline two, with commas, here"\n2|x\n';
    expect(detectDelimiter(sample)).toBe("|");
  });

  it("skips blank lines and a last line cut off by the sample size", () => {
    expect(detectDelimiter("a;b;c\n\n1;2;3\n\n4;5;6\n7,8")).toBe(";");
  });

  it("reads a header-only sample", () => {
    expect(detectDelimiter("First Name\tLast Name\tEmail")).toBe("\t");
  });

  it("defaults to comma when nothing looks like a delimiter", () => {
    expect(detectDelimiter("email\nann@example.com\n")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
  });
});

describe("looksLikeHeader", () => {
  it("takes column names as a header", () => {
    expect(looksLikeHeader(["First Name", "E-mail Address", "Zip"], ["Ann", "ann@example.com", "02134"])).toBe(
      true,
    );
  });

  it.each([
    ["an email", ["Ann", "ann@example.com"]],
    ["a phone number", ["Ann", "(617) 555-0100"]],
    ["a number", ["Ann", "316000"]],
    ["a date", ["Ann", "1980-02-29"]],
    ["an IP address", ["Ann", "10.1.2.3"]],
    ["a long free-text cell", ["Ann", "Referred by a friend; asked about rates, fees, and terms of the loan"]],
  ])("treats row 1 holding %s as data", (_kind, row) => {
    expect(looksLikeHeader(row)).toBe(false);
  });

  it("treats a row 1 with no names at all as data", () => {
    expect(looksLikeHeader(["", " "])).toBe(false);
  });

  it("keeps a header with some empty names (they are reported later)", () => {
    expect(looksLikeHeader(["Email", "", "Phone"])).toBe(true);
  });

  it("treats row 1 as data when a value repeats right below it", () => {
    expect(looksLikeHeader(["Ann", "Boston", "MA"], ["Bob", "Salem", "MA"])).toBe(false);
  });

  it("defaults to a header when rows are plain words", () => {
    expect(looksLikeHeader(["Ann", "Boston"], ["Bob", "Salem"])).toBe(true);
    expect(looksLikeHeader(["st", "Zip"])).toBe(true);
  });
});
