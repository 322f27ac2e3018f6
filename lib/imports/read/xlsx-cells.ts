// A workbook cell as the text a person sees in Excel, so a workbook stages the same strings a CSV
// saved from it would: zero-padded number formats keep their zeros, dates become ISO dates,
// integers are written in full (never 5.12789E+09), formulas give their cached result and rich
// text its plain text. Pure: exceljs's cell value and number format in, a string out.

/** The value shapes exceljs's streaming reader gives a cell (see exceljs CellValue). */
export type CellInput = unknown;

const DAY_MS = 24 * 60 * 60 * 1000;
// Days from Excel's 1900 epoch (with its phantom 29 Feb 1900) to 1970-01-01.
const EPOCH_1900 = 25569;

export function cellText(value: CellInput, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return numberText(value, numFmt);
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") return objectText(value as Record<string, unknown>, numFmt);
  return String(value);
}

function objectText(value: Record<string, unknown>, numFmt?: string): string {
  if (Array.isArray(value.richText)) return value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  // A formula: its cached result; a date-formatted number result is a date too.
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (typeof result === "number" && isDateFormat(numFmt)) return isoDate(excelSerialToDate(result));
    if (result !== null && typeof result === "object" && "error" in result) return String((result as { error: unknown }).error);
    return cellText(result, numFmt);
  }
  // A hyperlink cell shows its text.
  if ("text" in value) return cellText(value.text, numFmt);
  // An error cell (#N/A, #DIV/0!) shows the error, as Excel's CSV export does.
  if ("error" in value) return String(value.error);
  return "";
}

/** The number as Excel shows it for formats that matter to leads: zero padding, and never exponent notation. */
export function numberText(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const padded = zeroPadWidth(numFmt);
  if (padded !== null && Number.isInteger(value) && value >= 0) return String(value).padStart(padded, "0");
  if (Number.isInteger(value)) return BigInt(value).toString();
  // Up to 15 significant digits, as Excel stores them, written without exponent.
  const text = String(Number(value.toPrecision(15)));
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/** "00000" (zip), "000-00-0000" style formats: the width of digits to pad to; null for other formats. */
export function zeroPadWidth(numFmt?: string): number | null {
  if (!numFmt) return null;
  const format = numFmt.split(";")[0]!.replace(/\\(.)|"[^"]*"/g, "");
  if (!/^0+$/.test(format)) return null;
  return format.length;
}

export function isDateFormat(numFmt?: string): boolean {
  if (!numFmt) return false;
  // Quoted text and [colours]/[$-409] locale prefixes say nothing about dates.
  const format = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmyhs]/i.test(format) && !/^[#0.,%\s]*$/.test(format);
}

export function excelSerialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - EPOCH_1900 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when the cell has a time. Excel dates carry no zone: read as UTC. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}
