// The Content-Types the import API takes as a file body: the one list. Parameters (charset=…) are
// allowed; the file's bytes decide what it is (a CSV's encoding, or an .xlsx workbook).

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const CSV_CONTENT_TYPES: readonly string[] = [
  "text/csv",
  "text/plain",
  "application/csv",
  // What browsers on Windows send for a .csv file when Excel is installed.
  "application/vnd.ms-excel",
  "application/octet-stream",
  XLSX_CONTENT_TYPE,
];

export const UNSUPPORTED_CONTENT_TYPE_MESSAGE = `Send the CSV file as the request body with Content-Type: text/csv, or an Excel workbook (.xlsx) with Content-Type: ${XLSX_CONTENT_TYPE} (also accepted: ${CSV_CONTENT_TYPES.slice(1, -1).join(", ")}). Form uploads, JSON and a body without a Content-Type are not imported.`;

/** Whether a Content-Type header names a type the import API reads as CSV; a missing one does not. */
export function isAcceptedContentType(header: string | null): boolean {
  if (header === null) return false;
  const type = header.split(";")[0]!.trim().toLowerCase();
  return CSV_CONTENT_TYPES.includes(type);
}
