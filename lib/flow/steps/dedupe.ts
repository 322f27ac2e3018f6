// The dedupe key of a lead: the chosen fields' normal values, lowercased, hashed.
import { sha256 } from "@/lib/crypto";
import type { NormalizedLead } from "../model";

// A lead's key is asked for up to three times (the import's row check, planWaves, the dedupe step),
// always with the flow's same fields array: each normalized lead keeps its last one. A normalized
// lead is never changed once built, so the key cannot go stale.
const lastKeys = new WeakMap<NormalizedLead, { fields: readonly string[]; key: string | null }>();

// Null when every chosen field is blank: a lead with nothing to compare is not a duplicate.
export function dedupeKey(fields: readonly string[], lead: NormalizedLead): string | null {
  const last = lastKeys.get(lead);
  if (last !== undefined && last.fields === fields) return last.key;
  const key = hashKey(fields, lead);
  lastKeys.set(lead, { fields, key });
  return key;
}

function hashKey(fields: readonly string[], lead: NormalizedLead): string | null {
  const parts = fields.map((id) => {
    const value = lead[id];
    const normal = value?.normal ?? value?.raw ?? "";
    return String(normal).trim().toLowerCase();
  });
  if (parts.every((p) => p === "")) return null;
  return sha256(parts.join("\u0001"));
}

export function windowStart(windowDays: number | null, at: Date): Date | null {
  return windowDays === null ? null : new Date(at.getTime() - windowDays * 86_400_000);
}
