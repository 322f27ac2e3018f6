// pruneExpired on the real engine: only what no longer matters goes, in batches, the rest stays.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { seedDemo } from "@/db/seed-demo";
import { pruneExpired } from "@/lib/maintenance/prune";

let holderId: string;

// db.execute's result is typed per driver; both drivers give rows.
const rows = async (query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

beforeAll(async () => {
  await seedDemo(getDb(), { secret: process.env.LEADPORT_SECRET!, appUrl: "http://localhost:3000", password: "demo-password-1" });
  holderId = String((await rows(sql`select id from account_holders limit 1`))[0]!.id);
});

const count = async (table: string) => Number((await rows(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

describe("pruneExpired", () => {
  it("deletes expired sessions, old failed logins and day-old idempotency replies, in batches, and keeps the rest", async () => {
    const db = getDb();
    await db.execute(sql`insert into sessions (token_hash, account_holder_id, expires_at)
      select 'expired-' || i, ${holderId}, now() - interval '1 minute' from generate_series(1, 7) i
      union all select 'live-' || i, ${holderId}, now() + interval '1 day' from generate_series(1, 3) i`);
    await db.execute(sql`insert into login_attempts (key, attempted_at)
      select 'email:a@b.c', now() - interval '20 minutes' from generate_series(1, 5)
      union all select 'email:a@b.c', now() - interval '5 minutes' from generate_series(1, 2)`);
    await db.execute(sql`insert into idempotency_keys (source_id, key, status, response, created_at)
      select 'src', 'old-' || i, 201, '{}'::jsonb, now() - interval '25 hours' from generate_series(1, 4) i
      union all select 'src', 'new-' || i, 201, '{}'::jsonb, now() - interval '23 hours' from generate_series(1, 2) i`);
    const before = await count("sessions");

    const counts = await pruneExpired(db, { loginWindowMinutes: 15, batchSize: 2 });

    expect(counts).toEqual({ sessions: 7, loginAttempts: 5, idempotencyKeys: 4, importRows: 0, importLines: 0, importFiles: 0, uploads: 0 });
    expect(await count("sessions")).toBe(before - 7);
    expect(await count("login_attempts")).toBe(2);
    expect(await count("idempotency_keys")).toBe(2);
    const kept = await rows(sql`select key from idempotency_keys order by key`);
    expect(kept.map((r) => r.key)).toEqual(["new-1", "new-2"]);
    expect(await pruneExpired(db, { loginWindowMinutes: 15, batchSize: 2 })).toEqual({ sessions: 0, loginAttempts: 0, idempotencyKeys: 0, importRows: 0, importLines: 0, importFiles: 0, uploads: 0 });
  });

  it("gives back dedupe claims and cap units held by a delivery attempt that never came back, once stale, and keeps the others", async () => {
    const db = getDb();
    await db.execute(sql`insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, held_by, held_until) values
      ('prune-flow', 'd', 'stale', 'l1', 'l1', now() - interval '1 second'),
      ('prune-flow', 'd', 'fresh', 'l2', 'l2', now() + interval '10 minutes'),
      ('prune-flow', 'd', 'saved', 'l3', null, null)`);
    await db.execute(sql`insert into cap_counters (cap_key, period_start, count) values ('prune-cap', '2026-01-01T00:00:00Z', 5)`);
    await db.execute(sql`insert into cap_holds (cap_key, period_start, holder, held_until) values
      ('prune-cap', '2026-01-01T00:00:00Z', 'l1', now() - interval '1 second'),
      ('prune-cap', '2026-01-01T00:00:00Z', 'l4', now() - interval '1 second'),
      ('prune-cap', '2026-01-01T00:00:00Z', 'l2', now() + interval '10 minutes')`);

    await pruneExpired(db, { loginWindowMinutes: 15 });

    expect(await rows(sql`select key_hash from dedupe_keys where flow_id = 'prune-flow' order by key_hash`)).toEqual([{ key_hash: "fresh" }, { key_hash: "saved" }]);
    expect(await rows(sql`select count from cap_counters where cap_key = 'prune-cap'`)).toEqual([{ count: 3 }]);
    expect(await rows(sql`select holder from cap_holds where cap_key = 'prune-cap'`)).toEqual([{ holder: "l2" }]);
  });
});
