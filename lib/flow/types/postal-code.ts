import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

// Tried in LeadConduit's order: US, Canada, UK. Kept as strings so "02134" keeps its zero.
// A dangling hyphen ("78704-") is a form whose ZIP+4 box was left empty: the ZIP stands alone.
const US_RE = /^(\d{5})(?:\s*-?\s*(\d{4})|\s*-)?$/;
// Canada Post never uses D F I O Q U, nor W Z as the first letter.
const CA_RE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])\s*-?\s*(\d[ABCEGHJ-NPRSTV-Z]\d)$/;
const GB_RE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;

export const postalCodeType: FieldType = {
  name: "postal_code",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const text = raw.trim().toUpperCase();

    let m = US_RE.exec(text);
    if (m) {
      const zip = m[1]!;
      const four = m[2] ?? null;
      return { raw, normal: four ? `${zip}-${four}` : zip, valid: true, country_code: "US", zip, four };
    }

    m = CA_RE.exec(text);
    if (m) {
      const fsa = m[1]!;
      const ldu = m[2]!;
      return { raw, normal: `${fsa} ${ldu}`, valid: true, country_code: "CA", fsa, ldu };
    }

    m = GB_RE.exec(text);
    if (m) {
      const outcode = m[1]!;
      const incode = m[2]!;
      return { raw, normal: `${outcode} ${incode}`, valid: true, country_code: "GB", outcode, incode };
    }
    return invalidValue(raw);
  },
};
