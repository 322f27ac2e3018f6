// POST: an account holder imports a file whose flow_id and source_id columns name each row's flow
// and source. GET: the imports the caller may see, newest first (?before=<id> for the next page).
import { accessOf } from "@/lib/imports/access";
import { createFromRequest, errorResponse, json, withCaller, withChangingCaller } from "@/lib/imports/http";
import { listImportViews } from "@/lib/imports/service";

export async function POST(request: Request) {
  return withChangingCaller(request, async (caller) => {
    if (caller.kind !== "holder") return errorResponse(403, "A source's key imports into its own flow: POST to /api/flows/{flowId}/sources/{sourceId}/imports.");
    return createFromRequest(request, { accountId: caller.accountId, flowId: null, sourceId: null, startedBy: caller.holderId });
  });
}

export async function GET(request: Request) {
  return withCaller(request, async (caller) => {
    const before = new URL(request.url).searchParams.get("before") ?? undefined;
    return json({ imports: await listImportViews(accessOf(caller), { before }) });
  });
}
