import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

const SPACES_RE = /\s+/g;
// "<number> <name>": the number may carry a unit letter or a range ("123B", "12-14", "1/2", "123-A").
const STREET_RE = /^(\d+[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?|\d+-[A-Za-z])\s+(\S.*)$/;
// Wisconsin and northern Illinois grid addresses: "N123 W456 Main St".
const GRID_RE = /^([NSEW]\d+\s+[NSEW]\d+)\s+(\S.*)$/i;
// A house number written as a word: "One Main St", "Twenty Elm Rd".
const WORD_NUMBER_RE =
  /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(\S.*)$/i;
// Mail with no street: the box is the number and the rest its name ("PO Box" 123, "RR 2 Box" 10).
const PO_BOX_RE = /^((?:p\.?\s*o\.?|post\s+office)\s*box)\s*#?\s*(\d+[A-Za-z]?)$/i;
const RURAL_BOX_RE = /^((?:r\.?r\.?|rural\s+route|h\.?c\.?|highway\s+contract)\s*#?\s*\d+\s*,?\s*box)\s*#?\s*(\d+[A-Za-z]?)$/i;

function numberAndName(text: string): { number: string; name: string } | null {
  const m = STREET_RE.exec(text) ?? GRID_RE.exec(text) ?? WORD_NUMBER_RE.exec(text);
  if (m) return { number: m[1]!, name: m[2]! };
  const box = PO_BOX_RE.exec(text) ?? RURAL_BOX_RE.exec(text);
  return box ? { number: box[2]!, name: box[1]! } : null;
}

export const streetType: FieldType = {
  name: "street",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const text = raw.trim().replace(SPACES_RE, " ");
    const parts = numberAndName(text);
    if (!parts) return invalidValue(raw, text);
    return { raw, normal: text, valid: true, ...parts };
  },
};
