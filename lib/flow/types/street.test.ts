import { describe, expect, it } from "vitest";
import { streetType } from "./street";

describe("street", () => {
  it.each([
    ["123 Main St", "123 Main St", "123", "Main St"],
    ["  4501  N. Lamar Blvd Apt 2 ", "4501 N. Lamar Blvd Apt 2", "4501", "N. Lamar Blvd Apt 2"],
    ["12B Baker Street", "12B Baker Street", "12B", "Baker Street"],
    ["12-14 Elm Rd", "12-14 Elm Rd", "12-14", "Elm Rd"],
    ["123-A Main St", "123-A Main St", "123-A", "Main St"],
    ["N123 W456 Main St", "N123 W456 Main St", "N123 W456", "Main St"],
    ["w3190 s1000 County Rd K", "w3190 s1000 County Rd K", "w3190 s1000", "County Rd K"],
    ["One Main St", "One Main St", "One", "Main St"],
    ["twelve Oaks Dr", "twelve Oaks Dr", "twelve", "Oaks Dr"],
    ["PO Box 123", "PO Box 123", "123", "PO Box"],
    ["P.O. Box #77", "P.O. Box #77", "77", "P.O. Box"],
    ["po box 12", "po box 12", "12", "po box"],
    ["Post Office Box 9", "Post Office Box 9", "9", "Post Office Box"],
    ["RR 2 Box 10", "RR 2 Box 10", "10", "RR 2 Box"],
    ["Rural Route 4, Box 18A", "Rural Route 4, Box 18A", "18A", "Rural Route 4, Box"],
    ["HC 1 Box 5", "HC 1 Box 5", "5", "HC 1 Box"],
  ])("splits %j into number and name", (raw, normal, number, name) => {
    expect(streetType.parse(raw)).toEqual({ raw, normal, valid: true, number, name });
  });

  it.each(["Main St", "123", "PO Box", "Box", "RR 2", "Oneida St", "N Main St", "Apt 4", "c/o John Smith"])("marks %j invalid", (raw) => {
    expect(streetType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(streetType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
