// The staging worker's hand-back is bounded both ways: while nobody writes its COPY text, it stops
// taking the upload's bytes, so a slow COPY holds memory flat instead of queueing the file.
import { describe, expect, it } from "vitest";
import { stageInWorker } from "./parse-in-worker";
import { IN_FLIGHT_BYTES } from "./parse-protocol";

const ROWS = 300_000;
const CHUNK = 64 * 1024;

function csv(): Buffer {
  const lines = ["email,phone,note"];
  for (let i = 0; i < ROWS; i++) lines.push(`lead${i}@example.com,512555${String(i % 10_000).padStart(4, "0")},"a note, quoted"`);
  return Buffer.from(lines.join("\n") + "\n");
}

describe("stageInWorker", () => {
  it("takes no more of the upload while its COPY text waits, then stages every row", { timeout: 60_000 }, async () => {
    const file = csv();
    let pulled = 0;
    async function* upload() {
      for (let at = 0; at < file.length; at += CHUNK) {
        pulled = Math.min(at + CHUNK, file.length);
        yield file.subarray(at, at + CHUNK);
      }
    }
    const staging = stageInWorker(upload(), { importId: "imp", settings: { header: true, encoding: "utf-8", delimiter: "," } });
    const first = await staging.text.next();
    expect(first.done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // In flight, in the worker's stream buffers, and the few pieces it may post before it waits.
    expect(pulled).toBeLessThan(IN_FLIGHT_BYTES + 4 * 1024 * 1024);
    expect(file.length).toBeGreaterThan(1.5 * (IN_FLIGHT_BYTES + 4 * 1024 * 1024));

    let rows = first.done ? 0 : first.value.rows;
    let lastLine = "";
    for await (const { piece, rows: count } of staging.text) {
      rows += count;
      lastLine = piece.toString("utf8", Math.max(0, piece.length - 200));
    }
    expect(rows).toBe(ROWS);
    expect(lastLine).toMatch(new RegExp(`^imp\\t${ROWS + 1}\\t\\["lead${ROWS - 1}@example.com","512555\\d{4}","a note, quoted"\\]\\t\\\\N$`, "m"));
    expect(staging.summary()).toMatchObject({ headers: ["email", "phone", "note"], rows: ROWS, unreadable: 0 });
  });
});
