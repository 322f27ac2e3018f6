// Guesses what a header-less column holds from its sample values.
import { looksLikeEmail, looksLikeStateCode, looksLikeUsPhone, looksLikeZip } from "./value-shapes";

export type ValueKind = "email" | "phone" | "zip" | "state";

/** Share of non-empty sample values that must fit a kind before a column is called that kind. */
export const VALUE_SHARE_THRESHOLD = 0.6;

// Checked in this order; a value fits at most one of these shapes, so order only breaks ties.
const KINDS: Array<{ kind: ValueKind; fits: (value: string) => boolean }> = [
  { kind: "email", fits: looksLikeEmail },
  { kind: "phone", fits: looksLikeUsPhone },
  { kind: "zip", fits: looksLikeZip },
  { kind: "state", fits: looksLikeStateCode },
];

/** The field ids a kind fills, in order: the first phone column is phone_1, the next phone_2. */
export const FIELDS_FOR_KIND: Record<ValueKind, readonly string[]> = {
  email: ["email"],
  phone: ["phone_1", "phone_2"],
  zip: ["postal_code"],
  state: ["state"],
};

export function columnValueKind(values: string[]): { kind: ValueKind; share: number } | null {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  if (filled.length === 0) return null;
  let best: { kind: ValueKind; share: number } | null = null;
  for (const { kind, fits } of KINDS) {
    const share = filled.filter(fits).length / filled.length;
    if (share >= VALUE_SHARE_THRESHOLD && (!best || share > best.share)) best = { kind, share };
  }
  return best;
}
