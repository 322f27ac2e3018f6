import { describe, expect, it } from "vitest";
import { urlType } from "./url";

describe("url", () => {
  it("adds http:// when there is no scheme", () => {
    expect(urlType.parse("example.com/a/b?x=1&y=2#top")).toEqual({
      raw: "example.com/a/b?x=1&y=2#top",
      normal: "http://example.com/a/b?x=1&y=2#top",
      valid: true,
      protocol: "http",
      host: "example.com",
      port: null,
      path: "/a/b",
      query: "x=1&y=2",
      hash: "#top",
    });
  });

  it("keeps https, the port and lowercases the host", () => {
    expect(urlType.parse(" HTTPS://Cert.TrustedForm.com:8443/abc ")).toMatchObject({
      normal: "https://cert.trustedform.com:8443/abc",
      valid: true,
      protocol: "https",
      host: "cert.trustedform.com:8443",
      port: "8443",
      path: "/abc",
      query: null,
      hash: null,
    });
  });

  it.each(["ftp://example.com", "javascript://alert(1)", "http://", "http:// spaced .com", "exa mple.com"])(
    "marks %j invalid",
    (raw) => {
      expect(urlType.parse(raw)).toMatchObject({ raw, valid: false });
    },
  );

  it("returns a blank value for whitespace", () => {
    expect(urlType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
