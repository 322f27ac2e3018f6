// The team's shared folder (test data, the lead generator) sits beside the repository, in CI too.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const candidates = [process.env.LEADPORT_SHARED_DIR, resolve(process.cwd(), "../shared"), "/work/shared"];

export function sharedPath(...parts: string[]): string {
  const root = candidates.find((dir): dir is string => Boolean(dir && existsSync(dir)));
  if (!root) throw new Error("The shared folder (../shared) is missing: set LEADPORT_SHARED_DIR");
  return join(root, ...parts);
}
