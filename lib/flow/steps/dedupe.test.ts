import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { fieldTypeMap, normalizeLead } from "../normalize";
import type { FieldDef } from "../model";
import { dedupeKey } from "./dedupe";

const fields: FieldDef[] = [
  { id: "email", label: "Email", type: "email", custom: false },
  { id: "phone_1", label: "Phone 1", type: "phone", custom: false },
];
const lead = (data: Record<string, string>) => normalizeLead(fieldTypeMap(fields), data);

describe("dedupeKey", () => {
  it("hashes the fields' normal values, lowercased, joined by U+0001", () => {
    const key = dedupeKey(["email", "phone_1"], lead({ email: " Ann@Example.com ", phone_1: "(512) 789-1111" }));
    expect(key).toBe(createHash("sha256").update("ann@example.com\u00015127891111").digest("hex"));
  });

  it("is null when every field is blank", () => {
    expect(dedupeKey(["email", "phone_1"], lead({ first_name: "Ann" }))).toBeNull();
  });

  it("answers a lead asked again with other fields for those fields (the last key kept is per fields array)", () => {
    const one = lead({ email: "ann@example.com", phone_1: "512-789-1111" });
    const both = ["email", "phone_1"];
    const first = dedupeKey(both, one);
    expect(dedupeKey(both, one)).toBe(first);
    expect(dedupeKey(["email"], one)).toBe(sha256("ann@example.com"));
    expect(dedupeKey(["phone_1"], one)).toBe(sha256("5127891111"));
    expect(dedupeKey(both, one)).toBe(first);
    // An equal array that is another array is hashed again, to the same key.
    expect(dedupeKey(["email", "phone_1"], one)).toBe(first);
  });

  it("gives two leads with the same values the same key and others another", () => {
    const a = dedupeKey(["email"], lead({ email: "a@example.com" }));
    expect(dedupeKey(["email"], lead({ email: "A@example.com" }))).toBe(a);
    expect(dedupeKey(["email"], lead({ email: "b@example.com" }))).not.toBe(a);
  });
});

describe("sha256", () => {
  it("is the hex SHA-256 of the UTF-8 text", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("héllo\u0001")).toBe(createHash("sha256").update("héllo\u0001", "utf8").digest("hex"));
  });
});
