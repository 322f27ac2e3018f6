import { describe, expect, it } from "vitest";
import { postalCodeType } from "./postal-code";

describe("postal_code", () => {
  it.each([
    ["02134", "02134", null],
    [" 78751 ", "78751", null],
    ["021344424", "02134-4424", "4424"],
    ["02134-4424", "02134-4424", "4424"],
    ["02134 4424", "02134-4424", "4424"],
    ["78704-", "78704", null],
    ["78704 - ", "78704", null],
  ])("reads the US zip %j as %s, keeping leading zeros", (raw, normal, four) => {
    expect(postalCodeType.parse(raw)).toEqual({ raw, normal, valid: true, country_code: "US", zip: normal.slice(0, 5), four });
  });

  it.each([
    ["K1A 0B1", "K1A 0B1"],
    ["k1a0b1", "K1A 0B1"],
    ["m5v  3l9", "M5V 3L9"],
    ["M5V-3L9", "M5V 3L9"],
  ])("reads the Canadian code %j as %s", (raw, normal) => {
    expect(postalCodeType.parse(raw)).toEqual({
      raw,
      normal,
      valid: true,
      country_code: "CA",
      fsa: normal.slice(0, 3),
      ldu: normal.slice(4),
    });
  });

  it.each([
    ["SW1A 1AA", "SW1A", "1AA"],
    ["sw1a1aa", "SW1A", "1AA"],
    ["M1 1AE", "M1", "1AE"],
    ["B33 8TH", "B33", "8TH"],
    ["cr2 6xh", "CR2", "6XH"],
  ])("reads the UK postcode %j", (raw, outcode, incode) => {
    expect(postalCodeType.parse(raw)).toEqual({
      raw,
      normal: `${outcode} ${incode}`,
      valid: true,
      country_code: "GB",
      outcode,
      incode,
    });
  });

  it.each(["1234", "123456", "1234567890", "7870-", "78704-12", "-78704", "D1A 1A1", "Q2E 4U7", "ABCDE", "SW1A"])("marks %j invalid", (raw) => {
    expect(postalCodeType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(postalCodeType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
