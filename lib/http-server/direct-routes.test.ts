import { describe, expect, it } from "vitest";
import { submitIdsOf } from "./direct-routes";

describe("submitIdsOf", () => {
  it("takes the submit URL, with or without a query string", () => {
    expect(submitIdsOf("/flows/f1/sources/s1/submit")).toEqual({ flowId: "f1", sourceId: "s1" });
    expect(submitIdsOf("/flows/f1/sources/s1/submit?email=a%40b.c&redir_url=x")).toEqual({ flowId: "f1", sourceId: "s1" });
    expect(submitIdsOf("/flows/f%201/sources/s1/submit")).toEqual({ flowId: "f 1", sourceId: "s1" });
  });

  it("leaves every other URL to Next", () => {
    for (const url of [
      "/flows/f1/sources/s1/meta",
      "/flows/f1/sources/s1/submit/", // Next redirects a trailing slash
      "/flows/f1/sources/s1/submit/extra",
      "/flows//sources/s1/submit",
      "/api/flows/f1/sources/s1/imports",
      "/flows/f1/sources/s1/submitted",
      "/x/flows/f1/sources/s1/submit",
      "/flows/%E0%A4%A/sources/s1/submit", // a malformed escape: Next's 400
    ]) {
      expect(submitIdsOf(url), url).toBeNull();
    }
  });
});
