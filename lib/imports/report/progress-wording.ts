// The words of the live progress box, picked from the import's state. Pure and client-safe.
// A status outside the three working ones (completed, cancelled, failed, validated, staged) keeps
// the words of the phase the box was showing: the page is rendered again for the next step a
// moment later, and until then "Imported 30,000 of 30,000" must not turn back into validation's
// "Checked 30,000 of 30,000 rows" (issue #14).
import { formatCount } from "@/lib/leads/format";
import type { ImportView } from "./view";
import { percent } from "../wizard-labels";

/** The summary's tile for failure rows without a lead: part of Failure, never a fourth outcome (row-outcomes.ts). */
export const NOT_IMPORTED_TILE = "Not imported (in failure)";

/** What the outcomes mean, in the words of the page, the import JSON and results.csv alike. */
export const OUTCOMES_NOTE =
  "Every row of the file has one outcome, the same here, in results.csv (import_outcome) and in the API: success, failure or error. " +
  "A failure is a lead the flow did not accept, or a row not imported: no lead was made, because the row was invalid or repeated an earlier one " +
  "(with “Import only valid rows”), named no flow of yours, or the import stopped before it. Its reason starts “Not imported:”.";

export type ProgressPhase = "receiving" | "validation" | "import";

type State = Pick<ImportView, "status" | "rows" | "validated" | "processed" | "invalid" | "duplicates" | "outcomes" | "notImported">;

export type ProgressWording = { phase: ProgressPhase; headline: string; done: number; counts: Array<[label: string, value: number]> };

export function phaseOf(status: ImportView["status"], shown: ProgressPhase): ProgressPhase {
  if (status === "receiving") return "receiving";
  if (status === "validating") return "validation";
  if (status === "importing") return "import";
  return shown;
}

/** The first phase a box opened at this status shows. */
export const initialPhase = (status: ImportView["status"]): ProgressPhase => phaseOf(status, status === "staged" || status === "validated" ? "validation" : "import");

export function progressWording(state: State, shown: ProgressPhase): ProgressWording {
  const phase = phaseOf(state.status, shown);
  if (phase === "receiving") return { phase, headline: "Receiving the file…", done: state.validated, counts: [] };
  if (phase === "validation") {
    return {
      phase,
      headline: `Checked ${formatCount(state.validated)} of ${formatCount(state.rows)} rows (${percent(state.validated, state.rows)}%)`,
      done: state.validated,
      counts: [
        ["Invalid so far", state.invalid],
        ["Duplicates so far", state.duplicates],
      ],
    };
  }
  return {
    phase,
    headline: `Imported ${formatCount(state.processed)} of ${formatCount(state.rows)} rows (${percent(state.processed, state.rows)}%)`,
    done: state.processed,
    counts: [
      ["Success so far", state.outcomes.success],
      ["Failure so far", state.outcomes.failure],
      ["Error so far", state.outcomes.error],
      ["Not imported so far (in failure)", state.notImported],
    ],
  };
}
