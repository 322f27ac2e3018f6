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
const YEAR_LAST_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
// Two-digit years as moment (and so LeadConduit) reads them: 69-99 are 19xx, 00-68 are 20xx.
const TWO_DIGIT_PIVOT = 68;
const EIGHT_DIGITS_RE = /^\d{8}$/;
// "Jun 2 2014", "June 2, 2014", "Mon Jun 02 2014"
const MONTH_NAME_FIRST_RE = new RegExp(`^(?:${WEEKDAY})?([a-z]{3,9})\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`, "i");
// "2 Jun 2014", "Fri 18 July 2014", "Mon, 02 Jun 2014"
const DAY_FIRST_RE = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})${ORDINAL}\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})$`, "i");

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checked(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

// US order first, then the swapped (European) reading when the US one is not a real date.
function eitherOrder(year: number, first: number, second: number, monthFirst: boolean): CalendarDate | null {
  return monthFirst
    ? (checked(year, first, second) ?? checked(year, second, first))
    : (checked(year, second, first) ?? checked(year, first, second));
}

function yearLast(yearText: string, first: number, second: number, monthFirst: boolean): CalendarDate | null {
  if (yearText.length === 4) return eitherOrder(Number(yearText), first, second, monthFirst);
  const yy = Number(yearText);
  const date = eitherOrder(yy <= TWO_DIGIT_PIVOT ? 2000 + yy : 1900 + yy, first, second, monthFirst);
  return date ? { ...date, twoDigitYear: true } : null;
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
  if (m) return eitherOrder(Number(m[1]), Number(m[3]), Number(m[4]), true);

  m = YEAR_LAST_RE.exec(text);
  // Dotted dates (18.07.2014) are a European convention, so they read day first.
  if (m) return yearLast(m[4]!, Number(m[1]), Number(m[3]), m[2] !== ".");

  if (EIGHT_DIGITS_RE.test(text)) return fromEightDigits(text);

  m = MONTH_NAME_FIRST_RE.exec(text);
  if (m) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    return month ? checked(Number(m[3]), month, Number(m[2])) : null;
  }

  m = DAY_FIRST_RE.exec(text);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    return month ? checked(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}
