// What the tsx scripts (migrate, seed, worker) share: the parsed environment and an open database.
import { parseEnv } from "@/lib/env-schema";
import { appSecret } from "@/lib/secret";
import { openDatabase } from "./client";

export function openScriptDatabase() {
  const env = parseEnv();
  const database = openDatabase({ url: env.DATABASE_URL, dataDir: env.LEADPORT_DATA_DIR, poolMax: 4 });
  return { env, database, secret: appSecret(env) };
}
