import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { arrayLiteral, leadSearchKeys, nameTerms } from "@/lib/leads/search-keys";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

const ACCOUNT = "a00000000000000000000001";
// Leads as the old code saved them: lowercase email, 10-digit phone, lowercase "first last" name and
// reference, accents kept.
const OLD_LEADS = [
  { id: "l00000000000000000000001", email: "e.thomas@example.com", phone: "5125550100", name: "elizabeth hernández", reference: "ref-1", first: "Elizabeth", last: "Hernández" },
  { id: "l00000000000000000000002", email: null, phone: "5125550101", name: "thomas smith-jones", reference: null, first: "Thomas", last: "Smith-Jones" },
  { id: "l00000000000000000000003", email: "nobody@example.com", phone: null, name: null, reference: "order 77", first: null, last: null },
];

describe("migration 0013_lead_search_keys", () => {
  it("gives leads saved before it the search keys new leads get, so name, email, phone and reference searches find them", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0012_uploads");
    try {
      const db = database.db;
      const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
      for (const l of OLD_LEADS) {
        await db.execute(sql`insert into leads (id, account_id, flow_id, source_id, raw, normalized, outcome, email, phone, name, reference)
          values (${l.id}, ${ACCOUNT}, 'f00000000000000000000001', 's00000000000000000000001', '{}', '{}', 'success', ${l.email}, ${l.phone}, ${l.name}, ${l.reference})`);
      }

      await finish();

      // The SQL backfill builds exactly the keys lib/leads/search-keys.ts builds for a new lead.
      const stored = await rows(sql`select id, search_keys from leads order by id`);
      expect(stored.map((r) => ({ id: r.id, keys: [...(r.search_keys as string[])].sort() }))).toEqual(
        OLD_LEADS.map((l) => ({ id: l.id, keys: leadSearchKeys({ email: l.email, phone: l.phone, reference: l.reference, firstName: l.first, lastName: l.last }).sort() })),
      );
      const found = async (terms: string[]) =>
        (await rows(sql`select id from leads where account_id = ${ACCOUNT} and search_keys @> ${arrayLiteral(terms)}::text[] order by id`)).map((r) => r.id);
      expect(await found(nameTerms("Hernández"))).toEqual([OLD_LEADS[0]!.id]);
      expect(await found(nameTerms("hernandez"))).toEqual([OLD_LEADS[0]!.id]);
      expect(await found(nameTerms("ELIZABETH"))).toEqual([OLD_LEADS[0]!.id]);
      expect(await found(nameTerms("Hernandez Elizabeth"))).toEqual([OLD_LEADS[0]!.id]);
      expect(await found(nameTerms("thomas"))).toEqual([OLD_LEADS[1]!.id]);
      expect(await found(nameTerms("jones"))).toEqual([OLD_LEADS[1]!.id]);
      expect(await found(["e:e.thomas@example.com"])).toEqual([OLD_LEADS[0]!.id]);
      expect(await found(["p:5125550101"])).toEqual([OLD_LEADS[1]!.id]);
      expect(await found(["r:order 77"])).toEqual([OLD_LEADS[2]!.id]);
      // The four btree indexes are gone, the GIN index is there.
      const indexes = (await rows(sql`select indexname from pg_indexes where tablename = 'leads' order by indexname`)).map((r) => r.indexname);
      expect(indexes).toContain("leads_search_keys_idx");
      expect(indexes.filter((i) => /leads_(email|phone|name|reference)_idx/.test(String(i)))).toEqual([]);
    } finally {
      await drop();
    }
  });
});
