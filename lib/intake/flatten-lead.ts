// Nested JSON, XML or form data as flat dotted fields ({ mortgage: { state: "TX" } } -> "mortgage.state"),
// exactly as lib/flow/normalize's flattenData reads it, but bounded for data from outside: iterative,
// so 20,000 levels of nesting cannot overflow the stack, and it stops at the first field past a limit,
// so a 70,000-field body costs no more than a lead at the limit before it is refused.
import type { LeadData } from "@/lib/flow/normalize";

export type LeadLimits = { maxFields: number; maxDepth: number; maxValueBytes: number };
export type LimitBreach = { kind: "depth" } | { kind: "fields" } | { kind: "value"; field: string };
export type Flattened = { ok: true; data: LeadData; count: number } | { ok: false; breach: LimitBreach };

// A UTF-16 code unit is at most 3 UTF-8 bytes, so shorter strings need no byte count.
function tooLong(value: string, maxBytes: number): boolean {
  return value.length * 3 > maxBytes && Buffer.byteLength(value) > maxBytes;
}

const isScalar = (v: unknown) => typeof v !== "object" || v === null;

// One container being walked: its entries are visited one at a time, so a refusal at the first
// field past the limit costs nothing for the fields after it.
// Arrays are walked by index; objects by their key list, which costs far less than Object.entries.
type Frame = { container: Record<string, unknown> | unknown[]; keys: string[] | null; index: number; name: string; depth: number };

const frameOf = (container: Record<string, unknown> | unknown[], name: string, depth: number): Frame => ({
  container,
  keys: Array.isArray(container) ? null : Object.keys(container),
  index: 0,
  name,
  depth,
});

/** The root object is level 1; a container at a level past maxDepth is refused. */
export function flattenLead(input: Record<string, unknown>, limits: LeadLimits): Flattened {
  const out: LeadData = {};
  let count = 0;
  const leaf = (name: string, text: string): LimitBreach | null => {
    if (!name) return null;
    if (!Object.hasOwn(out, name) && ++count > limits.maxFields) return { kind: "fields" };
    if (tooLong(text, limits.maxValueBytes)) return { kind: "value", field: name };
    out[name] = text;
    return null;
  };
  const stack: Frame[] = [frameOf(input, "", 1)];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const { container, keys } = frame;
    if (frame.index >= (keys ? keys.length : (container as unknown[]).length)) {
      stack.pop();
      continue;
    }
    const i = frame.index++;
    const key = keys ? keys[i]! : String(i);
    const value = keys ? (container as Record<string, unknown>)[key] : (container as unknown[])[i];
    const name = !keys || frame.name ? `${frame.name}.${key}` : key;
    if (value === null || value === undefined) continue;
    let breach: LimitBreach | null = null;
    if (typeof value !== "object") breach = leaf(name, String(value));
    else if (frame.depth + 1 > limits.maxDepth) breach = { kind: "depth" };
    else if (Array.isArray(value)) {
      // A list of plain values is one field, comma-separated; a list of objects is numbered.
      if (value.every(isScalar)) breach = leaf(name, value.map((v) => String(v ?? "")).join(","));
      else stack.push(frameOf(value, name, frame.depth + 1));
    } else stack.push(frameOf(value as Record<string, unknown>, name, frame.depth + 1));
    if (breach) return { ok: false, breach };
  }
  return { ok: true, data: out, count };
}
