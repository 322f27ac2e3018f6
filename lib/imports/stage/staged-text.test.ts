// The COPY text staging writes is what import_rows.fields (a json column, stored as written) holds:
// every byte of it must stay as it was, odd rows included, whatever the pieces and chunks.
import { describe, expect, it } from "vitest";
import { copyJson, toCopyLine } from "@/db/bulk-copy";
import { readRecordBatches } from "../read/read-csv";
import { createStager } from "./stage-rows";
import { stagedRowsText } from "./staged-text";

const SETTINGS = { encoding: "utf-8", delimiter: "," } as const;

async function* chunks(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function staged(csv: string | Uint8Array, options: { chunk: number; piece?: number }) {
  const bytes = typeof csv === "string" ? Buffer.from(csv) : csv;
  const stager = createStager({ header: true, encoding: "utf-8" });
  const pieces: { piece: Buffer; rows: number }[] = [];
  for await (const piece of stagedRowsText(chunks(bytes, options.chunk), "imp_1", SETTINGS, stager, options.piece)) pieces.push(piece);
  return pieces;
}

// The reference: each staged row as one toCopyLine of JSON.stringify's text of its cells.
async function expectedText(csv: string | Uint8Array): Promise<string> {
  const bytes = typeof csv === "string" ? Buffer.from(csv) : csv;
  const stager = createStager({ header: true, encoding: "utf-8" });
  let text = "";
  for await (const batch of readRecordBatches(chunks(bytes, 1 << 16), SETTINGS)) {
    for (const record of batch) {
      const row = stager.take(record);
      if (row) text += toCopyLine(["imp_1", row.line, copyJson(row.cells), row.problem]);
    }
  }
  return text;
}

const ODD_ROWS = [
  "Name,Note,Amount",
  'Ann,"say ""hi"", then",1',
  'back\\slash,"tab\there",2',
  '"two\r\nlines","lone\rcr and\nlf",3',
  "Zoë,😀 emoji \u2028 sep,4",
  "ctrl\u0001char,nul\u0000byte,5",
  ",,",
  "short",
  "too,many,values,here",
  "padded,row,6,,",
  '"",x""y,"7"',
].join("\n");

describe("stagedRowsText", () => {
  it("writes odd rows exactly as this golden text", async () => {
    const pieces = await staged(ODD_ROWS + "\n", { chunk: 3 });
    expect(Buffer.concat(pieces.map((p) => p.piece)).toString("utf8")).toBe(
      [
        'imp_1\t2\t["Ann","say \\\\"hi\\\\", then","1"]\t\\N',
        'imp_1\t3\t["back\\\\\\\\slash","tab\\\\there","2"]\t\\N',
        'imp_1\t4\t["two\\\\r\\\\nlines","lone\\\\rcr and\\\\nlf","3"]\t\\N',
        'imp_1\t8\t["Zoë","😀 emoji \u2028 sep","4"]\t\\N',
        'imp_1\t9\t["ctrl\\\\u0001char","nul\uFFFDbyte","5"]\t\\N',
        'imp_1\t11\t["short"]\tThis row has 1 value but the header has 3 columns.',
        'imp_1\t12\t["too","many","values","here"]\tThis row has 4 values but the header has 3 columns; check for an unquoted delimiter in a value.',
        'imp_1\t13\t["padded","row","6"]\t\\N',
        'imp_1\t14\t["","x\\\\"\\\\"y","7"]\t\\N',
        "",
      ].join("\n"),
    );
    expect(pieces.reduce((sum, p) => sum + p.rows, 0)).toBe(9);
  });

  it.each([
    [7, 64],
    [1000, 512],
    [1 << 16, 512 * 1024],
  ])("writes toCopyLine's bytes of JSON.stringify's cells, whole rows counted per piece (chunks of %i, pieces of %i)", async (chunk, piece) => {
    const lines = [ODD_ROWS];
    for (let i = 0; i < 3000; i++) lines.push(i % 97 === 0 ? `"q""${i}\n",\\${i},é${i}` : `lead${i}@example.com,51255501${i % 100},${i}`);
    const csv = lines.join("\r\n");
    const pieces = await staged(csv, { chunk, piece });
    const expected = await expectedText(csv);
    expect(Buffer.concat(pieces.map((p) => p.piece)).toString("utf8")).toBe(expected);
    for (const p of pieces) {
      expect(p.piece.at(-1)).toBe(0x0a);
      expect(p.rows).toBe(p.piece.toString("utf8").split("\n").length - 1);
    }
    if (piece < 1000) expect(pieces.length).toBeGreaterThan(10);
  });
});
