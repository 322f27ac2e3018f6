import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { ORDERED_OPERATORS } from "./operators";
import { isoDateBounds } from "./range-dates";

// Income, debt and age brackets: "1-10", "1 to 10", "between 1 and 10", "1 10", "$50,000 - $75,000",
// "10+", or a single number; ISO dates and timestamps, alone or paired, in epoch milliseconds.
const DECORATION_RE = /[$,]/g;
const NUM = "(-?\\d+(?:\\.\\d+)?)";
const BETWEEN_RE = new RegExp(`^(?:between\\s+)?${NUM}(?:\\s*(?:-|–|to|and)\\s*|\\s+)${NUM}$`, "i");
const OPEN_RE = new RegExp(`^${NUM}\\s*\\+$`);
const SINGLE_RE = new RegExp(`^${NUM}$`);

function bounded(raw: string, a: number, b: number) {
  // A reversed bracket ("10-1") means the same bracket; keep min <= max so comparisons hold.
  const min = Math.min(a, b);
  const max = Math.max(a, b);
  const sum = min + max;
  return {
    raw,
    normal: `${min}-${max}`,
    valid: true,
    min,
    max,
    avg: Math.round((sum / 2) * 100) / 100,
    mid: Math.floor(sum / 2),
  };
}

function single(raw: string, n: number) {
  return { raw, normal: `${n}`, valid: true, min: n, max: n, avg: n, mid: n };
}

export const rangeType: FieldType = {
  name: "range",
  operators: ORDERED_OPERATORS,
  compareAs: "number",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const text = raw.trim().replace(DECORATION_RE, "");

    const dates = isoDateBounds(text);
    if (dates) {
      const [from, to = from] = dates as [number, number?];
      return to === from ? single(raw, from) : bounded(raw, from, to);
    }

    const between = BETWEEN_RE.exec(text);
    if (between) return bounded(raw, Number(between[1]), Number(between[2]));

    const open = OPEN_RE.exec(text);
    if (open) {
      const min = Number(open[1]);
      return { raw, normal: `${min}+`, valid: true, min, max: null, avg: null, mid: null };
    }

    const one = SINGLE_RE.exec(text);
    if (one) return single(raw, Number(one[1]));
    return invalidValue(raw);
  },
};
