import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as healthz } from "@/app/healthz/route";
import { GET as readyz } from "@/app/readyz/route";
import { getDb } from "@/db";

describe("health endpoints", () => {
  it("answers /healthz while the process is up", async () => {
    const res = healthz();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 once every migration is applied", async () => {
    const res = await readyz();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.database).toBe("ok");
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it("answers /readyz with 503 when a migration is missing", async () => {
    await getDb().execute(sql`create table drizzle.saved_migrations as select * from drizzle.__drizzle_migrations`);
    await getDb().execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
    try {
      const res = await readyz();
      expect(res.status).toBe(503);
      expect((await res.json()).status).toBe("not ready");
    } finally {
      await getDb().execute(sql`insert into drizzle.__drizzle_migrations select * from drizzle.saved_migrations where id not in (select id from drizzle.__drizzle_migrations)`);
    }
  });
});
