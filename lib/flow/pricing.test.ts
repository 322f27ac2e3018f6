import { describe, expect, it } from "vitest";
import type { NormalizedLead, Pricing } from "./model";
import { computePrice, parsePrice } from "./pricing";

const lead = (state: string, price?: string): NormalizedLead => ({
  state: { raw: state, normal: state, valid: true },
  ...(price === undefined ? {} : { price: { raw: price, normal: null, valid: false } }),
});

const priceWhen = (states: string, price: number) => ({
  ruleSet: { op: "and" as const, rules: [{ lhv: "state", op: "is included in" as const, rhv: states }] },
  price,
});
const always = (price: number) => ({ ruleSet: { op: "and" as const, rules: [] }, price });

const rules = (...list: Pricing["rules"]): Pricing => ({ mode: "rules", rules: list });
const none = rules();

describe("computePrice", () => {
  it("is 0 when no rule matches", () => {
    expect(computePrice(rules(priceWhen("CA", 5)), none, lead("TX"))).toBe(0);
    expect(computePrice(none, undefined, lead("TX"))).toBe(0);
  });

  it.each<[string, Pricing, Pricing, number]>([
    ["the only match", rules(priceWhen("TX", 5)), none, 5],
    ["the last matching flow rule", rules(always(1), priceWhen("TX", 7), priceWhen("CA", 9)), none, 7],
    ["a source rule over a flow rule", rules(always(1)), rules(priceWhen("TX", 3)), 3],
    ["a flow rule when no source rule matches", rules(always(2)), rules(priceWhen("CA", 3)), 2],
    ["a later rule even when it is cheaper", rules(always(10)), rules(always(0)), 0],
  ])("takes %s", (_name, flow, source, expected) => {
    expect(computePrice(flow, source, lead("TX"))).toBe(expected);
  });

  describe("when the flow uses the source's price", () => {
    const fromSource: Pricing = { mode: "source", rules: [always(99)] };

    it.each([
      ["4.50", 4.5],
      ["$1,000.00", 1000],
      ["abc", 0],
      ["-3", 0],
    ])("reads a submitted price of %j as %s", (submitted, expected) => {
      expect(computePrice(fromSource, rules(always(5)), lead("TX", submitted))).toBe(expected);
    });

    it("is 0 when no price was sent", () => {
      expect(computePrice(fromSource, none, lead("TX"))).toBe(0);
    });

    it("prefers a price passed in by the caller", () => {
      expect(computePrice(fromSource, none, lead("TX", "4"), 2.25)).toBe(2.25);
    });
  });

  it("ignores a submitted price when the flow prices by rules", () => {
    expect(computePrice(rules(always(1)), none, lead("TX", "50"))).toBe(1);
  });
});

describe("parsePrice", () => {
  it.each<[unknown, number]>([
    [12, 12],
    [" 12.5 ", 12.5],
    ["", 0],
    [null, 0],
    [Number.NaN, 0],
  ])("reads %j as %s", (value, expected) => {
    expect(parsePrice(value)).toBe(expected);
  });
});
