import "server-only";
import { logger } from "@/lib/logger";
import { csvLine } from "./csv";
import { parseLeadParams, toLeadFilter, type LeadFilter, type SearchParams } from "./filters";
import { formatDateTime } from "./format";
import { listLeads, type LeadListRow } from "./queries";
import { filterIsOwned, getFilterOptions } from "./view";

const BATCH = 1000;
const HEADER = ["Lead ID", "Submitted at", "Flow", "Source", "Outcome", "Reason", "Price", "Email", "Phone", "Name", "Reference", "Import ID", "Import line", "Batch lead"];

export type NameLookup = { flows: Map<string, string>; sources: Map<string, string> };

// The Leads view's filters as a CSV stream; null (a 404) for malformed params or another account's ids.
export async function exportLeadsCsv(options: { accountId: string; timeZone: string; searchParams: SearchParams }) {
  const { accountId, timeZone } = options;
  const params = parseLeadParams(options.searchParams);
  if (!params) return null;
  const filter = toLeadFilter(params, timeZone);
  if (!(await filterIsOwned(accountId, filter))) return null;
  const choices = await getFilterOptions(accountId);
  const names = { flows: new Map(choices.flows.map((f) => [f.id, f.name])), sources: new Map(choices.sources.map((s) => [s.id, s.name])) };
  return leadsCsvStream({ accountId, filter, timeZone, names });
}

export type ReadLeadsPage = typeof listLeads;

// The filtered leads as CSV, read a page at a time with the same keyset query as the Leads view:
// the next page is read only when the client has taken the last one, so memory stays flat at any size.
// A page that cannot be read errors the stream (logged here): the server then breaks the download off
// instead of ending it, so a failed export can never pass for a complete file.
export function leadsCsvStream(options: {
  accountId: string;
  filter: LeadFilter;
  timeZone: string;
  names: NameLookup;
  batchSize?: number;
  readPage?: ReadLeadsPage;
}): ReadableStream<Uint8Array> {
  const { accountId, filter, timeZone, names, batchSize = BATCH, readPage = listLeads } = options;
  const encoder = new TextEncoder();
  let after: { at: string; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode("\uFEFF" + csvLine(HEADER)));
          return;
        }
        let rows: LeadListRow[];
        try {
          rows = await readPage({ accountId, filter, after, limit: batchSize });
        } catch (err) {
          logger.error({ err, after }, "Leads export failed partway; the download was broken off");
          controller.error(new Error("The export could not be completed"));
          return;
        }
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((r) => csvLine(toCells(r, timeZone, names))).join("")));
        const last = rows.at(-1);
        if (rows.length < batchSize || !last) controller.close();
        else after = { at: last.cursorAt, id: last.id };
      },
    },
    { highWaterMark: 1 },
  );
}

function toCells(r: LeadListRow, timeZone: string, names: NameLookup) {
  return [
    r.id,
    formatDateTime(r.submittedAt, timeZone),
    names.flows.get(r.flowId) ?? r.flowId,
    names.sources.get(r.sourceId) ?? r.sourceId,
    r.outcome,
    r.reason,
    r.price,
    r.email,
    r.phone,
    r.name,
    r.reference,
    r.importId,
    r.importLine,
    r.isBatchLead,
  ];
}
