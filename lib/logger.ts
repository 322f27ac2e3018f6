// Structured JSON logs (pino) for the app and the worker. Log errors with their cause here;
// users only ever see a generic message.
import pino from "pino";

const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");

export const logger = pino({
  level,
  base: { service: "leadport", pid: process.pid },
  redact: { paths: ["password", "apiKey", "token", "*.password", "*.apiKey", "*.token", "req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
});

export type Logger = typeof logger;
