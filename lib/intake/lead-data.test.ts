import { describe, expect, it } from "vitest";
import { leadDataOf, queryData, redirectTargetOf } from "./lead-data";

describe("leadDataOf", () => {
  it("flattens nested body fields into dotted ids and lets query parameters win", () => {
    const query = queryData(new URLSearchParams("state=CA&mortgage.property.state=NV"));
    expect(leadDataOf({ state: "TX", mortgage: { property: { state: "TX", value: 250000 } } }, query)).toEqual({
      state: "CA",
      "mortgage.property.state": "NV",
      "mortgage.property.value": "250000",
    });
  });

  it("renames xxTrustedFormCertUrl to trustedform_cert_url and leaves out redir_url", () => {
    expect(leadDataOf({ xxTrustedFormCertUrl: "https://cert.trustedform.com/abc", redir_url: "https://x.co/thanks", email: "a@b.co" })).toEqual({
      trustedform_cert_url: "https://cert.trustedform.com/abc",
      email: "a@b.co",
    });
  });

  it("drops NUL characters, which the database cannot store", () => {
    expect(leadDataOf({ "na\u0000me": "Jo\u0000hn" })).toEqual({ name: "John" });
  });

  it("joins repeated values with commas", () => {
    expect(leadDataOf({}, queryData(new URLSearchParams("tag=a&tag=b")))).toEqual({ tag: "a,b" });
  });
});

describe("redirectTargetOf", () => {
  it("takes redir_url from the query string before the body", () => {
    expect(redirectTargetOf({ redir_url: "https://body.example/" }, { redir_url: "https://query.example/thanks?x=1" })).toEqual({
      ok: true,
      url: "https://query.example/thanks?x=1",
    });
    expect(redirectTargetOf({ redir_url: "http://body.example/" }, {})).toEqual({ ok: true, url: "http://body.example/" });
    expect(redirectTargetOf({}, {})).toEqual({ ok: true, url: null });
  });

  it.each(["not a url", "javascript:alert(1)", "ftp://files.example/", "/relative/path"])("refuses %j", (url) => {
    expect(redirectTargetOf({}, { redir_url: url })).toEqual({ ok: false });
  });
});
