import { describe, expect, it } from "vitest";
import { copyEscape, copyJson, toCopyLine } from "./bulk-copy";

describe("toCopyLine", () => {
  it("separates values with tabs, keeps empty strings empty and writes null as \\N", () => {
    expect(toCopyLine(["a", "", null, 3, true])).toBe("a\t\t\\N\t3\ttrue\n");
  });

  it("keeps quotes and commas as they are", () => {
    expect(toCopyLine(['say "hi", then'])).toBe('say "hi", then\n');
  });

  it("escapes backslashes, tabs, newlines and carriage returns", () => {
    expect(toCopyLine(["a\\b\tc\nd\re", "\\x00ff"])).toBe("a\\\\b\\tc\\nd\\re\t\\\\x00ff\n");
  });
});

describe("copyEscape", () => {
  it("returns a value without special characters unchanged", () => {
    const value = '{"a":"b"}';
    expect(copyEscape(value)).toBe(value);
  });
});

describe("copyEscape of long values", () => {
  it("escapes every special character in a value of any length", () => {
    const long = "x".repeat(100);
    expect(copyEscape(`${long}\\${long}`)).toBe(`${long}\\\\${long}`);
    expect(copyEscape(`${long}\n`)).toBe(`${long}\\n`);
    expect(copyEscape(`${long}\r`)).toBe(`${long}\\r`);
    expect(copyEscape(`\t${long}`)).toBe(`\\t${long}`);
    expect(copyEscape(long)).toBe(long);
  });
});

describe("toCopyLine of JSON and bytes", () => {
  it("writes copyJson values as JSON, doubling only backslashes", () => {
    const value = { quote: 'say "hi"', line: "a\nb", path: "C:\\x" };
    const json = JSON.stringify(value);
    expect(toCopyLine([copyJson(value)])).toBe(json.replaceAll("\\", "\\\\") + "\n");
    expect(toCopyLine([copyJson(["a", "b"])])).toBe('["a","b"]\n');
  });

  it("writes a Uint8Array as bytea hex", () => {
    expect(toCopyLine([new Uint8Array([0, 255, 16])])).toBe("\\\\x00ff10\n");
  });
});
