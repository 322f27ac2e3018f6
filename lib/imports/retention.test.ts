import { describe, expect, it } from "vitest";
import { resultsAvailableUntil, resultsFileSentence } from "./retention";

describe("resultsFileSentence", () => {
  // Finished 23:30 UTC on 5 Dec: 30 days later is 4 Jan 23:30 UTC, still 4 Jan in Chicago, 5 Jan in Tokyo.
  const finished = { status: "completed" as const, completedAt: new Date("2026-12-05T23:30:00Z"), updatedAt: new Date("2026-12-05T23:30:00Z") };
  const until = resultsAvailableUntil(finished, 30)!.toISOString();

  it("says until which day, on the account's clock, the file is kept", () => {
    expect(resultsFileSentence({ resultsAvailable: true, resultsAvailableUntil: until }, "America/Chicago")).toBe(
      "The results file is kept until 2027-01-04 (America/Chicago); then it is deleted with the import's rows. Its leads are kept.",
    );
    expect(resultsFileSentence({ resultsAvailable: true, resultsAvailableUntil: until }, "Asia/Tokyo")).toMatch(/kept until 2027-01-05 \(Asia\/Tokyo\)/);
  });

  it("says on which day it was deleted once it is gone", () => {
    expect(resultsFileSentence({ resultsAvailable: false, resultsAvailableUntil: until }, "America/Chicago")).toBe(
      "The results file is no longer available: it was deleted on 2027-01-04 (America/Chicago) with the import's rows. Its leads are kept.",
    );
  });

  it("says nothing while the import is not finished", () => {
    expect(resultsFileSentence({ resultsAvailable: true, resultsAvailableUntil: null }, "UTC")).toBeNull();
  });
});
