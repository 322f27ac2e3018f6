import { describe, expect, it } from "vitest";
import { directRouteOf } from "./direct-routes";

describe("directRouteOf", () => {
  it("takes the submit and ping URLs, with or without a query string", () => {
    expect(directRouteOf("/flows/f1/sources/s1/submit")).toEqual({ flowId: "f1", sourceId: "s1", action: "submit" });
    expect(directRouteOf("/flows/f1/sources/s1/submit?email=a%40b.c&redir_url=x")).toEqual({ flowId: "f1", sourceId: "s1", action: "submit" });
    expect(directRouteOf("/flows/f%201/sources/s1/submit")).toEqual({ flowId: "f 1", sourceId: "s1", action: "submit" });
    expect(directRouteOf("/flows/f1/sources/s1/ping?email=a%40b.c")).toEqual({ flowId: "f1", sourceId: "s1", action: "ping" });
  });

  it("leaves every other URL to Next", () => {
    for (const url of [
      "/flows/f1/sources/s1/meta",
      "/flows/f1/sources/s1/submit/", // Next redirects a trailing slash
      "/flows/f1/sources/s1/submit/extra",
      "/flows/f1/sources/s1/ping/",
      "/flows//sources/s1/submit",
      "/api/flows/f1/sources/s1/imports",
      "/flows/f1/sources/s1/submitted",
      "/flows/f1/sources/s1/pings",
      "/x/flows/f1/sources/s1/submit",
      "/flows/%E0%A4%A/sources/s1/submit", // a malformed escape: Next's 400
    ]) {
      expect(directRouteOf(url), url).toBeNull();
    }
  });
});
