// What the tsx scripts (migrate, seed, worker) share: the parsed environment and an open database.
// One-shot scripts need few connections; the worker sizes its pool by DATABASE_POOL_MAX, as the app does.
import { parseEnv } from "@/lib/env-schema";
import { appSecret } from "@/lib/secret";
import { openDatabase } from "./client";

export function openScriptDatabase(options: { appPool?: boolean } = {}) {
  const env = parseEnv();
  const poolMax = options.appPool ? env.DATABASE_POOL_MAX : 4;
  const database = openDatabase({ url: env.DATABASE_URL, dataDir: env.LEADPORT_DATA_DIR, poolMax });
  return { env, database, secret: appSecret(env) };
}
