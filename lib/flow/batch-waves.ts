// A batch must end as if its leads had arrived one after another. Stages run batch-wide for speed,
// so leads that could affect each other go in later waves, each settled before the next starts:
// - a lead repeating an earlier lead's dedupe key waits until that lead's outcome is known, so it is
//   a duplicate only if the earlier one succeeded;
// - with any volume cap, every lead is its own wave: a unit held by a lead that later fails must be
//   given back before the next lead checks the cap.
import type { FlowConfig, NormalizedLead, SourceConfig } from "./model";
import { dedupeKey } from "./steps/dedupe";

export function hasCaps(flow: FlowConfig, source: SourceConfig): boolean {
  return flow.caps.length > 0 || source.caps.length > 0 || flow.steps.some((s) => s.caps.length > 0);
}

export function planWaves<T extends { lead: NormalizedLead }>(flow: FlowConfig, source: SourceConfig, leads: T[]): T[][] {
  if (leads.length <= 1) return leads.length === 0 ? [] : [leads];
  if (hasCaps(flow, source)) return leads.map((w) => [w]);
  const dedupeSteps = flow.steps.filter((s) => s.type === "dedupe");
  if (dedupeSteps.length === 0) return [leads];
  const seen = new Map<string, number>();
  const waves: T[][] = [];
  for (const w of leads) {
    let wave = 0;
    const keys: string[] = [];
    for (const step of dedupeSteps) {
      const key = dedupeKey(step.fields, w.lead);
      if (key === null) continue;
      const scoped = `${step.id}\u0000${key}`;
      keys.push(scoped);
      wave = Math.max(wave, seen.get(scoped) ?? 0);
    }
    // Every lead sharing a key with this one now has to come after it.
    for (const key of keys) seen.set(key, wave + 1);
    (waves[wave] ??= []).push(w);
  }
  return waves;
}
