// Hand-written calendar-date reader shared by date, dob and time. Strict patterns plus a
// calendar check replace moment: "1980-02-30" is rejected rather than rolled into March.

// twoDigitYear marks a century that was guessed ("6/2/14"), which dob may move back a hundred years.
export type CalendarDate = { year: number; month: number; day: number; twoDigitYear?: true };

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["jan", "january"],
    ["feb", "february"],
    ["mar", "march"],
    ["apr", "april"],
    ["may", "may"],
    ["jun", "june"],
    ["jul", "july"],
    ["aug", "august"],
    ["sep", "september"],
    ["oct", "october"],
    ["nov", "november"],
    ["dec", "december"],
  ].flatMap(([short, long], i): Array<[string, number]> => [
    [short!, i + 1],
    [long!, i + 1],
  ]).concat([["sept", 9]]),
);

const WEEKDAY = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?,?\\s+";
const ORDINAL = "(?:st|nd|rd|th)?";

const YEAR_FIRST_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
// Spaces around the separators are allowed: "6 / 2 / 2014".
const YEAR_LAST_RE = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
// Two-digit years as moment (and so LeadConduit) reads them: 69-99 are 19xx, 00-68 are 20xx.
const TWO_DIGIT_PIVOT = 68;
const EIGHT_DIGITS_RE = /^\d{8}$/;
// "Jun 2 2014", "June 2, 2014", "Mon Jun 02 2014"
const MONTH_NAME_FIRST_RE = new RegExp(`^(?:${WEEKDAY})?([a-z]{3,9})\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`, "i");
// "2 Jun 2014", "Fri 18 July 2014", "Mon, 02 Jun 2014"
const DAY_FIRST_RE = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})${ORDINAL}\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})$`, "i");
// Dashed month names as spreadsheets and databases export them: "02-Jun-2014", "2-JUN-14", "Jun-02-2014".
const DASHED_DAY_FIRST_RE = /^(\d{1,2})-([a-z]{3,9})-(\d{4}|\d{2})$/i;
const DASHED_MONTH_FIRST_RE = /^([a-z]{3,9})-(\d{1,2})-(\d{4}|\d{2})$/i;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checked(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

// US order first, then the swapped (European) reading when the US one is not a real date.
function eitherOrder(year: number, first: number, second: number): CalendarDate | null {
  return checked(year, first, second) ?? checked(year, second, first);
}

// Reads a year of four digits as written, or of two with moment's pivot, marking the guessed century.
function withYear(yearText: string, read: (year: number) => CalendarDate | null): CalendarDate | null {
  if (yearText.length === 4) return read(Number(yearText));
  const yy = Number(yearText);
  const date = read(yy <= TWO_DIGIT_PIVOT ? 2000 + yy : 1900 + yy);
  return date ? { ...date, twoDigitYear: true } : null;
}

function yearLast(yearText: string, first: number, second: number): CalendarDate | null {
  return withYear(yearText, (year) => eitherOrder(year, first, second));
}

function namedMonth(yearText: string, monthName: string, day: string): CalendarDate | null {
  const month = MONTHS.get(monthName.toLowerCase());
  return month ? withYear(yearText, (year) => checked(year, month, Number(day))) : null;
}

// The same day a hundred years earlier, or null when it does not exist (Feb 29 of 2000 vs 1900).
export function centuryEarlier(date: CalendarDate): CalendarDate | null {
  return checked(date.year - 100, date.month, date.day);
}

function fromEightDigits(s: string): CalendarDate | null {
  const a = Number(s.slice(0, 2));
  const b = Number(s.slice(2, 4));
  const tailYear = Number(s.slice(4));
  const headYear = Number(s.slice(0, 4));
  const c = Number(s.slice(4, 6));
  const d = Number(s.slice(6));
  // Same order as LeadConduit's format list: MMDDYYYY, YYYYMMDD, DDMMYYYY, YYYYDDMM.
  return checked(tailYear, a, b) ?? checked(headYear, c, d) ?? checked(tailYear, b, a) ?? checked(headYear, d, c);
}

export function parseCalendarDate(input: string): CalendarDate | null {
  const text = input.trim();
  let m = YEAR_FIRST_RE.exec(text);
  if (m) return eitherOrder(Number(m[1]), Number(m[3]), Number(m[4]));

  m = YEAR_LAST_RE.exec(text);
  // Dotted dates read as LeadConduit reads them, US order first like slashes: 6.2.2014 is June 2;
  // 18.07.2014 can only be day first, so it is July 18.
  if (m) return yearLast(m[4]!, Number(m[1]), Number(m[3]));

  if (EIGHT_DIGITS_RE.test(text)) return fromEightDigits(text);

  m = MONTH_NAME_FIRST_RE.exec(text);
  if (m) return namedMonth(m[3]!, m[1]!, m[2]!);

  m = DAY_FIRST_RE.exec(text) ?? DASHED_DAY_FIRST_RE.exec(text);
  if (m) return namedMonth(m[3]!, m[2]!, m[1]!);

  m = DASHED_MONTH_FIRST_RE.exec(text);
  if (m) return namedMonth(m[3]!, m[1]!, m[2]!);
  return null;
}

// "060214" is June 2, 2014: MMDDYY only, as LeadConduit reads it. Day first ("180714") or year
// first ("140602") is not tried: six digits have too many readings to guess beyond the US one.
// Only date and dob read it; in a time field six digits could as well be HHMMSS.
const SIX_DIGITS_RE = /^(\d\d)(\d\d)(\d\d)$/;

export function parseSixDigitDate(input: string): CalendarDate | null {
  const m = SIX_DIGITS_RE.exec(input.trim());
  return m ? withYear(m[3]!, (year) => checked(year, Number(m[1]), Number(m[2]))) : null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}
