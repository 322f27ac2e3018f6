// Content negotiation for the lead API, as LeadConduit does it: replies are JSON unless Accept
// prefers XML; request bodies are form-urlencoded, JSON or XML.

export type ReplyFormat =
  | { kind: "json" | "xml"; contentType: string }
  // A source's "Standard Classic" reply format (classic-reply.ts), chosen by the source, not by Accept.
  | { kind: "classic"; contentType: "application/xml"; leadUrl(id: string): string };
export type BodyFormat = "form" | "json" | "xml";

const JSON_REPLY: ReplyFormat = { kind: "json", contentType: "application/json" };
// In order of preference when Accept rates several the same.
const REPLIES: Array<Extract<ReplyFormat, { kind: "json" | "xml" }>> = [JSON_REPLY, { kind: "xml", contentType: "application/xml" }, { kind: "xml", contentType: "text/xml" }];

const BODIES: Record<string, BodyFormat> = {
  "application/x-www-form-urlencoded": "form",
  "application/json": "json",
  "application/xml": "xml",
  "text/xml": "xml",
};

type MediaRange = { type: string; subtype: string; q: number };

// "text/xml; charset=utf-8" -> "text/xml"
export function mediaTypeOf(header: string): string {
  return (header.split(";")[0] ?? "").trim().toLowerCase();
}

export function bodyFormatOf(contentType: string): BodyFormat | null {
  return BODIES[mediaTypeOf(contentType)] ?? null;
}

function parseAccept(header: string): MediaRange[] {
  return header.split(",").flatMap((part) => {
    const [range = "", ...params] = part.split(";");
    const [type, subtype] = range.trim().toLowerCase().split("/");
    if (!type || !subtype) return [];
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return [{ type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 }];
  });
}

// How specifically a range names a media type: exact beats "text/*" beats "*/*"; -1 if it does not.
function fitness(range: MediaRange, contentType: string): number {
  const [type, subtype] = contentType.split("/");
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === "*") return 1;
  if (range.type === "*" && range.subtype === "*") return 0;
  return -1;
}

// The reply format Accept asks for; JSON without Accept or for */*; null when nothing we can send is acceptable.
export function negotiateReply(accept: string | null): ReplyFormat | null {
  if (accept === null || accept.trim() === "") return JSON_REPLY;
  const ranges = parseAccept(accept);
  let best: { format: ReplyFormat; q: number; fit: number } | null = null;
  for (const format of REPLIES) {
    let match: { q: number; fit: number } | null = null;
    for (const range of ranges) {
      const fit = fitness(range, format.contentType);
      if (fit >= 0 && (match === null || fit > match.fit)) match = { q: range.q, fit };
    }
    if (match === null || match.q <= 0) continue;
    if (best === null || match.q > best.q || (match.q === best.q && match.fit > best.fit)) best = { format, ...match };
  }
  return best?.format ?? null;
}
