// The submit and ping URLs' entry points: the App Router routes (app/flows/.../submit and .../ping,
// used by `next dev` and by in-process tests) and the production server's direct route
// (lib/http-server/direct-routes.ts) both call them, so the two answer alike.
import { withApiRequestLog } from "@/lib/logging/request-log";
import type { ApiReply, ApiRequest } from "./api-http";
import { handleSubmit, SUBMIT_METHODS, type SubmitIds } from "./handle-submit";
import { handlePing } from "./ping";
import { methodNotAllowed } from "./replies";

const isGetOrPost = (request: ApiRequest) => request.method === "GET" || request.method === "POST";

export function serveSubmit(request: ApiRequest, ids: SubmitIds): Promise<ApiReply> {
  return withApiRequestLog(request, async () => (isGetOrPost(request) ? handleSubmit(request, ids) : methodNotAllowed(request.method, SUBMIT_METHODS)));
}

export function servePing(request: ApiRequest, ids: SubmitIds): Promise<ApiReply> {
  return withApiRequestLog(request, async () => (isGetOrPost(request) ? handlePing(request, ids) : methodNotAllowed(request.method, SUBMIT_METHODS)));
}
