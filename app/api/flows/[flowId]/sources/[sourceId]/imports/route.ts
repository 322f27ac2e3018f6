// The import API's entry: POST the CSV file as the body to create an import for this flow and
// source; GET lists this source's imports, newest first.
import { accessOf, targetFor } from "@/lib/imports/access";
import { createFromRequest, failure, json, withCaller, withChangingCaller } from "@/lib/imports/http";
import { listImportViews } from "@/lib/imports/service";

type Params = { params: Promise<{ flowId: string; sourceId: string }> };

export async function POST(request: Request, { params }: Params) {
  const { flowId, sourceId } = await params;
  return withChangingCaller(request, async (caller) => {
    const check = await targetFor(caller, flowId, sourceId);
    return check.status === "ok" ? createFromRequest(request, check.target) : failure(check);
  });
}

export async function GET(request: Request, { params }: Params) {
  const { flowId, sourceId } = await params;
  return withCaller(request, async (caller) => {
    const check = await targetFor(caller, flowId, sourceId);
    if (check.status !== "ok") return failure(check);
    const before = new URL(request.url).searchParams.get("before") ?? undefined;
    return json({ imports: await listImportViews({ ...accessOf(caller), sourceId }, { before }) });
  });
}
