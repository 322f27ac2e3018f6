import { describe, expect, it } from "vitest";
import { newPasswordSchema, passwordProblem } from "./password-rules";

describe("password rules", () => {
  it("accepts ten characters or more", () => {
    expect(passwordProblem("correct horse")).toBeNull();
    expect(passwordProblem("a1b2c3d4e5")).toBeNull();
  });

  it("refuses fewer than ten characters", () => {
    expect(passwordProblem("a1b2c3d4e")).toBe("Use at least 10 characters.");
    expect(passwordProblem("")).toBe("Use at least 10 characters.");
  });

  it("counts characters, not UTF-16 units", () => {
    // Five emoji are ten UTF-16 units but five characters.
    expect(passwordProblem("😀😁😂😃😄")).toBe("Use at least 10 characters.");
    expect(passwordProblem("😀😁😂😃😄😅😆😇😈😉")).toBeNull();
  });

  it("refuses more than 200 characters", () => {
    expect(passwordProblem("ab".repeat(100))).toBeNull();
    expect(passwordProblem("ab".repeat(100) + "c")).toBe("Use at most 200 characters.");
  });

  it("refuses one character repeated", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("Use more than one distinct character.");
    expect(passwordProblem("aaaaaaaaaaab")).toBeNull();
  });

  it("gives the same verdict as a zod schema", () => {
    expect(newPasswordSchema.safeParse("long enough pass").success).toBe(true);
    const result = newPasswordSchema.safeParse("short");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Use at least 10 characters.");
  });
});
