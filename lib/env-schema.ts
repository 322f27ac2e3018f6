// The environment, parsed once with zod. Pure so scripts (migrate, seed, worker) can share it;
// lib/env.ts is the server-only entry point for the app.
import { z } from "zod";
import { passwordProblem } from "./auth/password-rules";

const boolish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // PostgreSQL connection string; when unset, an embedded PGlite database under LEADPORT_DATA_DIR.
  DATABASE_URL: z.url().optional().or(z.literal("").transform(() => undefined)),
  LEADPORT_DATA_DIR: z.string().default(".data/pglite"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Signs docs and report links and derives tokens; required in production, generated under .data/ otherwise.
  LEADPORT_SECRET: z.string().min(32, "LEADPORT_SECRET must be at least 32 characters").optional(),
  // Empty (as .env.example leaves it) reads as unset; parseEnv then names the server's own port.
  APP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().default("http://localhost:3000")),
  MIGRATE_ON_START: boolish,
  SEED_DEMO: boolish,
  // The demo owner's password follows the rule every chosen password does (lib/auth/password-rules.ts).
  // Empty (as .env.example leaves it) means unset: a random one is made and printed once.
  DEMO_PASSWORD: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .superRefine((v, ctx) => {
      const problem = v === undefined ? null : passwordProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: `${problem} (the rule for every password)` });
    }),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // How many reverse proxies stand in front of the app; their X-Forwarded-For entries are trusted,
  // nothing beyond. 0 (default): the socket's address is the client's.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // open: anyone may create an account at /signup (hosted, multi-account); closed: /signup is a 404.
  SIGNUP: z.enum(["open", "closed"]).default("closed"),
  // smtp(s)://user:pass@host:port; unset: no mail is sent, links are only shown to copy.
  SMTP_URL: z.string().optional().or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().default("Leadport <no-reply@localhost>"),
  // Most fields one lead may carry (real-time API, after nested objects are flattened); more gets 413.
  LEAD_MAX_FIELDS: z.coerce.number().int().min(1).max(100_000).default(500),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1).default(512 * 1024 * 1024),
  // Longest a whole request may take to arrive (npm start's server; 0: no limit). An upload is answered
  // once it is staged, so a large file on a slow link or a busy server needs far more than Node's 300 s.
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
  // Uploads receiving at once per source (429 with Retry-After past it); a stalled one stops counting.
  IMPORT_MAX_ACTIVE_PER_SOURCE: z.coerce.number().int().min(1).default(2),
  // Bytes of uploaded files an account's imports may hold (5 GB); 413 past it, until imports are deleted or pruned.
  IMPORT_STORAGE_QUOTA_BYTES: z.coerce.number().int().min(1).default(5 * 1024 * 1024 * 1024),
  // Days after an import finishes before its stored file and staged rows are deleted (its leads stay).
  IMPORT_FILE_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  // Days leads are kept; unset or empty: for ever. The hourly maintenance drops each month of leads
  // (a partition) once the whole month ended this long ago, so a lead stays between this many days
  // and this plus a month; reports keep the totals (lib/maintenance/lead-partitions.ts).
  LEAD_RETENTION_DAYS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).optional()),
  WORKER_IN_PROCESS: boolish,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  // An import that has not moved for this long lost its worker (killed, machine gone): queued again.
  IMPORT_STALLED_SECONDS: z.coerce.number().int().min(5).default(120),
  // Recipient steps and import webhooks may call loopback, private and link-local addresses (tests, closed networks only).
  RECIPIENT_ALLOW_PRIVATE: boolish,
  // Deliveries in flight to one recipient host at once, per process (lib/flow/steps/host-gate.ts).
  RECIPIENT_MAX_CONCURRENCY_PER_HOST: z.coerce.number().int().min(1).max(256).default(6),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Links in mail and the start banner name this server: by default on the port it listens on.
  const appUrl = source.APP_URL || `http://localhost:${source.PORT || 3000}`;
  const result = envSchema.safeParse({ ...source, APP_URL: appUrl });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}
