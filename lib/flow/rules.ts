// Rule evaluation behind acceptance criteria, filters, pricing, caps and step criteria.
// It runs once per rule per lead (1M-row imports): rhv parsing and regex compiles are cached.
import { describeFailure, isRuleSet, rhvValues, type DescribeOptions } from "./describe-rule";
import type { NormalizedLead, Operator, Rule, RuleSet } from "./model";
import type { FieldType } from "./types/field-type";

export { isRuleSet };

export type CompareAs = FieldType["compareAs"];
export type RuleOptions = DescribeOptions & {
  // The field's comparison kind for ordering operators; without it the values decide.
  typeOf?: (fieldId: string) => Pick<FieldType, "compareAs"> | undefined;
};
export type RuleSetResult = { pass: boolean; failures: string[] };

// One rhv value, parsed once per rule rather than once per lead.
type Operand = { lower: string; num: number; date: number };
type Prepared = {
  op: Operator;
  rhv: Rule["rhv"];
  operands: Operand[];
  members: Set<string>;
  pattern: RegExp | null;
};

const NUMBER_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/i;
const TRUE_WORDS = new Set(["true", "t", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "f", "no", "n", "0"]);
const NO_OPERAND: Operand = { lower: "", num: NaN, date: NaN };
const NO_MEMBERS = new Set<string>();
const CACHE_LIMIT = 1000;

function toText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

function toLower(value: unknown): string {
  return toText(value).trim().toLowerCase();
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
  if (typeof value !== "string") return NaN;
  const text = value.trim();
  return NUMBER_RE.test(text) ? Number(text) : NaN;
}

function toDate(value: unknown): number {
  if (typeof value !== "string") return NaN;
  const text = value.trim();
  const match = DATE_RE.exec(text);
  if (!match) return NaN;
  const iso = text.replace(" ", "T");
  // A time with no zone reads as UTC, so results never depend on the server's zone.
  return Date.parse(text.length > 10 && !match[1] ? `${iso}Z` : iso);
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  const word = toLower(value);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

function isBlank(value: unknown): boolean {
  return toText(value).trim() === "";
}

function own(node: unknown, key: string): unknown {
  if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
  return (node as Record<string, unknown>)[key];
}

// A typed value reads as its normal form; an unparseable one (normal null) as what was sent.
function valueOf(node: unknown): unknown {
  if (typeof node !== "object" || node === null) return node;
  return own(node, "normal") ?? own(node, "raw");
}

const paths = new Map<string, string[]>();
function pathOf(lhv: string): string[] {
  const cached = paths.get(lhv);
  if (cached) return cached;
  if (paths.size >= CACHE_LIMIT) paths.clear();
  const path = lhv.split(".");
  paths.set(lhv, path);
  return path;
}

// The field, or the field a component path belongs to. An exact key wins (unmapped extras may hold dots).
function fieldOf(lead: NormalizedLead, lhv: string): unknown {
  return Object.hasOwn(lead, lhv) ? lead[lhv] : own(lead, pathOf(lhv)[0] ?? "");
}

function resolve(lead: NormalizedLead, lhv: string): unknown {
  if (Object.hasOwn(lead, lhv)) return valueOf(lead[lhv]);
  let node: unknown = lead;
  for (const key of pathOf(lhv)) node = own(node, key);
  return valueOf(node);
}

// Components have no validity of their own: "phone_1.area format is valid" asks about phone_1.
function isValidFormat(lead: NormalizedLead, lhv: string): boolean {
  const field = fieldOf(lead, lhv);
  // An unmapped extra is a plain string with no type that could reject it.
  if (typeof field === "string") return field.trim() !== "";
  return own(field, "valid") === true;
}

function toOperand(text: string): Operand {
  return { lower: text.toLowerCase(), num: toNumber(text), date: toDate(text) };
}

// Numeric items also go in as their canonical number, so "5" finds "5.0".
function memberSet(values: string[]): Set<string> {
  const members = new Set<string>();
  for (const value of values) {
    members.add(value.toLowerCase());
    const num = toNumber(value);
    if (!Number.isNaN(num)) members.add(String(num));
  }
  return members;
}

const patterns = new Map<string, RegExp | null>();
function compilePattern(source: string): RegExp | null {
  let compiled = patterns.get(source);
  if (compiled !== undefined) return compiled;
  compiled = validatePattern(source) === null ? new RegExp(source, "i") : null;
  if (patterns.size >= CACHE_LIMIT) patterns.clear();
  patterns.set(source, compiled);
  return compiled;
}

// For the rule editor: null when the pattern compiles, else a message to show beside it.
export function validatePattern(pattern: string): string | null {
  if (pattern === "") return "Enter a pattern";
  try {
    new RegExp(pattern, "i");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : "This is not a valid pattern";
  }
}

// Keyed by the rule object; op and rhv are rechecked in case the object was edited in place.
const preparedRules = new WeakMap<Rule, Prepared>();
function prepare(rule: Rule): Prepared {
  const cached = preparedRules.get(rule);
  if (cached && cached.op === rule.op && cached.rhv === rule.rhv) return cached;
  const values = rhvValues(rule);
  const isMembership = rule.op === "is included in" || rule.op === "is not included in";
  const isPattern = rule.op === "matches pattern" || rule.op === "does not match pattern";
  const source = Array.isArray(rule.rhv) ? (rule.rhv[0] ?? "") : (rule.rhv ?? "");
  const prepared: Prepared = {
    op: rule.op,
    rhv: rule.rhv,
    operands: values.map(toOperand),
    members: isMembership ? memberSet(values) : NO_MEMBERS,
    pattern: isPattern ? compilePattern(source) : null,
  };
  preparedRules.set(rule, prepared);
  return prepared;
}

// Returns NaN when the two cannot be ordered, so every <, >, <=, >= test on it is false.
function compare(value: unknown, operand: Operand, kind: CompareAs | undefined): number {
  if (isBlank(value) || operand.lower === "") return NaN;
  if (kind === "date") return toDate(value) - operand.date;
  const num = toNumber(value);
  if (kind === "number" || (!Number.isNaN(num) && !Number.isNaN(operand.num))) return num - operand.num;
  const date = toDate(value);
  if (!Number.isNaN(date) && !Number.isNaN(operand.date)) return date - operand.date;
  const text = toLower(value);
  return text < operand.lower ? -1 : text > operand.lower ? 1 : 0;
}

function equals(value: unknown, operand: Operand): boolean {
  if (typeof value === "boolean") return toBoolean(operand.lower) === value;
  const num = toNumber(value);
  if (!Number.isNaN(num) && !Number.isNaN(operand.num)) return num === operand.num;
  return toLower(value) === operand.lower;
}

function isMember(value: unknown, members: Set<string>): boolean {
  if (isBlank(value)) return false;
  if (members.has(toLower(value))) return true;
  const num = toNumber(value);
  return !Number.isNaN(num) && members.has(String(num));
}

function includesAny(value: unknown, operands: Operand[]): boolean {
  const text = toLower(value);
  return operands.some((operand) => text.includes(operand.lower));
}

// Bounds may be given in either order; both are inclusive.
function isBetween(value: unknown, operands: Operand[], kind: CompareAs | undefined): boolean {
  const [low, high] = operands;
  if (!low || !high) return false;
  const fromLow = compare(value, low, kind);
  const fromHigh = compare(value, high, kind);
  return (fromLow >= 0 && fromHigh <= 0) || (fromLow <= 0 && fromHigh >= 0);
}

const NEGATED: Partial<Record<Operator, Operator>> = {
  "is not equal to": "is equal to",
  "is not blank": "is blank",
  "does not include": "includes",
  "is not included in": "is included in",
  "is not between": "is between",
};

function testValue(op: Operator, value: unknown, p: Prepared, kind: CompareAs | undefined): boolean {
  const first = p.operands[0] ?? NO_OPERAND;
  switch (op) {
    case "is equal to": return equals(value, first);
    case "is blank": return isBlank(value);
    case "includes": return includesAny(value, p.operands);
    case "is included in": return isMember(value, p.members);
    case "is less than": return compare(value, first, kind) < 0;
    case "is less than or equal to": return compare(value, first, kind) <= 0;
    case "is greater than": return compare(value, first, kind) > 0;
    case "is greater than or equal to": return compare(value, first, kind) >= 0;
    case "is between": return isBetween(value, p.operands, kind);
    case "is true": return toBoolean(value) === true;
    case "is false": return toBoolean(value) === false;
    // An invalid pattern fails the rule either way rather than stopping the import.
    case "matches pattern": return p.pattern ? p.pattern.test(toText(value)) : false;
    case "does not match pattern": return p.pattern ? !p.pattern.test(toText(value)) : false;
    default: {
      const positive = NEGATED[op];
      return positive ? !testValue(positive, value, p, kind) : false;
    }
  }
}

export function evaluateRule(rule: Rule, lead: NormalizedLead, opts: RuleOptions = {}): boolean {
  const value = resolve(lead, rule.lhv);
  if (rule.op === "format is valid") return isValidFormat(lead, rule.lhv);
  // A blank optional field is not "invalid": it simply was not sent.
  if (rule.op === "format is invalid") return !isBlank(value) && !isValidFormat(lead, rule.lhv);
  // Components (age, area) carry no declared type; their values decide how they order.
  const kind = rule.lhv.includes(".") ? undefined : opts.typeOf?.(rule.lhv)?.compareAs;
  return testValue(rule.op, value, prepare(rule), kind);
}

// Pass/fail only, stopping at the first rule that settles it: for pricing, caps and step criteria.
export function matchesRuleSet(ruleSet: RuleSet, lead: NormalizedLead, opts: RuleOptions = {}): boolean {
  if (ruleSet.rules.length === 0) return true;
  const settlesOn = ruleSet.op === "or";
  for (const node of ruleSet.rules) {
    const ok = isRuleSet(node) ? matchesRuleSet(node, lead, opts) : evaluateRule(node, lead, opts);
    if (ok === settlesOn) return settlesOn;
  }
  return !settlesOn;
}

// Collects one reason per failing leaf rule; a passing "or" set drops what its failed members added.
function collect(ruleSet: RuleSet, lead: NormalizedLead, opts: RuleOptions, failures: string[]): boolean {
  if (ruleSet.rules.length === 0) return true;
  const mark = failures.length;
  let passed = 0;
  for (const node of ruleSet.rules) {
    const ok = isRuleSet(node) ? collect(node, lead, opts, failures) : evaluateRule(node, lead, opts);
    if (!ok && !isRuleSet(node)) failures.push(describeFailure(node, opts));
    if (ok) passed += 1;
    if (ok && ruleSet.op === "or") {
      failures.length = mark;
      return true;
    }
  }
  return ruleSet.op === "and" ? passed === ruleSet.rules.length : false;
}

export function evaluateRuleSet(ruleSet: RuleSet, lead: NormalizedLead, opts: RuleOptions = {}): RuleSetResult {
  const failures: string[] = [];
  const pass = collect(ruleSet, lead, opts, failures);
  return { pass, failures: pass ? [] : failures };
}
