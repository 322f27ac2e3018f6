// A flow's fields and acceptance criteria for one source, as JSON (docs/api.md).
import { handleMeta } from "@/lib/intake/meta";
import { responseOf } from "@/lib/intake/api-http";
import { methodNotAllowed } from "@/lib/intake/replies";
import { withRequestLog } from "@/lib/logging/request-log";

export async function GET(request: Request, { params }: { params: Promise<{ flowId: string; sourceId: string }> }) {
  return withRequestLog(request, async () => handleMeta(request, await params));
}

const refuse = (request: Request) => responseOf(methodNotAllowed(request.method, "GET"));
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as HEAD, refuse as OPTIONS };
