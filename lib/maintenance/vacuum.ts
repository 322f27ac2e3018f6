// Deleting rows frees no space by itself: PostgreSQL reuses a table's pages only once VACUUM has
// recorded them as free, and PGlite has no autovacuum, so there a refused 500 MB upload (some 1.8 GB
// of staged rows, index and file pieces) would stay allocated for ever (issue #13). Whoever deletes
// much asks for a vacuum of those tables here. It runs outside any transaction (VACUUM cannot run in
// one), in the background: a caller never waits for it and never fails because of it (a failure is
// logged; the space is then reclaimed by the next vacuum). Requests coalesce: one vacuum per database
// at a time, and the tables asked for meanwhile are vacuumed together once it ends, so a client
// sending refused uploads in a loop costs at most one vacuum running and one waiting.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";

/** The tables that hold bulk data deleted on refusal, cancellation or retention. */
export type BulkTable = "import_rows" | "import_files" | "import_row_keys" | "import_lines" | "upload_pieces";

type State = { running: Promise<void>; next: Set<BulkTable> | null; nextDone: Promise<void> | null };
const states = new WeakMap<Db, State>();

/** Vacuums `tables` soon; the promise (never rejected) settles once they are vacuumed, for tests. */
export function vacuumSoon(db: Db, tables: readonly BulkTable[]): Promise<void> {
  if (tables.length === 0) return Promise.resolve();
  const state = states.get(db);
  if (!state) {
    const running = vacuum(db, new Set(tables)).finally(() => afterRun(db));
    states.set(db, { running, next: null, nextDone: null });
    return running;
  }
  if (!state.next) {
    const next = new Set<BulkTable>();
    state.next = next;
    state.nextDone = state.running.then(() => vacuum(db, next)).finally(() => afterRun(db));
  }
  for (const table of tables) state.next.add(table);
  return state.nextDone!;
}

/** Settles when no vacuum is running or waiting for this database. */
export async function vacuumsSettled(db: Db): Promise<void> {
  for (let state = states.get(db); state; state = states.get(db)) await (state.nextDone ?? state.running);
}

function afterRun(db: Db) {
  const state = states.get(db);
  if (!state) return;
  if (state.next && state.nextDone) {
    // The waiting vacuum starts now: it becomes the running one, and new requests wait behind it.
    states.set(db, { running: state.nextDone, next: null, nextDone: null });
  } else states.delete(db);
}

async function vacuum(db: Db, tables: ReadonlySet<BulkTable>): Promise<void> {
  const names = [...tables].sort().join(", ");
  const started = Date.now();
  try {
    await db.execute(sql.raw(`vacuum ${names}`));
    logger.info({ tables: names, ms: Date.now() - started }, "vacuumed after deleting bulk rows");
  } catch (err) {
    logger.warn({ err, tables: names }, "vacuum after deleting bulk rows failed; the space stays allocated until the next vacuum");
  }
}
