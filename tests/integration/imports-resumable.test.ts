// Resumable uploads (tus) through the real route handler: a chunked upload cut mid-way keeps what
// arrived, resumes with HEAD + PATCH from the offset the server names, and completes into the same
// import a one-request upload of the same file makes. Access, limits, refusals and expiry as well.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { Upload as TusUpload } from "tus-js-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as uploadsRoute from "@/app/api/uploads/[[...id]]/route";
import { getDatabase, getDb } from "@/db";
import { env } from "@/lib/env";
import { queryOf, readFile } from "@/lib/imports/stage/staged-rows";
import { pruneExpired } from "@/lib/maintenance/prune";
import { vacuumsSettled } from "@/lib/maintenance/vacuum";
import { createAccount } from "../helpers/accounts";
import { basic, json, streamOf, uploadFile } from "../helpers/imports";

type Account = Awaited<ReturnType<typeof createAccount>>;
type Method = "POST" | "HEAD" | "PATCH" | "DELETE";

let source: Account;
let other: Account;
const saved = { maxBytes: env.IMPORT_MAX_BYTES, active: env.IMPORT_MAX_ACTIVE_PER_SOURCE, quota: env.IMPORT_STORAGE_QUOTA_BYTES };

beforeAll(async () => {
  source = await createAccount({ email: "resumable@example.com", password: "resumable-password" });
  other = await createAccount({ email: "resumable-other@example.com", password: "resumable-password" });
});

afterEach(() => {
  env.IMPORT_MAX_BYTES = saved.maxBytes;
  env.IMPORT_MAX_ACTIVE_PER_SOURCE = saved.active;
  env.IMPORT_STORAGE_QUOTA_BYTES = saved.quota;
});

function tus(method: Method, path: string, headers: Record<string, string>, body?: ReadableStream<Uint8Array>): Promise<Response> {
  const request = new Request(`http://localhost:3000${path}`, { method, headers: { "tus-resumable": "1.0.0", ...headers }, body, duplex: "half" } as RequestInit);
  return uploadsRoute[method](request);
}

const metadata = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");

async function create(account: Account, length: number, values: Record<string, string> = { filename: "leads.csv", flowId: account.flowId, sourceId: account.sourceId }) {
  return tus("POST", "/api/uploads", { authorization: basic(account.apiKey), "upload-length": String(length), "upload-metadata": metadata(values) });
}

const patch = (location: string, account: Account, offset: number, body: ReadableStream<Uint8Array>) =>
  tus("PATCH", location, { authorization: basic(account.apiKey), "upload-offset": String(offset), "content-type": "application/offset+octet-stream" }, body);

/** Sends `bytes`, then fails the way a dropped connection does. */
function cutAfter(bytes: Uint8Array, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.error(new Error("socket hang up"));
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

/** About 2.3 MB of leads: several 1 MB pieces, so the cut lands mid-file and mid-piece. */
function leadsCsv(rows: number): Uint8Array {
  const lines = ["first_name,last_name,email,phone_1,state,zip"];
  for (let i = 0; i < rows; i++) lines.push(`Ann${i},Lee${i},ann${i}@example.com,512555${String(i % 10000).padStart(4, "0")},TX,${String(70000 + (i % 9999))}`);
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

const rowsOf = async (query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

async function importOf(id: string) {
  const [row] = await rowsOf(sql`select status, file_name, settings, headers, notices, rows, unreadable_rows, bytes, source_id from imports where id = ${id}`);
  const file: Uint8Array[] = [];
  for await (const piece of readFile(queryOf(getDatabase()), id)) file.push(piece);
  const staged = await rowsOf(sql`select line, fields, problem from import_rows where import_id = ${id} order by line`);
  return { row, staged, file: Buffer.concat(file) };
}

describe("a resumable upload cut mid-way", () => {
  it("resumes from the offset the server kept and becomes the same import as a one-request upload", async () => {
    const file = leadsCsv(40_000);
    expect(file.length).toBeGreaterThan(2_000_000);
    const created = await create(source, file.length);
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]{24}$/);

    const cut = 1_500_000 + 12_345;
    await patch(location, source, 0, cutAfter(file.subarray(0, cut)));

    const head = await tus("HEAD", location, { authorization: basic(source.apiKey) });
    expect(head.status).toBe(200);
    expect(head.headers.get("upload-length")).toBe(String(file.length));
    expect(Number(head.headers.get("upload-offset"))).toBe(cut);
    expect(head.headers.get("x-import-id")).toBeNull();

    // A chunk from any other offset is refused without touching the upload.
    expect((await patch(location, source, 0, streamOf(file.subarray(0, 1000)))).status).toBe(409);

    const done = await patch(location, source, cut, streamOf(file.subarray(cut), 256 * 1024));
    expect(done.status).toBe(204);
    expect(done.headers.get("upload-offset")).toBe(String(file.length));
    const importId = done.headers.get("x-import-id")!;
    expect(importId).toMatch(/^[0-9a-f]{24}$/);
    expect(done.headers.get("x-import-url")).toMatch(new RegExp(`/api/imports/${importId}$`));

    const single = await json<{ id: string }>(uploadFile(source, file, { chunkSize: 256 * 1024, query: "name=leads.csv" }), 201);
    const resumed = await importOf(importId);
    const oneRequest = await importOf(single.id);
    expect(resumed.row).toEqual(oneRequest.row);
    expect(resumed.row).toMatchObject({ status: "staged", file_name: "leads.csv", rows: 40_000, bytes: file.length, source_id: source.sourceId });
    expect(resumed.staged).toEqual(oneRequest.staged);
    expect(Buffer.compare(resumed.file, Buffer.from(file))).toBe(0);

    // The pieces are gone once staged; a later HEAD still says which import the upload became.
    expect(await rowsOf(sql`select count(*)::int as n from upload_pieces`)).toEqual([{ n: 0 }]);
    const after = await tus("HEAD", location, { authorization: basic(source.apiKey) });
    expect(after.headers.get("x-import-id")).toBe(importId);
  });
});

describe("who may continue an upload", () => {
  it("is the source that started it: another source's key finds nothing, and no key is a 401", async () => {
    const location = (await create(source, 10)).headers.get("location")!;
    expect((await tus("HEAD", location, { authorization: basic(other.apiKey) })).status).toBe(404);
    expect((await patch(location, other, 0, streamOf("email\na@b.c\n"))).status).toBe(404);
    expect((await tus("DELETE", location, { authorization: basic(other.apiKey) })).status).toBe(404);
    expect((await tus("HEAD", location, {})).status).toBe(401);
    expect((await tus("HEAD", location, { authorization: basic(source.apiKey) })).status).toBe(200);
  });

  it("cannot be started for another source's flow, nor without naming one", async () => {
    expect((await create(source, 10, { filename: "a.csv", flowId: other.flowId, sourceId: other.sourceId })).status).toBe(404);
    expect((await create(source, 10, { filename: "a.csv" })).status).toBe(403);
    const bad = await create(source, 10, { filename: "a.csv", flowId: source.flowId });
    expect({ status: bad.status, body: await bad.json() }).toEqual({ status: 400, body: { error: "Upload-Metadata must carry both flowId and sourceId, or neither." } });
  });

  it("can be given up (DELETE), and is gone afterwards", async () => {
    const location = (await create(source, 10)).headers.get("location")!;
    expect((await tus("DELETE", location, { authorization: basic(source.apiKey) })).status).toBe(204);
    expect((await tus("HEAD", location, { authorization: basic(source.apiKey) })).status).toBe(404);
  });
});

describe("limits and refusals", () => {
  it("refuses a file over IMPORT_MAX_BYTES when the upload is created", async () => {
    env.IMPORT_MAX_BYTES = 1000;
    expect((await create(source, 1001)).status).toBe(413);
  });

  it("counts unfinished resumable uploads among the source's uploads in progress", async () => {
    const quiet = await createAccount({ email: "resumable-busy@example.com", password: "resumable-password" });
    env.IMPORT_MAX_ACTIVE_PER_SOURCE = 1;
    const location = (await create(quiet, 100)).headers.get("location")!;
    const second = await create(quiet, 100);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("30");
    expect(((await second.json()) as { error: string }).error).toMatch(/already has 1 upload in progress/);
    await tus("DELETE", location, { authorization: basic(quiet.apiKey) });
    expect((await create(quiet, 100)).status).toBe(201);
  });

  it("holds a one-request upload to the same count and quota while a resumable upload is unfinished", async () => {
    const busy = await createAccount({ email: "resumable-quota@example.com", password: "resumable-password" });
    env.IMPORT_MAX_ACTIVE_PER_SOURCE = 1;
    env.IMPORT_STORAGE_QUOTA_BYTES = 1000;
    const location = (await create(busy, 900)).headers.get("location")!;
    await patch(location, busy, 0, streamOf("email\n"));
    expect((await uploadFile(busy, "email\na@example.com\n")).status).toBe(429);
    env.IMPORT_MAX_ACTIVE_PER_SOURCE = 2;
    const overQuota = await uploadFile(busy, `email\n${"a@example.com\n".repeat(10)}`);
    expect({ status: overQuota.status, error: ((await overQuota.json()) as { error: string }).error }).toMatchObject({ status: 413, error: expect.stringMatching(/already hold 900 bytes/) });
  });

  it("answers the last chunk of a file staging refuses with the one-request upload's message, and HEAD repeats it", async () => {
    const blank = new TextEncoder().encode("\n\n  \n");
    const location = (await create(source, blank.length)).headers.get("location")!;
    const vacuums = async () => Number((await rowsOf(sql`select vacuum_count as n from pg_stat_user_tables where relname = 'upload_pieces'`))[0]!.n);
    const vacuumedBefore = await vacuums();
    const last = await patch(location, source, 0, streamOf(blank));
    // Its pieces are deleted and their space vacuumed, to be reused (PGlite has no autovacuum).
    await vacuumsSettled(getDb());
    expect(await rowsOf(sql`select 1 from upload_pieces where upload_id = ${location.split("/").pop()!}`)).toEqual([]);
    expect(await vacuums()).toBeGreaterThan(vacuumedBefore);
    const oneRequest = await uploadFile(source, blank);
    expect({ status: last.status, body: await last.json() }).toEqual({ status: oneRequest.status, body: await oneRequest.json() });
    const head = await tus("HEAD", location, { authorization: basic(source.apiKey) });
    expect(decodeURIComponent(head.headers.get("x-import-error")!)).toMatch(/every line is blank/);
  });

  it("refuses an empty file as soon as it is created (tus finishes a zero-length upload at once)", async () => {
    const created = await create(source, 0);
    expect({ status: created.status, body: await created.json() }).toEqual({ status: 400, body: { error: "The file is empty. Choose the CSV file that holds the leads." } });
  });

  it("expires a day after it was created: 410, and the maintenance job deletes it with its pieces", async () => {
    const location = (await create(source, 100)).headers.get("location")!;
    await patch(location, source, 0, streamOf("email\n"));
    const id = location.split("/").pop()!;
    await getDb().execute(sql`update uploads set created_at = now() - interval '25 hours' where id = ${id}`);
    expect((await tus("HEAD", location, { authorization: basic(source.apiKey) })).status).toBe(410);
    expect((await pruneExpired(getDb(), { loginWindowMinutes: 15 })).uploads).toBe(1);
    expect(await rowsOf(sql`select count(*)::int as n from uploads where id = ${id}`)).toEqual([{ n: 0 }]);
    expect(await rowsOf(sql`select count(*)::int as n from upload_pieces where upload_id = ${id}`)).toEqual([{ n: 0 }]);
  });
});

describe("with tus-js-client, the wizard's library", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // The route handler behind a plain Node server, as Next serves it: the client speaks real HTTP.
    server = createServer(async (req, res) => {
      const method = req.method as Method;
      const body = method === "PATCH" || method === "POST" ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined;
      const request = new Request(`${base}${req.url}`, { method, headers: req.headers as Record<string, string>, body, duplex: "half" } as RequestInit);
      const response = await uploadsRoute[method](request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("uploads a file in chunks and learns the import it became from the last answer", async () => {
    const file = Buffer.from(leadsCsv(30_000));
    const importId = await new Promise<string | undefined>((resolve, reject) => {
      const upload = new TusUpload(file, {
        endpoint: `${base}/api/uploads`,
        chunkSize: 1024 * 1024,
        headers: { authorization: basic(source.apiKey) },
        metadata: { filename: "tus-client.csv", flowId: source.flowId, sourceId: source.sourceId },
        onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader("x-import-id")),
        onError: reject,
      });
      upload.start();
    });
    expect(importId).toMatch(/^[0-9a-f]{24}$/);
    expect((await importOf(importId!)).row).toMatchObject({ status: "staged", file_name: "tus-client.csv", rows: 30_000, bytes: file.length });
  });
});
