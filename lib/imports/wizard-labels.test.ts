import { describe, expect, it } from "vitest";
import { stepOf, validRows } from "./wizard-labels";
import { importApiUrl, importPagePath, newImportPath } from "./wizard-scope";

describe("stepOf", () => {
  it("opens a new upload at its file settings, and at the mapping once one is saved", () => {
    expect(stepOf({ status: "staged", mapping: null })).toBe("file");
    expect(stepOf({ status: "staged", mapping: [{ column: 0, fieldId: "email" }] })).toBe("mapping");
  });

  it("goes back to settings or mapping on request only while they can still change", () => {
    expect(stepOf({ status: "validated", mapping: [] }, "mapping")).toBe("mapping");
    expect(stepOf({ status: "importing", mapping: [] }, "mapping")).toBe("import");
  });

  it("shows the summary for finished, cancelled and stopped imports", () => {
    for (const status of ["completed", "cancelled", "failed"] as const) expect(stepOf({ status, mapping: [] })).toBe("summary");
  });
});

describe("wizard paths", () => {
  const docs = { kind: "docs", token: "tok" } as const;

  it("keeps a source on its docs link and a holder in the account pages", () => {
    expect(importPagePath({ kind: "holder" }, "abc", { step: "file" })).toBe("/imports/abc?step=file");
    expect(importPagePath(docs, "abc", { after: undefined })).toBe("/docs/tok/imports/abc");
    expect(newImportPath({ kind: "holder" }, { flowId: "f", sourceId: "s" })).toBe("/imports/new?flow=f&source=s");
  });

  it("passes the docs token in the query where a header cannot be sent", () => {
    expect(importApiUrl(docs, "abc", "events")).toBe("/api/imports/abc/events?docs_token=tok");
    expect(importApiUrl({ kind: "holder" }, "abc", "results.csv")).toBe("/api/imports/abc/results.csv");
  });
});

describe("validRows", () => {
  it("counts rows neither invalid nor duplicate", () => {
    expect(validRows({ rows: 300, invalid: 15, duplicates: 6 })).toBe(279);
  });
});
