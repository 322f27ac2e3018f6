// An import worker in a child process (import-child.ts), killed with SIGKILL mid-import, for the crash
// tests. On PostgreSQL the child shares the test's database. PGlite is one process at a time, so the
// import is prepared in a database on disk of its own, handed to the child, and opened again after the
// kill; `close` closes that handle (a no-op on PostgreSQL).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDatabase } from "@/db";
import { openDatabase, type Database } from "@/db/client";
import { applyMigrations } from "@/db/migrations";

export type KilledWorker = { database: Database; importId: string; close: () => Promise<void> };

export async function killWorkerMidImport(options: {
  /** Makes the import the child runs, in the database given; returns its id. */
  prepare: (database: Database) => Promise<string>;
  /** Reads the child's output so far ("batch <last line>" per batch, before its commit): true to kill now. */
  killWhen: (output: string) => boolean;
  env?: Record<string, string>;
}): Promise<KilledWorker> {
  const pg = getDatabase().kind === "pg";
  const dataDir = pg ? "" : mkdtempSync(join(tmpdir(), "leadport-killed-worker-"));
  const before = pg ? getDatabase() : openDatabase({ dataDir });
  if (!pg) await applyMigrations(before);
  const importId = await options.prepare(before);
  if (!pg) await before.close();

  // node --import tsx, not the tsx CLI: the CLI runs the script in a second process the kill would miss.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/import-child.ts", importId], {
    env: { ...process.env, DATABASE_URL: pg ? process.env.DATABASE_URL : "", LEADPORT_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...options.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (options.killWhen(output)) resolve();
      else if (output.includes("finished")) reject(new Error("the worker finished before it could be killed"));
    });
    child.once("exit", () => reject(new Error(`the worker exited before it could be killed: ${output}`)));
  });
  child.kill("SIGKILL");
  if ((await exited) !== "SIGKILL") throw new Error("the worker was not killed by SIGKILL");

  if (pg) return { database: getDatabase(), importId, close: async () => {} };
  const database = openDatabase({ dataDir });
  return {
    database,
    importId,
    close: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
