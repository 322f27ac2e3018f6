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
      is_disposable: false,
    });
  });

  it.each([
    ["John Doe <john@example.com>", "john@example.com"],
    ['"Doe, John" <John@Example.com>', "john@example.com"],
    ["<jdoe@example.org>", "jdoe@example.org"],
    ["Jane < jane@example.net > ", "jane@example.net"],
  ])("reads the address inside the brackets of %j", (raw, normal) => {
    expect(emailType.parse(raw)).toMatchObject({ raw, normal, valid: true, is_free: false });
  });

  it.each(["John Doe <john@example>", "John <john@example.com> extra", "<a@example.com><b@example.com>"])(
    "marks the named address %j invalid",
    (raw) => {
      expect(emailType.parse(raw)).toMatchObject({ raw, valid: false });
    },
  );

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

  it.each(["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "GMX.DE", "Yahoo.Co.Jp", "web.de"])(
    "knows %s is a free provider, whatever its case",
    (domain) => {
      expect(emailType.parse(`a@${domain}`)).toMatchObject({ valid: true, is_free: true, is_disposable: false });
    },
  );

  it.each(["mailinator.com", "Mailinator.COM", "guerrillamail.com"])("knows %s is disposable (and so free)", (domain) => {
    expect(emailType.parse(`lead@${domain}`)).toMatchObject({ valid: true, is_free: true, is_disposable: true });
  });

  it("reads a free provider through a subdomain", () => {
    expect(emailType.parse("a@mail.yahoo.com")).toMatchObject({ valid: true, is_free: true });
  });

  it.each(["acme.com", "example.org", "statefarm.com"])("knows %s is a business domain", (domain) => {
    expect(emailType.parse(`a@${domain}`)).toMatchObject({ valid: true, is_free: false, is_disposable: false });
  });

  it.each([
    "a@b",
    "user@domain",
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

  it.each([
    ["m. k. ortiz@outlook.com", "m.k.ortiz@outlook.com"],
    ["dana .reyes@example.com", "dana.reyes@example.com"],
    ["dana @ example.com", "dana@example.com"],
    ["dana@example. com", "dana@example.com"],
  ])("drops spaces beside a dot or the @ in %j", (raw, normal) => {
    expect(emailType.parse(raw)).toMatchObject({ raw, normal, valid: true });
  });

  it.each([
    ["dana reyes@example.com", "dana reyes@example.com"],
    ["D anaReyes@Example.com", "d anareyes@example.com"],
    ["dana@exam ple.com", "dana@exam ple.com"],
    ["Dana <dana reyes@example.com>", "dana reyes@example.com"],
  ])("refuses a space inside a word of %j rather than guess the address", (raw, normal) => {
    expect(emailType.parse(raw)).toEqual({ raw, normal, valid: false });
  });

  it("keeps the cleaned address when invalid", () => {
    expect(emailType.parse(" A@B ")).toEqual({ raw: " A@B ", normal: "a@b", valid: false });
  });

  it.each(["", "  "])("returns a blank value for %j", (raw) => {
    expect(emailType.parse(raw)).toEqual({ raw, normal: null, valid: false });
  });
});
