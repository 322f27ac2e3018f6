// GET: server-sent events of the import's progress until it stops working (see lib/imports/report/events.ts).
import { errorResponse, withAccess } from "@/lib/imports/http";
import { openImportEvents } from "@/lib/imports/service";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const stream = await openImportEvents(access, id, { lastEventId: request.headers.get("last-event-id"), signal: request.signal });
    if (!stream) return errorResponse(404, "No such import for these credentials.");
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
    });
  });
}
