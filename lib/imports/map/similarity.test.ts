import { describe, expect, it } from "vitest";
import { nameSimilarity } from "./similarity";

describe("nameSimilarity", () => {
  it("scores identical names 1 and unrelated names low", () => {
    expect(nameSimilarity("email", "email")).toBe(1);
    expect(nameSimilarity("city", "zip")).toBeLessThan(0.3);
  });

  it("counts a swap of two neighbouring letters as one edit", () => {
    expect(nameSimilarity("emial", "email")).toBeCloseTo(0.8);
  });

  it("scores a longer name that merely contains another low", () => {
    expect(nameSimilarity("emailconsent", "email")).toBeLessThan(0.5);
  });

  it("handles empty names", () => {
    expect(nameSimilarity("", "")).toBe(1);
    expect(nameSimilarity("", "abc")).toBe(0);
  });
});
