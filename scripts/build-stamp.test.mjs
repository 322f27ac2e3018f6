import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsCurrent, recordBuild, sourceStamp } from "./build-stamp.mjs";

function repository() {
  const dir = mkdtempSync(join(tmpdir(), "build-stamp-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  mkdirSync(join(dir, "lib"));
  mkdirSync(join(dir, "tests"));
  writeFileSync(join(dir, ".gitignore"), ".next/\n");
  writeFileSync(join(dir, "lib", "a.ts"), "export const a = 1;\n");
  writeFileSync(join(dir, "tests", "a.test.ts"), "// test\n");
  return dir;
}

describe("the production build's stamp", () => {
  const appUrl = process.env.APP_URL;
  afterEach(() => {
    if (appUrl === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = appUrl;
  });

  it("changes with a built file or the baked-in environment, not with tests, docs or ignored files", () => {
    const dir = repository();
    const first = sourceStamp(dir);
    writeFileSync(join(dir, "tests", "a.test.ts"), "// another test\n");
    writeFileSync(join(dir, "README.md"), "# docs\n");
    mkdirSync(join(dir, ".next"));
    writeFileSync(join(dir, ".next", "BUILD_ID"), "x");
    expect(sourceStamp(dir)).toBe(first);

    writeFileSync(join(dir, "lib", "b.ts"), "export const b = 2;\n"); // untracked files count too
    const second = sourceStamp(dir);
    expect(second).not.toBe(first);
    writeFileSync(join(dir, "lib", "a.ts"), "export const a = 3;\n");
    expect(sourceStamp(dir)).not.toBe(second);

    const third = sourceStamp(dir);
    process.env.APP_URL = "https://leads.example.com";
    expect(sourceStamp(dir)).not.toBe(third);
  });

  it("marks a build current only when it is complete and made from the same stamp", () => {
    const dir = repository();
    const dist = join(dir, ".next");
    mkdirSync(dist);
    const stamp = sourceStamp(dir);
    recordBuild(dist, stamp);
    expect(buildIsCurrent(dist, stamp)).toBe(false); // no BUILD_ID: the build did not finish
    writeFileSync(join(dist, "BUILD_ID"), "x");
    expect(buildIsCurrent(dist, stamp)).toBe(true);
    expect(buildIsCurrent(dist, "another")).toBe(false);
  });
});
