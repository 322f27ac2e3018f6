import { describe, expect, it } from "vitest";
import { TYPE_NAMES } from "../model";
import { fieldTypes, getFieldType, maskValue, normalizeValue } from "./index";

describe("field types", () => {
  it.each(TYPE_NAMES)("registers %s under its own name", (name) => {
    expect(getFieldType(name).name).toBe(name);
  });

  it.each(TYPE_NAMES)("returns a blank value for whitespace in %s", (name) => {
    expect(normalizeValue(name, " \t ")).toEqual({ raw: " \t ", normal: null, valid: false });
  });

  it.each(TYPE_NAMES)("offers the blank operators for %s", (name) => {
    expect(fieldTypes[name].operators).toEqual(expect.arrayContaining(["is blank", "is not blank", "is equal to"]));
  });

  it.each(["number", "range", "date", "dob", "time"] as const)("offers ordering operators for %s", (name) => {
    expect(fieldTypes[name].operators).toEqual(
      expect.arrayContaining(["is less than", "is greater than or equal to", "is between", "is not between"]),
    );
    expect(fieldTypes[name].compareAs).not.toBe("text");
  });

  it.each(["string", "first_name", "last_name", "city", "email", "street", "url", "postal_code", "phone", "state"] as const)(
    "offers pattern operators for %s",
    (name) => {
      expect(fieldTypes[name].operators).toEqual(expect.arrayContaining(["matches pattern", "does not match pattern"]));
    },
  );

  it("normalizes through the named type", () => {
    expect(normalizeValue("phone", "(512) 789-1111")).toMatchObject({ normal: "5127891111", valid: true });
  });

  it.each(["ssn", "credential", "dob"] as const)("masks %s", (name) => {
    expect(fieldTypes[name].mask).toBeTypeOf("function");
  });

  it("masks only maskable types", () => {
    const email = normalizeValue("email", "a@example.com");
    expect(maskValue("email", email)).toBe(email);
    expect(maskValue("ssn", normalizeValue("ssn", "123456789"))).toMatchObject({ normal: "*****6789" });
  });
});
