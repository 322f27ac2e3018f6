import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";
import { REGIONS } from "./state-names";

const NOISE_RE = /[.,]/g;
const SPACES_RE = /\s+/g;

type Region = { code: string; name: string; country_code: "US" | "CA" };

function key(text: string): string {
  return text.toLowerCase().replace(NOISE_RE, "").replace(SPACES_RE, " ").trim();
}

// Lookup by code, name and alias, normalized the same way as the input, built once.
const BY_KEY: ReadonlyMap<string, Region> = new Map(
  REGIONS.flatMap(([code, name, country_code, ...aliases]): Array<[string, Region]> => {
    const region: Region = { code, name, country_code };
    return [code, name, ...aliases].map((alias) => [key(alias), region]);
  }),
);

// Diverges from LeadConduit, where state is always valid: here only a recognized US state,
// territory or Canadian province is, so 'format is valid' can require a real one.
export const stateType: FieldType = {
  name: "state",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    // Most leads send a clean code or name; only the rest pay for the full clean-up.
    const region = BY_KEY.get(raw.toLowerCase()) ?? BY_KEY.get(key(raw));
    if (!region) return { raw, normal: raw.trim(), valid: false };
    return { raw, normal: region.code, valid: true, name: region.name, country_code: region.country_code };
  },
};
