// GET: the invalid rows and the repeats within the file, with their reason, to fix and upload again, streamed as CSV.
import { errorResponse, withAccess } from "@/lib/imports/http";
import { openProblemsCsv } from "@/lib/imports/service";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const stream = await openProblemsCsv(access, id);
    if (!stream) return errorResponse(404, "No such import for these credentials.");
    if ("status" in stream) return errorResponse(410, stream.message);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="import-${id}-problems.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
