// GET: the import with its counts by outcome and reason.
import { errorResponse, json, withAccess } from "@/lib/imports/http";
import { getImportSummary } from "@/lib/imports/service";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const summary = await getImportSummary(access, id);
    return summary ? json(summary) : errorResponse(404, "No such import for these credentials.");
  });
}
