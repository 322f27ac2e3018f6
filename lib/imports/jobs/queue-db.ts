// pg-boss's database adapter over Leadport's own connection: the app's pg Pool, or the one PGlite
// instance (pg-boss cannot open a connection of its own to an embedded database).
// pg-boss sends its schema changes and maintenance as one string "BEGIN; ...; COMMIT;". Sent as is,
// an error in the middle would leave the shared connection inside a failed transaction, so those
// run through a real transaction here and roll back cleanly.
import type { Database } from "@/db/client";

export type QueueDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null }> };

const WRAPPED = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/;

export function queueDb(database: Database): QueueDb {
  return {
    async executeSql(text, values) {
      const wrapped = WRAPPED.exec(text);
      if (database.kind === "pg") {
        if (!wrapped) return database.pool.query(text, values);
        const client = await database.pool.connect();
        try {
          await client.query("BEGIN");
          const result = await client.query(wrapped[1]!);
          await client.query("COMMIT");
          return Array.isArray(result) ? (result.at(-1) ?? { rows: [] }) : result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      }
      const { pglite } = database;
      if (values && values.length > 0) {
        const result = await pglite.query(text, values);
        return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
      }
      const results = wrapped ? await pglite.transaction((tx) => tx.exec(wrapped[1]!)) : await pglite.exec(text);
      const last = results.at(-1);
      return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
    },
  };
}
