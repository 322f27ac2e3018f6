// GET ?after=<line>&limit=&kind=invalid|duplicate: the rows with problems, a page at a time.
import { z } from "zod";
import { errorResponse, json, withAccess } from "@/lib/imports/http";
import { getImportProblems } from "@/lib/imports/service";

const query = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  kind: z.enum(["invalid", "duplicate"]).optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const page = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!page.success) return errorResponse(400, "after and limit must be numbers; kind is invalid or duplicate.");
    const rows = await getImportProblems(access, id, page.data);
    if (!rows) return errorResponse(404, "No such import for these credentials.");
    if ("status" in rows) return errorResponse(410, rows.message);
    return json({ rows, next: rows.length === (page.data.limit ?? 100) ? rows[rows.length - 1]!.line : null });
  });
}
