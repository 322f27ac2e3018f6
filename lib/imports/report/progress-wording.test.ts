import { describe, expect, it } from "vitest";
import { initialPhase, progressWording } from "./progress-wording";

const state = (status: Parameters<typeof initialPhase>[0]) => ({
  status,
  rows: 30_000,
  validated: 30_000,
  processed: 30_000,
  invalid: 12,
  duplicates: 3,
  outcomes: { success: 29_985, failure: 12, error: 0 },
  notImported: 3,
});

describe("progress wording", () => {
  it("keeps the import's words when the import completes, never validation's", () => {
    const wording = progressWording(state("completed"), "import");
    expect(wording.phase).toBe("import");
    expect(wording.headline).toBe("Imported 30,000 of 30,000 rows (100%)");
    expect(wording.counts.map(([label]) => label)).toEqual(["Success so far", "Failure so far", "Error so far", "Not imported so far (in failure)"]);
  });

  it("keeps the import's words on cancelled and failed too", () => {
    for (const status of ["cancelled", "failed"] as const) expect(progressWording(state(status), "import").headline).toMatch(/^Imported /);
  });

  it("keeps validation's words when validation ends", () => {
    const wording = progressWording({ ...state("validated"), processed: 0 }, "validation");
    expect(wording.headline).toBe("Checked 30,000 of 30,000 rows (100%)");
    expect(wording.counts).toEqual([
      ["Invalid so far", 12],
      ["Duplicates so far", 3],
    ]);
  });

  it("follows the status while it works: validating, then importing (confirm before validating)", () => {
    expect(progressWording({ ...state("validating"), validated: 10 }, "validation").headline).toBe("Checked 10 of 30,000 rows (0%)");
    const importing = progressWording({ ...state("importing"), processed: 15_000 }, "validation");
    expect(importing.phase).toBe("import");
    expect(importing.done).toBe(15_000);
  });

  it("starts a box opened on a finished import in the import's words", () => {
    expect(initialPhase("completed")).toBe("import");
    expect(initialPhase("validated")).toBe("validation");
    expect(initialPhase("receiving")).toBe("receiving");
  });
});
