import { describe, expect, it } from "vitest";
import { idCreatedAt, isId, newId } from "./ids";

describe("newId", () => {
  it("is 24 lowercase hex characters", () => {
    expect(newId()).toMatch(/^[0-9a-f]{24}$/);
    expect(isId(newId())).toBe(true);
  });

  it("is a BSON ObjectId: 4 bytes of seconds, 5 bytes of this process, a 3-byte counter", () => {
    const at = Date.UTC(2026, 11, 6, 1, 2, 3, 456);
    const [a, b] = [newId(at), newId(at)];
    expect(a.slice(0, 8)).toBe((at / 1000 - 0.456).toString(16));
    expect(a.slice(8, 18)).toBe(b.slice(8, 18));
    expect((Number.parseInt(b.slice(18), 16) - Number.parseInt(a.slice(18), 16) + 0x1000000) % 0x1000000).toBe(1);
  });

  it("sorts by second", () => {
    const ids = [newId(1_700_000_000_000), newId(1_700_000_001_000), newId(1_700_000_002_999)];
    expect([...ids].sort()).toEqual(ids);
  });

  it("gives distinct ids within one second", () => {
    const ids = Array.from({ length: 10_000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(10_000);
  });

  it("sorts after every id of the older 48-bit-millisecond layout", () => {
    const older = (1_800_000_000_000).toString(16).padStart(12, "0") + "0123456789ab";
    expect(isId(older)).toBe(true);
    expect([newId(1_700_000_000_000), older].sort()[0]).toBe(older);
  });

  it("rejects what is not an id", () => {
    expect(isId("ABCDEF0123456789abcdef01")).toBe(false);
    expect(isId("123")).toBe(false);
  });
});

describe("idCreatedAt", () => {
  it("reads the second an id was made from its first four bytes", () => {
    expect(idCreatedAt(newId(Date.UTC(2026, 8, 1, 12, 30, 5, 750)))).toEqual(new Date(Date.UTC(2026, 8, 1, 12, 30, 5)));
  });

  it("is null for what is not an id", () => {
    expect(idCreatedAt("not-an-id")).toBeNull();
    expect(idCreatedAt("6B1535862E47B80C490D0C2A")).toBeNull();
  });
});
