// Upload limits that hold (issue #13): a stream with no Content-Length stops at IMPORT_MAX_BYTES and
// leaves nothing behind, uploads in progress per source are capped, an account's stored files have a
// quota (and an import can be deleted to make room), and only CSV content types are taken.
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as sourceImports from "@/app/api/flows/[flowId]/sources/[sourceId]/imports/route";
import { getDatabase, getDb } from "@/db";
import { failAbandonedUploads } from "@/lib/imports/store";
import { insertSession } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";
import { env } from "@/lib/env";
import { addPerson, createAccount } from "../helpers/accounts";
import { basic, callImport, json, uploadFile } from "../helpers/imports";

type Account = Awaited<ReturnType<typeof createAccount>>;

const rows = async (query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
const countOf = async (query: ReturnType<typeof sql>) => Number((await rows(query))[0]!.n);

/** What the import tables hold for one source: imports, staged rows, stored file pieces, row keys. */
async function heldBy(sourceId: string) {
  return {
    imports: await countOf(sql`select count(*)::int as n from imports where source_id = ${sourceId}`),
    rows: await countOf(sql`select count(*)::int as n from import_rows r join imports i on i.id = r.import_id where i.source_id = ${sourceId}`),
    files: await countOf(sql`select count(*)::int as n from import_files f join imports i on i.id = f.import_id where i.source_id = ${sourceId}`),
    keys: await countOf(sql`select count(*)::int as n from import_row_keys k join imports i on i.id = k.import_id where i.source_id = ${sourceId}`),
  };
}

const NOTHING = { imports: 0, rows: 0, files: 0, keys: 0 };
const saved = { maxBytes: env.IMPORT_MAX_BYTES, active: env.IMPORT_MAX_ACTIVE_PER_SOURCE, quota: env.IMPORT_STORAGE_QUOTA_BYTES };

afterEach(() => {
  env.IMPORT_MAX_BYTES = saved.maxBytes;
  env.IMPORT_MAX_ACTIVE_PER_SOURCE = saved.active;
  env.IMPORT_STORAGE_QUOTA_BYTES = saved.quota;
});

/** A body with no Content-Length whose reads the test can count, and hold after the first two chunks. */
function countedBody(chunks: () => Uint8Array | null, gate?: Promise<void>) {
  const seen = { bytes: 0, pulls: 0 };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (seen.pulls++ === 2 && gate) await gate; // past the 64 KB read for detection
      const chunk = chunks();
      if (chunk === null) return controller.close();
      seen.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, seen };
}

function post(target: Account, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = { "content-type": "text/csv" }) {
  const request = new Request(`http://localhost:3000/api/flows/${target.flowId}/sources/${target.sourceId}/imports`, {
    method: "POST",
    headers: { authorization: basic(target.apiKey), ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return sourceImports.POST(request, { params: Promise.resolve({ flowId: target.flowId, sourceId: target.sourceId }) });
}

const encoder = new TextEncoder();
const LINE = encoder.encode("someone@example.com,5125550100,some notes about this lead\n");

/** Lines of CSV, 64 KB at a time, up to `total` bytes (a test that fails must still end). */
function csvChunks(total = 16 * 1024 * 1024) {
  let sent = 0;
  const header = encoder.encode("Email,Phone,Notes\n");
  const block = Buffer.concat(Array.from({ length: Math.floor(65_536 / LINE.byteLength) }, () => LINE));
  return () => {
    if (sent >= total) return null;
    const chunk = sent === 0 ? Buffer.concat([header, block]) : block;
    sent += chunk.byteLength;
    return chunk;
  };
}

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

let account: Account;

beforeAll(async () => {
  account = await createAccount({ email: "limits@example.com", password: "limits-password" });
});

describe("a stream past IMPORT_MAX_BYTES with no Content-Length", () => {
  it("is refused with 413 within one chunk of the limit, and the import tables hold nothing of it", async () => {
    const target = await createAccount({ email: "limits-stream@example.com", password: "limits-password" });
    // Past several stored file pieces (1 MB) and row batches (1,000 rows) before the limit is reached.
    env.IMPORT_MAX_BYTES = 3 * 1024 * 1024;
    const { body, seen } = countedBody(csvChunks());
    const res = await post(target, body);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("The file is larger than the 3 MB limit. Split it into smaller files and import each one.");
    expect(seen.bytes).toBeLessThanOrEqual(env.IMPORT_MAX_BYTES + 2 * 65_536);
    expect(await heldBy(target.sourceId)).toEqual(NOTHING);
  });
});

describe("uploads in progress per source", () => {
  it("answers 429 with Retry-After past IMPORT_MAX_ACTIVE_PER_SOURCE, and takes uploads again once they finish", async () => {
    const target = await createAccount({ email: "limits-active@example.com", password: "limits-password" });
    env.IMPORT_MAX_ACTIVE_PER_SOURCE = 2;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = [0, 1].map(() => post(target, countedBody(csvChunks(200_000), gate).body));
    await until(async () => (await countOf(sql`select count(*)::int as n from imports where source_id = ${target.sourceId} and status = 'receiving'`)) === 2);

    const third = await post(target, "Email\na@b.co\n");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await third.json()).error).toMatch(/^This source already has 2 uploads in progress/);
    // Another source of the same account is not held up.
    const other = await createAccount({ email: "limits-active-other@example.com", password: "limits-password" });
    expect((await post(other, "Email\na@b.co\n")).status).toBe(201);

    release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([201, 201]);
    expect((await post(target, "Email\na@b.co\n")).status).toBe(201);
  });

  it("does not count an upload that has made no progress for minutes (its process died)", async () => {
    const target = await createAccount({ email: "limits-dead@example.com", password: "limits-password" });
    env.IMPORT_MAX_ACTIVE_PER_SOURCE = 1;
    await getDb().execute(sql`insert into imports (id, account_id, flow_id, source_id, status, settings, created_at, updated_at)
      values ('dead-upload', ${target.accountId}, ${target.flowId}, ${target.sourceId}, 'receiving', '{}'::jsonb, now() - interval '1 hour', now() - interval '1 hour')`);
    expect((await post(target, "Email\na@b.co\n")).status).toBe(201);

    // The worker's sweep then marks it failed and deletes what it had stored.
    await getDb().execute(sql`insert into import_rows (import_id, line, fields) values ('dead-upload', 2, '["x"]')`);
    expect(await failAbandonedUploads(getDatabase(), new Date(Date.now() - 30 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await rows(sql`select status, error from imports where id = 'dead-upload'`)).toEqual([{ status: "failed", error: "The upload did not finish. Upload the file again." }]);
    expect(await countOf(sql`select count(*)::int as n from import_rows where import_id = 'dead-upload'`)).toBe(0);
  });
});

describe("stored files per account", () => {
  it("refuses with 413 past IMPORT_STORAGE_QUOTA_BYTES, says how to free space, and takes the file once an import is deleted", async () => {
    const target = await createAccount({ email: "limits-quota@example.com", password: "limits-password" });
    const first = await json<{ id: string; bytes: number }>(uploadFile(target, "Email,Notes\n" + "a@b.co,notes\n".repeat(2000)), 201);
    env.IMPORT_STORAGE_QUOTA_BYTES = first.bytes + 1000;

    const res = await uploadFile(target, "Email,Notes\n" + "c@d.co,notes\n".repeat(200));
    expect(res.status).toBe(413);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/^Your account's imports already hold .* of the .* allowed/);
    expect(error).toMatch(/Delete imports you no longer need/);
    expect(await countOf(sql`select count(*)::int as n from imports where source_id = ${target.sourceId}`)).toBe(1);

    // A source's key may not delete; a viewer may not; an editor may, and the leads would stay.
    expect((await callImport(first.id, "status", { method: "DELETE", auth: target.apiKey })).status).toBe(403);
    const viewer = await addPerson({ accountId: target.accountId, email: "quota-viewer@example.com", password: "viewer-password", role: "viewer" });
    const editor = await addPerson({ accountId: target.accountId, email: "quota-editor@example.com", password: "editor-password", role: "editor" });
    const cookieOf = async (holderId: string) => {
      const token = `quota-${holderId}`;
      await insertSession({ tokenHash: sha256(token), accountHolderId: holderId, expiresAt: new Date(Date.now() + 3_600_000) });
      return `lp_session=${token}`;
    };
    expect((await callImport(first.id, "status", { method: "DELETE", auth: await cookieOf(viewer.id) })).status).toBe(403);
    expect((await callImport(first.id, "status", { method: "DELETE", auth: await cookieOf(editor.id) })).status).toBe(204);
    expect((await callImport(first.id, "status", { auth: target.apiKey })).status).toBe(404);
    expect(await heldBy(target.sourceId)).toEqual(NOTHING);

    expect((await uploadFile(target, "Email,Notes\n" + "c@d.co,notes\n".repeat(200))).status).toBe(201);
  });

  it("stops a stream that would pass the quota, and keeps nothing of it", async () => {
    const target = await createAccount({ email: "limits-quota-stream@example.com", password: "limits-password" });
    env.IMPORT_STORAGE_QUOTA_BYTES = 2 * 1024 * 1024;
    const { body, seen } = countedBody(csvChunks());
    const res = await post(target, body);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("Your account's imports already hold 0 bytes of the 2 MB allowed for stored files, and this file would pass it. Delete imports you no longer need (DELETE /api/imports/{id}; their leads are kept), or wait: a finished import's file is removed 30 days after it finishes.");
    expect(seen.bytes).toBeLessThanOrEqual(2 * 1024 * 1024 + 2 * 65_536);
    expect(await heldBy(target.sourceId)).toEqual(NOTHING);
  });
});

describe("content types", () => {
  it.each(["text/csv", "text/csv; charset=utf-8", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream", "TEXT/CSV;charset=windows-1252"])(
    "takes %s",
    async (type) => {
      expect((await post(account, "Email\na@b.co\n", { "content-type": type })).status).toBe(201);
    },
  );

  it.each(["application/json", "application/xml", "image/png", "text/html", "multipart/form-data; boundary=x"])("answers 415 to %s", async (type) => {
    const res = await post(account, "Email\na@b.co\n", { "content-type": type });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatch(/^Send the CSV file as the request body with Content-Type: text\/csv/);
  });

  it("answers 415 to a body without a Content-Type", async () => {
    const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(encoder.encode("Email\na@b.co\n")), c.close()) });
    const res = await post(account, body, {});
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatch(/Content-Type: text\/csv/);
  });
});
