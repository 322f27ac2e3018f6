import { describe, expect, it } from "vitest";
import { stringType } from "./string";

describe("string", () => {
  it("keeps the value exactly as sent", () => {
    expect(stringType.parse("  Hello  ")).toEqual({ raw: "  Hello  ", normal: "  Hello  ", valid: true });
  });

  it.each(["", "   ", "\n"])("returns a blank value for %j", (raw) => {
    expect(stringType.parse(raw)).toEqual({ raw, normal: null, valid: false });
  });

  it("offers pattern operators", () => {
    expect(stringType.operators).toEqual(expect.arrayContaining(["matches pattern", "does not match pattern", "includes"]));
    expect(stringType.compareAs).toBe("text");
  });
});
