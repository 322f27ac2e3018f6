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

type Pending = { value: unknown; name: string; depth: number };

/** The root object is level 1; a container at a level past maxDepth is refused. */
export function flattenLead(input: Record<string, unknown>, limits: LeadLimits): Flattened {
  const out: LeadData = {};
  let count = 0;
  const stack: Pending[] = [{ value: input, name: "", depth: 1 }];
  const leaf = (name: string, text: string): LimitBreach | null => {
    if (!name) return null;
    if (!Object.hasOwn(out, name) && ++count > limits.maxFields) return { kind: "fields" };
    if (tooLong(text, limits.maxValueBytes)) return { kind: "value", field: name };
    out[name] = text;
    return null;
  };
  while (stack.length > 0) {
    const { value, name, depth } = stack.pop()!;
    if (value === null || value === undefined) continue;
    let breach: LimitBreach | null = null;
    if (typeof value !== "object") breach = leaf(name, String(value));
    else if (depth > limits.maxDepth) breach = { kind: "depth" };
    else if (Array.isArray(value)) {
      // A list of plain values is one field, comma-separated; a list of objects is numbered.
      if (value.every(isScalar)) breach = leaf(name, value.map((v) => String(v ?? "")).join(","));
      else for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], name: `${name}.${i}`, depth: depth + 1 });
    } else {
      // Pushed in reverse so fields come out in the order they were sent.
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push({ value: child, name: name ? `${name}.${key}` : key, depth: depth + 1 });
      }
    }
    if (breach) return { ok: false, breach };
  }
  return { ok: true, data: out, count };
}
