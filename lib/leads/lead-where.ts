// The one filter -> SQL builder. The Leads view, its export, reports and shared links all call it,
// so the same filters always select the same leads. The account id comes first in every condition:
// whatever ids a URL carries, another account's leads never match.
import { and, arrayContains, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { leads } from "@/db/schema";
import { leadOfAccount } from "./by-id";
import type { LeadFilter, SearchTerm } from "./filters";
import { nameTerms } from "./search-keys";

const oneOrMany = <T extends string>(column: Parameters<typeof eq>[0], values: T[]): SQL | undefined =>
  values.length === 0 ? undefined : values.length === 1 ? eq(column, values[0]) : inArray(column, values);

export function leadWhere(accountId: string, filter: LeadFilter): SQL {
  const conditions: Array<SQL | undefined> = [
    // A search by id is one probe of each month's primary key; the account then only filters the row
    // found, or the planner may walk the account's leads for it on a month not yet analyzed (by-id.ts).
    filter.search?.kind === "id" ? leadOfAccount(accountId) : eq(leads.accountId, accountId),
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

// Each kind of search is one `search_keys @> terms` (the GIN index, see lib/leads/search-keys.ts).
// Where a key is unique to a lead (email, phone, reference), the same equality on its plain column
// rides along: it changes no result, but it tells the planner the match is rare. Its estimate for an
// array element it has no statistics on is 0.5 % of the table, and on data with few distinct names it
// then walks the time index through every lead instead of looking the key up (7 s instead of 1 ms at
// a million leads, measured).
const keyed = (key: string, column: Parameters<typeof eq>[0], value: string) => and(arrayContains(leads.searchKeys, [key]), eq(column, value));

function searchCondition(term: SearchTerm): SQL | undefined {
  switch (term.kind) {
    case "id":
      return eq(leads.id, term.id);
    case "email":
      return keyed(`e:${term.email}`, leads.email, term.email);
    case "phone":
      return or(keyed(`p:${term.phone}`, leads.phone, term.phone), keyed(`r:${term.text}`, leads.reference, term.text));
    case "text": {
      // Every word of the search among the lead's name words, in any order; or the whole reference.
      const words = nameTerms(term.text);
      return or(words.length > 0 ? arrayContains(leads.searchKeys, words) : undefined, keyed(`r:${term.text}`, leads.reference, term.text));
    }
  }
}
