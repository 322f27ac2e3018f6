import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachedFileProblem, generateCsv } from "./bench-files.mjs";

const dir = () => mkdtempSync(join(tmpdir(), "bench-files-"));

describe("the benchmark's cached file", () => {
  it("is reused when its note says it was written whole with the rows wanted", () => {
    const file = join(dir(), "leads.csv");
    writeFileSync(file, "a\n1\n2\n");
    writeFileSync(`${file}.json`, JSON.stringify({ rows: 2, bytes: 6 }));
    expect(cachedFileProblem(file, 2)).toBeNull();
  });

  it("is not reused when empty, cut short, without its note, or with other rows", () => {
    const file = join(dir(), "leads.csv");
    expect(cachedFileProblem(file, 2)).toBe("not generated yet");
    writeFileSync(file, "");
    expect(cachedFileProblem(file, 2)).toBe("no note of a complete write beside it");
    writeFileSync(`${file}.json`, JSON.stringify({ rows: 2, bytes: 6 }));
    expect(cachedFileProblem(file, 2)).toBe("it is empty");
    writeFileSync(file, "a\n1\n");
    expect(cachedFileProblem(file, 2)).toBe("it has 4 bytes, 6 were written");
    writeFileSync(file, "a\n1\n2\n");
    expect(cachedFileProblem(file, 3)).toBe("it holds 2 rows, 3 are wanted");
  });

  it("stops with a message when gen-leads cannot run, leaving no file to reuse", async () => {
    const folder = dir();
    const file = join(folder, "leads.csv");
    await expect(generateCsv(file, { rows: 2, seed: 42, script: join(folder, "missing.mjs") })).rejects.toThrow(/missing\.mjs not found/);
    const failing = join(folder, "fails.mjs");
    writeFileSync(failing, 'process.stdout.write("a\\n1\\n"); process.exit(3);\n');
    await expect(generateCsv(file, { rows: 2, seed: 42, script: failing })).rejects.toThrow(/exit code 3/);
    expect(cachedFileProblem(file, 2)).toBe("not generated yet");
  });

  it("stops when gen-leads ends early without an error", async () => {
    const folder = dir();
    const file = join(folder, "leads.csv");
    const short = join(folder, "short.mjs");
    writeFileSync(short, 'process.stdout.write("a\\n1\\n");\n');
    await expect(generateCsv(file, { rows: 2, seed: 42, script: short })).rejects.toThrow(/wrote 1 rows, 2 were asked for/);
    expect(cachedFileProblem(file, 2)).toBe("not generated yet");
  });
});
