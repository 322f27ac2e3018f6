// What changed between two saved versions of a flow, in words an account holder reads on the
// history page. Items with ids (fields, criteria, caps, steps) are matched by id, so a reorder or an
// edit is not mistaken for a removal plus an addition; price rules have no id and match by position.
import { describeRuleSet } from "@/lib/flow/describe-rule";
import type { Cap, FlowConfig, Pricing, RuleSet, Step } from "@/lib/flow/model";

export type ChangeKind = "added" | "removed" | "changed";
export type Change = { section: string; kind: ChangeKind; text: string };
export type FlowSnapshot = { name: string; config: FlowConfig };

type Describe = (ruleSet: RuleSet, empty: string) => string;

export function diffFlows(before: FlowSnapshot, after: FlowSnapshot): Change[] {
  const labels = new Map([...before.config.fields, ...after.config.fields].map((f) => [f.id, f.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const describe: Describe = (ruleSet, empty) => (ruleSet.rules.length === 0 ? empty : describeRuleSet(ruleSet, { labelOf }));
  const changes: Change[] = [];
  if (before.name !== after.name) changes.push({ section: "Name", kind: "changed", text: `Renamed from "${before.name}" to "${after.name}"` });
  const { config: a } = before;
  const { config: b } = after;
  changes.push(
    ...diffById("Fields", a.fields, b.fields, {
      title: (f) => `field ${f.label} (${f.id})`,
      props: (f) => ({ label: f.label, type: f.type.replace(/_/g, " ") }),
    }),
    ...diffById("Acceptance criteria", a.acceptance, b.acceptance, {
      title: (c) => `criterion "${c.reason}"`,
      props: (c) => ({ reason: c.reason, conditions: describe(c.ruleSet, "none") }),
    }),
    ...diffPricing(a.pricing, b.pricing, describe),
    ...diffById("Volume caps", a.caps, b.caps, { title: (c) => `cap of ${capText(c)}`, props: (c) => capProps(c, describe) }),
    ...diffById("Ping limits", a.pingLimits ?? [], b.pingLimits ?? [], { title: (c) => `ping limit of ${capText(c)}`, props: (c) => ({ limit: capText(c), counts: describe(c.ruleSet, "every ping") }) }),
    ...diffById("Steps", a.steps, b.steps, { title: (s) => `${s.type} step "${stepName(s)}"`, props: (s) => stepProps(s, describe, labelOf) }),
    ...diffOrder(a.steps, b.steps),
  );
  return changes;
}

type Describer<T> = { title: (item: T) => string; props: (item: T) => Record<string, string> };

function diffById<T extends { id: string }>(section: string, before: T[], after: T[], d: Describer<T>): Change[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changes: Change[] = [];
  for (const item of before) if (!now.has(item.id)) changes.push({ section, kind: "removed", text: `Removed ${d.title(item)}` });
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) {
      changes.push({ section, kind: "added", text: `Added ${d.title(item)}${detail(d.props(item))}` });
      continue;
    }
    const edits = propChanges(d.props(previous), d.props(item));
    if (edits.length > 0) changes.push({ section, kind: "changed", text: `Changed ${d.title(previous)}: ${edits.join("; ")}` });
  }
  return changes;
}

function propChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).map((k) => `${k} "${before[k] ?? "none"}" → "${after[k] ?? "none"}"`);
}

function detail(props: Record<string, string>): string {
  const parts = Object.entries(props).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

function diffPricing(before: Pricing, after: Pricing, describe: Describe): Change[] {
  const section = "Pricing";
  const changes: Change[] = [];
  const mode = (p: Pricing) => (p.mode === "source" ? "the price the source sends" : "price rules");
  if (before.mode !== after.mode) changes.push({ section, kind: "changed", text: `Pricing now uses ${mode(after)} instead of ${mode(before)}` });
  const rule = (r: Pricing["rules"][number]) => `$${r.price} for ${describe(r.ruleSet, "every lead")}`;
  const length = Math.max(before.rules.length, after.rules.length);
  for (let i = 0; i < length; i++) {
    const was = before.rules[i];
    const is = after.rules[i];
    if (was && !is) changes.push({ section, kind: "removed", text: `Removed price rule ${i + 1}: ${rule(was)}` });
    else if (!was && is) changes.push({ section, kind: "added", text: `Added price rule ${i + 1}: ${rule(is)}` });
    else if (was && is && rule(was) !== rule(is)) changes.push({ section, kind: "changed", text: `Price rule ${i + 1}: ${rule(was)} → ${rule(is)}` });
  }
  return changes;
}

const capText = (cap: Cap) => `${cap.limit} per ${cap.period}`;
const capProps = (cap: Cap, describe: Describe) => ({ limit: capText(cap), counts: describe(cap.ruleSet, "every lead") });

const stepName = (step: Step) => step.name || step.type;

function stepProps(step: Step, describe: Describe, labelOf: (id: string) => string): Record<string, string> {
  const common = {
    name: stepName(step),
    "runs when": describe(step.criteria, "always"),
    caps: step.caps.length === 0 ? "none" : step.caps.map((c) => capText(c)).join(", "),
  };
  if (step.type === "filter") {
    return { ...common, "stops leads when": describe(step.ruleSet, "never"), outcome: step.outcome, reason: step.reason };
  }
  if (step.type === "dedupe") {
    const window = step.windowDays === null ? "all history" : `${step.windowDays} days`;
    return { ...common, compares: step.fields.map(labelOf).join(", "), window };
  }
  const mappings = step.mappings.length === 0 ? "every field by id" : step.mappings.map((m) => `${m.field} as ${m.param}`).join(", ");
  return { ...common, URL: step.url, format: step.format, sends: mappings, timeout: `${step.timeoutMs} ms` };
}

// Only the steps in both versions count: an added or removed step is not a reorder.
function diffOrder(before: Step[], after: Step[]): Change[] {
  const common = new Set(before.map((s) => s.id).filter((id) => after.some((s) => s.id === id)));
  const was = before.filter((s) => common.has(s.id));
  const is = after.filter((s) => common.has(s.id));
  if (was.every((s, i) => s.id === is[i]?.id)) return [];
  const names = (steps: Step[]) => steps.map(stepName).join(", ");
  return [{ section: "Steps", kind: "changed", text: `Reordered steps: ${names(was)} → ${names(is)}` }];
}
