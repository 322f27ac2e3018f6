import { parseDateTime } from "./date-time";

// LeadConduit's range also reads ISO dates and timestamps, alone or as a pair ("2015-07-01 -
// 2015-07-25"), as milliseconds since the epoch, so a date bracket compares like any other range.
// Only year-first ISO forms are read: "6/2/2014 - 7/2/2014" would be ambiguous with number pairs.
const ISO_DATE_START_RE = /\d{4}-\d{1,2}-\d{1,2}/g;
const SEPARATOR_END_RE = /\s*(?:-|–|to)\s*$/i;

function instant(text: string): number | null {
  return parseDateTime(text)?.epochMs ?? null;
}

// The endpoints in milliseconds ([ms] for a single date), or null when the text is not ISO dates.
export function isoDateBounds(text: string): number[] | null {
  const starts = [...text.matchAll(ISO_DATE_START_RE)].map((m) => m.index);
  if (starts[0] !== 0 || starts.length > 2) return null;
  if (starts.length === 1) {
    const single = instant(text);
    return single === null ? null : [single];
  }
  const head = text.slice(0, starts[1]);
  const separator = SEPARATOR_END_RE.exec(head);
  if (!separator) return null;
  const from = instant(head.slice(0, separator.index));
  const to = instant(text.slice(starts[1]));
  return from === null || to === null ? null : [from, to];
}
