// Shape checks for a single cell value: "does this look like an email / phone / zip / state /
// birth date / IP address / street / name?".
// They sniff column contents for header detection and header-less mapping; they are not
// validation (lib/flow owns that), so they are deliberately lenient about formatting.
import ipaddr from "ipaddr.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZIP = /^\d{5}(-\d{4})?$/;
const NUMBER = /^[-+]?[$€£]?\d[\d,]*(\.\d+)?%?$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}([T ][\d:.]+Z?)?|\d{1,2}\/\d{1,2}\/\d{2,4})$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// Letters, with the apostrophes, hyphens and dots names carry (O'Brien, Anne-Marie, St. Louis); 1 to 3 words.
const NAME_WORDS = /^\p{L}[\p{L}'’.-]*( \p{L}[\p{L}'’.-]*){0,2}$/u;

// USPS street suffixes people write most, full or abbreviated (Publication 28, appendix C1).
const STREET_SUFFIXES =
  "st|street|ave|av|avenue|blvd|boulevard|dr|drive|rd|road|ln|lane|way|ct|court|pl|place|ter|terrace|cir|circle|" +
  "pkwy|parkway|hwy|highway|trl|trail|loop|sq|square|plz|plaza|pike|run|xing|crossing|aly|alley|row|path|walk|pt|point|" +
  "rdg|ridge|cv|cove|hts|heights|expy|expressway|fwy|freeway|tpke|turnpike|byp|bypass|cres|crescent|grv|grove|holw|hollow";
// "<number> <words> <suffix>", a direction before or after ("N Main St", "Pennsylvania Ave NW") and a unit after
// ("Apt 4", "Suite 200", "#12"). A number and words alone ("3 bedrooms") are not a street.
const STREET = new RegExp(
  String.raw`^\d+[a-z]?(-\d+)?\s+([a-z0-9'.-]+\s+){1,4}(${STREET_SUFFIXES})\.?(\s+(n|s|e|w|ne|nw|se|sw)\.?)?` +
    String.raw`(\s*,?\s*(apt|apartment|unit|suite|ste|#)\.?\s*#?\s*[a-z0-9-]+)?$`,
  "i",
);

/** A person who sends a lead was born 14 to 120 years ago: older or newer dates are other dates. */
const BIRTH_AGE = { min: 14, max: 120 };

const US_STATES = new Set(
  (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ " +
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP"
  ).split(" "),
);

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** Ten digits, or eleven starting with the US country code 1, written with phone punctuation. */
export function looksLikeUsPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!PHONE_CHARS.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, "");
  return digits.length === 10 || (digits.length === 11 && digits.startsWith("1"));
}

export function looksLikeZip(value: string): boolean {
  return ZIP.test(value.trim());
}

export function looksLikeStateCode(value: string): boolean {
  return US_STATES.has(value.trim().toUpperCase()) && value.trim().length === 2;
}

export function looksLikeNumber(value: string): boolean {
  return NUMBER.test(value.trim());
}

export function looksLikeDate(value: string): boolean {
  return DATE.test(value.trim());
}

/** True when the value is clearly data rather than a column name. */
export function looksLikeDataValue(value: string): boolean {
  return (
    looksLikeNumber(value) ||
    looksLikeEmail(value) ||
    looksLikeUsPhone(value) ||
    looksLikeDate(value) ||
    IPV4.test(value.trim())
  );
}

/** A calendar date (ISO or US month/day/year, no time) whose year a person sending a lead could be born in. */
export function looksLikeBirthDate(value: string, today = new Date()): boolean {
  const trimmed = value.trim();
  const iso = ISO_DAY.exec(trimmed);
  const us = iso ? null : US_DAY.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (year === undefined) return false;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return false;
  const age = today.getUTCFullYear() - Number(year);
  return age >= BIRTH_AGE.min && age <= BIRTH_AGE.max;
}

/** Dotted-quad IPv4 or any IPv6 form, as ipaddr.js reads them (not "1.2.3" or hex, which it also takes). */
export function looksLikeIpAddress(value: string): boolean {
  const trimmed = value.trim();
  return ipaddr.IPv4.isValidFourPartDecimal(trimmed) || (trimmed.includes(":") && ipaddr.IPv6.isValid(trimmed));
}

/** One to three words of letters, as names, cities and many other labels are: a hint, never enough alone. */
export function looksLikeNameWords(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.length <= 40 && NAME_WORDS.test(trimmed);
}

/** A house number, the street's words and a street suffix: "2734 Oak Ave", "12 N Main Street Apt 4". */
export function looksLikeStreet(value: string): boolean {
  return STREET.test(value.trim().replace(/\s+/g, " "));
}
