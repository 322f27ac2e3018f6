// A lead's fields as its page shows them: at most MAX_SHOWN_FIELDS rows, each text cut to
// MAX_SHOWN_CHARS with "…". A lead can hold thousands of fields or a value of many kilobytes (older
// leads, from before the API's limits); rendered whole, one such page was 59 MB of HTML. The whole
// lead stays available as a JSON download (lead.json beside the page).
import { findStandardField, STANDARD_FIELDS } from "@/lib/flow/catalog";

export const MAX_SHOWN_FIELDS = 200;
export const MAX_SHOWN_CHARS = 200;

type StoredValue = { raw?: unknown; normal?: unknown; valid?: unknown };
type FlowField = { id: string; label: string };

// A field's label: the flow's, else the standard catalog's ("IP Address" for ip_address), else its id.
export function fieldLabel(id: string, flowLabels: ReadonlyMap<string, string>): string {
  const label = flowLabels.get(id)?.trim() || findStandardField(id)?.label;
  return label || id;
}

const CATALOG_ORDER = new Map(STANDARD_FIELDS.map((f, i) => [f.id, i]));

// The lead's field ids in the flow's field order, then any the flow does not define: standard fields
// in the catalog's order, then the rest by id. (The database keeps no key order in stored JSON, so
// "as submitted" is not an order a page can show.)
export function orderFieldIds(ids: Iterable<string>, flowOrder: readonly string[]): string[] {
  const present = new Set(ids);
  const ordered: string[] = [];
  for (const id of flowOrder) {
    if (present.delete(id)) ordered.push(id);
  }
  const rank = (id: string) => CATALOG_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
  const extras = [...present].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return [...ordered, ...extras];
}

// `label` is what a person reads; `id` is the field's key, shown beside it only when the two differ.
export type ShownField = { id: string; label: string; submitted: string; normal: string; valid: boolean; truncated: boolean };
export type ShownFields = { fields: ShownField[]; total: number; hidden: number };

// Cut by code point, so an emoji or accented letter is never split in half.
export function truncateText(text: string, max = MAX_SHOWN_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const points = Array.from(text.slice(0, max * 2));
  if (points.length <= max && text.length <= max * 2) return { text, truncated: false };
  return { text: `${points.slice(0, max).join("")}…`, truncated: true };
}

export function fieldsToShow(options: {
  raw: Record<string, unknown>;
  normalized: Record<string, StoredValue>;
  flowFields: readonly FlowField[];
  maxFields?: number;
}): ShownFields {
  const { raw, normalized, flowFields, maxFields = MAX_SHOWN_FIELDS } = options;
  const labels = new Map(flowFields.map((f) => [f.id, f.label]));
  const stored = new Set<string>();
  for (const id in raw) stored.add(id);
  for (const id in normalized) stored.add(id);
  const ids = orderFieldIds(stored, flowFields.map((f) => f.id));
  const fields: ShownField[] = [];
  for (const id of ids) {
    if (fields.length >= maxFields) break;
    const value = normalized[id];
    const rawValue = raw[id];
    const submitted = truncateText(typeof rawValue === "string" ? rawValue : typeof value?.raw === "string" ? value.raw : "");
    const normal = truncateText(value?.normal === null || value?.normal === undefined ? "" : String(value.normal));
    const shownId = truncateText(id);
    fields.push({
      id: shownId.text,
      label: truncateText(fieldLabel(id, labels)).text,
      submitted: submitted.text,
      normal: normal.text,
      valid: value?.valid === true,
      truncated: submitted.truncated || normal.truncated || shownId.truncated,
    });
  }
  return { fields, total: ids.length, hidden: ids.length - fields.length };
}
