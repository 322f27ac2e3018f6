// Files, uploads and database reads for the cluster test.
import { spawnSync } from "node:child_process";
import type pg from "pg";
import { sharedPath } from "../helpers/shared-dir";
import { basicAuth, type Target } from "./leads";
import type { App } from "./processes";

export type ImportFile = { name: string; content: string };
export type StartedImport = { id: string; file: ImportFile; app: string };
export type ImportState = { id: string; status: string; rows: number; processed: number };

/** gen-leads.mjs output; the same seed gives the same rows, so a smaller file is the larger one's first part. */
export function generateCsv(name: string, rows: number, seed: number): ImportFile {
  const gen = spawnSync(process.execPath, [sharedPath("tools", "gen-leads.mjs"), String(rows), "--seed", String(seed)], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  if (gen.status !== 0) throw new Error(`gen-leads failed: ${gen.stderr}`);
  return { name, content: gen.stdout };
}

/** POST .../imports?auto=1 with the source's API key: map, validate and import in one call. */
export async function upload(app: App, target: Target, file: ImportFile, body?: ReadableStream<Uint8Array>): Promise<StartedImport> {
  const res = await fetch(`${app.baseUrl}/api/flows/${target.flowId}/sources/${target.sourceId}/imports?auto=1`, {
    method: "POST",
    headers: { authorization: basicAuth(target.apiKey), "content-type": "text/csv", "x-file-name": file.name },
    body: body ?? file.content,
    duplex: "half",
  } as RequestInit);
  const json = (await res.json()) as { id?: string };
  if (res.status !== 201 || !json.id) throw new Error(`uploading ${file.name} to ${app.name} answered ${res.status}: ${JSON.stringify(json)}`);
  return { id: json.id, file, app: app.name };
}

/**
 * The file in `pieces` parts with a pause before each after the first. `onSent` runs once three parts
 * are out: by then the server is surely handling the request (a signal sent while only the headers
 * are on the wire can find the connection idle, and an idle connection is closed at once).
 */
export function slowBody(content: string, pieces: number, pauseMs: number, onSent: () => void): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(content);
  const size = Math.ceil(bytes.length / pieces);
  let offset = 0;
  return new ReadableStream({
    async pull(controller) {
      if (offset > 0) {
        if (offset === 3 * size) onSent();
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

export async function importStates(db: pg.Client, ids: string[]): Promise<ImportState[]> {
  const { rows } = await db.query<{ id: string; status: string; rows: number; processed_rows: number }>(
    "select id, status, rows, processed_rows from imports where id = any($1)",
    [ids],
  );
  return rows.map((r) => ({ id: r.id, status: r.status, rows: r.rows, processed: r.processed_rows }));
}
