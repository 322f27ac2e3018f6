// The submit URL's one entry point: the App Router route (app/flows/.../submit/route.ts, used by
// `next dev` and by in-process tests) and the production server's direct route
// (lib/http-server/direct-routes.ts) both call it, so the two answer alike.
import { withApiRequestLog } from "@/lib/logging/request-log";
import type { ApiReply, ApiRequest } from "./api-http";
import { handleSubmit, SUBMIT_METHODS, type SubmitIds } from "./handle-submit";
import { methodNotAllowed } from "./replies";

export function serveSubmit(request: ApiRequest, ids: SubmitIds): Promise<ApiReply> {
  return withApiRequestLog(request, async () =>
    request.method === "GET" || request.method === "POST" ? handleSubmit(request, ids) : methodNotAllowed(request.method, SUBMIT_METHODS),
  );
}
