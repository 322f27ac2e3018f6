import { describe, expect, it } from "vitest";
import { ssnType } from "./ssn";

describe("ssn", () => {
  it.each(["123-45-6789", "123 45 6789", "123456789", " 123.45.6789 ", "SSN 123-45-6789", "123/45/6789", "ssn: 123_45_6789"])("reads %j as nine digits", (raw) => {
    expect(ssnType.parse(raw)).toEqual({
      raw,
      normal: "123456789",
      valid: true,
      first_three: "123",
      middle_two: "45",
      last_four: "6789",
    });
  });

  it.each(["665-01-0001", "667-01-0001", "899-99-9999", "001-01-0001"])("accepts the issuable number %j", (raw) => {
    expect(ssnType.parse(raw)).toMatchObject({ raw, valid: true });
  });

  it.each(["000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "123-00-4567", "123-45-0000"])(
    "refuses %j, a number never issued",
    (raw) => {
      expect(ssnType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
    },
  );

  it.each(["12345678", "1234567890", "123-45-678a", "SSN 123-45-6789 or 1", "abc"])("marks %j invalid", (raw) => {
    expect(ssnType.parse(raw)).toMatchObject({ raw, valid: false });
  });

  it("masks all but the last four digits everywhere", () => {
    expect(ssnType.mask!(ssnType.parse("123-45-6789"))).toEqual({
      raw: "***-**-6789",
      normal: "*****6789",
      valid: true,
      first_three: "***",
      middle_two: "**",
      last_four: "6789",
      masked: true,
    });
  });

  it("masks an invalid value too", () => {
    expect(ssnType.mask!(ssnType.parse("12-345"))).toMatchObject({ raw: "*2-345", normal: "*2-345", masked: true });
    expect(ssnType.mask!(ssnType.parse("123"))).toMatchObject({ raw: "***", normal: "***" });
  });

  it("masks idempotently", () => {
    const once = ssnType.mask!(ssnType.parse("123456789"));
    expect(ssnType.mask!(once)).toEqual(once);
  });

  it("returns a blank value for whitespace", () => {
    expect(ssnType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
