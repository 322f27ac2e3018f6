// A lead's fields as its page shows them: at most MAX_SHOWN_FIELDS rows, each text cut to
// MAX_SHOWN_CHARS with "…". A lead can hold thousands of fields or a value of many kilobytes (older
// leads, from before the API's limits); rendered whole, one such page was 59 MB of HTML. The whole
// lead stays available as a JSON download (lead.json beside the page).
export const MAX_SHOWN_FIELDS = 200;
export const MAX_SHOWN_CHARS = 200;

type StoredValue = { raw?: unknown; normal?: unknown; valid?: unknown };

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
  labels: Map<string, string>;
  maxFields?: number;
}): ShownFields {
  const { raw, normalized, labels, maxFields = MAX_SHOWN_FIELDS } = options;
  const ids = new Set<string>();
  for (const id in raw) ids.add(id);
  for (const id in normalized) ids.add(id);
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
      label: truncateText(labels.get(id) ?? id).text,
      submitted: submitted.text,
      normal: normal.text,
      valid: value?.valid === true,
      truncated: submitted.truncated || normal.truncated || shownId.truncated,
    });
  }
  return { fields, total: ids.size, hidden: ids.size - fields.length };
}
