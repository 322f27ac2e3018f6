// What the mapping list shows beside each column: a few of its values from the preview rows. Pure
// and client-safe (the mapping form runs in the browser).

type PreviewRow = { cells: string[]; problem: string | null };

/** The first `count` distinct non-empty values of a column; rows that cannot be read as the header says are left out, as their cells may be shifted. */
export function sampleValues(preview: PreviewRow[], column: number, count: number): string[] {
  const values: string[] = [];
  for (const row of preview) {
    const value = row.problem === null ? row.cells[column]?.trim() : undefined;
    if (value && !values.includes(value)) values.push(value);
    if (values.length === count) break;
  }
  return values;
}
