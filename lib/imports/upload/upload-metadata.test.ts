import { describe, expect, it } from "vitest";
import { readUploadMetadata } from "./upload-metadata";

const FLOW = "0123456789abcdef01234567";
const SOURCE = "89abcdef0123456789abcdef";

describe("readUploadMetadata", () => {
  it("reads the file name, the flow and source, and the reading settings", () => {
    expect(readUploadMetadata({ filename: "leads.csv", filetype: "text/csv", flowId: FLOW, sourceId: SOURCE, header: "false", delimiter: "tab" })).toEqual({
      status: "ok",
      fileName: "leads.csv",
      target: { flowId: FLOW, sourceId: SOURCE },
      settings: { header: "false", delimiter: "tab" },
    });
  });

  it("takes a file naming its own flows when neither flow nor source is given", () => {
    expect(readUploadMetadata({ filename: "many.csv" })).toMatchObject({ status: "ok", target: null, settings: {} });
  });

  it("takes no metadata at all as a nameless file naming its own flows", () => {
    expect(readUploadMetadata(undefined)).toEqual({ status: "ok", fileName: "", target: null, settings: {} });
  });

  it("refuses a flow without its source, with a message", () => {
    expect(readUploadMetadata({ filename: "a.csv", flowId: FLOW })).toEqual({ status: "invalid", message: "Upload-Metadata must carry both flowId and sourceId, or neither." });
  });

  it("refuses ids that are not Leadport ids", () => {
    expect(readUploadMetadata({ flowId: "../etc", sourceId: SOURCE })).toMatchObject({ status: "invalid", message: expect.stringMatching(/flowId/) });
  });

  it("keeps a long file name to 255 characters", () => {
    const result = readUploadMetadata({ filename: "x".repeat(400) });
    expect(result.status === "ok" && result.fileName.length).toBe(255);
  });

  it("ignores keys it does not know, and empty values", () => {
    expect(readUploadMetadata({ filename: "a.csv", relativePath: null, encoding: "" })).toEqual({ status: "ok", fileName: "a.csv", target: null, settings: {} });
  });
});
