import { describe, expect, it } from "vitest";
import { isCrossOriginServerAction, isServerActionRequest } from "./server-action-guard";

const headers = (values: Record<string, string>) => (name: string) => values[name];
const action = (extra: Record<string, string>) => headers({ "next-action": "7f00aa", host: "leads.example.com", ...extra });

describe("isCrossOriginServerAction", () => {
  it("lets a same-origin action through", () => {
    expect(isCrossOriginServerAction("POST", "/login", action({ origin: "https://leads.example.com" }))).toBe(false);
  });

  it("refuses an action whose Origin is another host", () => {
    expect(isCrossOriginServerAction("POST", "/login", action({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginServerAction("POST", "/login", action({ origin: "https://leads.example.com:8443" }))).toBe(true);
  });

  it("compares with X-Forwarded-Host when a proxy set one, as Next does", () => {
    const behindProxy = action({ host: "app:3000", "x-forwarded-host": "leads.example.com", origin: "https://leads.example.com" });
    expect(isCrossOriginServerAction("POST", "/login", behindProxy)).toBe(false);
    expect(isCrossOriginServerAction("POST", "/login", action({ "x-forwarded-host": "other.example", origin: "https://leads.example.com" }))).toBe(true);
  });

  it("refuses an opaque or malformed Origin, which Next would answer with 500", () => {
    expect(isCrossOriginServerAction("POST", "/login", action({ origin: "null" }))).toBe(true);
    expect(isCrossOriginServerAction("POST", "/login", action({ origin: "not a url" }))).toBe(true);
  });

  it("lets a request without Origin through (not a browser, so no victim's cookies)", () => {
    expect(isCrossOriginServerAction("POST", "/login", action({}))).toBe(false);
  });

  it("refuses a no-JavaScript form post to a page from another site", () => {
    const form = headers({ "content-type": "multipart/form-data; boundary=x", host: "leads.example.com", origin: "https://evil.example" });
    expect(isCrossOriginServerAction("POST", "/settings/people", form)).toBe(true);
  });

  it("leaves route handlers alone: a seller's web form may post leads from its own site", () => {
    const form = headers({ "content-type": "multipart/form-data; boundary=x", host: "leads.example.com", origin: "https://seller.example" });
    expect(isCrossOriginServerAction("POST", "/flows/f1/sources/s1/submit", form)).toBe(false);
    expect(isCrossOriginServerAction("POST", "/flows/f1/sources/s1/submit?x=1", form)).toBe(false);
    expect(isCrossOriginServerAction("POST", "/api/flows/f1/sources/s1/imports", form)).toBe(false);
    expect(isCrossOriginServerAction("GET", "/login", action({ origin: "https://evil.example" }))).toBe(false);
  });
});

describe("isServerActionRequest", () => {
  it("knows an action by its header or a multipart post to a page", () => {
    expect(isServerActionRequest("POST", "/", headers({ "next-action": "abc" }))).toBe(true);
    expect(isServerActionRequest("POST", "/", headers({ "content-type": "application/json" }))).toBe(false);
    expect(isServerActionRequest("POST", "/flows/abc", headers({ "content-type": "multipart/form-data; boundary=y" }))).toBe(true);
  });
});
