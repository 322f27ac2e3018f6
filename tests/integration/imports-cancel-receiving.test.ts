// An import cancelled while its file is still arriving stays cancelled: when the upload ends, the
// file is not staged after all (the upload is answered 409), and nothing it sent is kept.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { CANCELLED_WHILE_RECEIVING } from "@/lib/imports/stage/stage";
import { createAccount } from "../helpers/accounts";
import { callImport, json, uploadFile } from "../helpers/imports";

afterAll(() => stopQueue(getDatabase()));

const encoder = new TextEncoder();
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `person${from + i}@example.com,5125550${String((from + i) % 1000).padStart(3, "0")}\n`).join("");

async function receivingImport(sourceId: string): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const { rows: found } = (await getDb().execute(sql`select id from imports where source_id = ${sourceId} and status = 'receiving'`)) as unknown as {
      rows: Array<{ id: string }>;
    };
    if (found[0]) return found[0].id;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("no import is receiving");
}

describe("an import cancelled while its file arrives", () => {
  it("stays cancelled when the upload ends, keeps nothing of the file, and the upload is told why", async () => {
    const target = await createAccount({ email: "cancel-receiving@example.com", password: "cancel-receiving-password" });
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        sent += 1;
        if (sent === 1) return controller.enqueue(encoder.encode(`Email,Phone\n${rows(0, 2_000)}`));
        if (sent === 2) await paused;
        if (sent <= 4) return controller.enqueue(encoder.encode(rows(sent * 2_000, 2_000)));
        controller.close();
      },
    });
    const answer = uploadFile(target, body);

    const id = await receivingImport(target.sourceId);
    await json(callImport(id, "cancel", { auth: target.apiKey, body: {} }), 202);
    resume();

    const res = await answer;
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe(CANCELLED_WHILE_RECEIVING);
    const view = await json<{ status: string }>(callImport(id, "status", { auth: target.apiKey }));
    expect(view.status).toBe("cancelled");
    const { rows: left } = (await getDb().execute(
      sql`select (select count(*) from import_rows where import_id = ${id}) + (select count(*) from import_files where import_id = ${id}) as n`,
    )) as unknown as { rows: Array<{ n: string | number }> };
    expect(Number(left[0]!.n)).toBe(0);
  });
});
