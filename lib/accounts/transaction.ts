// A transaction whose expected refusals are values: when the work returns anything but
// { status: "ok" }, everything it wrote is rolled back and the refusal is returned, not thrown.
import type { Db } from "@/db/client";

export async function inTransaction<T extends { status: string }>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const refusal: { result?: T } = {};
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx as unknown as Db);
      if (result.status !== "ok") {
        refusal.result = result;
        throw new Error("rolled back");
      }
      return result;
    });
  } catch (error) {
    if (refusal.result) return refusal.result;
    throw error;
  }
}

/** Whether an error is PostgreSQL's unique violation (a concurrent insert won the race). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
