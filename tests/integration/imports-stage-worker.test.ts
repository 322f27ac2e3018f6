// Staging in a worker thread (issue #12, lib/imports/stage/parse-in-worker.ts): a file larger than
// its first chunk is parsed in a worker, a smaller one in the request's thread. Each file below is
// staged both ways and must give the same import and the same rows: line numbers, mixed line
// endings, blank and short rows, encodings, refusals, and a re-read with other settings.
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db";
import { env } from "@/lib/env";
import { stagingThread } from "@/lib/imports/stage/stage";
import { queryOf, readRows } from "@/lib/imports/stage/staged-rows";
import { createAccount } from "../helpers/accounts";
import { callImport, json, uploadFile } from "../helpers/imports";

type Account = Awaited<ReturnType<typeof createAccount>>;
let target: Account;
const saved = { minWorkerBytes: stagingThread.minWorkerBytes, maxBytes: env.IMPORT_MAX_BYTES };

beforeAll(async () => {
  target = await createAccount({ email: "stage-worker@example.com", password: "stage-worker-password" });
});

afterEach(() => {
  stagingThread.minWorkerBytes = saved.minWorkerBytes;
  env.IMPORT_MAX_BYTES = saved.maxBytes;
});

const IN_THREAD = Number.POSITIVE_INFINITY;
const IN_WORKER = 0;

/** The upload's answer, and for a staged file its import's columns and rows. */
async function stage(where: number, content: string | Uint8Array, chunkSize = 7) {
  stagingThread.minWorkerBytes = where;
  const res = await uploadFile(target, content, { chunkSize });
  const body = (await res.json()) as { id?: string; error?: string };
  if (!body.id) return { status: res.status, body };
  return { status: res.status, ...(await importOf(body.id)) };
}

async function importOf(id: string) {
  const { rows } = (await getDb().execute(sql`select status, settings, headers, notices, rows, unreadable_rows, bytes from imports where id = ${id}`)) as unknown as { rows: unknown[] };
  const staged = (await readRows(queryOf(getDatabase()), id, 0, 100_000)).map(({ line, fields, problem }) => ({ line, fields, problem }));
  return { id, imp: rows[0], staged };
}

async function sameBothWays(content: string | Uint8Array, chunkSize?: number) {
  const inThread = await stage(IN_THREAD, content, chunkSize);
  const inWorker = await stage(IN_WORKER, content, chunkSize);
  const withoutId = (staged: object) => ({ ...staged, id: undefined });
  expect(withoutId(inWorker)).toEqual(withoutId(inThread));
  return inWorker;
}

describe("staging in a worker thread gives what staging in the request's thread gives", () => {
  it("line numbers across mixed line endings, quoted line breaks, blank, short and long rows", async () => {
    const content = 'email,phone,state\r\na@x.io,"5125550100\r\nsecond line",TX\n\n  \nb@x.io,5125550101\rc@x.io,5125550102,TX,extra\n,,\nd@x.io,"5125550103\n\n",CA\r\ne@x.io,5125550104,NY,,';
    const staged = await sameBothWays(content);
    expect(staged).toMatchObject({ status: 201 });
    expect((staged as { staged: { line: number }[] }).staged.map((row) => row.line)).toEqual([2, 6, 7, 9, 12]);
  });

  it("windows-1252 and UTF-16 files, with the notices they bring", async () => {
    const latin = Buffer.from("name,city\nJos\xe9,Z\xfcrich\n", "latin1");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name,city\r\nZoë,Malmö\r\n", "utf16le")]);
    for (const content of [latin, utf16]) expect(await sameBothWays(content, 3)).toMatchObject({ status: 201 });
  });

  it("a file of many pieces, in 64 KB chunks: every row, in line order", async () => {
    const lines = ["email,phone,note"];
    for (let i = 0; i < 30_000; i++) lines.push(`lead${i}@example.com,512555${String(i % 10_000).padStart(4, "0")},"note ${i}, with a comma"`);
    const staged = (await sameBothWays(lines.join("\n") + "\n", 64 * 1024)) as { staged: { line: number }[] };
    expect(staged.staged).toHaveLength(30_000);
    expect(staged.staged.at(-1)!.line).toBe(30_001);
  });

  it("refusals: an unclosed quote names its line, a header with no rows", async () => {
    for (const content of ['email,phone\na@x.io,1\nb@x.io,"2\nc@x.io,3\n', "email,phone\r\n\r\n"]) {
      const refused = await sameBothWays(content);
      expect(refused).toMatchObject({ status: 400 });
    }
  });

  it("refuses a stream past IMPORT_MAX_BYTES with 413 and keeps nothing of it", async () => {
    env.IMPORT_MAX_BYTES = 1024 * 1024;
    const count = async () => Number(((await getDb().execute(sql`select count(*)::int as n from import_rows`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
    const before = await count();
    const big = "email\n" + "someone@example.com\n".repeat(100_000);
    const refused = await stage(IN_WORKER, big, 64 * 1024);
    expect(refused).toMatchObject({ status: 413, body: { error: expect.stringMatching(/larger than the 1 MB limit/) } });
    expect(await count()).toBe(before);
  });

  it("re-reads a stored file with other settings in the worker", async () => {
    const content = "email;phone\na@x.io;1\nb@x.io;2\n";
    stagingThread.minWorkerBytes = IN_WORKER;
    const { id } = await json<{ id: string }>(uploadFile(target, content), 201);
    await json(callImport(id, "settings", { method: "PUT", auth: target.apiKey, body: { delimiter: "," } }));
    const commaRead = await importOf(id);
    expect(commaRead.staged).toEqual([
      { line: 2, fields: ["a@x.io;1"], problem: null },
      { line: 3, fields: ["b@x.io;2"], problem: null },
    ]);
    await json(callImport(id, "settings", { method: "PUT", auth: target.apiKey, body: { delimiter: ";" } }));
    expect((await importOf(id)).staged).toEqual([
      { line: 2, fields: ["a@x.io", "1"], problem: null },
      { line: 3, fields: ["b@x.io", "2"], problem: null },
    ]);
  });
});
