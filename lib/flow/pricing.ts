// A lead's price: flow and source rules, last matching price wins, default 0;
// or the source-submitted price where the flow says so.
import type { NormalizedLead, Pricing } from "./model";
import { matchesRuleSet, type RuleOptions } from "./rules";

// Like the number field type: "$1,000.00" reads as 1000. Anything unreadable, or below zero, is 0.
export function parsePrice(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : 0;
  if (typeof value !== "string") return 0;
  const cleaned = value.replace(/[^\d.-]/g, "");
  const price = cleaned === "" ? NaN : Number(cleaned);
  return Number.isFinite(price) && price > 0 ? price : 0;
}

// The source's `price` field as it was sent, before any type parsing.
export function submittedPriceOf(lead: NormalizedLead): number {
  const price = lead.price as unknown;
  if (typeof price === "object" && price !== null && "raw" in price) return parsePrice(price.raw);
  return parsePrice(price);
}

function lastMatchingPrice(pricings: Array<Pricing | undefined>, lead: NormalizedLead, opts: RuleOptions): number {
  let price = 0;
  for (const pricing of pricings) {
    for (const rule of pricing?.rules ?? []) {
      if (matchesRuleSet(rule.ruleSet, lead, opts)) price = rule.price;
    }
  }
  return price;
}

// submittedPrice overrides the lead's own `price` field, e.g. for a price taken from elsewhere in a request.
export function computePrice(
  flowPricing: Pricing,
  sourcePricing: Pricing | undefined,
  lead: NormalizedLead,
  submittedPrice?: number | string,
  opts: RuleOptions = {},
): number {
  if (flowPricing.mode === "source") {
    return submittedPrice === undefined ? submittedPriceOf(lead) : parsePrice(submittedPrice);
  }
  return lastMatchingPrice([flowPricing, sourcePricing], lead, opts);
}
