import { describe, expect, it } from "vitest";
import { booleanType } from "./boolean";

describe("boolean", () => {
  it.each(["yes", "Y", "TRUE", "t", "1", " Yes ", "on", "ON"])("reads %j as true", (raw) => {
    expect(booleanType.parse(raw)).toEqual({ raw, normal: true, valid: true });
  });

  it.each(["no", "N", "False", "f", "0", "off", "Off"])("reads %j as false", (raw) => {
    expect(booleanType.parse(raw)).toEqual({ raw, normal: false, valid: true });
  });

  it.each(["maybe", "2", "yess", "o", "onn"])("reads %j as false and invalid", (raw) => {
    expect(booleanType.parse(raw)).toEqual({ raw, normal: false, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(booleanType.parse("  ")).toEqual({ raw: "  ", normal: null, valid: false });
  });

  it("offers is true and is false", () => {
    expect(booleanType.operators).toEqual(expect.arrayContaining(["is true", "is false", "is blank"]));
    expect(booleanType.operators).not.toContain("is less than");
  });
});
