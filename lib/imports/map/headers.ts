// Makes a header row safe to show and map: every column gets a unique, non-empty name.

export type HeaderProblem = {
  /** 0-based column index; messages use the 1-based number a person sees. */
  column: number;
  message: string;
};

/**
 * Trims names; an empty name becomes "Column N" (N 1-based) and a repeated name (compared
 * case-insensitively, as matching does) becomes "Email (2)", "Email (3)", never colliding with
 * a name already in the row. Each change is reported so the wizard can show it.
 */
export function normalizeHeaders(row: string[]): { headers: string[]; problems: HeaderProblem[] } {
  const trimmed = row.map((name) => name.replace(/\u0000/g, "").trim());
  const taken = new Set(trimmed.map((name) => name.toLowerCase()));
  const firstUse = new Map<string, number>();
  const problems: HeaderProblem[] = [];
  const headers = trimmed.map((name, column) => {
    if (name === "") {
      const replacement = uniqueName(`Column ${column + 1}`, taken);
      problems.push({ column, message: `Column ${column + 1} has no header name; it is shown as "${replacement}".` });
      return replacement;
    }
    const key = name.toLowerCase();
    const first = firstUse.get(key);
    if (first === undefined) {
      firstUse.set(key, column);
      return name;
    }
    const replacement = uniqueName(name, taken);
    problems.push({
      column,
      message: `Column ${column + 1} repeats the header "${name}" of column ${first + 1}; it is shown as "${replacement}".`,
    });
    return replacement;
  });
  return { headers, problems };
}

function uniqueName(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) candidate = `${base} (${copy})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
