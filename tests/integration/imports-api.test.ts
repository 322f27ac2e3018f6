// The import API as scripts use it: who may create and read an import, auto=1 end to end through
// the real queue and worker (pg-boss on this engine), and progress as server-sent events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDatabase, getDb } from "@/db";
import { flows } from "@/db/schema";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { startImportWorker } from "@/lib/imports/jobs/worker";
import { logger } from "@/lib/logger";
import { createAccount } from "../helpers/accounts";
import { callImport, runJobToEnd, uploadFile } from "../helpers/imports";

let owner: Awaited<ReturnType<typeof createAccount>>;
let other: Awaited<ReturnType<typeof createAccount>>;

const FILE = "First Name,Email,Phone,State\nAnn,ann@example.com,5125550100,TX\nBob,,,TX\nCy,cy@example.com,5125550102,VA\n";

beforeAll(async () => {
  owner = await createAccount({ email: "api-owner@example.com", password: "owner-password" });
  other = await createAccount({ email: "api-other@example.com", password: "other-password" });
});

afterAll(async () => {
  await stopQueue(getDatabase());
});

async function created(res: Promise<Response>) {
  const response = await res;
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; status: string; url: string };
}

describe("who may use an import", () => {
  it("answers 401 without credentials and with a wrong key", async () => {
    expect((await uploadFile(owner, FILE, { auth: "" })).status).toBe(401);
    expect((await uploadFile(owner, FILE, { auth: `Basic ${Buffer.from("API:lpk_wrong").toString("base64")}` })).status).toBe(401);
  });

  it("lets another source's key neither create nor read this source's imports", async () => {
    const intruder = { ...owner, apiKey: other.apiKey };
    expect((await uploadFile(intruder, FILE)).status).toBe(404);
    const { id } = await created(uploadFile(owner, FILE));
    for (const route of ["status", "mapping", "problems", "results.csv", "problems.csv", "events"] as const) {
      expect((await callImport(id, route, { auth: other.apiKey })).status).toBe(404);
    }
    expect((await callImport(id, "cancel", { auth: other.apiKey, body: {} })).status).toBe(404);
    expect((await callImport(id, "status", { auth: owner.apiKey })).status).toBe(200);
  });

  it("lets the Submission Docs token of the source drive its import", async () => {
    const docs = `Bearer ${owner.docsToken}`;
    const { id } = await created(uploadFile(owner, FILE, { auth: docs }));
    expect((await callImport(id, "status", { auth: docs })).status).toBe(200);
    expect((await callImport(id, "status", { auth: `Bearer ${other.docsToken}` })).status).toBe(404);
    expect((await callImport(id, "status", { auth: "x", query: `docs_token=${owner.docsToken}`, headers: { authorization: "" } })).status).toBe(200);
  });

  it("stops honouring the docs token while the flow is disabled, as the docs page does", async () => {
    const docs = `Bearer ${owner.docsToken}`;
    await getDb().update(flows).set({ enabled: false }).where(eq(flows.id, owner.flowId));
    try {
      expect((await uploadFile(owner, FILE, { auth: docs })).status).toBe(401);
    } finally {
      await getDb().update(flows).set({ enabled: true }).where(eq(flows.id, owner.flowId));
    }
    expect((await uploadFile(owner, FILE, { auth: docs })).status).toBe(201);
  });
});

describe("auto=1", () => {
  it("maps with the suggestions, validates and imports every row through the worker", async () => {
    const worker = await startImportWorker(getDatabase(), { concurrency: 1, log: logger });
    try {
      const { id, status, url } = await created(uploadFile(owner, FILE, { query: "auto=1" }));
      expect(status).toBe("validating");
      expect(url).toBe(`http://localhost:3000/api/imports/${id}`);
      let view: Record<string, unknown> = {};
      for (let i = 0; i < 120 && view.status !== "completed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        view = await (await callImport(id, "status", { auth: owner.apiKey })).json();
      }
      expect(view).toMatchObject({ status: "completed", rows: 3, invalid: 1, processed: 3, outcomes: { success: 2, failure: 1, error: 0 }, mode: "all" });
    } finally {
      await worker.stop();
    }
  });

  it("refuses a file none of whose columns match a field, and keeps nothing", async () => {
    const res = await uploadFile(owner, "Foo,Bar\n1,2\n", { query: "auto=1" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^None of the file's columns could be matched/);
  });
});

describe("progress events", () => {
  const read = async (res: Response) => {
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    return res.text();
  };

  it("streams progress while the job works, then the final state and end", async () => {
    const { id } = await created(uploadFile(owner, FILE));
    const mapping = [{ column: 0, fieldId: "first_name" }, { column: 1, fieldId: "email" }, { column: 2, fieldId: "phone_1" }, { column: 3, fieldId: "state" }];
    await callImport(id, "mapping", { method: "PUT", auth: owner.apiKey, body: { mapping } });
    await callImport(id, "confirm", { auth: owner.apiKey, body: { mode: "valid" } });
    const stream = callImport(id, "events", { auth: owner.apiKey }).then(read);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await runJobToEnd(id, { batchSize: 1 });
    const text = await stream;
    const events = text.split("\n\n").filter((block) => block.includes("event: "));
    const statuses = events.filter((e) => e.includes("event: progress")).map((e) => JSON.parse(e.split("data: ")[1]!).status);
    expect(statuses[0]).toBe("validating");
    expect(statuses.at(-1)).toBe("completed");
    expect(events.at(-1)).toBe('event: end\ndata: {"status":"completed"}');
    const lastId = /id: (\d+)/.exec(events.filter((e) => e.includes("event: progress")).at(-1)!)![1]!;
    const resumed = await read(await callImport(id, "events", { auth: owner.apiKey, headers: { "last-event-id": lastId } }));
    expect(resumed).not.toContain("event: progress");
    expect(resumed).toContain("event: end");
  });
});
