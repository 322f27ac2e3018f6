import { describe, expect, it } from "vitest";
import { normalizeHeaders } from "./headers";

describe("normalizeHeaders", () => {
  it("keeps distinct names as they are, trimmed", () => {
    expect(normalizeHeaders([" First Name ", "Email"])).toEqual({ headers: ["First Name", "Email"], problems: [] });
  });

  it("names an empty header after its 1-based column and reports it", () => {
    const { headers, problems } = normalizeHeaders(["Email", "", "  "]);
    expect(headers).toEqual(["Email", "Column 2", "Column 3"]);
    expect(problems).toEqual([
      { column: 1, message: 'Column 2 has no header name; it is shown as "Column 2".' },
      { column: 2, message: 'Column 3 has no header name; it is shown as "Column 3".' },
    ]);
  });

  it("numbers repeated names, ignoring case, and reports each repeat", () => {
    const { headers, problems } = normalizeHeaders(["Email", "Phone", "email", "Email"]);
    expect(headers).toEqual(["Email", "Phone", "email (2)", "Email (3)"]);
    expect(problems.map((problem) => problem.column)).toEqual([2, 3]);
    expect(problems[0]?.message).toBe('Column 3 repeats the header "email" of column 1; it is shown as "email (2)".');
  });

  it("never creates a name that is already in the row", () => {
    expect(normalizeHeaders(["Email", "Email (2)", "Email"]).headers).toEqual(["Email", "Email (2)", "Email (3)"]);
    expect(normalizeHeaders(["Column 2", ""]).headers).toEqual(["Column 2", "Column 2 (2)"]);
  });

  it("drops NUL bytes from names", () => {
    expect(normalizeHeaders(["Em\u0000ail"]).headers).toEqual(["Email"]);
  });
});
