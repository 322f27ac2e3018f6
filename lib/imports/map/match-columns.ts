// Suggests which lead field each file column fills; the wizard shows it for the person to confirm.
import { knownNames, normalizeName } from "./field-synonyms";
import { columnKinds, FIELDS_FOR_KIND } from "./match-by-values";
import { nameSimilarity } from "./similarity";

export type MappableField = { id: string; label: string; type: string };

export type MatchedBy = "exact" | "synonym" | "fuzzy" | "previous" | "values";

export type ColumnMapping = {
  /** 0-based column index. */
  column: number;
  header: string;
  fieldId: string | null;
  by: MatchedBy | null;
  /** Name similarity (fuzzy) or share of fitting sample values (values). */
  score?: number;
};

export type SuggestMappingInput = {
  headers: string[];
  fields: MappableField[];
  sampleRows: string[][];
  /** Header -> field id this source mapped last time. */
  previous: Record<string, string>;
  hasHeader: boolean;
};

/** Multi-flow files name the flow and source of each row in these exact columns. */
const ROUTING_COLUMNS: Record<string, string> = { flow_id: "__flow_id", source_id: "__source_id" };

/** Typos score ~0.8 and up ("emial" 0.8, "adress" 0.86); "email consent" vs "email" scores 0.42. */
export const FUZZY_THRESHOLD = 0.8;
const FUZZY_MIN_LENGTH = 4;

type Candidate = { column: number; fieldId: string; by: MatchedBy; rank: number; score?: number };

/**
 * Order of trust: exact field id > synonym or field label > what this source mapped last time
 * for the same header > fuzzy similarity > sample values (only without a header row).
 * "previous" outranks fuzzy because it is a person's choice for this very header, while a fuzzy
 * match is a guess; it does not outrank exact/synonym, so a renamed field still maps the obvious way.
 * A header containing a field's name ("Email consent") never matches on that alone: names are
 * compared whole. No field is used twice: the strongest candidate wins and the other column
 * falls back to its next candidate, or to null.
 */
export function suggestMapping(input: SuggestMappingInput): ColumnMapping[] {
  const candidates = input.headers.flatMap((header, column) =>
    input.hasHeader
      ? [...nameCandidates(header, column, input.fields), ...previousCandidates(header, column, input)]
      : previousCandidates(header, column, input),
  );
  if (!input.hasHeader) candidates.push(...valueCandidates(input));
  return assign(candidates, input.headers);
}

export function missingRequired(mapping: ColumnMapping[], requiredFieldIds: string[]): string[] {
  const mapped = new Set(mapping.map((entry) => entry.fieldId));
  return requiredFieldIds.filter((id) => !mapped.has(id));
}

function nameCandidates(header: string, column: number, fields: MappableField[]): Candidate[] {
  const routing = ROUTING_COLUMNS[header.trim().toLowerCase()];
  if (routing) return [{ column, fieldId: routing, by: "exact", rank: 0 }];
  const name = normalizeName(header);
  if (name === "") return [];
  return fields.flatMap((field): Candidate[] => {
    if (name === normalizeName(field.id)) return [{ column, fieldId: field.id, by: "exact", rank: 0 }];
    const names = knownNames(field);
    if (names.has(name)) return [{ column, fieldId: field.id, by: "synonym", rank: 1 }];
    const score = fuzzyScore(name, [normalizeName(field.id), ...names]);
    return score >= FUZZY_THRESHOLD ? [{ column, fieldId: field.id, by: "fuzzy", rank: 3, score }] : [];
  });
}

// Digits must agree so "Phone 1" never fuzzy-matches phone_2; short names are too easy to confuse.
function fuzzyScore(name: string, fieldNames: string[]): number {
  if (name.length < FUZZY_MIN_LENGTH) return 0;
  const digits = name.replace(/\D/g, "");
  const scores = fieldNames
    .filter((other) => other.length >= FUZZY_MIN_LENGTH && other.replace(/\D/g, "") === digits)
    .map((other) => nameSimilarity(name, other));
  return Math.max(0, ...scores);
}

function previousCandidates(header: string, column: number, input: SuggestMappingInput): Candidate[] {
  const name = normalizeName(header);
  const key = header in input.previous ? header : Object.keys(input.previous).find((k) => normalizeName(k) === name);
  const fieldId = key === undefined ? undefined : input.previous[key];
  if (fieldId === undefined) return [];
  const known = input.fields.some((field) => field.id === fieldId) || Object.values(ROUTING_COLUMNS).includes(fieldId);
  return known ? [{ column, fieldId, by: "previous", rank: 2 }] : [];
}

// Columns compete in file order (all get rank 4 for their first field), so the first phone
// column is phone_1 and the next phone_2 (rank 5).
function valueCandidates(input: SuggestMappingInput): Candidate[] {
  const fieldIds = new Set(input.fields.map((field) => field.id));
  const kinds = columnKinds(input.headers.map((_header, column) => input.sampleRows.map((row) => row[column] ?? "")));
  return input.headers.flatMap((_header, column) => {
    const found = kinds[column];
    if (!found) return [];
    return FIELDS_FOR_KIND[found.kind]
      .filter((fieldId) => fieldIds.has(fieldId))
      .map((fieldId, order) => ({ column, fieldId, by: "values" as const, rank: 4 + order, score: found.share }));
  });
}

function assign(candidates: Candidate[], headers: string[]): ColumnMapping[] {
  const ordered = [...candidates].sort(
    (a, b) => a.rank - b.rank || sortScore(b) - sortScore(a) || a.column - b.column,
  );
  const byColumn = new Map<number, Candidate>();
  const usedFields = new Set<string>();
  for (const candidate of ordered) {
    if (byColumn.has(candidate.column) || usedFields.has(candidate.fieldId)) continue;
    byColumn.set(candidate.column, candidate);
    usedFields.add(candidate.fieldId);
  }
  return headers.map((header, column) => {
    const chosen = byColumn.get(column);
    if (!chosen) return { column, header, fieldId: null, by: null };
    const mapping: ColumnMapping = { column, header, fieldId: chosen.fieldId, by: chosen.by };
    return chosen.score === undefined ? mapping : { ...mapping, score: chosen.score };
  });
}

function sortScore(candidate: Candidate): number {
  return candidate.by === "values" ? 0 : (candidate.score ?? 1);
}
