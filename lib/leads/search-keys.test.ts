import { describe, expect, it } from "vitest";
import { arrayLiteral, foldCase, leadSearchKeys, nameTerms, nameWords } from "./search-keys";

describe("search keys", () => {
  it("folds case and accents", () => {
    expect(foldCase("Hernández")).toBe("hernandez");
    expect(foldCase("MARTÍNEZ Ñúñez")).toBe("martinez nunez");
    // Decomposed input (e + combining acute) folds to the same key as the composed one.
    expect(foldCase("Jose\u0301")).toBe(foldCase("José"));
  });

  it("splits a name into words, hyphenated ones also into their parts", () => {
    expect(nameWords("  Mary-Jane   Smith ")).toEqual(["mary-jane", "mary", "jane", "smith"]);
    expect(nameWords("")).toEqual([]);
  });

  it("keys a lead by email, phone, reference and each name word", () => {
    const keys = leadSearchKeys({ email: "e.thomas@example.com", phone: "5125550100", reference: "ref-7", firstName: "Elizabeth", lastName: "Hernández Thomas" });
    expect(keys).toEqual(["e:e.thomas@example.com", "p:5125550100", "r:ref-7", "n:elizabeth", "n:hernandez", "n:thomas"]);
    expect(leadSearchKeys({ email: null, phone: null, reference: null, firstName: null, lastName: null })).toEqual([]);
  });

  it("makes a name search's terms match the keys whatever the order, case and accents", () => {
    const keys = leadSearchKeys({ email: null, phone: null, reference: null, firstName: "Elizabeth", lastName: "Hernández" });
    for (const search of ["Thomas", "elizabeth", "Hernández", "hernandez", "HERNANDEZ elizabeth", "Elizabeth  Hernández"]) {
      const terms = nameTerms(search);
      const found = terms.every((t) => keys.includes(t));
      expect({ search, found }).toEqual({ search, found: search !== "Thomas" });
    }
  });

  it("writes an array literal COPY can read", () => {
    expect(arrayLiteral(["n:o'brien", 'r:a "b" c\\d', "e:x@y.z"])).toBe('{"n:o\'brien","r:a \\"b\\" c\\\\d","e:x@y.z"}');
    expect(arrayLiteral([])).toBe("{}");
  });
});
