import type { Instrumentation } from "next";

// Next calls register() once per server process before serving: migrate, seed, start the worker.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/startup");
    await startServer();
  }
}

// Errors Next caught while rendering a page, running a Server Action or a route handler: logged as
// JSON with their cause. The user sees only app/error.tsx, with the digest to quote.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger }, { loggablePath }] = await Promise.all([import("./lib/logger"), import("./lib/logging/loggable-path")]);
  const requestId = request.headers["x-request-id"];
  logger.error(
    { err, digest: (err as { digest?: string } | null)?.digest, requestId, method: request.method, path: loggablePath(request.path), route: context.routePath, routeType: context.routeType },
    "request failed",
  );
};
