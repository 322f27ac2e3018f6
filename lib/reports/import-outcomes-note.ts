// What an import's outcome counts mean, for the places that show them away from the import's page:
// the home page, a partner's shared report and the import-ended email. The same words as the import
// page's OUTCOMES_NOTE (lib/imports/report/progress-wording.ts), which says "here" for its own page.
// Plain text, no imports: workers and client components may load it.
export const IMPORT_OUTCOMES_NOTE =
  "Every row of a file has one outcome, the same on the import's page, in results.csv (import_outcome) and in the API: " +
  "success, failure or error. A failure is a lead the flow did not accept, or a row not imported: no lead was made, " +
  "because the row was invalid or repeated an earlier one (with “Import only valid rows”), named no flow, or the import stopped before it.";
