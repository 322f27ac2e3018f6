// Request bodies of the lead API, as LeadConduit reads them: form fields (repeated keys become a
// list), a JSON object (retried without CR/LF/TAB, which sources often leave inside strings), or XML
// whose root element is dropped and whose attributes sit beside child elements.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DEFAULT_MAX_FIELDS, MAX_LEAD_DEPTH } from "./lead-data";
import type { BodyFormat } from "./negotiate";
import { countXmlFields } from "./xml-fields";

export type ParsedBody = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; status?: 413 };

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  // The root element is dropped, so its children sit at the lead's first level: past this the lead
  // is too deep anyway, and the parser stops instead of building the whole tree.
  maxNestedTags: MAX_LEAD_DEPTH + 1,
});
const TOO_DEEP = `The lead is nested more than ${MAX_LEAD_DEPTH} levels deep`;

export function parseForm(text: string): Record<string, string | string[]> {
  const data: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const held = Object.hasOwn(data, key) ? data[key] : undefined;
    data[key] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return data;
}

function parseJson(text: string): ParsedBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = JSON.parse(text.replace(/[\r\n\t]/g, ""));
    } catch (err) {
      return { ok: false, message: `Unable to parse JSON -- ${err instanceof Error ? err.message : "unreadable"}.` };
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { ok: false, message: "Unable to parse JSON -- the body is not a JSON object." };
  return { ok: true, data: parsed as Record<string, unknown> };
}

function parseXml(text: string, maxFields: number): ParsedBody {
  if (countXmlFields(text, maxFields + 1) > maxFields + 1) return { ok: false, status: 413, message: `The lead has more than ${maxFields} fields` };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, message: `Body does not contain XML or XML is unparseable -- ${valid.err.msg} (line ${valid.err.line}).` };
  let doc: Record<string, unknown>;
  try {
    doc = xmlParser.parse(text) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof Error && err.message === "Maximum nested tags exceeded") return { ok: false, message: TOO_DEEP };
    return { ok: false, message: `Body does not contain XML or XML is unparseable -- ${err instanceof Error ? err.message : "unreadable"}.` };
  }
  const root = Object.values(doc)[0];
  return { ok: true, data: typeof root === "object" && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>) : {} };
}

// maxFields lets an XML body far over the limit be refused before it is parsed (see xml-fields.ts).
export function parseBody(format: BodyFormat, text: string, options: { maxFields?: number } = {}): ParsedBody {
  if (format === "form") return { ok: true, data: parseForm(text) };
  if (format === "json") return parseJson(text);
  return parseXml(text, options.maxFields ?? DEFAULT_MAX_FIELDS);
}
