// Guesses what a header-less column holds from its sample values: most kinds by each value's shape,
// names and city by their place among the other columns as well (a city is words like any other).
import { isCommonFirstName } from "./first-names";
import {
  looksLikeBirthDate,
  looksLikeEmail,
  looksLikeIpAddress,
  looksLikeNameWords,
  looksLikeStateCode,
  looksLikeStreet,
  looksLikeUsPhone,
  looksLikeZip,
} from "./value-shapes";

export type ValueKind = "email" | "phone" | "zip" | "state" | "dob" | "ip" | "street" | "first_name" | "last_name" | "city";

export type FoundKind = { kind: ValueKind; share: number };

/** Share of non-empty sample values that must fit a kind before a column is called that kind. */
export const VALUE_SHARE_THRESHOLD = 0.6;

// Checked in this order; a value fits at most one of these shapes, so order only breaks ties.
const KINDS: Array<{ kind: ValueKind; fits: (value: string) => boolean }> = [
  { kind: "email", fits: looksLikeEmail },
  { kind: "phone", fits: looksLikeUsPhone },
  { kind: "zip", fits: looksLikeZip },
  { kind: "state", fits: looksLikeStateCode },
  { kind: "dob", fits: (value) => looksLikeBirthDate(value) },
  { kind: "ip", fits: looksLikeIpAddress },
  { kind: "street", fits: looksLikeStreet },
];

/** The field ids a kind fills, in order: the first phone column is phone_1, the next phone_2. */
export const FIELDS_FOR_KIND: Record<ValueKind, readonly string[]> = {
  email: ["email"],
  phone: ["phone_1", "phone_2"],
  zip: ["postal_code"],
  state: ["state"],
  dob: ["dob"],
  ip: ["ip_address"],
  street: ["address_1"],
  first_name: ["first_name"],
  last_name: ["last_name"],
  city: ["city"],
};

function shareOf(values: string[], fits: (value: string) => boolean): number {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  return filled.length === 0 ? 0 : filled.filter(fits).length / filled.length;
}

/**
 * Names and cities vary from row to row; a gender, a rating or a status repeats a few words. Varied:
 * at least half the values differ, or at least six do.
 */
function varied(values: string[]): boolean {
  const filled = values.map((value) => value.trim().toLowerCase()).filter((value) => value !== "");
  const distinct = new Set(filled).size;
  return distinct >= Math.min(6, filled.length / 2);
}

/** The kind of one column by the shape of its values alone. */
export function columnValueKind(values: string[]): FoundKind | null {
  let best: FoundKind | null = null;
  for (const { kind, fits } of KINDS) {
    const share = shareOf(values, fits);
    if (share >= VALUE_SHARE_THRESHOLD && (!best || share > best.share)) best = { kind, share };
  }
  return best;
}

/**
 * The kind of every column (one array of sample values per column). First name: of the columns of
 * words, the one with the largest share of common first names (at least the threshold). Last name:
 * the column of words right after it, else right before it ("Last, First" files); its own values
 * cannot tell, since many surnames are first names too. City: the column of words right before a
 * state or zip column, else right after one. Last name and city must vary (not a gender or a rating).
 * A column of words anywhere else stays unmatched.
 */
export function columnKinds(columns: string[][]): Array<FoundKind | null> {
  const kinds = columns.map(columnValueKind);
  const words = columns.map((values, column) => (kinds[column] === null ? shareOf(values, looksLikeNameWords) : 0));
  const free = (column: number) => column >= 0 && column < columns.length && kinds[column] === null && words[column]! >= VALUE_SHARE_THRESHOLD;
  const freeAndVaried = (column: number) => free(column) && varied(columns[column]!);
  const claim = (column: number | undefined, kind: ValueKind, share: number) => {
    if (column !== undefined) kinds[column] = { kind, share };
    return column;
  };

  const firstShares = columns.map((values, column) => (free(column) ? shareOf(values, isCommonFirstName) : 0));
  const best = Math.max(0, ...firstShares);
  const first = best >= VALUE_SHARE_THRESHOLD ? claim(firstShares.indexOf(best), "first_name", best) : undefined;
  if (first !== undefined) {
    const last = [first + 1, first - 1].find(freeAndVaried);
    claim(last, "last_name", last === undefined ? 0 : words[last]!);
  }

  const anchors = ["state", "zip"].flatMap((kind) => kinds.flatMap((found, column) => (found?.kind === kind ? [column] : [])));
  const city = [...anchors.map((column) => column - 1), ...anchors.map((column) => column + 1)].find(freeAndVaried);
  claim(city, "city", city === undefined ? 0 : words[city]!);
  return kinds;
}
