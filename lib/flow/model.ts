// The flow configuration: what an account holder saves and what processLead reads.
// Stored as jsonb on flows/sources and parsed with these schemas at every boundary.
import { z } from "zod";

export const TYPE_NAMES = [
  "string",
  "first_name",
  "last_name",
  "city",
  "number",
  "boolean",
  "range",
  "date",
  "dob",
  "time",
  "phone",
  "email",
  "postal_code",
  "state",
  "gender",
  "ssn",
  "street",
  "url",
  "ip",
  "credential",
] as const;
export const typeNameSchema = z.enum(TYPE_NAMES);
export type TypeName = z.infer<typeof typeNameSchema>;

// Operator groups; field types (lib/flow/types/operators.ts) offer the groups their values support.
export const BASE_OPERATORS = [
  "is equal to",
  "is not equal to",
  "is blank",
  "is not blank",
  "format is valid",
  "format is invalid",
  "includes",
  "does not include",
  "is included in",
  "is not included in",
] as const;
export const ORDERING_OPERATORS = [
  "is less than",
  "is less than or equal to",
  "is greater than",
  "is greater than or equal to",
  "is between",
  "is not between",
] as const;
export const PATTERN_OPERATORS = ["matches pattern", "does not match pattern"] as const;
export const BOOLEAN_OPERATORS = ["is true", "is false"] as const;

export const OPERATORS = [...BASE_OPERATORS, ...ORDERING_OPERATORS, ...PATTERN_OPERATORS, ...BOOLEAN_OPERATORS] as const;
export const operatorSchema = z.enum(OPERATORS);
export type Operator = z.infer<typeof operatorSchema>;

// A field id is a lead property path segment: lowercase, digits, underscores.
export const fieldIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "Use lowercase letters, digits and underscores, starting with a letter");

export const fieldDefSchema = z.object({
  id: fieldIdSchema,
  label: z.string().min(1),
  type: typeNameSchema,
  custom: z.boolean().default(false),
});
export type FieldDef = z.infer<typeof fieldDefSchema>;

// lhv is a field id or a component path such as "phone_1.area", "dob.age".
// rhv is a single value, or a list for "is included in" / "is between" (two values).
export const ruleSchema = z.object({
  lhv: z.string().min(1),
  op: operatorSchema,
  rhv: z.union([z.string(), z.array(z.string())]).optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export type RuleSet = { op: "and" | "or"; rules: Array<Rule | RuleSet> };
export const ruleSetSchema: z.ZodType<RuleSet> = z.lazy(() =>
  z.object({
    op: z.enum(["and", "or"]),
    rules: z.array(z.union([ruleSchema, ruleSetSchema])),
  }),
);
export const emptyRuleSet = (): RuleSet => ({ op: "and", rules: [] });

// One acceptance criterion: a rule set the lead must pass, and the reason given when it does not.
export const criterionSchema = z.object({
  id: z.string().min(1),
  ruleSet: ruleSetSchema,
  reason: z.string().trim().min(1, "Give a reason the source will read"),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const pricingSchema = z.object({
  // "rules": last matching rule's price wins, default 0. "source": use the submitted `price` field.
  mode: z.enum(["rules", "source"]).default("rules"),
  rules: z.array(z.object({ ruleSet: ruleSetSchema, price: z.number().min(0) })).default([]),
});
export type Pricing = z.infer<typeof pricingSchema>;

export const capSchema = z.object({
  id: z.string().min(1),
  limit: z.number().int().min(0),
  period: z.enum(["minute", "hour", "day", "week", "month"]),
  // Only leads matching this rule set count against (and are stopped by) the cap; empty = all.
  ruleSet: ruleSetSchema.default(emptyRuleSet),
});
export type Cap = z.infer<typeof capSchema>;

export const outcomeSchema = z.enum(["success", "failure", "error"]);
export type Outcome = z.infer<typeof outcomeSchema>;
export const stepOutcomeSchema = z.enum(["success", "failure", "error", "skip"]);
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

const stepBase = {
  id: z.string().min(1),
  name: z.string().default(""),
  // Step criteria: when they fail, the step is skipped.
  criteria: ruleSetSchema.default(emptyRuleSet),
  caps: z.array(capSchema).default([]),
};

export const filterStepSchema = z.object({
  ...stepBase,
  type: z.literal("filter"),
  // The lead stops when this rule set matches.
  ruleSet: ruleSetSchema,
  outcome: outcomeSchema.default("failure"),
  reason: z.string().trim().min(1, "Give a reason for leads this filter stops"),
});

export const dedupeStepSchema = z.object({
  ...stepBase,
  type: z.literal("dedupe"),
  fields: z.array(fieldIdSchema).min(1, "Pick at least one field to compare"),
  // null compares with all history.
  windowDays: z.number().int().positive().nullable().default(null),
});

export const recipientStepSchema = z.object({
  ...stepBase,
  type: z.literal("recipient"),
  url: z
    .string()
    .url("Enter a full URL")
    .refine((u) => /^https?:\/\//i.test(u), "The recipient URL must start with http:// or https://"),
  format: z.enum(["json", "form"]).default("json"),
  // Each mapping sends a lead field (normal value) as the named parameter; none = all fields by id.
  mappings: z.array(z.object({ field: z.string().min(1), param: z.string().min(1) })).default([]),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});

export const stepSchema = z.discriminatedUnion("type", [filterStepSchema, dedupeStepSchema, recipientStepSchema]);
export type Step = z.infer<typeof stepSchema>;
export type FilterStep = z.infer<typeof filterStepSchema>;
export type DedupeStep = z.infer<typeof dedupeStepSchema>;
export type RecipientStep = z.infer<typeof recipientStepSchema>;

export const flowConfigSchema = z.object({
  fields: z.array(fieldDefSchema).default([]),
  acceptance: z.array(criterionSchema).default([]),
  pricing: pricingSchema.default({ mode: "rules", rules: [] }),
  caps: z.array(capSchema).default([]),
  steps: z.array(stepSchema).default([]),
  // LeadConduit's ping_limits: caps on pings (…/ping), counted per bid (a ping answered success).
  // Optional, so flows saved before ping limits existed (and configs built in code) stay valid.
  pingLimits: z.array(capSchema).optional(),
});
export type FlowConfig = z.infer<typeof flowConfigSchema>;

// How the real-time API replies to a source (docs/api.md): "standard" (JSON or XML by Accept),
// LeadConduit's "classic" XML <response>, or "verbose" (standard plus appended data, of which
// Leadport has none, so the same as standard).
export const replyFormatSchema = z.enum(["standard", "classic", "verbose"]);

export const sourceConfigSchema = z.object({
  acceptance: z.array(criterionSchema).default([]),
  pricing: pricingSchema.default({ mode: "rules", rules: [] }),
  caps: z.array(capSchema).default([]),
  // Optional so sources saved before, and configs built in code, stay valid: absent is "standard".
  replyFormat: replyFormatSchema.optional(),
});
export type SourceConfig = z.infer<typeof sourceConfigSchema>;

// What every field type's parser returns. Components (area, domain, age, ...) sit beside these keys.
export type NormalizedValue = {
  raw: string;
  normal: string | number | boolean | null;
  valid: boolean;
  [component: string]: unknown;
};

// A lead as rules see it: field id -> normalized value (typed fields) or plain string (unmapped extras).
export type NormalizedLead = Record<string, NormalizedValue>;
