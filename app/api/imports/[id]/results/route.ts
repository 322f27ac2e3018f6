// GET ?after=<line>&limit=&outcome=success|failure|error: per-row results, a page at a time.
import { z } from "zod";
import { errorResponse, json, withAccess } from "@/lib/imports/http";
import { getImportResults } from "@/lib/imports/service";

const query = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  outcome: z.enum(["success", "failure", "error"]).optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const page = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!page.success) return errorResponse(400, "after and limit must be numbers; outcome is success, failure or error.");
    const rows = await getImportResults(access, id, page.data);
    if (!rows) return errorResponse(404, "No such import for these credentials.");
    if ("status" in rows) return errorResponse(410, rows.message);
    const slim = rows.map(({ line, outcome, leadId, reason }) => ({ line, outcome, leadId, reason }));
    return json({ rows: slim, next: rows.length === (page.data.limit ?? 100) ? rows[rows.length - 1]!.line : null });
  });
}
