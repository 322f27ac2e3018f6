// Structured JSON logs (pino) for the app and the worker. Log errors with their cause here;
// users only ever see a generic message.
// Every line also carries the bindings of the work it belongs to (a request's requestId, a job's
// importId) without passing a logger around: withLogContext runs a function inside an
// AsyncLocalStorage scope that pino's mixin reads on each line.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

export type LogBindings = Record<string, string | number | undefined>;

// On globalThis: Next bundles this module separately for instrumentation and for each route.
const globalForLog = globalThis as unknown as { leadportLogContext?: AsyncLocalStorage<LogBindings> };
const logContext = (globalForLog.leadportLogContext ??= new AsyncLocalStorage<LogBindings>());

const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");

// Synchronous writes to stdout. pino's default (asynchronous) flushes what is left on exit, and when
// whoever reads our stdout has gone (a closed pipe), that flush never finished: a worker asked to stop
// by SIGTERM hung in process.exit. Written synchronously, a broken pipe just ends the logging.
const stdout = pino.destination({ dest: 1, sync: true });

export const logger = pino(
  {
    level,
    base: { service: "leadport", pid: process.pid },
    mixin: () => logContext.getStore() ?? {},
    redact: { paths: ["password", "apiKey", "token", "*.password", "*.apiKey", "*.token", "req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
  },
  stdout,
);

export type Logger = typeof logger;

/** Runs `fn` with `bindings` added to every log line written inside it (nested scopes add to outer ones). */
export function withLogContext<T>(bindings: LogBindings, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...bindings }, fn);
}

/** The bindings of the current scope, e.g. the request id to echo in a response header. */
export const currentLogContext = (): LogBindings => logContext.getStore() ?? {};
