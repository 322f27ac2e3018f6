import { describe, expect, it } from "vitest";
import { credentialType } from "./credential";

describe("credential", () => {
  it("keeps the value byte for byte and is always valid", () => {
    expect(credentialType.parse(" s3cret! ")).toEqual({ raw: " s3cret! ", normal: " s3cret! ", valid: true });
  });

  it("masks raw and normal with a fixed-width mask", () => {
    expect(credentialType.mask!(credentialType.parse("hunter2"))).toEqual({
      raw: "********",
      normal: "********",
      valid: true,
      masked: true,
    });
  });

  it("returns a blank value for whitespace and leaves it unmasked", () => {
    const blank = credentialType.parse("  ");
    expect(blank).toEqual({ raw: "  ", normal: null, valid: false });
    expect(credentialType.mask!(blank)).toEqual(blank);
  });
});
