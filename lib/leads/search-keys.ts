// What the Leads view's search box can find, as one array per lead (leads.search_keys, one GIN index):
// e:<email>, p:<10-digit phone>, r:<reference> and n:<word> for each word of the first and last
// name, lowercase and without accents. A search is then one `search_keys @> terms` whatever it is.
// The prefixes keep each kind apart: a reference or a name word never answers an email search.
// drizzle/0013_lead_search_keys.sql builds the same keys in SQL for leads saved before: keep the two
// in step (the same marks stripped, the same splitting).

// The combining diacritical marks (U+0300-036F and the supplement and extension blocks) rather than
// every \p{M}: PostgreSQL's regular expressions have no \p{M}, and the migration must strip exactly
// what this does, or old leads and new ones would be searched differently.
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Lowercase, accents dropped ("Hernández" -> "hernandez"). */
export function foldCase(text: string): string {
  return text.normalize("NFD").replace(ACCENTS, "").normalize("NFC").toLowerCase();
}

/** The words of a name: split on white space; a hyphenated word also as its parts ("smith-jones", "smith", "jones"). */
export function nameWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of foldCase(text).split(/\s+/)) {
    if (word === "") continue;
    words.add(word);
    if (word.includes("-")) for (const part of word.split("-")) if (part !== "") words.add(part);
  }
  return [...words];
}

export type SearchableLead = { email: string | null; phone: string | null; reference: string | null; firstName: string | null; lastName: string | null };

/** A lead's search keys. Email, phone and reference as the lead row stores them (already normalized, lowercase). */
export function leadSearchKeys(lead: SearchableLead): string[] {
  const keys: string[] = [];
  if (lead.email) keys.push(`e:${lead.email}`);
  if (lead.phone) keys.push(`p:${lead.phone}`);
  if (lead.reference) keys.push(`r:${lead.reference}`);
  for (const word of nameWords(`${lead.firstName ?? ""} ${lead.lastName ?? ""}`)) keys.push(`n:${word}`);
  return keys;
}

/** The terms a name search needs: every word it holds ("Elizabeth Thomas" finds Thomas Elizabeth too). */
export function nameTerms(text: string): string[] {
  return foldCase(text)
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => `n:${w}`);
}

/**
 * A value as a PostgreSQL array literal, for COPY's text format ({"n:mary","e:a@b.c"}): every
 * element quoted, with backslash and double quote escaped inside.
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
