import { describe, expect, it } from "vitest";
import { loggablePath } from "./loggable-path";

describe("loggablePath", () => {
  it("drops the query string, which can carry a docs token", () => {
    expect(loggablePath("/api/imports/1/events?docs_token=secret")).toBe("/api/imports/1/events");
  });

  it("hides the secret segment of Submission Docs and shared report links", () => {
    expect(loggablePath("/docs/abcDEF123/import")).toBe("/docs/:token/import");
    expect(loggablePath("/r/abcDEF123")).toBe("/r/:token");
    expect(loggablePath("/reports")).toBe("/reports");
  });
});
