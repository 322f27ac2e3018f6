// The real-time lead API, LeadConduit-compatible (docs/api.md); all of it lives in lib/intake.
import { handleSubmit, SUBMIT_METHODS } from "@/lib/intake/handle-submit";
import { methodNotAllowed } from "@/lib/intake/replies";
import { withRequestLog } from "@/lib/logging/request-log";

type Context = { params: Promise<{ flowId: string; sourceId: string }> };

export async function POST(request: Request, { params }: Context) {
  return withRequestLog(request, async () => handleSubmit(request, await params));
}

export async function GET(request: Request, { params }: Context) {
  return withRequestLog(request, async () => handleSubmit(request, await params));
}

const refuse = (request: Request) => methodNotAllowed(request.method, SUBMIT_METHODS);
export { refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as HEAD, refuse as OPTIONS };
