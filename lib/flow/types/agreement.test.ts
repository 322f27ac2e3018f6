import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIELD_EXAMPLES } from "@/lib/intake/field-examples";
import type { TypeName } from "../model";
import { AGREEMENT_CORPUS } from "./corpus";
import { normalizeValue } from "./index";

const entries = Object.entries(AGREEMENT_CORPUS) as Array<[TypeName, NonNullable<(typeof AGREEMENT_CORPUS)[TypeName]>]>;
const DOCS = readFileSync(new URL("../../../docs/field-types.md", import.meta.url), "utf8");

describe("agreement with LeadConduit's documented readings", () => {
  for (const [type, rows] of entries) {
    describe(type, () => {
      it.each(rows.map(([input, valid, normal, differs]) => ({ input, valid, normal, differs })))(
        "reads $input as valid=$valid, $normal",
        ({ input, valid, normal }) => {
          const value = normalizeValue(type, input);
          expect({ valid: value.valid, normal: value.normal }).toEqual({ valid, normal });
        },
      );
    });
  }

  // Agreement here is 317 of 377 rows (84.1%), below issue #15's 97% target for a held-out set:
  // this corpus is weighted toward edge cases, and most of its differences are ones the issue
  // asks for (never-issued SSNs, dob centuries, unknown states, state names, streets without a
  // number, 1e3, on/off). Each row's reading was checked by running leadconduit-types 4.23.2
  // outside the repo (2026-12-06).
  // The count is a ratchet: a new difference is raised here only together with its entry in the docs.
  it("holds at least 300 inputs, with no more differences than the documented ones", () => {
    const rows = entries.flatMap(([, r]) => r);
    const differing = rows.filter((r) => r[3] !== undefined);
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(differing.length).toBeLessThanOrEqual(60);
  });

  it("names only differences that docs/field-types.md explains", () => {
    const keys = new Set(entries.flatMap(([, rows]) => rows.flatMap((r) => (r[3] ? [r[3]] : []))));
    for (const key of keys) expect(DOCS, `docs/field-types.md lacks ${key}`).toContain(`\`${key}\``);
  });

  it("agrees with every example the Submission Docs show", () => {
    for (const [type, examples] of Object.entries(FIELD_EXAMPLES) as Array<[TypeName, string[]]>) {
      for (const example of examples.filter((e) => !e.startsWith("("))) {
        expect(normalizeValue(type, example).valid, `${type} example ${example}`).toBe(true);
      }
    }
  });
});
