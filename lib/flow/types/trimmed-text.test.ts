import { describe, expect, it } from "vitest";
import { cityType } from "./city";
import { firstNameType } from "./first-name";
import { lastNameType } from "./last-name";

describe.each([
  ["first_name", firstNameType],
  ["last_name", lastNameType],
  ["city", cityType],
])("%s", (name, type) => {
  it("is named after its type", () => {
    expect(type.name).toBe(name);
  });

  it.each([
    ["  Mary Ann ", "Mary Ann"],
    ["O'Brien", "O'Brien"],
    ["São Paulo", "São Paulo"],
  ])("trims %j to %j", (raw, normal) => {
    expect(type.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it("returns a blank value for whitespace", () => {
    expect(type.parse("   ")).toEqual({ raw: "   ", normal: null, valid: false });
  });
});
