import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { vacuumSoon, vacuumsSettled } from "./vacuum";

/** A Db whose execute records the SQL text and waits for the test to let each statement end. */
function fakeDb(fail = false) {
  const statements: string[] = [];
  const pending: Array<() => void> = [];
  const db = {
    execute: (query: { queryChunks: Array<{ value: string[] }> }) => {
      statements.push(query.queryChunks.map((c) => c.value.join("")).join(""));
      return new Promise<void>((resolve, reject) => pending.push(() => (fail ? reject(new Error("vacuum refused")) : resolve())));
    },
  } as unknown as Db;
  const endNext = async () => {
    while (pending.length === 0) await new Promise((r) => setTimeout(r, 1));
    pending.shift()!();
  };
  return { db, statements, endNext };
}

describe("vacuumSoon", () => {
  it("runs one vacuum at a time and folds the requests made meanwhile into one", async () => {
    const { db, statements, endNext } = fakeDb();
    const first = vacuumSoon(db, ["import_rows", "import_files"]);
    const second = vacuumSoon(db, ["import_rows"]);
    const third = vacuumSoon(db, ["upload_pieces"]);
    await endNext();
    await first;
    await endNext();
    await Promise.all([second, third, vacuumsSettled(db)]);
    expect(statements).toEqual(["vacuum import_files, import_rows", "vacuum import_rows, upload_pieces"]);
    await Promise.all([vacuumSoon(db, ["import_row_keys"]), endNext()]);
    expect(statements).toHaveLength(3);
  });

  it("never rejects: a failed vacuum is logged and the caller goes on", async () => {
    const { db, endNext } = fakeDb(true);
    const done = vacuumSoon(db, ["import_rows"]);
    await endNext();
    await expect(done).resolves.toBeUndefined();
    await expect(vacuumsSettled(db)).resolves.toBeUndefined();
  });
});
