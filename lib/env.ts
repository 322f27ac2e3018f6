import "server-only";
import { parseEnv, type Env } from "./env-schema";

// Parsed once per process; a bad environment fails at start with every problem named.
export const env: Env = parseEnv();
