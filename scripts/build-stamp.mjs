// What a production build was made from: a hash of every file the build reads (the tree less tests
// and docs) and of the environment it bakes in. `npm test` runs twice in CI (PostgreSQL, then
// PGlite); the second run reuses the first's build when the stamp still matches instead of spending
// another three minutes of both cores on an identical build.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const NOT_BUILT = [/^tests\//, /^docs\//, /^\.ci\//, /\.md$/, /\.test\.m?[jt]s$/];
const BUILD_ENV = ["APP_URL", "TRUST_PROXY", "NODE_ENV", "NEXT_DIST_DIR", "LEADPORT_PROFILE_BUILD"];

export function sourceStamp(cwd = process.cwd()) {
  const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd, encoding: "utf8" });
  const hash = createHash("sha256");
  for (const path of listed.split("\0").filter(Boolean).sort()) {
    if (NOT_BUILT.some((pattern) => pattern.test(path)) || !existsSync(join(cwd, path))) continue;
    hash.update(path).update("\0").update(readFileSync(join(cwd, path))).update("\0");
  }
  for (const name of BUILD_ENV) hash.update(`${name}=${process.env[name] ?? ""}\0`);
  return hash.digest("hex");
}

const stampFile = (distDir) => join(distDir, "leadport-build-stamp");

/** True when distDir holds a complete build of the current sources. */
export function buildIsCurrent(distDir, stamp) {
  const file = stampFile(distDir);
  return existsSync(join(distDir, "BUILD_ID")) && existsSync(file) && readFileSync(file, "utf8") === stamp;
}

export function recordBuild(distDir, stamp) {
  writeFileSync(stampFile(distDir), stamp);
}
