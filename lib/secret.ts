// The app secret: LEADPORT_SECRET, or in development a random one kept beside the PGlite data so
// docs and report links survive restarts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { randomToken } from "./crypto";
import type { Env } from "./env-schema";

let cached: string | undefined;

// Checked when first needed (and at server start), not when the environment is parsed, because
// `next build` evaluates server modules without the production secrets.
export function appSecret(env: Env): string {
  if (env.LEADPORT_SECRET) return env.LEADPORT_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error("LEADPORT_SECRET is required in production (32+ random characters)");
  }
  if (cached) return cached;
  const file = join(dirname(env.LEADPORT_DATA_DIR.replace(/^file:\/\//, "")), "secret");
  if (existsSync(file)) {
    cached = readFileSync(file, "utf8").trim();
  } else {
    mkdirSync(dirname(file), { recursive: true });
    cached = randomToken(32);
    writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}
