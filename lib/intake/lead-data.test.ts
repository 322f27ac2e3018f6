import { describe, expect, it } from "vitest";
import { flattenData } from "@/lib/flow/normalize";
import { leadDataOf as readLeadData, queryData, redirectTargetOf } from "./lead-data";

const leadDataOf = (body: Record<string, unknown>, query: Record<string, unknown> = {}) => {
  const read = readLeadData(body, query);
  if (!read.ok) throw new Error(read.message);
  return read.data;
};

describe("leadDataOf", () => {
  it("flattens nested body fields into dotted ids and lets query parameters win", () => {
    const query = queryData(new URLSearchParams("state=CA&mortgage.property.state=NV"));
    expect(leadDataOf({ state: "TX", mortgage: { property: { state: "TX", value: 250000 } } }, query)).toEqual({
      state: "CA",
      "mortgage.property.state": "NV",
      "mortgage.property.value": "250000",
    });
  });

  it("renames xxTrustedFormCertUrl to trustedform_cert_url", () => {
    expect(leadDataOf({ xxTrustedFormCertUrl: "https://cert.trustedform.com/abc", email: "a@b.co" })).toEqual({
      trustedform_cert_url: "https://cert.trustedform.com/abc",
      email: "a@b.co",
    });
  });

  it("keeps redir_url from the body as an ordinary field and leaves out the query string's", () => {
    expect(readLeadData({ redir_url: "https://x.co/body", email: "a@b.co" }, { redir_url: "https://x.co/query" })).toEqual({
      ok: true,
      data: { redir_url: "https://x.co/body", email: "a@b.co" },
    });
    expect(readLeadData({ email: "a@b.co" }, { redir_url: "https://x.co/query" })).toEqual({ ok: true, data: { email: "a@b.co" } });
  });

  it("drops NUL characters, which the database cannot store", () => {
    expect(leadDataOf({ "na\u0000me": "Jo\u0000hn" })).toEqual({ name: "John" });
  });

  it("joins repeated values with commas", () => {
    expect(leadDataOf({}, queryData(new URLSearchParams("tag=a&tag=b")))).toEqual({ tag: "a,b" });
  });
});

describe("lead limits", () => {
  const fields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, "x"]));
  const nested = (levels: number) => {
    let value: unknown = "deep";
    for (let i = 0; i < levels; i++) value = { a: value };
    return value as Record<string, unknown>;
  };

  it("takes exactly maxFields fields and refuses one more with 413, body and query together", () => {
    expect(readLeadData(fields(10), {}, { maxFields: 10 }).ok).toBe(true);
    expect(readLeadData(fields(11), {}, { maxFields: 10 })).toEqual({ ok: false, status: 413, message: "The lead has more than 10 fields" });
    expect(readLeadData(fields(6), { q1: "a", q2: "b", q3: "c", q4: "d", q5: "e" }, { maxFields: 10 }).ok).toBe(false);
    // A query parameter replacing a body field is still one field.
    expect(readLeadData(fields(10), { f0: "y" }, { maxFields: 10 }).ok).toBe(true);
  });

  it("counts nested fields as the dotted fields they become", () => {
    expect(readLeadData({ a: { b: 1, c: 2 }, d: [1, 2, 3] }, {}, { maxFields: 3 }).ok).toBe(true);
    expect(readLeadData({ a: { b: 1, c: 2 }, d: [{ e: 1 }, { e: 2 }] }, {}, { maxFields: 3 }).ok).toBe(false);
  });

  it("refuses a value over 64 KB with 413 naming the field", () => {
    expect(readLeadData({ note: "é".repeat(32 * 1024) }).ok).toBe(true);
    expect(readLeadData({ note: "é".repeat(32 * 1024 + 1) })).toEqual({ ok: false, status: 413, message: "The value of field note is larger than 64 KB" });
  });

  it("takes 32 levels of nesting and refuses 33 with 400, and 20,000 without overflowing the stack", () => {
    expect(readLeadData(nested(32))).toEqual({ ok: true, data: { [Array(32).fill("a").join(".")]: "deep" } });
    expect(readLeadData(nested(33))).toEqual({ ok: false, status: 400, message: "The lead is nested more than 32 levels deep" });
    expect(readLeadData(nested(20_000))).toMatchObject({ ok: false, status: 400 });
    let list: unknown = ["x"];
    for (let i = 0; i < 20_000; i++) list = [list];
    expect(readLeadData({ list })).toMatchObject({ ok: false, status: 400 });
  });

  it("flattens as flattenData does, in the order the fields were sent", () => {
    const body = { z: 1, a: { y: [1, null, "b"], x: [{ k: true }, { k: null }] }, m: null, n: [] };
    const read = readLeadData(body);
    expect(read.ok && Object.entries(read.data)).toEqual(Object.entries(flattenData(body)));
  });
});

describe("redirectTargetOf", () => {
  it("takes redir_url from the query string, the first of several", () => {
    expect(redirectTargetOf({ redir_url: "https://query.example/thanks?x=1" })).toEqual({ ok: true, url: "https://query.example/thanks?x=1" });
    expect(redirectTargetOf({ redir_url: ["http://a.example/", "http://b.example/"] })).toEqual({ ok: true, url: "http://a.example/" });
    expect(redirectTargetOf({})).toEqual({ ok: true, url: null });
  });

  it.each(["not a url", "javascript:alert(1)", "ftp://files.example/", "/relative/path"])("refuses %j", (url) => {
    expect(redirectTargetOf({ redir_url: url })).toEqual({ ok: false });
  });
});
