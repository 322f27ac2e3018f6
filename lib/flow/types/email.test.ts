import { describe, expect, it } from "vitest";
import { emailType } from "./email";

describe("email", () => {
  it("lowercases, trims and removes whitespace", () => {
    expect(emailType.parse(" John.Doe @Gmail.COM ")).toEqual({
      raw: " John.Doe @Gmail.COM ",
      normal: "john.doe@gmail.com",
      valid: true,
      user: "john.doe",
      domain: "gmail.com",
      host: "gmail",
      tld: "com",
      is_free: true,
    });
  });

  it("takes the last label as the tld and the rest as the host", () => {
    expect(emailType.parse("jane+leads@mail.acme.co.uk")).toMatchObject({
      valid: true,
      user: "jane+leads",
      domain: "mail.acme.co.uk",
      host: "mail.acme.co",
      tld: "uk",
      is_free: false,
    });
  });

  it.each(["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com"])(
    "knows %s is a free provider",
    (domain) => {
      expect(emailType.parse(`a@${domain}`)).toMatchObject({ valid: true, is_free: true });
    },
  );

  it.each([
    "a@b",
    "a@b.c",
    "@example.com",
    "a@@example.com",
    "a@b@example.com",
    "a.@example.com",
    "a..b@example.com",
    "a@-example.com",
    "a@example.123",
    "not an email",
  ])("marks %j invalid", (raw) => {
    expect(emailType.parse(raw)).toMatchObject({ raw, valid: false });
  });

  it("keeps the cleaned address when invalid", () => {
    expect(emailType.parse(" A@B ")).toEqual({ raw: " A@B ", normal: "a@b", valid: false });
  });

  it.each(["", "  "])("returns a blank value for %j", (raw) => {
    expect(emailType.parse(raw)).toEqual({ raw, normal: null, valid: false });
  });
});
