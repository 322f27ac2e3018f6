import { Metadata, getCountries, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import maxMetadata from "libphonenumber-js/metadata.max.json";
import { describe, expect, it } from "vitest";
import { phoneType } from "./phone";

describe("phone", () => {
  it.each([
    ["(512) 789-1111", "5127891111"],
    ["512-789-1111", "5127891111"],
    ["512.789.1111", "5127891111"],
    ["+1 512 789 1111", "5127891111"],
    ["1-512-789-1111", "5127891111"],
    ["1 (512) 789-1111", "5127891111"],
    ["+1 416 555 0199", "4165550199"],
  ])("reads %j as the 10-digit number %s", (raw, normal) => {
    expect(phoneType.parse(raw)).toMatchObject({ raw, normal, valid: true });
  });

  it("splits a US number into area, exchange, line and number", () => {
    expect(phoneType.parse("(512) 789-1111")).toMatchObject({
      area: "512",
      exchange: "789",
      line: "1111",
      number: "7891111",
      extension: null,
      country_code: "US",
      country_calling_code: "1",
      is_tollfree: false,
    });
  });

  it.each([
    ["512-789-1111 x123", "5127891111x123", "123"],
    ["512-789-1111x9", "5127891111x9", "9"],
    ["512-789-1111 ext. 44", "5127891111x44", "44"],
  ])("keeps the extension after x in %j", (raw, normal, extension) => {
    expect(phoneType.parse(raw)).toMatchObject({ normal, valid: true, extension });
  });

  it.each([
    ["512-789-1111 h", "home"],
    ["512-789-1111w", "work"],
    ["512-789-1111 m", "mobile"],
    ["512-789-1111 (c)", "mobile"],
    ["512-789-1111 M", "mobile"],
  ])("reads the trailing type hint in %j as %s", (raw, type) => {
    expect(phoneType.parse(raw)).toMatchObject({ normal: "5127891111", valid: true, type });
  });

  it.each(["800", "833", "844", "855", "866", "877", "888"])("flags area %s as toll-free", (area) => {
    expect(phoneType.parse(`${area}-555-1212`)).toMatchObject({ valid: true, area, is_tollfree: true });
  });

  it("keeps the national significant number for other countries, with area and number apart", () => {
    expect(phoneType.parse("+44 20 7946 0958")).toMatchObject({
      normal: "2079460958",
      valid: true,
      country_code: "GB",
      country_calling_code: "44",
      area: "20",
      number: "79460958",
      exchange: null,
      line: null,
      type: "fixed_line",
    });
  });

  it.each([
    ["+33 1 23 45 67 89", "1", "23456789"],
    ["+49 30 123456", "30", "123456"],
    ["+61 2 9374 4000", "2", "93744000"],
  ])("splits the area code off %j", (raw, area, number) => {
    expect(phoneType.parse(raw)).toMatchObject({ valid: true, area, number });
  });

  it("keeps Canada as the country of a Canadian area code", () => {
    expect(phoneType.parse("(416) 555-0123")).toMatchObject({ normal: "4165550123", valid: true, country_code: "CA" });
  });

  it.each([
    ["1-800-FLOWERS", "8003569377", "3569377"],
    ["(800) GOT-JUNK", "8004685865", "4685865"],
    ["1-800-PAY-COMM", "8007292666", "7292666"],
    ["1-800-MATTRESS", "8006288737", "6288737"],
    ["888 555 LOAN", "8885555626", "5555626"],
  ])("dials the vanity number %j as %s", (raw, normal, number) => {
    expect(phoneType.parse(raw)).toMatchObject({ raw, normal, valid: true, area: normal.slice(0, 3), number, is_tollfree: true });
  });

  it.each([
    ["1-(512) *** ****", "512*******", "512", "***", "****"],
    ["512-***-1111", "512***1111", "512", "***", "1111"],
    ["+1 (512) 789-****", "512789****", "512", "789", "****"],
  ])("keeps the masked number %j as %s, valid and flagged masked", (raw, normal, area, exchange, line) => {
    expect(phoneType.parse(raw)).toMatchObject({ raw, normal, valid: true, masked: true, area, exchange, line, country_calling_code: "1" });
  });

  it.each([
    ["1-(512) *** **** x42", "512*******x42", "42"],
    ["(512) ***-**** ext. 7", "512*******x7", "7"],
    ["+1 512 789 **** extension 1234", "512789****x1234", "1234"],
    ["512 789 1111 x**", "5127891111x**", "**"],
  ])("keeps the extension of the masked number %j", (raw, normal, extension) => {
    expect(phoneType.parse(raw)).toMatchObject({ raw, normal, valid: true, masked: true, extension, area: "512" });
  });

  it.each(["512-***-111", "112-***-1111", "512 *** **** 5", "***", "512-***-1111 x", "512-***-1111 x4-2"])("marks the badly masked %j invalid", (raw) => {
    expect(phoneType.parse(raw)).toEqual({ raw, normal: raw.trim(), valid: false });
  });

  it("does not flag an ordinary number as masked", () => {
    expect(phoneType.parse("512-789-1111")).not.toHaveProperty("masked");
  });

  it("reads the line type from metadata where the numbering plan has one", () => {
    expect(phoneType.parse("+44 7911 123456")).toMatchObject({ valid: true, type: "mobile" });
  });

  it.each(["555-1234", "123-456-7890", "512-111-1111", "call me", "FLOWERS", "1-800-FL", "123456"])("marks %j invalid", (raw) => {
    expect(phoneType.parse(raw)).toMatchObject({ raw, valid: false });
  });

  it("keeps unreadable text as typed", () => {
    expect(phoneType.parse(" call me ")).toEqual({ raw: " call me ", normal: "call me", valid: false });
  });

  it.each(["", "   "])("returns a blank value for %j", (raw) => {
    expect(phoneType.parse(raw)).toEqual({ raw, normal: null, valid: false });
  });

  // phone.ts takes "getType() is not undefined" for isValid(): what libphonenumber-js's isValid() does
  // for a numbering plan with type patterns, which 'max' metadata gives every plan. A library update
  // that breaks either side fails here.
  describe("validity from the number's type", () => {
    const hasTypes = (plan: string) => {
      const metadata = new Metadata();
      metadata.selectNumberingPlan(plan as never);
      return (metadata.numberingPlan as unknown as { hasTypes(): boolean }).hasTypes();
    };

    it("has type patterns for every numbering plan of the max metadata", () => {
      const plans = [...getCountries(), ...Object.keys(maxMetadata.nonGeographic)];
      expect(plans.length).toBeGreaterThan(240);
      expect(plans.filter((plan) => !hasTypes(plan))).toEqual([]);
    });

    it("agrees with isValid() on random numbers of every calling code", () => {
      let seed = 12;
      const digit = () => (Math.floor((seed = (seed * 1103515245 + 12345) % 2147483648) / 65536) % 10).toString();
      const codes = [...new Set([...getCountries().map((c) => getCountryCallingCode(c)), ...Object.keys(maxMetadata.nonGeographic)])];
      let valid = 0;
      for (const code of codes) {
        for (let i = 0; i < 60; i++) {
          const national = Array.from({ length: 5 + (i % 8) }, digit).join("");
          for (const text of [`+${code} ${national}`, national]) {
            const phone = parsePhoneNumberFromString(text, "US");
            if (!phone) continue;
            expect({ text, valid: phone.getType() !== undefined }).toEqual({ text, valid: phone.isValid() });
            if (phone.isValid()) valid += 1;
          }
        }
      }
      expect(valid).toBeGreaterThan(1000);
    });
  });
});
