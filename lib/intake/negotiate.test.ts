import { describe, expect, it } from "vitest";
import { bodyFormatOf, negotiateReply } from "./negotiate";

describe("negotiateReply", () => {
  it.each([
    [null, "application/json"],
    ["", "application/json"],
    ["*/*", "application/json"],
    ["application/json", "application/json"],
    ["application/xml", "application/xml"],
    ["text/xml", "text/xml"],
    ["text/*", "text/xml"],
    ["text/xml, */*", "text/xml"],
    ["application/json;q=0.5, application/xml", "application/xml"],
    ["application/json;q=0, */*", "application/xml"],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml"],
  ])("answers Accept %j with %s", (accept, contentType) => {
    expect(negotiateReply(accept)?.contentType).toBe(contentType);
  });

  it.each(["text/html", "application/pdf, image/*", "application/json;q=0"])("finds nothing acceptable in %j", (accept) => {
    expect(negotiateReply(accept)).toBeNull();
  });
});

describe("bodyFormatOf", () => {
  it.each([
    ["application/x-www-form-urlencoded", "form"],
    ["application/json; charset=utf-8", "json"],
    ["Application/XML", "xml"],
    ["text/xml;charset=ISO-8859-1", "xml"],
    ["text/plain", null],
    ["multipart/form-data; boundary=x", null],
  ])("reads %s as %s", (contentType, format) => {
    expect(bodyFormatOf(contentType)).toBe(format);
  });
});
