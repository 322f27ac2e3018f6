import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { createStringSpill } from "./xlsx-strings";

const spills = () => readdirSync(tmpdir()).filter((name) => name.startsWith("leadport-xlsx-")).length;

describe("shared strings kept in a temporary file", () => {
  it("gives back each string by index, empty and non-ASCII ones too, across flushes", () => {
    const spill = createStringSpill();
    const texts = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? "" : `lead${i}@exämple.com`));
    for (const text of texts) spill.add(text);
    expect([0, 1, 2, 9_999, 19_999].map((i) => spill.get(i))).toEqual([0, 1, 2, 9_999, 19_999].map((i) => texts[i]));
    spill.add("added after reading");
    expect(spill.get(20_000)).toBe("added after reading");
    expect(spill.get(20_001)).toBeNull();
    expect(spill.get(-1)).toBeNull();
    spill.close();
  });

  it("deletes its file when closed", () => {
    const before = spills();
    const spill = createStringSpill();
    spill.add("x");
    expect(spills()).toBe(before + 1);
    spill.close();
    spill.close();
    expect(spills()).toBe(before);
  });
});
