// A plain-SQL transaction over either engine, for hot paths that need COPY and batched
// INSERT ... ON CONFLICT inside one transaction (processing leads). Everything else uses drizzle.
import type { Database } from "./client";
import { copyInto, type CopyRows, type CopyTarget } from "./bulk-copy";

export interface SqlTransaction {
  // A name makes PostgreSQL prepare the statement once per connection (hot paths); PGlite ignores it.
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: { name?: string }): Promise<{ rows: T[] }>;
  copy(target: CopyTarget, rows: CopyRows): Promise<number>;
}

/**
 * One statement on its own, with no BEGIN and COMMIT around it (PostgreSQL runs a single statement
 * atomically), on whichever connection is free; named ones are prepared once per connection.
 */
export async function runStatement<R = Record<string, unknown>>(database: Database, text: string, params?: unknown[], options?: { name?: string }): Promise<{ rows: R[] }> {
  if (database.kind === "pglite") return { rows: (await database.pglite.query<R>(text, params)).rows };
  const config = options?.name ? { name: options.name, text, values: params } : { text, values: params };
  return { rows: (await database.pool.query(config)).rows as R[] };
}

export async function withTransaction<T>(database: Database, fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  if (database.kind === "pglite") {
    const result = await database.pglite.transaction((pgTx) =>
      fn({
        query: async <R,>(text: string, params?: unknown[]) => ({ rows: (await pgTx.query<R>(text, params)).rows }),
        copy: (target, rows) => copyInto({ kind: "pglite", client: pgTx }, target, rows),
      }),
    );
    // PGlite's lock is not fair: a loop of transactions (an import job's batches) takes it again before
    // queries already waiting get it, so pages and progress events would stall until the loop ends.
    await new Promise((resolve) => setImmediate(resolve));
    return result;
  }
  const client = await database.pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn({
      query: async <R,>(text: string, params?: unknown[], options?: { name?: string }) => {
        const config = options?.name ? { name: options.name, text, values: params } : { text, values: params };
        return { rows: (await client.query(config)).rows as R[] };
      },
      copy: (target, rows) => copyInto({ kind: "pg", client }, target, rows),
    });
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
