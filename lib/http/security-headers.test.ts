import { describe, expect, it } from "vitest";
import { missingSecurityHeaders, securityHeaders, servedOverHttps } from "./security-headers";

const getter = (headers: Record<string, string>) => (name: string) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? null;

describe("securityHeaders", () => {
  it("passes its own check over http and https", () => {
    expect(missingSecurityHeaders(getter(securityHeaders(false)), { https: false })).toEqual([]);
    expect(missingSecurityHeaders(getter(securityHeaders(true)), { https: true })).toEqual([]);
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(true)["Strict-Transport-Security"]).toBe("max-age=31536000");
  });
});

describe("missingSecurityHeaders", () => {
  it("names each missing header", () => {
    expect(missingSecurityHeaders(() => null, { https: true })).toEqual([
      "Content-Security-Policy lacks frame-ancestors 'none'",
      "Content-Security-Policy lacks object-src 'none'",
      "Content-Security-Policy lacks base-uri 'self'",
      "X-Content-Type-Options is not nosniff",
      "Referrer-Policy is missing",
      "Strict-Transport-Security is missing over https",
    ]);
  });

  it("flags HSTS over plain http", () => {
    expect(missingSecurityHeaders(getter(securityHeaders(true)), { https: false })).toEqual(["Strict-Transport-Security is sent over plain http"]);
  });
});

describe("servedOverHttps", () => {
  it("believes an https APP_URL", () => {
    expect(servedOverHttps({ appUrl: "https://leads.example.com", forwardedProto: undefined, trustProxy: 0 })).toBe(true);
  });

  it("ignores X-Forwarded-Proto when no proxy is trusted", () => {
    expect(servedOverHttps({ appUrl: "http://localhost:3000", forwardedProto: "https", trustProxy: 0 })).toBe(false);
  });

  it("believes the outermost trusted proxy", () => {
    expect(servedOverHttps({ appUrl: "http://app.internal", forwardedProto: "https", trustProxy: 1 })).toBe(true);
    expect(servedOverHttps({ appUrl: "http://app.internal", forwardedProto: "http", trustProxy: 1 })).toBe(false);
    // CDN saw https and appended it; the load balancer behind it appended http.
    expect(servedOverHttps({ appUrl: "http://app.internal", forwardedProto: "https, http", trustProxy: 2 })).toBe(true);
    expect(servedOverHttps({ appUrl: "http://app.internal", forwardedProto: "https, http", trustProxy: 1 })).toBe(false);
    expect(servedOverHttps({ appUrl: "http://app.internal", forwardedProto: undefined, trustProxy: 1 })).toBe(false);
  });
});
