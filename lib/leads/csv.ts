// CSV cells for exports. A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a
// leading apostrophe, so a lead's data can never run as a formula on the account holder's machine.
// A value that is only a number or a phone (digits, spaces, "().-" and one leading + or -) is written
// as it is: it names no function or cell, so it cannot run anything, and an apostrophe in front of
// "+1 5178140820" would stay in the data when the file is imported again.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_OR_PHONE = /^[+-]?[0-9 ().][0-9 ().-]*$/;

export function needsNeutralizing(value: string): boolean {
  if (!FORMULA_START.test(value)) return false;
  return !(NUMBER_OR_PHONE.test(value) && /[0-9]/.test(value));
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const safe = needsNeutralizing(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvCell).join(",") + "\r\n";
}
