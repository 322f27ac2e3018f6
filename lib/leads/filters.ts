// The one description of "which leads": read from a page's search params, turned into SQL by
// lead-where.ts, and shared by the Leads view, its CSV export, reports and shared report links, so a
// count in a report is always the number of rows the Leads view lists for the same filters.
import { z } from "zod";
import { fieldIdSchema, outcomeSchema, type Outcome } from "@/lib/flow/model";
import { getFieldType } from "@/lib/flow/types";
import { isId } from "@/lib/ids";
import { resolveTimeFrame, timeFrameSchema, type Bounds, type TimeFrame } from "./time-range";

export type FieldMatch = { field: string; value: string };

export type SearchTerm =
  | { kind: "id"; id: string }
  | { kind: "email"; email: string }
  | { kind: "phone"; phone: string; text: string }
  | { kind: "text"; text: string };

export type LeadFilter = {
  bounds: Bounds;
  flowIds: string[];
  sourceIds: string[];
  importIds: string[];
  outcomes: Outcome[];
  reasons: string[];
  batchOnly: boolean;
  fields: FieldMatch[];
  search: SearchTerm | null;
};

// A repeated param arrives as an array, a single one as a string, an empty form select as "".
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((s) => typeof s !== "string" || s.trim() !== "")), z.array(item));
const idList = list(z.string().refine(isId, "Not an id"));
const first = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(200).optional());

export const leadParamsSchema = z.object({
  ...timeFrameSchema.shape,
  flow: idList,
  source: idList,
  import: idList,
  outcome: list(outcomeSchema),
  reason: list(z.string().trim().max(2000)),
  batch: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(["1", "true", "on"]).optional()).catch(undefined),
  field: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, fieldIdSchema.optional()),
  value: first,
  q: first,
});
export type LeadParams = z.infer<typeof leadParamsSchema>;

export type SearchParams = Record<string, string | string[] | undefined>;

// PostgreSQL text cannot hold NUL: a query carrying one fails. Nothing a person types contains it, so
// it is dropped from every parameter, names and values, before anything reads them.
const NUL_RE = /\u0000/g;
export function withoutNul(searchParams: SearchParams): SearchParams {
  const clean: SearchParams = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const name = key.replace(NUL_RE, "");
    if (name === "" || value === undefined) continue;
    clean[name] = Array.isArray(value) ? value.map((v) => String(v).replace(NUL_RE, "")) : String(value).replace(NUL_RE, "");
  }
  return clean;
}

// Null when a param is malformed (an id that is no id, an unknown outcome): the page answers 404.
export function parseLeadParams(searchParams: SearchParams): LeadParams | null {
  const parsed = leadParamsSchema.safeParse(withoutNul(searchParams));
  return parsed.success ? parsed.data : null;
}

export function toLeadFilter(params: LeadParams, timeZone: string, now: Date = new Date()): LeadFilter {
  return {
    bounds: resolveTimeFrame(params, timeZone, now),
    flowIds: params.flow,
    sourceIds: params.source,
    importIds: params.import,
    outcomes: params.outcome,
    reasons: params.reason,
    batchOnly: params.batch !== undefined,
    fields: params.field && params.value ? [{ field: params.field, value: params.value }] : [],
    search: classifySearch(params.q ?? ""),
  };
}

// What a search box entry is: a lead id, an email, a phone number in any format, else a name or reference.
export function classifySearch(input: string): SearchTerm | null {
  const text = input.trim().replace(/\s+/g, " ").toLowerCase();
  if (text === "") return null;
  if (isId(text)) return { kind: "id", id: text };
  if (text.includes("@")) return { kind: "email", email: text };
  if (/^[\d\s()+.\-x]+$/.test(text) && /\d{7}/.test(text.replace(/\D/g, ""))) {
    const parsed = getFieldType("phone").parse(text);
    if (parsed.valid && typeof parsed.normal === "string") return { kind: "phone", phone: parsed.normal.replace(/x.*$/, ""), text };
  }
  return { kind: "text", text };
}

// Back to a query string, e.g. for the next page, the CSV export or the same leads as a report.
export function toQueryString(params: Partial<LeadParams> & Record<string, unknown>, overrides: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key in overrides) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null && v !== "") query.append(key, String(v));
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined && value !== "") query.set(key, value);
  const s = query.toString();
  return s === "" ? "" : `?${s}`;
}

export function timeFrameOf(params: LeadParams): TimeFrame {
  return { range: params.range, from: params.from, to: params.to };
}

// URLSearchParams (a route handler's) as the record pages receive: repeated keys become arrays.
export function searchParamsRecord(query: URLSearchParams): SearchParams {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}
