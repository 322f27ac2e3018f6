// Random access to the stored file for the zip check: the pieces in import_files have their own
// lengths (a piece is at least FILE_PIECE_BYTES), so their offsets are summed once, and a range is
// read with substring() from the pieces it covers; the central directory is a few KB at the end.
import type { ReadRange } from "./xlsx-zip";

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

export function storedRange(query: Query, importId: string): ReadRange {
  let pieces: Array<{ seq: number; start: number; length: number }> | null = null;
  return async (offset, length) => {
    pieces ??= await pieceOffsets(query, importId);
    const end = offset + length;
    const parts: Uint8Array[] = [];
    for (const piece of pieces) {
      const from = Math.max(offset, piece.start);
      const to = Math.min(end, piece.start + piece.length);
      if (from >= to) continue;
      const { rows } = await query<{ part: Uint8Array }>("select substring(bytes from $3 for $4) as part from import_files where import_id = $1 and seq = $2", [
        importId,
        piece.seq,
        from - piece.start + 1,
        to - from,
      ]);
      parts.push(rows[0]!.part);
    }
    return Buffer.concat(parts);
  };
}

async function pieceOffsets(query: Query, importId: string) {
  const { rows } = await query<{ seq: number; n: number }>("select seq, length(bytes) as n from import_files where import_id = $1 order by seq", [importId]);
  let start = 0;
  return rows.map(({ seq, n }) => {
    const piece = { seq, start, length: Number(n) };
    start += Number(n);
    return piece;
  });
}
