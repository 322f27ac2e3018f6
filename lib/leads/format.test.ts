import { describe, expect, it } from "vitest";
import { contactLine, formatDateTime, formatDateTimeZoned, zoneName } from "./format";

describe("times with their zone named", () => {
  it("names the zone as it was at that moment, summer or winter", () => {
    expect(formatDateTimeZoned(new Date("2025-01-15T20:02:00Z"), "America/Chicago")).toBe("2025-01-15 14:02:00 CST");
    expect(formatDateTimeZoned(new Date("2025-07-15T19:02:00Z"), "America/Chicago")).toBe("2025-07-15 14:02:00 CDT");
    expect(formatDateTimeZoned(new Date("2025-07-15T19:02:00Z"), "UTC")).toBe("2025-07-15 19:02:00 UTC");
  });

  it("falls back to an offset where a zone has no common abbreviation", () => {
    expect(zoneName(new Date("2025-01-15T12:00:00Z"), "Asia/Kolkata")).toMatch(/^(GMT\+5:30|IST)$/);
  });

  it("keeps the plain sortable form for spreadsheets", () => {
    expect(formatDateTime(new Date("2025-01-15T20:02:00Z"), "America/Chicago")).toBe("2025-01-15 14:02:00");
  });
});

describe("a lead's contact line", () => {
  it("shows the name as sent, falling back to the search key for older leads", () => {
    expect(contactLine({ displayName: "Elizabeth Thomas", name: "elizabeth thomas", email: "e@x.com", phone: "5125550100" })).toBe("Elizabeth Thomas · e@x.com · 5125550100");
    expect(contactLine({ displayName: null, name: "elizabeth thomas", email: null, phone: null })).toBe("elizabeth thomas");
    expect(contactLine({ displayName: null, name: null, email: null, phone: "5125550100" })).toBe("5125550100");
  });
});
