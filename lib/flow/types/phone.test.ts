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

  it("keeps the national significant number for other countries", () => {
    expect(phoneType.parse("+44 20 7946 0958")).toMatchObject({
      normal: "2079460958",
      valid: true,
      country_code: "GB",
      country_calling_code: "44",
      area: null,
      type: "fixed_line",
    });
  });

  it("reads the line type from metadata where the numbering plan has one", () => {
    expect(phoneType.parse("+44 7911 123456")).toMatchObject({ valid: true, type: "mobile" });
  });

  it.each(["555-1234", "123-456-7890", "512-111-1111", "call me"])("marks %j invalid", (raw) => {
    expect(phoneType.parse(raw)).toMatchObject({ raw, valid: false });
  });

  it("keeps unreadable text as typed", () => {
    expect(phoneType.parse(" call me ")).toEqual({ raw: " call me ", normal: "call me", valid: false });
  });

  it.each(["", "   "])("returns a blank value for %j", (raw) => {
    expect(phoneType.parse(raw)).toEqual({ raw, normal: null, valid: false });
  });
});
