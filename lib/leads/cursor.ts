// Keyset paging on (submitted_at desc, id desc): a page costs the same at row 50 as at row 5,000,000.
// The cursor carries the last row's time to the microsecond (PostgreSQL's precision) and its id.
import { isId } from "@/lib/ids";

export type Cursor = { at: string; id: string };

const AT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString("base64url");
}

// Null for anything that is not a cursor this app made; the page then starts from the top.
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value || value.length > 100) return null;
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  return at && id && AT_RE.test(at) && isId(id) ? { at, id } : null;
}
