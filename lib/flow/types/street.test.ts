import { describe, expect, it } from "vitest";
import { streetType } from "./street";

describe("street", () => {
  it.each([
    ["123 Main St", "123 Main St", "123", "Main St"],
    ["  4501  N. Lamar Blvd Apt 2 ", "4501 N. Lamar Blvd Apt 2", "4501", "N. Lamar Blvd Apt 2"],
    ["12B Baker Street", "12B Baker Street", "12B", "Baker Street"],
    ["12-14 Elm Rd", "12-14 Elm Rd", "12-14", "Elm Rd"],
  ])("splits %j into number and name", (raw, normal, number, name) => {
    expect(streetType.parse(raw)).toEqual({ raw, normal, valid: true, number, name });
  });

  it.each(["Main St", "PO Box 12", "123", "One Infinite Loop"])("marks %j invalid", (raw) => {
    expect(streetType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(streetType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
