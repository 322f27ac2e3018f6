// Issue #16, "Word when an import ends": each import end (completed, failed, cancelled) writes one
// notice in the transaction that sets the status; the sender POSTs it signed, retries after a
// failure, and after a crash sends the same event id again.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db";
import { auditEvents, importNotifications } from "@/db/schema";
import { failImport } from "@/lib/imports/jobs/job";
import { getQueue, stopQueue } from "@/lib/imports/jobs/queue";
import { logger } from "@/lib/logger";
import { deliverNotice } from "@/lib/notifications/deliver";
import { claimDueNotices } from "@/lib/notifications/pump";
import { startNoticeSender } from "@/lib/notifications/sender";
import { EVENT_ID_HEADER, verifySignature } from "@/lib/notifications/signature";
import { removeImportWebhook, saveImportWebhook } from "@/lib/notifications/webhooks";
import type { Actor } from "@/lib/people/actor";
import { createAccount } from "../helpers/accounts";
import { signInAs } from "../helpers/as-person";
import { callImport, json, runJobToEnd, uploadFile } from "../helpers/imports";

type Received = { headers: IncomingMessage["headers"]; body: string };

let server: Server;
let baseUrl = "";
const received: Received[] = [];
/** Statuses the receiver answers with, one per request; 200 once they run out. */
const answers: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = answers.shift() ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stopQueue(getDatabase());
  await new Promise((resolve) => server.close(resolve));
});

const FILE = ["Email,Phone,State", "a@example.com,5125550101,TX", "b@example.com,5125550102,XX", "c@example.com,5125550103,CA"].join("\n");

let n = 0;
async function setup(path: string) {
  const target = await createAccount({ email: `hook${++n}@example.com`, password: "hook-password-1" });
  const actor: Actor = { id: target.holderId, email: `hook${n}@example.com`, role: "owner", accountId: target.accountId };
  const saved = await saveImportWebhook(actor, { type: "account" }, `${baseUrl}${path}`);
  if (saved.status !== "ok") throw new Error(JSON.stringify(saved));
  return { ...target, actor, secret: saved.secret };
}

async function uploadedAndMapped(target: Awaited<ReturnType<typeof setup>>, cookie?: string) {
  const upload = cookie ? uploadFile(target, FILE, { auth: "", headers: { cookie } }) : uploadFile(target, FILE);
  const { id } = await json<{ id: string }>(upload, 201);
  const { columns } = await json<{ columns: Array<{ column: number; fieldId: string | null }> }>(callImport(id, "mapping", { auth: target.apiKey }));
  await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: columns.map(({ column, fieldId }) => ({ column, fieldId })) } }));
  return id;
}

async function completedImport(target: Awaited<ReturnType<typeof setup>>, cookie?: string) {
  const id = await uploadedAndMapped(target, cookie);
  await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "all" } }), 202);
  expect(await runJobToEnd(id)).toBe("done");
  return id;
}

const noticesOf = (importId: string) => getDb().select().from(importNotifications).where(eq(importNotifications.importId, importId));
const at = (ms: number) => new Date(Date.now() + ms);

function expectSigned(request: Received, secret: string) {
  const header = String(request.headers["leadport-signature"]);
  expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifySignature({ header, body: request.body, secret })).toBe(true);
  expect(verifySignature({ header, body: `${request.body} `, secret })).toBe(false);
}

describe("import webhooks", () => {
  it("sends one signed event when an import completes, with its counts and absolute URLs", async () => {
    const target = await setup("/completed");
    const id = await completedImport(target);
    const [notice, ...more] = await noticesOf(id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ channel: "webhook", target: `${baseUrl}/completed`, attempts: 0, deliveredAt: null });

    expect(await deliverNotice(getDatabase(), notice!.id)).toBe("delivered");
    expect(await deliverNotice(getDatabase(), notice!.id, { now: at(86_400_000) })).toBe("not_due");
    const mine = received.filter((r) => JSON.parse(r.body).id === id);
    expect(mine).toHaveLength(1);
    expectSigned(mine[0]!, target.secret);
    const body = JSON.parse(mine[0]!.body);
    const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
    expect(body).toMatchObject({
      id,
      event_id: notice!.id,
      type: "import.completed",
      status: "completed",
      counts: { rows: 3, success: expect.any(Number), failure: expect.any(Number), error: 0 },
      results_url: `${appUrl}/api/imports/${id}/results.csv`,
      summary_url: `${appUrl}/api/imports/${id}/summary`,
    });
    expect(body.counts.success + body.counts.failure + body.counts.error).toBe(3);
    expect(mine[0]!.headers[EVENT_ID_HEADER.toLowerCase()]).toBe(notice!.id);
    expect(mine[0]!.headers["content-type"]).toBe("application/json");
  });

  // Issue #14, one vocabulary: the event counts rows as the import JSON and results.csv do, so a row
  // not imported (invalid, under "Import only valid rows") is a failure there too, and not_imported
  // says how many of the failures got no lead.
  it("counts rows by outcome as the import JSON and results.csv do, rows not imported among the failures", async () => {
    const target = await setup("/vocabulary");
    const id = await uploadedAndMapped(target);
    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "valid" } }), 202);
    expect(await runJobToEnd(id)).toBe("done");
    const view = await json<{ outcomes: Record<string, number>; notImported: number }>(callImport(id, "status", { auth: target.apiKey }));
    const csv = await (await callImport(id, "results.csv", { auth: target.apiKey })).text();
    // import_line_num then import_outcome (the reason may hold commas, so not counted from the end).
    const csvOutcomes = csv.split("\r\n").slice(1).filter(Boolean).map((line) => /,\d+,(success|failure|error),/.exec(line)?.[1]);
    const [notice] = await noticesOf(id);
    const counts = (notice!.payload as { counts: Record<string, number> }).counts;
    expect(counts).toMatchObject({ rows: 3, success: 2, failure: 1, error: 0, not_imported: 1, skipped: 1 });
    expect({ success: counts.success, failure: counts.failure, error: counts.error }).toEqual(view.outcomes);
    expect(counts.not_imported).toBe(view.notImported);
    expect(csvOutcomes.filter((o) => o === "failure")).toHaveLength(counts.failure!);
  });

  it("counts the rows a cancelled import never reached as failures not imported, as results.csv does", async () => {
    const target = await setup("/cancelled-early");
    const id = await uploadedAndMapped(target);
    await json(callImport(id, "cancel", { auth: target.apiKey, body: {} }), 202);
    const view = await json<{ outcomes: Record<string, number>; notImported: number }>(callImport(id, "status", { auth: target.apiKey }));
    const [notice] = await noticesOf(id);
    const counts = (notice!.payload as { counts: Record<string, number> }).counts;
    expect(counts).toMatchObject({ rows: 3, processed: 0, success: 0, failure: 3, error: 0, not_imported: 3 });
    expect({ success: counts.success, failure: counts.failure, error: counts.error }).toEqual(view.outcomes);
    expect(counts.not_imported).toBe(view.notImported);
  });

  it("tries again after the receiver answers 500, with the same event id, once the wait is over", async () => {
    const target = await setup("/flaky");
    const id = await completedImport(target);
    const [notice] = await noticesOf(id);
    answers.push(500);
    expect(await deliverNotice(getDatabase(), notice!.id)).toBe("retry");
    const [waiting] = await noticesOf(id);
    expect(waiting).toMatchObject({ attempts: 1, deliveredAt: null, lastError: "The receiver answered HTTP 500" });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Not due yet: neither the sender nor the pump takes it.
    expect(await deliverNotice(getDatabase(), notice!.id)).toBe("not_due");
    expect(await claimDueNotices(getDatabase())).not.toContain(notice!.id);

    expect(await claimDueNotices(getDatabase(), at(61_000))).toContain(notice!.id);
    expect(await deliverNotice(getDatabase(), notice!.id, { now: at(61_000) })).toBe("delivered");
    const mine = received.filter((r) => JSON.parse(r.body).id === id);
    expect(mine).toHaveLength(2);
    expect(mine.map((r) => r.headers["leadport-event-id"])).toEqual([notice!.id, notice!.id]);
    expect(mine[0]!.body).toBe(mine[1]!.body);
    expectSigned(mine[1]!, target.secret);
  });

  it("gives up after about a day of failures", async () => {
    const target = await setup("/down");
    const id = await completedImport(target);
    const [notice] = await noticesOf(id);
    let clock = Date.now();
    const results: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      answers.push(503);
      results.push(await deliverNotice(getDatabase(), notice!.id, { now: new Date(clock) }));
      clock = (await noticesOf(id))[0]!.nextAttemptAt.getTime();
    }
    expect(results).toEqual([...Array(7).fill("retry"), "gave_up"]);
    const [last] = await noticesOf(id);
    expect(last!.gaveUpAt).not.toBeNull();
    expect(clock - notice!.createdAt.getTime()).toBeGreaterThan(20 * 3_600_000);
    expect(clock - notice!.createdAt.getTime()).toBeLessThan(26 * 3_600_000);
  });

  it("sends the same event id again when the worker died after sending, and no second event is made", async () => {
    const target = await setup("/crash");
    const id = await uploadedAndMapped(target);
    await json(callImport(id, "cancel", { auth: target.apiKey, body: {} }), 202);
    const [notice, ...more] = await noticesOf(id);
    expect(more).toEqual([]);
    const crash = () => Promise.reject(new Error("worker killed"));
    await expect(deliverNotice(getDatabase(), notice!.id, { afterSend: crash })).rejects.toThrow("worker killed");
    // The lease lapses; the pump hands it over again and the next attempt sends it.
    expect(await claimDueNotices(getDatabase(), at(3 * 60_000))).toContain(notice!.id);
    expect(await deliverNotice(getDatabase(), notice!.id, { now: at(3 * 60_000) })).toBe("delivered");
    const mine = received.filter((r) => JSON.parse(r.body).id === id);
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((r) => JSON.parse(r.body).event_id))).toEqual(new Set([notice!.id]));
    expect(new Set(mine.map((r) => r.headers["leadport-event-id"]))).toEqual(new Set([notice!.id]));
    expect(JSON.parse(mine[0]!.body)).toMatchObject({ status: "cancelled", type: "import.cancelled" });
    expect(await noticesOf(id)).toHaveLength(1);
  });

  it("announces a failed import once, and not again if it is failed a second time", async () => {
    const target = await setup("/failed");
    const id = await uploadedAndMapped(target);
    await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
    await failImport(getDatabase(), id, "The import stopped on an internal error.");
    await failImport(getDatabase(), id, "The import stopped on an internal error.");
    const notices = await noticesOf(id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.payload).toMatchObject({ status: "failed", error: "The import stopped on an internal error." });
  });

  it("uses the source's own URL and secret over the account's; nothing once both are removed", async () => {
    const target = await setup("/account-hook");
    const saved = await saveImportWebhook(target.actor, { type: "source", sourceId: target.sourceId }, `${baseUrl}/source-hook`);
    if (saved.status !== "ok") throw new Error("not saved");
    expect(saved.secret).not.toBe(target.secret);
    const id = await completedImport(target);
    const [notice] = await noticesOf(id);
    expect(notice!.target).toBe(`${baseUrl}/source-hook`);
    expect(await deliverNotice(getDatabase(), notice!.id)).toBe("delivered");
    const mine = received.filter((r) => JSON.parse(r.body).id === id);
    expectSigned(mine[0]!, saved.secret);
    expect(verifySignature({ header: String(mine[0]!.headers["leadport-signature"]), body: mine[0]!.body, secret: target.secret })).toBe(false);

    expect(await removeImportWebhook(target.actor, { type: "source", sourceId: target.sourceId })).toEqual({ status: "ok" });
    expect(await removeImportWebhook(target.actor, { type: "account" })).toEqual({ status: "ok" });
    expect(await noticesOf(await completedImport(target))).toEqual([]);
    const actions = (await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.accountId, target.accountId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["account.import_webhook_set", "source.import_webhook_set", "source.import_webhook_removed", "account.import_webhook_removed"]));
  });

  it("refuses an internal address unless RECIPIENT_ALLOW_PRIVATE is set, and a viewer may not set one", async () => {
    const target = await setup("/ok");
    const before = process.env.RECIPIENT_ALLOW_PRIVATE;
    process.env.RECIPIENT_ALLOW_PRIVATE = "false";
    try {
      const refused = await saveImportWebhook(target.actor, { type: "account" }, "http://169.254.169.254/latest");
      expect(refused).toMatchObject({ status: "invalid", message: expect.stringContaining("internal address") });
      expect(await saveImportWebhook(target.actor, { type: "account" }, "ftp://example.com/x")).toMatchObject({ status: "invalid" });
      // A URL saved while private addresses were allowed is still refused at send time.
      const id = await completedImport(target);
      const [notice] = await noticesOf(id);
      expect(await deliverNotice(getDatabase(), notice!.id)).toBe("retry");
      expect((await noticesOf(id))[0]!.lastError).toBe("The webhook URL points to an internal address");
    } finally {
      process.env.RECIPIENT_ALLOW_PRIVATE = before;
    }
    expect(await saveImportWebhook({ ...target.actor, role: "viewer" }, { type: "account" }, `${baseUrl}/x`)).toEqual({ status: "forbidden" });
  });

  it("emails the person who uploaded the file when SMTP_URL is set; an upload by a source's key emails nobody", async () => {
    const target = await setup("/mail");
    const before = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://mail.invalid:25";
    try {
      const byPerson = await completedImport(target, (await signInAs(target.holderId)).cookie);
      const email = (await noticesOf(byPerson)).find((x) => x.channel === "email");
      expect(email).toMatchObject({ target: target.actor.email });
      const sent: Array<{ to: string; subject: string; text: string }> = [];
      expect(await deliverNotice(getDatabase(), email!.id, { sendMail: async (mail) => (sent.push(mail), "sent") })).toBe("delivered");
      expect(sent).toHaveLength(1);
      expect(sent[0]!.to).toBe(target.actor.email);
      expect(sent[0]!.subject).toMatch(/^Import finished: /);
      expect(sent[0]!.text).toMatch(/Success: \d+\nFailure: \d+\nError: 0/);
      expect(sent[0]!.text).toContain(`/imports/${byPerson}`);

      const byKey = await completedImport(target);
      expect((await noticesOf(byKey)).map((x) => x.channel)).toEqual(["webhook"]);
    } finally {
      if (before === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = before;
    }
    const withoutSmtp = await completedImport(target, (await signInAs(target.holderId)).cookie);
    expect((await noticesOf(withoutSmtp)).map((x) => x.channel)).toEqual(["webhook"]);
  });

  it("goes through the job queue: the worker's pump hands the notice to pg-boss, which sends it", async () => {
    const target = await setup("/queued");
    const boss = await getQueue(getDatabase(), { supervise: false, onError: () => {} });
    const sender = await startNoticeSender(getDatabase(), boss, { log: logger.child({ test: "webhooks" }), pumpMs: 200 });
    try {
      const id = await completedImport(target);
      while (!received.some((r) => JSON.parse(r.body).id === id)) await new Promise((resolve) => setTimeout(resolve, 100));
      // The receiver sees the body before the sender has read the reply and marked the notice delivered,
      // so wait for that commit too; the test's timeout fails it if the mark never comes.
      let [notice] = await noticesOf(id);
      while (!notice!.deliveredAt) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        [notice] = await noticesOf(id);
      }
      expect(notice!.deliveredAt).not.toBeNull();
      expect(received.filter((r) => JSON.parse(r.body).id === id)).toHaveLength(1);
    } finally {
      await sender.stop();
    }
  });
});
