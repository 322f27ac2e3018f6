// The app process's shutdown state. lib/startup.ts sets it on SIGTERM; from then on /readyz answers
// 503 (load balancers stop sending) and import progress streams end, so their EventSource clients
// reconnect, with Last-Event-ID, to a process that stays up. On globalThis: Next bundles this module
// separately for instrumentation and for each route.
const globalForShutdown = globalThis as unknown as { leadportShutdown?: AbortController };
const shutdown = (globalForShutdown.leadportShutdown ??= new AbortController());

export const shutdownSignal = (): AbortSignal => shutdown.signal;

export const isShuttingDown = (): boolean => shutdown.signal.aborted;

export function beginShutdown(): void {
  shutdown.abort();
}
