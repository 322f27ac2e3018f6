import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids";

describe("newId", () => {
  it("is 24 lowercase hex characters", () => {
    expect(newId()).toMatch(/^[0-9a-f]{24}$/);
    expect(isId(newId())).toBe(true);
  });

  it("sorts by time, also within one millisecond", () => {
    const ids = [newId(1_700_000_000_000), newId(1_700_000_000_000), newId(1_700_000_000_001)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it("rejects what is not an id", () => {
    expect(isId("ABCDEF0123456789abcdef01")).toBe(false);
    expect(isId("123")).toBe(false);
  });
});
