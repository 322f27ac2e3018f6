// Reading staged rows back in batches (lib/imports/stage/staged-rows.ts readRows), as validation
// and the import do. Two things: every row once, in line order, whatever lines a row takes; and
// no batch reads more than a bounded window of rows. The second is issue #12's profile: with the
// import's rows not yet in the table's statistics, "later rows, first N" was planned as a scan of
// every later row plus a sort, for each batch.
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { queryOf, readRows, type StoredRow } from "@/lib/imports/stage/staged-rows";
import { createAccount } from "../helpers/accounts";
import { uploadFile } from "../helpers/imports";

type Account = Awaited<ReturnType<typeof createAccount>>;
let target: Account;

beforeAll(async () => {
  target = await createAccount({ email: "staged-rows-read@example.com", password: "staged-rows-read-password" });
});

async function staged(csv: string): Promise<string> {
  const res = await uploadFile(target, csv, { chunkSize: 64 * 1024 });
  const body = (await res.json()) as { id?: string; error?: string };
  if (!body.id) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Every row, batch after batch, as validation and the import read them. */
async function inBatches(query: ReturnType<typeof queryOf>, importId: string, size: number): Promise<StoredRow[][]> {
  const batches: StoredRow[][] = [];
  for (let after = 0; ; ) {
    const rows = await readRows(query, importId, after, size);
    if (rows.length === 0) return batches;
    batches.push(rows);
    after = rows[rows.length - 1]!.line;
  }
}

/** The query function readRows is given, which also records the most rows any plan node of each read produced. */
function measuredQuery() {
  const query = queryOf(getDatabase());
  const nodeRows: number[] = [];
  const most = (node: Record<string, unknown>): number =>
    Math.max(Number(node["Actual Rows"] ?? 0), ...((node.Plans as Record<string, unknown>[] | undefined) ?? []).map(most));
  const measured: typeof query = async (text, params) => {
    if (text.startsWith("select line, fields")) {
      const { rows } = await query<{ "QUERY PLAN": unknown }>(`explain (analyze, format json) ${text}`, params);
      const plan = rows[0]!["QUERY PLAN"];
      const top = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: Record<string, unknown> }[];
      nodeRows.push(most(top[0]!.Plan));
    }
    return query(text, params);
  };
  return { measured, nodeRows };
}

const HEADER = "email,first_name\n";
const row = (i: number) => `p${i}@example.com,Name ${i}\n`;

describe("readRows", () => {
  it("reads a batch of a large import without scanning the rows after it", async () => {
    const rows = 6_000;
    const importId = await staged(HEADER + Array.from({ length: rows }, (_, i) => row(i)).join(""));
    const { measured, nodeRows } = measuredQuery();
    const batches = await inBatches(measured, importId, 500);
    expect(batches.flat().map((r) => r.line)).toEqual(Array.from({ length: rows }, (_, i) => i + 2));
    expect(batches.map((b) => b.length)).toEqual(Array(rows / 500).fill(500));
    // A batch's window is 1,000 lines; the old read produced up to every later row (6,000 at first).
    expect(Math.max(...nodeRows)).toBeLessThanOrEqual(1_000);
  });

  it("gives every row once, in line order, when rows take many lines each", async () => {
    // Rows 100 lines long (a quoted comment with line breaks), then short ones, then long again:
    // windows come back short and widen, and no row is skipped or read twice.
    const long = (i: number) => `p${i}@example.com,"${Array(100).fill(`Name ${i}`).join("\n")}"\n`;
    const csv = HEADER + [...Array.from({ length: 30 }, (_, i) => long(i)), ...Array.from({ length: 40 }, (_, i) => row(100 + i)), long(200)].join("");
    const importId = await staged(csv);
    const batches = await inBatches(queryOf(getDatabase()), importId, 7);
    const lines = batches.flat().map((r) => r.line);
    expect(lines).toHaveLength(71);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(lines).size).toBe(71);
    expect(batches.slice(0, -1).every((b) => b.length === 7)).toBe(true);
    expect(batches.flat()[0]!.fields[1]).toContain("Name 0\nName 0");
    expect(batches.flat()[70]!.fields[0]).toBe("p200@example.com");
  });
});
