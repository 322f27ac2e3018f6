import { describe, expect, it } from "vitest";
import { genderType } from "./gender";

describe("gender", () => {
  it.each([
    ["m", "male", "M"],
    ["Male", "male", "M"],
    [" F ", "female", "F"],
    ["FEMALE", "female", "F"],
    ["o", "other", "O"],
    ["Other", "other", "O"],
  ])("reads %j as %s (%s)", (raw, normal, abbr) => {
    expect(genderType.parse(raw)).toEqual({ raw, normal, valid: true, abbr });
  });

  it.each(["x", "man", "unknown"])("marks %j invalid", (raw) => {
    expect(genderType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(genderType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
