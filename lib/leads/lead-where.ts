// The one filter -> SQL builder. The Leads view, its export, reports and shared links all call it,
// so the same filters always select the same leads. The account id comes first in every condition:
// whatever ids a URL carries, another account's leads never match.
import { and, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { leads } from "@/db/schema";
import type { LeadFilter, SearchTerm } from "./filters";

const oneOrMany = <T extends string>(column: Parameters<typeof eq>[0], values: T[]): SQL | undefined =>
  values.length === 0 ? undefined : values.length === 1 ? eq(column, values[0]) : inArray(column, values);

export function leadWhere(accountId: string, filter: LeadFilter): SQL {
  const conditions: Array<SQL | undefined> = [
    eq(leads.accountId, accountId),
    filter.bounds.from ? gte(leads.submittedAt, filter.bounds.from) : undefined,
    filter.bounds.to ? lt(leads.submittedAt, filter.bounds.to) : undefined,
    oneOrMany(leads.flowId, filter.flowIds),
    oneOrMany(leads.sourceId, filter.sourceIds),
    oneOrMany(leads.importId, filter.importIds),
    oneOrMany(leads.outcome, filter.outcomes),
    oneOrMany(leads.reason, filter.reasons),
    filter.batchOnly ? eq(leads.isBatchLead, true) : undefined,
    ...filter.fields.map((f) => sql`lower(${leads.normalized} -> ${f.field} ->> 'normal') = ${f.value.toLowerCase()}`),
    filter.search ? searchCondition(filter.search) : undefined,
  ];
  return and(...conditions)!;
}

// Each kind of search is an equality on a normalized, indexed column (see leads indexes in db/schema.ts).
function searchCondition(term: SearchTerm): SQL | undefined {
  switch (term.kind) {
    case "id":
      return eq(leads.id, term.id);
    case "email":
      return eq(leads.email, term.email);
    case "phone":
      return or(eq(leads.phone, term.phone), eq(leads.reference, term.text));
    case "text":
      return or(eq(leads.name, term.text), eq(leads.reference, term.text));
  }
}
