// The two North American phone forms libphonenumber-js does not read: masked numbers, which
// hide digits behind '*', and vanity numbers, which spell them on the keypad.

const MASKED_CHARS_RE = /^[\d*\s().+-]+$/;
const NOT_DIGIT_OR_STAR_RE = /[^\d*]/g;
const AREA_DIGITS_RE = /^[2-9]\d\d$/;
// "1-(512) *** **** x42", "(512) 789-**** ext. 4*": an extension, itself possibly masked.
const MASKED_EXTENSION_RE = /^(.*?)\s*(?:x|ext\.?|extension)\s*([\d*]{1,10})\s*$/i;

export type MaskedPhone = {
  normal: string;
  valid: true;
  area: string;
  exchange: string;
  line: string;
  number: string;
  extension: string | null;
  country_code: null;
  country_calling_code: "1";
  masked: true;
};

// "1-(512) *** ****" -> 512*******. Ten NANP positions, some hidden; the digits that are shown
// must fit the plan (an area code never starts with 0 or 1). The country cannot be told apart
// (US or Canada) without the hidden digits, so country_code is null.
export function readMaskedPhone(text: string): MaskedPhone | null {
  const withExtension = MASKED_EXTENSION_RE.exec(text);
  const number = withExtension ? withExtension[1]! : text;
  const extension = withExtension ? withExtension[2]! : null;
  if (!MASKED_CHARS_RE.test(number)) return null;
  let compact = number.replace(NOT_DIGIT_OR_STAR_RE, "");
  if (compact.length === 11 && compact[0] === "1") compact = compact.slice(1);
  if (compact.length !== 10 || !(compact.includes("*") || extension?.includes("*"))) return null;
  const area = compact.slice(0, 3);
  if (!area.includes("*") && !AREA_DIGITS_RE.test(area)) return null;
  return {
    normal: extension ? `${compact}x${extension}` : compact,
    valid: true,
    area,
    exchange: compact.slice(3, 6),
    line: compact.slice(6),
    number: compact.slice(3),
    extension,
    country_code: null,
    country_calling_code: "1",
    masked: true,
  };
}

// "1-800-FLOWERS": an optional 1, a three-digit area code, then seven or more keys of which at
// least three are letters (so "789-1111 ext. 44" stays an extension, not a word).
const VANITY_RE = /^\s*(?:\+?1[\s.-]*)?\(?(\d{3})\)?[\s.-]*([a-z\d][a-z\d\s.-]*?)\s*$/i;
const SEPARATORS_RE = /[\s.-]/g;
const SPELLED_RE = /^\d{0,6}[a-z]{3,}[a-z\d]*$/i;
const KEYPAD = "22233344455566677778889999";

// Returns the ten digits, or null when the text is not a vanity number. Letters past the seventh
// key are dropped, as the keypad does: 1-800-MATTRESS dials 800-628-8737.
export function readVanityPhone(text: string): string | null {
  const m = VANITY_RE.exec(text);
  if (!m) return null;
  const keys = m[2]!.replace(SEPARATORS_RE, "");
  if (keys.length < 7 || !SPELLED_RE.test(keys)) return null;
  let digits = "";
  for (let i = 0; i < 7; i++) {
    const code = keys.charCodeAt(i) | 0x20;
    digits += code >= 97 && code <= 122 ? KEYPAD[code - 97] : keys[i];
  }
  return `${m[1]}${digits}`;
}
