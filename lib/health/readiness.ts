// Readiness for load balancers: the database answers and every committed migration is applied.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";

export type Readiness = { ready: boolean; database: "ok" | "unreachable"; migrations: { applied: number; expected: number } };

function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(process.cwd(), "drizzle", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

export async function checkReadiness(db: Db): Promise<Readiness> {
  const expected = expectedMigrations();
  try {
    // execute() is typed per driver; both pg and PGlite return { rows }.
    const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: Array<{ n: number }> };
    const applied = Number(result.rows[0]?.n ?? 0);
    return { ready: applied >= expected, database: "ok", migrations: { applied, expected } };
  } catch (err) {
    logger.warn({ err }, "readiness check: the database did not answer");
    return { ready: false, database: "unreachable", migrations: { applied: 0, expected } };
  }
}
