import { describe, expect, it } from "vitest";
import { toCopyLine } from "./bulk-copy";

describe("toCopyLine", () => {
  it("quotes every value so empty strings stay empty and nulls stay null", () => {
    expect(toCopyLine(["a", "", null, 3])).toBe('"a","",,"3"\n');
  });

  it("doubles quotes and keeps commas and newlines inside the field", () => {
    expect(toCopyLine(['say "hi", then\nleave'])).toBe('"say ""hi"", then\nleave"\n');
  });
});
