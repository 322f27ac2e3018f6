import { describe, expect, it } from "vitest";
import { knownNames, normalizeName } from "./field-synonyms";

describe("normalizeName", () => {
  it("ignores case, spacing, punctuation and accents", () => {
    expect(normalizeName(" E-mail  Address ")).toBe("emailaddress");
    expect(normalizeName("ZIP+4")).toBe("zip4");
    expect(normalizeName("Código Postal")).toBe("codigopostal");
  });
});

describe("knownNames", () => {
  it("includes the built-in synonyms and the field's own label", () => {
    const names = knownNames({ id: "postal_code", label: "Código postal" });
    expect(names.has("zip")).toBe(true);
    expect(names.has("codigopostal")).toBe(true);
  });

  it("knows a custom field by its label alone", () => {
    expect([...knownNames({ id: "loan_amount", label: "Loan Amount" })]).toEqual(["loanamount"]);
  });
});
