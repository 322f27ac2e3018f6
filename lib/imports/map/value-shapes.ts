// Shape checks for a single cell value: "does this look like an email / phone / zip / state?".
// They sniff column contents for header detection and header-less mapping; they are not
// validation (lib/flow owns that), so they are deliberately lenient about formatting.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZIP = /^\d{5}(-\d{4})?$/;
const NUMBER = /^[-+]?[$€£]?\d[\d,]*(\.\d+)?%?$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}([T ][\d:.]+Z?)?|\d{1,2}\/\d{1,2}\/\d{2,4})$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

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
