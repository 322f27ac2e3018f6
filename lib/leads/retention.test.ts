import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";
import { newId } from "@/lib/ids";
import { leadsKeptSince, monthStart, partitionName } from "@/lib/maintenance/lead-partitions";
import { droppedLeadsSentence, keptSinceDay, leadNotFoundMessage } from "./retention";

const now = new Date("2026-12-06T09:00:00Z");

describe("LEAD_RETENTION_DAYS", () => {
  it("is unset (leads kept for ever) when absent or empty, as .env.example leaves it, and a whole number of days otherwise", () => {
    expect(parseEnv({}).LEAD_RETENTION_DAYS).toBeUndefined();
    expect(parseEnv({ LEAD_RETENTION_DAYS: "" }).LEAD_RETENTION_DAYS).toBeUndefined();
    expect(parseEnv({ LEAD_RETENTION_DAYS: "90" }).LEAD_RETENTION_DAYS).toBe(90);
    expect(() => parseEnv({ LEAD_RETENTION_DAYS: "0" })).toThrow(/LEAD_RETENTION_DAYS/);
    expect(() => parseEnv({ LEAD_RETENTION_DAYS: "1.5" })).toThrow(/LEAD_RETENTION_DAYS/);
  });

  it("keeps whole months: leads are surely kept from the start of the month holding now - N days", () => {
    // 90 days before 2026-12-06 is 2026-09-07: September is the oldest month kept, August may be dropped.
    expect(leadsKeptSince(90, now)?.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(keptSinceDay(90, now)).toBe("2026-09-01");
    expect(leadsKeptSince(undefined, now)).toBeNull();
    expect(droppedLeadsSentence(undefined, now)).toBeNull();
    expect(droppedLeadsSentence(90, now)).toMatch(/^Leads are kept 90 days: leads submitted before 2026-09-01 \(UTC\) may be no longer kept.*Report totals still count them\.$/);
  });

  it("names month partitions in UTC", () => {
    expect(partitionName(monthStart(new Date("2026-12-31T23:59:59Z")))).toBe("leads_2026_12");
    expect(partitionName(monthStart(new Date("2026-12-31T23:59:59Z"), 1))).toBe("leads_2027_01");
  });

  it("says a lead is no longer kept only when its id was made before the months kept", () => {
    const old = newId(new Date("2026-08-31T23:59:59Z").getTime());
    const kept = newId(new Date("2026-09-01T00:00:00Z").getTime());
    expect(leadNotFoundMessage(old, 90, now)).toBe("This lead is no longer kept: leads are kept 90 days (leads submitted before 2026-09-01, UTC, are deleted).");
    expect(leadNotFoundMessage(kept, 90, now)).toBe("Lead not found");
    expect(leadNotFoundMessage(old, undefined, now)).toBe("Lead not found");
    expect(leadNotFoundMessage("not-an-id", 90, now)).toBe("Lead not found");
  });
});
