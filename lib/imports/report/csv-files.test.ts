import { describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { pagedCsv } from "./csv-files";

describe("an import's CSV download whose page cannot be read partway", () => {
  it("errors the stream after the pages it had, and logs it", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    let reads = 0;
    const stream = pagedCsv("imp results.csv", ["Email"], async (after) => {
      if (++reads > 2) throw new Error("canceling statement due to statement timeout");
      return [{ line: after + 1, cells: [`row${after + 1}@example.com`] }];
    });
    const reader = stream.getReader();
    const chunks: string[] = [];
    const read = async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder("utf-8", { ignoreBOM: true }).decode(r.value));
    };
    await expect(read()).rejects.toThrow("The file could not be completed");
    expect(chunks).toEqual(["\uFEFFEmail\r\n", "row1@example.com\r\n", "row2@example.com\r\n"]);
    expect(logged).toHaveBeenCalledOnce();
    expect(logged.mock.calls[0]![0]).toMatchObject({ file: "imp results.csv", afterLine: 2 });
    logged.mockRestore();
  });
});
